using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Telemetry;

/// <summary>
/// The handoff metrics on CxCluster's meter, read with a <see cref="MeterListener"/> from a real two-silo cluster whose
/// offers expire after <see cref="OfferClusterFixture.OfferSeconds"/>: an offer nobody answers counts in
/// <c>cx.offers.expired</c>, and the assignment that follows records the conversation's wait in <c>cx.queue.wait</c>.
/// </summary>
[Collection(OfferClusterCollection.Name)]
public sealed class HandoffMetricsTests : IDisposable
{
    private readonly OfferClusterFixture fixture;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // A tenant of its own: the measurements of other tests' tenants are told apart by the tenant tag.
    private readonly string _tenant = $"t{Guid.NewGuid():N}";
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measured = new();
    private readonly MeterListener _listener = new();

    public HandoffMetricsTests(OfferClusterFixture fixture)
    {
        this.fixture = fixture;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CxTelemetry.MeterName && instrument.Name is "cx.queue.wait" or "cx.offers.expired" or "cx.events" or "cx.handoffs" or "cx.handoff.steps")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var kept = new Dictionary<string, object?>();
        foreach (var (key, tagValue) in tags)
        {
            kept[key] = tagValue;
        }
        _measured.Enqueue((instrument.Name, value, kept));
    }

    private (string Instrument, double Value, Dictionary<string, object?> Tags)[] Measured(string instrument) =>
        [.. _measured.Where(m => m.Instrument == instrument && (string?)m.Tags.GetValueOrDefault("tenant") == _tenant)];

    private async Task<IAgentGrain> Online(string id)
    {
        var agent = fixture.Grains.Agent(_tenant, id);
        await agent.Register(new AgentProfile { DisplayName = $"Agent {id}", Languages = ["en"], Channels = [Channel.Chat], Capacity = 1 });
        Assert.Null((await agent.SetStatus(AgentStatus.Available)).Refusal);
        return agent;
    }

    private static async Task<AgentOffer> OfferTo(IAgentGrain agent, string conversationId) =>
        (await Eventually.ReturnsAsync(async () => (await agent.GetOffers())!.SingleOrDefault(o => o.ConversationId == conversationId),
            offer => offer is not null, Patience, $"an offer of {conversationId}"))!;

    [Fact]
    public async Task An_expired_offer_counts_once_and_the_assignment_after_it_records_the_whole_wait_by_queue_and_reason()
    {
        var ana = await Online("ana");
        var conversation = fixture.Grains.Conversation(_tenant, "c1");
        await conversation.Apply(Started(Channel.Chat, "en-US"));
        var asked = DateTimeOffset.UtcNow;
        var handoff = (await conversation.Apply(Customer("I want to talk to a real person please"))).Result!.Directives
            .Single(d => d.Type == DirectiveType.Handoff).AsHandoff();
        Assert.Equal(HandoffStatus.Queued, handoff.Status);
        await OfferTo(ana, "c1");
        // Offered, not taken: nothing waited its way to an agent yet.
        Assert.Empty(Measured("cx.queue.wait"));

        // ana never answers: the offer expires, and the conversation goes to budi, who accepts.
        var budi = await Online("budi");
        var second = await OfferTo(budi, "c1");
        await Eventually.ReturnsAsync(() => Task.FromResult(Measured("cx.offers.expired")), m => m.Length > 0, Patience, "the expiry to be counted");
        Assert.Null((await budi.AcceptOffer(second.OfferId)).Refusal);
        var waits = await Eventually.ReturnsAsync(() => Task.FromResult(Measured("cx.queue.wait")), m => m.Length > 0, Patience, "the wait to be recorded");
        var waitedAtMost = (DateTimeOffset.UtcNow - asked).TotalSeconds;

        // Read again after the assignment: an expiry counted twice would show by now.
        var expiry = Assert.Single(Measured("cx.offers.expired"));
        Assert.Equal(1, expiry.Value);
        var wait = Assert.Single(waits);
        Assert.InRange(wait.Value, OfferClusterFixture.OfferSeconds - 0.1, waitedAtMost + 0.1);
        var queue = Assert.IsType<string>(wait.Tags["queue"]);
        Assert.False(string.IsNullOrEmpty(queue));
        Assert.Equal(queue, expiry.Tags["queue"]);
        Assert.Equal(handoff.Reason, wait.Tags["reason"]);

        // The event, handoff and step counts are told apart by tenant too.
        Assert.Equal(
            ["conversation.started/accepted", "customer.message/accepted"],
            Measured("cx.events").Select(m => $"{m.Tags["type"]}/{m.Tags["outcome"]}").Order(StringComparer.Ordinal));
        var requested = Assert.Single(Measured("cx.handoffs"));
        Assert.Equal((handoff.Reason, "queued"), (requested.Tags["reason"], requested.Tags["placement"]));
        var steps = Measured("cx.handoff.steps").Select(m => (string)m.Tags["step"]!).ToArray();
        Assert.Equal(2, steps.Count(s => s == "offered"));
        Assert.Contains("expired", steps);
        Assert.Contains("accepted", steps);
    }
}
