using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CxCluster.Grains.Webhooks;
using CxCluster.TestSupport.Webhooks;
using Xunit.Abstractions;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// Webhooks on real PostgreSQL with real silo processes: a silo killed outright while it delivers (one that holds a
/// dispatcher of the endpoint at that moment, whose dispatchers then run again on the other), and then the receiver
/// down for a while, lose no fact. Every fact recorded after the endpoint's creation arrives at least once, signed, and
/// each conversation's facts are first accepted in seq order.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class WebhookCrashTests(ITestOutputHelper output)
{
    private const int Conversations = 12;
    private const string WebhookId = "durable";
    private const int Partitions = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>A fast schedule, frequent saves and reminders, and http to the test's loopback receiver.</summary>
    private static readonly Dictionary<string, string?> WebhookSettings = new()
    {
        ["Webhooks:AllowLoopbackHttp"] = "true",
        ["Webhooks:RetrySeconds:0"] = "0.2",
        ["Webhooks:RetrySeconds:1"] = "1",
        ["Webhooks:GiveUpSeconds"] = "600",
        ["Webhooks:TimeoutSeconds"] = "2",
        ["Webhooks:SaveMilliseconds"] = "200",
        ["Webhooks:ReminderSeconds"] = "2",
        ["Webhooks:Partitions"] = Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_silo_killed_mid_delivery_and_a_receiver_down_for_a_while_lose_no_fact()
    {
        var accepted = new ConcurrentQueue<ReceivedDelivery>();
        var port = FreePorts.One();
        var receiver = await StartReceiver(port, accepted);
        await using var cluster = await ProcessCluster.StartAsync("webhooks", silos: 2, WebhookSettings);
        using var platform = new HttpPlatform(cluster.CreateClient(TimeSpan.FromSeconds(45)), new RequestJournal());
        var secret = WebhookSignature.NewSecret();
        try
        {
            var created = await platform.SendAsync("webhook put", HttpMethod.Put, $"/v1/webhooks/{WebhookId}",
                new JsonObject { ["url"] = receiver.Url(), ["secret"] = secret }.ToJsonString());
            Assert.Equal(200, created.Status);

            // Which silo runs which dispatcher is asked of the silos' own catalogs, through a client of the cluster.
            await using var client = await cluster.StartClientAsync(TimeSpan.FromSeconds(10));
            var dispatchers = Enumerable.Range(0, Partitions)
                .Select(p => client.Grains.WebhookDispatcher(ProcessCluster.Tenant, WebhookId, p).GetGrainId()).ToHashSet();
            var silos = (await client.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys.ToArray();
            Assert.Equal(cluster.RunningSilos.Select(s => s.SiloPort!.Value).Order(), silos.Select(s => s.Endpoint.Port).Order());
            await Eventually.ReturnsAsync(() => DispatcherHostsAsync(client.Grains, dispatchers, silos),
                hosts => dispatchers.SetEquals(hosts.Select(h => h.Dispatcher)), Patience, $"all {Partitions} dispatchers active");

            var conversations = Enumerable.Range(0, Conversations).Select(i => platform.Begin($"durable-{i}", "en-US")).ToList();
            var playing = Task.WhenAll(conversations.Select(c => Play(platform, c, rounds: 6)));
            await Eventually.HoldsAsync(() => Task.FromResult(accepted.Count >= 40), Patience, "40 facts accepted before the kill");

            // The victim is the silo that holds the most dispatchers at this moment: at least one, so it dies delivering.
            var hosts = await DispatcherHostsAsync(client.Grains, dispatchers, silos);
            var (victim, held) = cluster.RunningSilos
                .Select(silo => (Silo: silo, Held: hosts.Where(h => h.Silo.Endpoint.Port == silo.SiloPort).Select(h => h.Dispatcher).ToList()))
                .MaxBy(v => v.Held.Count);
            Assert.NotEmpty(held);
            ProcessCluster.Kill(victim);
            output.WriteLine($"SIGKILL {victim.Name}, which held dispatchers {string.Join(", ", held.Select(d => d.Key))}, after {accepted.Count} acceptances");

            // Its dispatchers run again on the silo that is left (their reminders bring them back).
            var survivors = silos.Where(s => s.Endpoint.Port != victim.SiloPort).ToArray();
            Assert.NotEmpty(survivors);
            await Eventually.HoldsAsync(async () =>
            {
                try
                {
                    var now = await DispatcherHostsAsync(client.Grains, dispatchers, survivors);
                    return held.All(d => now.Any(h => h.Dispatcher == d));
                }
                catch (Exception e)
                {
                    // The client's gateway may have been the victim: its calls fail until it moves to the other.
                    output.WriteLine($"asking the survivors failed: {e.GetType().Name}: {e.Message}");
                    return false;
                }
            }, Patience, $"dispatchers {string.Join(", ", held.Select(d => d.Key))} active again on a survivor");
            output.WriteLine($"dispatchers of {victim.Name} active again after {accepted.Count} acceptances");
            await playing;

            // The receiver goes away while more facts are recorded, and comes back on the same port.
            await receiver.DisposeAsync();
            output.WriteLine($"receiver down after {accepted.Count} acceptances");
            await Task.WhenAll(conversations.Select(c => Play(platform, c, rounds: 2)));
            receiver = await StartReceiver(port, accepted);
            output.WriteLine("receiver back");

            var expected = new HashSet<string>();
            foreach (var conversation in conversations)
            {
                var snapshot = await platform.SendAsync("snapshot", HttpMethod.Get, $"/v1/conversations/{conversation.Id}", null);
                var version = snapshot.Json.GetProperty("version").GetInt64();
                for (var seq = 1; seq <= version; seq++)
                {
                    expected.Add($"c:{conversation.Id}:{seq}");
                }
            }
            await Eventually.HoldsAsync(() => Task.FromResult(expected.IsSubsetOf(accepted.Select(d => d.Id!))), Patience,
                $"all {expected.Count} facts accepted");

            var deliveries = accepted.ToList();
            output.WriteLine($"{expected.Count} facts, {deliveries.Count} acceptances ({deliveries.Count - deliveries.Select(d => d.Id).Distinct().Count()} duplicates)");
            var key = WebhookSignature.KeyOf(secret)!;
            Assert.All(deliveries, d => Assert.True(
                d.IsSignedWith(key, TimeSpan.FromMinutes(10)), d.Id));
            foreach (var conversation in deliveries.GroupBy(d => d.ConversationId))
            {
                var firstAcceptances = conversation.GroupBy(d => d.Id).Select(g => g.First().Seq).ToList();
                Assert.Equal(Enumerable.Range(1, firstAcceptances.Count).Select(i => (long)i), firstAcceptances);
            }
            Assert.Empty(platform.Violations);
        }
        catch
        {
            cluster.KeepLogs = true;
            output.WriteLine(cluster.Describe());
            throw;
        }
        finally
        {
            await receiver.DisposeAsync();
        }
    }

    /// <summary>Each activation of one of <paramref name="dispatchers"/> in the catalog of one of <paramref name="silos"/>.</summary>
    private static async Task<List<(GrainId Dispatcher, SiloAddress Silo)>> DispatcherHostsAsync(
        IClusterClient grains, IReadOnlySet<GrainId> dispatchers, SiloAddress[] silos)
    {
        var activations = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(hostsIds: silos);
        return [.. activations.Where(a => dispatchers.Contains(a.GrainId)).Select(a => (a.GrainId, a.SiloAddress))];
    }

    private static async Task<WebhookReceiver> StartReceiver(int port, ConcurrentQueue<ReceivedDelivery> accepted)
    {
        var receiver = await WebhookReceiver.StartAsync(port);
        receiver.Answer = d =>
        {
            accepted.Enqueue(d);
            // Slow enough that every conversation has a delivery in flight when the silo dies.
            return new ReceiverAnswer(200, Delay: TimeSpan.FromMilliseconds(100));
        };
        return receiver;
    }

    /// <summary>Starts the conversation if it is new, then plays rounds of a customer message and an AI answer.</summary>
    private static async Task Play(HttpPlatform platform, PlayedConversation conversation, int rounds)
    {
        if (conversation.Turns.Count == 0 && !conversation.AnyDisclosed)
        {
            await platform.EventAsync(conversation, "conversation.started", e => { e["channel"] = "chat"; e["locale"] = "en-US"; });
            await platform.DeliverDisclosuresAsync(conversation);
        }
        for (var round = 0; round < rounds; round++)
        {
            await platform.EventAsync(conversation, "customer.message", e => e["text"] = $"where is my parcel, part {round}?");
            await platform.EventAsync(conversation, "ai.message", e => e["text"] = "It is on its way.");
        }
    }
}
