using CxCluster.Abstractions;
using CxCluster.Api.Tests.Infrastructure;
using CxCluster.Grains.Journal;
using CxCluster.TestSupport.Journal;
using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.Api.Tests.Conversations;

/// <summary>
/// A batch of a thousand events of one conversation on a journal whose commits take 7 ms each on average, as a
/// database's add up to, with grain calls that may take 6 s: every event is answered only once it is durable, so a
/// thousand in one call would take 7 s or more. The batch still succeeds, in order, and a journal that
/// fails part way fails only the events from there on.
/// </summary>
public sealed class LongBatchTests : IAsyncLifetime
{
    private const string ClusterId = "cxcluster-long-batch-tests";
    /// <summary>
    /// Every tenth append waits this long, as a database's commits add up: a thousand appends take at least 7 s, more
    /// than a grain call may, a hundred at least 0.7 s, well inside it even on a loaded machine (few waits, so late
    /// timers add little to them).
    /// </summary>
    private static readonly TimeSpan SlowCommit = TimeSpan.FromMilliseconds(70);

    private OwnCluster? cluster;
    private ApiClient acme = null!;
    private SlowJournal journal = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(ClusterFixture.TenantSettings)
        {
            ["Cluster:ResponseTimeoutSeconds"] = "6",
        };
        cluster = await OwnCluster.StartAsync(ClusterId, settings, siloServices: services =>
            services.AddSingleton<IFactJournal>(provider => journal = new SlowJournal(provider.GetRequiredService<MemoryFactJournal>(), SlowCommit)));
        acme = cluster.Client(ClusterFixture.AcmeKey);
        // A first event makes the silo resolve its journal.
        await acme.SendAsync(Ids.New("warm"), Events.Started("w", "chat", "en-US"));
    }

    public async Task DisposeAsync()
    {
        acme?.Dispose();
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    private static JsonObject Batch(string conversationId, int count = 1000) => Events.BatchOf(
        Enumerable.Range(0, count).Select(i => (JsonNode)(i == 0
            ? Events.Started("e0", "chat", "en-US")
            : Events.Signal($"e{i}", "sentiment", 0.5)).In(conversationId)));

    [Fact]
    public async Task A_thousand_events_of_one_conversation_outlasting_the_response_timeout_together_are_all_applied_in_order()
    {
        var conversationId = Ids.New("long");

        using var response = await acme.PostAsync(ApiClient.Batch, Batch(conversationId));

        var results = (await Json.OkAsync(response))["results"]!.AsArray();
        Assert.Equal(1000, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.True(results[i]!["error"] is null, $"event e{i} failed: {results[i]!["error"]?.ToJsonString()}");
            Assert.Equal($"e{i}", results[i].Text("eventId"));
            Assert.False(results[i]!["duplicate"]!.GetValue<bool>());
        }
        // Each result's version follows the one before: the events were decided one after the other, as given.
        var versions = results.Select(r => r!["conversation"]!["version"]!.GetValue<long>()).ToArray();
        Assert.True(versions.Zip(versions.Skip(1)).All(pair => pair.Second > pair.First), "versions do not grow in the order given");
        Assert.Equal(versions[^1], (await acme.SnapshotAsync(conversationId))!["version"]!.GetValue<long>());

        // Sent again, every event is a repeat with its first answer.
        using var again = await acme.PostAsync(ApiClient.Batch, Batch(conversationId));
        var repeats = (await Json.OkAsync(again))["results"]!.AsArray();
        Assert.All(repeats, r => Assert.True(r!["duplicate"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_journal_that_fails_part_way_fails_that_event_and_the_later_ones_of_its_conversation_only_and_a_retry_completes_it()
    {
        var conversationId = Ids.New("long");
        var other = Ids.New("long");
        journal.FailOnce(conversationId, "e450");
        var events = Batch(conversationId, 999)["events"]!.AsArray().Select(e => e!.DeepClone())
            .Append(Events.Started("o0", "chat", "en-US").In(other));

        using var response = await acme.PostAsync(ApiClient.Batch, Events.BatchOf(events));

        var results = (await Json.OkAsync(response))["results"]!.AsArray();
        Assert.Equal(1000, results.Count);
        var failed = results.Take(999).Select((r, i) => (Index: i, Error: r!["error"])).Where(r => r.Error is not null).ToArray();
        // The events before the failed one are answered (the calls before it were), the failed one and those after it
        // are a retryable 503, and the other conversation's event stands.
        Assert.NotEmpty(failed);
        Assert.True(failed[0].Index <= 450, $"the first failed event is e{failed[0].Index}, after the one whose commit failed");
        Assert.Equal(Enumerable.Range(failed[0].Index, 999 - failed[0].Index), failed.Select(f => f.Index));
        Assert.All(failed, f => Assert.Equal(503, f.Error!["status"]!.GetValue<int>()));
        Assert.True(failed[0].Index > 0, "the events answered before the failure were failed with it");
        Assert.Null(results[999]!["error"]);
        Assert.Equal(other, results[999].Text("conversationId"));

        // The platform sends it all again: what was stored is a repeat, the rest is applied, nothing twice.
        using var retried = await acme.PostAsync(ApiClient.Batch, Batch(conversationId, 999));
        var retry = (await Json.OkAsync(retried))["results"]!.AsArray();
        Assert.All(retry, r => Assert.True(r!["error"] is null, r!["error"]?.ToJsonString()));
        Assert.All(retry.Take(failed[0].Index), r => Assert.True(r!["duplicate"]!.GetValue<bool>()));
        Assert.All(retry.Skip(451), r => Assert.False(r!["duplicate"]!.GetValue<bool>()));
        var signals = (await acme.SnapshotAsync(conversationId))!["version"]!.GetValue<long>();
        Assert.Equal(retry[^1]!["conversation"]!["version"]!.GetValue<long>(), signals);
    }

    /// <summary>The memory journal, with every tenth append taking <paramref name="slowCommit"/> and one chosen append failing once.</summary>
    private sealed class SlowJournal(MemoryFactJournal inner, TimeSpan slowCommit) : ForwardingJournal(inner)
    {
        private sealed record Failure(string StreamId, string EventId);

        private Failure? _failing;
        private long _appends;

        /// <summary>The next append of event <paramref name="eventId"/> of the conversation fails, storing nothing.</summary>
        public void FailOnce(string conversationId, string eventId) => Volatile.Write(ref _failing, new Failure("c/" + conversationId, eventId));

        public override async ValueTask AppendAsync(JournalAppend append, CancellationToken ct = default)
        {
            if (Interlocked.Increment(ref _appends) % 10 == 0)
            {
                await Task.Delay(slowCommit, ct);
            }
            if (Volatile.Read(ref _failing) is { } failing && append.EventId == failing.EventId && append.Stream.StreamId == failing.StreamId
                && Interlocked.CompareExchange(ref _failing, null, failing) == failing)
            {
                throw new JournalUnavailableException("the commit failed");
            }
            await base.AppendAsync(append, ct);
        }
    }
}
