using System.Net;
using System.Collections.Concurrent;
using CxCluster.Abstractions.Webhooks;
using CxCluster.TestSupport.Hosting;
using CxCluster.TestSupport.Webhooks;
using Npgsql;
using Orleans.TestingHost;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>
/// Webhooks while PostgreSQL goes away and comes back (every connection cut, new ones refused, as a database restart
/// looks to the cluster): deliveries pause and go on, and every fact arrives, in seq order per conversation.
/// </summary>
public sealed class WebhookDatabaseOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly Dictionary<string, string?> WebhookSettings = new()
    {
        ["Webhooks:AllowLoopbackHttp"] = "true",
        ["Webhooks:RetrySeconds:0"] = "0.2",
        ["Webhooks:RetrySeconds:1"] = "1",
        ["Webhooks:GiveUpSeconds"] = "600",
        ["Webhooks:SaveMilliseconds"] = "100",
        ["Webhooks:ReminderSeconds"] = "2",
    };

    private PostgresDatabase _database = null!;
    private TcpProxy _proxy = null!;
    private TestCluster _cluster = null!;
    private WebhookReceiver _receiver = null!;
    private readonly ConcurrentQueue<ReceivedDelivery> _accepted = new();

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        var target = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        _proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, target.Port), FreePorts.One());
        _proxy.Start();
        var viaProxy = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = _proxy.Port }.ConnectionString;
        _cluster = await DurableCluster.StartAsync(viaProxy, silos: 2, WebhookSettings);
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _proxy.Start();
        await _receiver.DisposeAsync();
        await ClusterStop.StopAsync(_cluster);
        await _proxy.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_database_outage_during_delivery_loses_no_fact()
    {
        var grains = _cluster.Client;
        var accepting = false;
        _receiver.Answer = d =>
        {
            if (!Volatile.Read(ref accepting))
            {
                return new ReceiverAnswer(503);
            }
            _accepted.Enqueue(d);
            return new ReceiverAnswer(200, Delay: TimeSpan.FromMilliseconds(20));
        };
        var registered = await grains.Webhooks(DurableCluster.Tenant).Put("outage", new WebhookSpec { Url = _receiver.Url() });
        Assert.Null(registered.Refusal);
        var conversations = Enumerable.Range(0, 8).Select(i => $"outage-{i}").ToList();
        await Task.WhenAll(conversations.Select(c => Play(grains, c, "before")));
        var before = await RecordedFacts.IdsAsync(grains, DurableCluster.Tenant, conversations);
        // Every dispatcher has read every fact so far (the receiver refuses them all meanwhile).
        // The tenant's last position (a stream's cursor is that position as readers see it, not comparable with it).
        var head = await _database.ScalarAsync<long>(
            "SELECT coalesce(max(position), 0) FROM cx_journal_fact WHERE tenant_id = @tenant", ("tenant", DurableCluster.Tenant));
        await Eventually.HoldsAsync(async () =>
        {
            var progress = await Task.WhenAll(Enumerable.Range(0, 4).Select(p => grains.WebhookDispatcher(DurableCluster.Tenant, "outage", p).Progress()));
            return progress.All(p => p.ReadPosition >= head);
        }, Patience, "every dispatcher to have read up to the tenant's head");

        _proxy.Stop();
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                await grains.Conversation(DurableCluster.Tenant, "outage-probe").Apply(ConversationEvents.Started());
                return false;
            }
            catch (Exception)
            {
                return true;
            }
        }, Patience, "an append to fail while the database is away");
        // While the database is away the dispatchers deliver what they hold; saving their progress fails meanwhile.
        Volatile.Write(ref accepting, true);
        // On a timeout the message tells what each dispatcher was doing, so a rare failure says where it stopped.
        await Eventually.ReturnsAsync(() => Missing(grains, before), m => m.Count == 0, Patience,
            $"the {before.Count} facts read before the outage accepted during it");
        _proxy.Start();

        await Task.WhenAll(conversations.Select(c => Play(grains, c, "after")));
        var expected = await RecordedFacts.IdsAsync(grains, DurableCluster.Tenant, conversations.Append("outage-probe"));
        await Eventually.HoldsAsync(() => Task.FromResult(expected.IsSubsetOf(_accepted.Select(d => d.Id!))), Patience,
            $"all {expected.Count} facts accepted");

        foreach (var conversation in _accepted.GroupBy(d => d.ConversationId))
        {
            var firstAcceptances = conversation.GroupBy(d => d.Id).Select(g => g.First().Seq).ToList();
            Assert.Equal(Enumerable.Range(1, firstAcceptances.Count).Select(i => (long)i), firstAcceptances);
        }
    }

    /// <summary>How many of <paramref name="expected"/> were not accepted yet, and what every dispatcher reports meanwhile.</summary>
    private async Task<MissingFacts> Missing(IGrainFactory grains, IReadOnlySet<string> expected)
    {
        var missing = expected.Except(_accepted.Select(d => d.Id!)).Count();
        if (missing == 0)
        {
            return new MissingFacts(0, "");
        }
        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(async p =>
        {
            try
            {
                var progress = await grains.WebhookDispatcher(DurableCluster.Tenant, "outage", p).Progress().WaitAsync(TimeSpan.FromSeconds(5));
                return $"partition {p}: running {progress.Running}, read at {progress.ReadPosition}, pending {progress.Pending}, in flight {progress.InFlight}, failures {progress.Failures}";
            }
            catch (Exception e)
            {
                return $"partition {p}: unreachable ({e.GetType().Name}: {e.GetBaseException().Message})";
            }
        }));
        var silos = string.Join(", ", _cluster.Silos.Select(s => $"{s.SiloAddress} {(s.IsActive ? "active" : "stopped")}"));
        return new MissingFacts(missing, $"{string.Join("; ", reports)}; silos: {silos}; {_accepted.Count} deliveries accepted");
    }

    private sealed record MissingFacts(int Count, string Dispatchers)
    {
        public override string ToString() => $"{Count} missing; {Dispatchers}";
    }

    private static async Task Play(IGrainFactory grains, string conversationId, string phase)
    {
        var conversation = grains.Conversation(DurableCluster.Tenant, conversationId);
        if (phase == "before")
        {
            Assert.Null((await conversation.Apply(ConversationEvents.Started())).Refusal);
        }
        foreach (var text in new[] { $"{phase}: where is my parcel?", $"{phase}: thank you" })
        {
            Assert.Null((await conversation.Apply(ConversationEvents.Customer(text))).Refusal);
        }
    }
}
