using System.Diagnostics;

namespace CxCluster.Abstractions;

/// <summary>
/// The names under which CxCluster publishes its own metrics and traces, and the source of its spans. A span costs
/// nothing while nobody listens: <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> answers null then,
/// and every tag is set only on a span that exists.
/// </summary>
public static class CxTelemetry
{
    public const string MeterName = "CxCluster";

    public const string ActivitySourceName = "CxCluster";

    /// <summary>The source of every CxCluster span (names below); immutable, shared by every host of a process.</summary>
    public static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>The API received one event (<c>POST /v1/conversations/{id}/events</c>).</summary>
    public const string EventSpan = "cx.event";

    /// <summary>The API received a batch of events (<c>POST /v1/events:batch</c>).</summary>
    public const string BatchSpan = "cx.event.batch";

    /// <summary>A conversation grain applies one event, or the events of a batch for it, in its silo.</summary>
    public const string ApplySpan = "cx.conversation.apply";

    /// <summary>A conversation appends the facts and answer of what it decided to the journal and waits until they are durable.</summary>
    public const string AppendSpan = "cx.journal.append";

    /// <summary>The journal commits a group of appends in one transaction; it links to each append's span.</summary>
    public const string CommitSpan = "cx.journal.commit";

    /// <summary>A pool takes a conversation's handoff request and gives it to an agent if one can take it.</summary>
    public const string PoolRequestSpan = "cx.pool.request";

    /// <summary>A pool asks one agent to take (or be offered) the conversation at the head of its queue.</summary>
    public const string PoolOfferSpan = "cx.pool.offer";

    /// <summary>An agent claims a waiting conversation from a pool.</summary>
    public const string PoolClaimSpan = "cx.pool.claim";

    /// <summary>An agent grain is asked to take a conversation, or to hold an offer of it.</summary>
    public const string AgentOfferSpan = "cx.agent.offer";

    /// <summary>Tag: the type of the exception a failed span ended with (OpenTelemetry's <c>error.type</c>).</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>
    /// Marks <paramref name="span"/> as failed by <paramref name="error"/>: status <see cref="ActivityStatusCode.Error"/>
    /// described by the exception's type, never its message (which may carry what a customer wrote), and the type's full
    /// name as <see cref="ErrorTypeTag"/>. Answers false, so it sits in an exception filter that catches nothing:
    /// <c>catch (Exception e) when (span.Failed(e)) { throw; }</c> marks the span while it is still open.
    /// </summary>
    public static bool Failed(this Activity? span, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            span.SetTag(ErrorTypeTag, error.GetType().FullName);
        }
        return false;
    }

    /// <summary>Tag: the tenant's id.</summary>
    public const string TenantTag = "cx.tenant";

    /// <summary>Tag: the conversation's id, as the platform named it (never a customer's name or words).</summary>
    public const string ConversationTag = "cx.conversation";

    /// <summary>Tag: the event's type (<c>customer.message</c>...).</summary>
    public const string EventTypeTag = "cx.event.type";

    /// <summary>Tag: how many events a batch or a call carried.</summary>
    public const string EventCountTag = "cx.events";

    /// <summary>Tag: how an event ended: accepted, duplicate, refused.</summary>
    public const string OutcomeTag = "cx.outcome";

    /// <summary>Tag: a pool (queue) name.</summary>
    public const string PoolTag = "cx.pool";

    /// <summary>Tag: why a handoff was asked for.</summary>
    public const string ReasonTag = "cx.handoff.reason";

    /// <summary>Tag: an agent's id.</summary>
    public const string AgentTag = "cx.agent";

    /// <summary>Tag: the facts an append carried, or the appends a commit grouped.</summary>
    public const string CountTag = "cx.count";
}
