using System.Collections.Concurrent;
using System.Diagnostics;
using CxCluster.Abstractions;
using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Telemetry;

/// <summary>
/// An event's spans over the real API and two real silos: the API's span, the conversation's in its silo, the
/// journal's append, and the pool's and the agent's, in one trace, each a descendant of the one before. The API
/// reaches the silos only through the cluster's gateway (TCP), so the trace gets there only in the grain calls'
/// messages (Orleans' activity propagation).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EventTraceTests : IDisposable
{
    private readonly ClusterFixture cluster;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new();

    private ApiClient Acme => cluster.Acme;

    public EventTraceTests(ClusterFixture cluster)
    {
        this.cluster = cluster;
        _listener.ShouldListenTo = source => source.Name == CxTelemetry.ActivitySourceName
            || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
            || source.Name == "Microsoft.AspNetCore";
        _listener.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task One_event_that_hands_off_is_one_trace_from_the_api_through_the_conversation_and_journal_to_the_pool_and_agent()
    {
        // A language no other test's conversations use, so this agent takes this conversation and no other.
        var agentId = Ids.New("agent");
        await Acme.RegisterAgentAsync(agentId, "Tari", ["ts"], ["chat"], 1);
        await Acme.SetAgentStatusAsync(agentId, "available");
        var conversationId = Ids.New("traced");
        await Acme.SendAsync(conversationId, Events.Started("e1", "chat", "ts-ZA"));

        var result = await Acme.SendAsync(conversationId, Events.Customer("e2", "I want to talk to a human agent please"));

        Assert.Equal(agentId, result.Directive("handoff").Text("agentId"));
        var api = await Eventually.ReturnsAsync(
            () => Task.FromResult(_stopped.FirstOrDefault(a => a.OperationName == CxTelemetry.EventSpan
                && Tag(a, CxTelemetry.ConversationTag) == conversationId && Tag(a, CxTelemetry.EventTypeTag) == "customer.message")),
            a => a is not null, Patience, "the API's span of the event");
        Assert.Equal(CxTelemetry.ActivitySourceName, api!.Source.Name);
        Assert.Equal("acme", Tag(api, CxTelemetry.TenantTag));
        Assert.Equal("accepted", Tag(api, CxTelemetry.OutcomeTag));

        // Every span of the path is in the API span's trace.
        var apply = await Span(api.TraceId, CxTelemetry.ApplySpan);
        var append = await Span(api.TraceId, CxTelemetry.AppendSpan, a => Tag(a, CxTelemetry.ConversationTag) == conversationId);
        var request = await Span(api.TraceId, CxTelemetry.PoolRequestSpan);
        var offer = await Span(api.TraceId, CxTelemetry.PoolOfferSpan);
        var agent = await Span(api.TraceId, CxTelemetry.AgentOfferSpan);
        var agentAppend = await Span(api.TraceId, CxTelemetry.AppendSpan, a => Tag(a, CxTelemetry.AgentTag) == agentId);
        var poolAppend = await Span(api.TraceId, CxTelemetry.AppendSpan, a => Tag(a, CxTelemetry.PoolTag) == Tag(request, CxTelemetry.PoolTag));
        var trace = _stopped.Where(a => a.TraceId == api.TraceId).ToDictionary(a => a.SpanId);

        // Each is a descendant of the step before it, nearest of our spans first.
        Assert.Same(api, NearestOurs(apply, trace));
        Assert.Same(apply, NearestOurs(append, trace));
        Assert.Same(apply, NearestOurs(request, trace));
        Assert.Same(request, NearestOurs(offer, trace));
        Assert.Same(offer, NearestOurs(agent, trace));
        // The agent's and the pool's own records are appended within their steps.
        Assert.Same(agent, NearestOurs(agentAppend, trace));
        Assert.Contains(NearestOurs(poolAppend, trace), new[] { request, offer });

        // Between the API and the grain, and between grains, the parent came in the call: Orleans' spans of the call
        // sit in between, and its server span in the silo has the caller's context as its parent.
        Assert.NotEqual(api.SpanId, apply.ParentSpanId);
        Assert.Contains(Chain(apply, trace).TakeWhile(a => a != api), a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && a.Kind == ActivityKind.Server);
        Assert.Contains(Chain(request, trace).TakeWhile(a => a != apply), a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && a.Kind == ActivityKind.Server);
        Assert.Contains(Chain(agent, trace).TakeWhile(a => a != offer), a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && a.Kind == ActivityKind.Server);

        // Tags name the tenant, the conversation, the pool and the agent: ids, never anything the customer wrote.
        Assert.Equal(conversationId, Tag(apply, CxTelemetry.ConversationTag));
        Assert.Equal("customer.message", Tag(apply, CxTelemetry.EventTypeTag));
        Assert.Equal("acme", Tag(request, CxTelemetry.TenantTag));
        Assert.False(string.IsNullOrEmpty(Tag(request, CxTelemetry.PoolTag)));
        Assert.False(string.IsNullOrEmpty(Tag(request, CxTelemetry.ReasonTag)));
        Assert.Equal(agentId, Tag(agent, CxTelemetry.AgentTag));
        foreach (var span in new[] { api, apply, append, request, offer, agent, agentAppend, poolAppend })
        {
            Assert.DoesNotContain(span.TagObjects, t => t.Value is string text && text.Contains("human agent", StringComparison.Ordinal));
        }

        await Acme.SetAgentStatusAsync(agentId, "offline");
    }

    private Task<Activity> Span(ActivityTraceId trace, string name, Func<Activity, bool>? which = null) =>
        Eventually.ReturnsAsync(
            () => Task.FromResult(_stopped.FirstOrDefault(a => a.TraceId == trace && a.OperationName == name && (which is null || which(a)))!),
            a => a is not null, Patience, $"a {name} span in the event's trace");

    private static string? Tag(Activity activity, string name) => activity.GetTagItem(name)?.ToString();

    /// <summary>The span's ancestors, parent first, as far as the trace's recorded spans go.</summary>
    private static IEnumerable<Activity> Chain(Activity span, IReadOnlyDictionary<ActivitySpanId, Activity> trace)
    {
        var at = span;
        while (at.ParentSpanId != default && trace.TryGetValue(at.ParentSpanId, out var parent))
        {
            yield return parent;
            at = parent;
        }
    }

    private static Activity? NearestOurs(Activity span, IReadOnlyDictionary<ActivitySpanId, Activity> trace) =>
        Chain(span, trace).FirstOrDefault(a => a.Source.Name == CxTelemetry.ActivitySourceName);
}
