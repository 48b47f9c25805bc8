using System.Collections.Concurrent;
using System.Diagnostics;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Tests.Handoffs;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Telemetry;

/// <summary>
/// A step that fails ends its span with status Error and the exception's type as <c>error.type</c>, never its message;
/// the steps that succeeded before it stay unset. The silo fails the call at an armed step, as if it died there.
/// </summary>
[Collection(SpanListenerCollection.Name)]
public sealed class FailedSpanTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == CxTelemetry.ActivitySourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public FailedSpanTests()
    {
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task An_event_cut_off_after_its_facts_were_appended_ends_its_apply_span_as_failed_and_its_append_span_as_it_was()
    {
        await using var cluster = await CrashCluster.StartAsync(CrashPoint.ConversationFactsAppended);
        var conversationId = $"c{Guid.NewGuid():N}";

        await Assert.ThrowsAnyAsync<Exception>(() => cluster.Conversation(conversationId).Apply(Started(Channel.Chat, "id-ID")).AsTask());

        var apply = await Stopped(CxTelemetry.ApplySpan, conversationId);
        Assert.Equal(ActivityStatusCode.Error, apply.Status);
        Assert.Equal(nameof(InjectedCrashException), apply.StatusDescription);
        Assert.Equal(typeof(InjectedCrashException).FullName, apply.GetTagItem(CxTelemetry.ErrorTypeTag));
        Assert.DoesNotContain(apply.TagObjects, t => t.Value is string text && text.Contains("Injected crash", StringComparison.Ordinal));
        var append = await Stopped(CxTelemetry.AppendSpan, conversationId);
        Assert.Equal(ActivityStatusCode.Unset, append.Status);
        Assert.Null(append.GetTagItem(CxTelemetry.ErrorTypeTag));

        // The retry answers, and its span is not marked.
        await CrashCluster.Retry(() => cluster.Conversation(conversationId).Apply(Started(Channel.Chat, "id-ID")));
        Assert.Contains(_stopped, a => a.OperationName == CxTelemetry.ApplySpan
            && (string?)a.GetTagItem(CxTelemetry.ConversationTag) == conversationId && a.Status == ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task A_pool_whose_offer_is_cut_off_after_the_agent_took_it_ends_its_offer_span_as_failed()
    {
        await using var cluster = await CrashCluster.StartAsync(CrashPoint.PoolOfferAccepted);
        var agent = cluster.Agent("a1");
        await agent.Register(new AgentProfile { DisplayName = "Agent a1", Languages = ["id"], Channels = [Channel.Chat], Capacity = 1 });
        await agent.SetStatus(AgentStatus.Available);
        var conversationId = $"c{Guid.NewGuid():N}";
        var conversation = cluster.Conversation(conversationId);
        await conversation.Apply(Started(Channel.Chat, "id-ID"));

        await Assert.ThrowsAnyAsync<Exception>(() => conversation.Apply(Customer("saya mau bicara dengan CS dong")).AsTask());

        var offer = await Stopped(CxTelemetry.PoolOfferSpan, conversationId);
        Assert.Equal(ActivityStatusCode.Error, offer.Status);
        Assert.Equal(typeof(InjectedCrashException).FullName, offer.GetTagItem(CxTelemetry.ErrorTypeTag));
        var taken = await Stopped(CxTelemetry.AgentOfferSpan, conversationId);
        Assert.Equal(ActivityStatusCode.Unset, taken.Status);
    }

    private Task<Activity> Stopped(string name, string conversationId) =>
        Eventually.ReturnsAsync(
            () => Task.FromResult(_stopped.FirstOrDefault(a => a.OperationName == name
                && (string?)a.GetTagItem(CxTelemetry.ConversationTag) == conversationId)!),
            a => a is not null, TimeSpan.FromSeconds(20), $"a {name} span of the conversation");
}
