using System.Collections.Concurrent;
using System.Text.Json;
using CxCluster.Abstractions.Push;
using CxCluster.Abstractions.Webhooks;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Push;
using CxCluster.TestSupport.Hosting;
using CxCluster.TestSupport.Webhooks;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>
/// A receiver that answers one conversation's facts (or several, more than the dispatcher has slots) only just within the
/// attempt's 10 s: nothing else waits for it, not the endpoint's other conversations (one dispatcher serves them all
/// here), another endpoint or another tenant.
/// </summary>
public sealed class WebhookSlowReceiverTests : IAsyncLifetime
{
    private const string Tenant = "unhurried";
    private const string OtherTenant = "elsewhere";
    private static readonly TimeSpan Slowly = TimeSpan.FromSeconds(9.9);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly MemoryFactJournal _journal = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Routing:OfferTimeoutSeconds"] = "0",
            ["Routing:FirstReplySeconds"] = "0",
            ["Webhooks:AllowLoopbackHttp"] = "true",
            ["Webhooks:TimeoutSeconds"] = "10",
            ["Webhooks:Partitions"] = "1",
            // Fewer slots than slow conversations in the test that needs it.
            ["Webhooks:Concurrency"] = "2",
        }).Build();
        _cluster = await InProcessCluster.StartAsync(1, configuration, journal: _journal);
    }

    public async Task DisposeAsync() => await ClusterStop.StopAsync(_cluster);

    private async Task<List<PushedFact>> FactsOf(string tenant) =>
        [.. (await _journal.ReadTenantAsync(tenant, 0, 10_000)).Select(FactWire.Project).OfType<PushedFact>()];

    [Fact]
    public async Task A_receiver_answering_one_conversation_only_just_in_time_holds_back_no_other_conversation_endpoint_or_tenant()
    {
        var grains = _cluster.Client;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowAnswered = 0;
        var accepted = new ConcurrentQueue<(string Conversation, string Id, long Seq)>();
        await using var unhurried = new RawReceiver(async x =>
        {
            while (true)
            {
                using var document = JsonDocument.Parse(x.RequestBody);
                var fact = document.RootElement;
                var conversation = fact.TryGetProperty("conversationId", out var c) ? c.GetString() ?? "" : "";
                if (conversation == "slow")
                {
                    slowArrived.TrySetResult();
                    await Task.WhenAny(release.Task, Task.Delay(Slowly, x.Stopping));
                    Interlocked.Exchange(ref slowAnswered, 1);
                }
                // Noted before the answer goes: once it has, the next fact may come on another connection and be noted first.
                accepted.Enqueue((conversation, fact.GetProperty("id").GetString()!, fact.GetProperty("seq").GetInt64()));
                await x.WriteAsync(RawReceiver.Empty(200));
                await x.ReadRequestAsync();
            }
        });
        await using var brisk = await WebhookReceiver.StartAsync();
        await using var theirs = await WebhookReceiver.StartAsync();
        Assert.Null((await grains.Webhooks(Tenant).Put("unhurried", new WebhookSpec { Url = unhurried.Url() })).Refusal);
        Assert.Null((await grains.Webhooks(Tenant).Put("brisk", new WebhookSpec { Url = brisk.Url() })).Refusal);
        Assert.Null((await grains.Webhooks(OtherTenant).Put("theirs", new WebhookSpec { Url = theirs.Url() })).Refusal);

        await WebhookClusterFixture.Converse(grains, Tenant, "slow");
        await slowArrived.Task.WaitAsync(Patience);
        await Task.WhenAll(
            WebhookClusterFixture.Converse(grains, Tenant, "quick-1"),
            WebhookClusterFixture.Converse(grains, Tenant, "quick-2"),
            WebhookClusterFixture.Converse(grains, Tenant, "quick-3"),
            WebhookClusterFixture.Converse(grains, OtherTenant, "quick-4"));
        var ours = await FactsOf(Tenant);
        var others = await FactsOf(OtherTenant);
        var quick = ours.Where(f => f.ConversationId != "slow").Select(f => f.Id).ToHashSet();
        await Eventually.HoldsAsync(() => Task.FromResult(
                quick.IsSubsetOf(accepted.Select(a => a.Id))
                && ours.All(f => brisk.Accepted.Any(d => d.Id == f.Id))
                && others.All(f => theirs.Accepted.Any(d => d.Id == f.Id))),
            Patience, "every other conversation's, endpoint's and tenant's facts accepted");

        // All that while the slow conversation's first fact was still unanswered.
        Assert.Equal(0, Volatile.Read(ref slowAnswered));
        Assert.DoesNotContain(accepted, a => a.Conversation == "slow");
        release.SetResult();

        var slow = ours.Where(f => f.ConversationId == "slow").ToList();
        await Eventually.HoldsAsync(() => Task.FromResult(slow.All(f => accepted.Any(a => a.Id == f.Id))), Patience, "the slow conversation's facts accepted");
        // Each once, in order: the slow answer was an answer in time, not a failure to retry.
        Assert.Equal(slow.Select(f => f.Seq), accepted.Where(a => a.Conversation == "slow").Select(a => a.Seq));
        Assert.Equal(1, slow.Min(f => f.Seq));
    }

    [Fact]
    public async Task A_receiver_slow_for_more_conversations_than_the_dispatcher_has_slots_holds_back_none_of_the_others()
    {
        var grains = _cluster.Client;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string[] slow = ["slow-1", "slow-2", "slow-3", "slow-4", "slow-5"];
        var hanging = new ConcurrentDictionary<string, bool>();
        var accepted = new ConcurrentQueue<(string Conversation, string Id, long Seq)>();
        await using var receiver = new RawReceiver(async x =>
        {
            while (true)
            {
                using var document = JsonDocument.Parse(x.RequestBody);
                var fact = document.RootElement;
                var conversation = fact.TryGetProperty("conversationId", out var c) ? c.GetString() ?? "" : "";
                if (slow.Contains(conversation))
                {
                    hanging[conversation] = true;
                    await Task.WhenAny(release.Task, Task.Delay(Slowly, x.Stopping));
                }
                // Noted before the answer goes: once it has, the next fact may come on another connection and be noted first.
                accepted.Enqueue((conversation, fact.GetProperty("id").GetString()!, fact.GetProperty("seq").GetInt64()));
                await x.WriteAsync(RawReceiver.Empty(200));
                await x.ReadRequestAsync();
            }
        });
        Assert.Null((await grains.Webhooks(Tenant).Put("unhurried", new WebhookSpec { Url = receiver.Url() })).Refusal);

        // Five conversations the receiver is slow for, against two slots: each holds its attempt open.
        await Task.WhenAll(slow.Select(id => WebhookClusterFixture.Converse(grains, Tenant, id)));
        await Eventually.HoldsAsync(() => Task.FromResult(hanging.Count == slow.Length), Patience, "an attempt of every slow conversation under way");
        await Task.WhenAll(
            WebhookClusterFixture.Converse(grains, Tenant, "quick-1"),
            WebhookClusterFixture.Converse(grains, Tenant, "quick-2"));
        var ours = await FactsOf(Tenant);
        var quick = ours.Where(f => !slow.Contains(f.ConversationId)).Select(f => f.Id).ToHashSet();
        await Eventually.HoldsAsync(() => Task.FromResult(quick.IsSubsetOf(accepted.Select(a => a.Id))), Patience,
            "the quick conversations' facts accepted");

        // All that while no slow conversation was answered.
        Assert.DoesNotContain(accepted, a => slow.Contains(a.Conversation));
        release.SetResult();

        await Eventually.HoldsAsync(() => Task.FromResult(ours.All(f => accepted.Any(a => a.Id == f.Id))), Patience, "every fact accepted");
        foreach (var id in slow)
        {
            Assert.Equal(ours.Where(f => f.ConversationId == id).Select(f => f.Seq), accepted.Where(a => a.Conversation == id).Select(a => a.Seq));
        }
    }
}
