using CxCluster.Abstractions.Webhooks;
using CxCluster.Grains.Journal;
using CxCluster.TestSupport.Hosting;
using CxCluster.TestSupport.Webhooks;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>A dispatcher that may hold only three facts: it stops reading while they wait, and still delivers every fact in order.</summary>
public sealed class WebhookBackpressureTests : IAsyncLifetime
{
    private const int QueueLimit = 3;
    private const string Tenant = "pressed";
    private readonly MemoryFactJournal _journal = new();
    private InProcessTestCluster _cluster = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopbackHttp"] = "true",
            ["Webhooks:Partitions"] = "1",
            ["Webhooks:Concurrency"] = "2",
            ["Webhooks:QueueLimit"] = QueueLimit.ToString(),
        }).Build();
        _cluster = await InProcessCluster.StartAsync(1, configuration, journal: _journal);
        _receiver = await WebhookReceiver.StartAsync();
        _receiver.Answer = _ => new ReceiverAnswer(200, Delay: TimeSpan.FromMilliseconds(40));
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await ClusterStop.StopAsync(_cluster);
    }

    [Fact]
    public async Task A_full_queue_stops_reading_and_every_fact_still_arrives_in_order()
    {
        var grains = _cluster.Client;
        Assert.Null((await grains.Webhooks(Tenant).Put("slow", new WebhookSpec { Url = _receiver.Url() })).Refusal);
        foreach (var i in Enumerable.Range(0, 6))
        {
            var conversation = grains.Conversation(Tenant, $"p-{i}");
            await conversation.Apply(ConversationEvents.Started());
            await conversation.Apply(ConversationEvents.Customer("where is my parcel?"));
        }
        var facts = (await _journal.ReadTenantAsync(Tenant, 0, 10_000)).Select(CxCluster.Grains.Push.FactWire.Project).OfType<Abstractions.Push.PushedFact>().ToList();
        Assert.True(facts.Count > 4 * QueueLimit);

        var held = new List<int>();
        await Eventually.HoldsAsync(async () =>
        {
            held.Add((await grains.WebhookDispatcher(Tenant, "slow", 0).Progress()).Pending);
            return facts.All(f => _receiver.Accepted.Any(d => d.Id == f.Id));
        }, TimeSpan.FromSeconds(30), $"all {facts.Count} facts accepted");

        Assert.All(held, pending => Assert.InRange(pending, 0, QueueLimit));
        Assert.Contains(held, pending => pending > 0);
        Assert.Equal(facts.Count, _receiver.Accepted.Count);
        foreach (var conversation in _receiver.Accepted.GroupBy(d => d.ConversationId))
        {
            Assert.Equal(Enumerable.Range(1, conversation.Count()).Select(i => (long)i), conversation.Select(d => d.Seq));
        }
    }
}
