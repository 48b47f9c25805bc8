using System.Text.Json.Serialization;
using CxCluster.Api.Conversations;

namespace CxCluster.Api.Agents;

/// <summary>
/// The context packet of <c>GET /v1/agents/{agentId}/conversations/{conversationId}/context</c>: why, how urgent,
/// how long the customer waited, the disclosure, trust, a summary and the redacted transcript.
/// </summary>
public sealed record ContextJson(
    string ConversationId,
    string HandoffId,
    string Reason,
    int Priority,
    string Channel,
    string Locale,
    string? CustomerId,
    int WaitedSeconds,
    ContextDisclosureJson Disclosure,
    ContextTrustJson Trust,
    ContextSummaryJson Summary,
    IReadOnlyList<TranscriptTurnJson> Transcript,
    IReadOnlyDictionary<string, string>? Attributes)
{
    public static ContextJson Of(HandoffContext context) => new(
        context.ConversationId,
        context.HandoffId,
        context.Reason,
        context.Priority,
        context.Channel.Name(),
        context.Locale,
        context.CustomerId,
        context.WaitedSeconds,
        new ContextDisclosureJson(context.Disclosure.Delivered, context.Disclosure.DeliveredAt?.UtcDateTime, context.Disclosure.Channel?.Name()),
        ContextTrustJson.Of(context.Trust),
        ContextSummaryJson.Of(context.Summary),
        context.Transcript.Select(TranscriptTurnJson.Of).ToList(),
        context.Attributes);
}

/// <summary>Whether the disclosure in force was delivered on the current channel, when, and on which channel it was issued.</summary>
public sealed record ContextDisclosureJson(bool Delivered, DateTime? DeliveredAt, string? Channel);

/// <summary>The trust score (0–100) now, its course, and the strongest penalties first.</summary>
public sealed record ContextTrustJson(int Score, string Band, IReadOnlyList<TrustPointJson> Trajectory, IReadOnlyList<TrustSignalJson> Signals)
{
    public static ContextTrustJson Of(ContextTrust trust) => new(
        trust.Score,
        trust.Band.Name(),
        trust.Trajectory.Select(p => new TrustPointJson(p.At.UtcDateTime, p.Score)).ToList(),
        trust.Signals.Select(TrustSignalJson.Of).ToList());
}

/// <summary>The trust score at one moment.</summary>
public sealed record TrustPointJson(DateTime At, int Score);

/// <summary>The conversation in a few numbers and words; the messages redacted.</summary>
public sealed record ContextSummaryJson(
    int CustomerMessages,
    int AiMessages,
    DateTime FirstContactAt,
    // Always written, as null when the customer wrote nothing (or their words were erased).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastCustomerMessage,
    string? RepeatedMessage,
    int IdentityQuestions)
{
    public static ContextSummaryJson Of(ContextSummary summary) => new(
        summary.CustomerMessages,
        summary.AiMessages,
        summary.FirstContactAt.UtcDateTime,
        summary.LastCustomerMessage,
        summary.RepeatedMessage,
        summary.IdentityQuestions);
}
