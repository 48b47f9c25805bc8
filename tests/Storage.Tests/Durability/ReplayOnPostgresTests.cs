using System.Text.Json;
using CxCluster.TestSupport.Hosting;
using Orleans.TestingHost;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>
/// A conversation rebuilt on real PostgreSQL from a checkpoint written mid-way and the facts appended after it is the
/// one that was live. Its silo dies before the checkpoint it writes on the way out (the database is left with the one
/// written mid-way), and a new cluster on the same database brings it back: the same snapshot (score, band, signals,
/// disclosure, transcript, version), and the answers the live one would have given next.
/// </summary>
public sealed class ReplayOnPostgresTests : IAsyncLifetime
{
    /// <summary>A checkpoint every few facts (<c>Conversations:CheckpointEvery</c>), so one falls mid-way.</summary>
    private const int CheckpointEvery = 8;

    /// <summary>Facts the tail may still add after <see cref="MakeRoom"/> without any store asking for a checkpoint.</summary>
    private const int Room = 4;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _serviceId = $"replay-{Guid.NewGuid():N}";
    private PostgresDatabase _database = null!;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _cluster = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await ClusterStop.StopAsync(_cluster);
        await _database.DisposeAsync();
    }

    private Task<TestCluster> StartAsync() => DurableCluster.StartAsync(_database.ConnectionString, silos: 1, new Dictionary<string, string?>
    {
        ["Conversations:CheckpointEvery"] = CheckpointEvery.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // No reconciliation round writes a checkpoint of its own while the test runs.
        ["Handoffs:ReconcileSeconds"] = "600",
    }, _serviceId);

    private IConversationGrain Conversation(string id) => _cluster.GrainFactory.Conversation(DurableCluster.Tenant, id);

    [Fact]
    public async Task A_conversation_rebuilt_from_a_checkpoint_and_the_facts_after_it_is_the_one_that_was_live()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        DateTimeOffset At(double minutes) => start.AddMinutes(minutes);

        // Trust: penalties that fade, and after the checkpoint events that move its clock without a signal (AI messages,
        // a confirmation that changes nothing, a message stamped ahead of the silo's clock) and a repeated start naming
        // the customer.
        var trustId = $"c-trust-{Guid.NewGuid():N}";
        var trust = Conversation(trustId);
        var first = (await Send(trust, Started(Channel.Chat, "en-US", At(0)))).Directives[0].AsDisclose().DisclosureId!;
        await Send(trust, Delivered(first, At(0.5)));
        var asked = Customer("where is my order?", At(1));
        var askedFirst = await Send(trust, asked);
        await Send(trust, Signal("nlu.no_match", 1, At(2)));
        await Send(trust, Ai("Let me check that for you.", At(3)));
        await Send(trust, Signal("sentiment", -0.5, At(4)));
        await Send(trust, Ai("It left our warehouse yesterday.", At(5)));
        await MakeRoom(trustId, trust, i => Ai("Anything else?", At(6 + i / 10.0)));
        await Send(trust, Ai("Is there anything else I can do?", At(9)));
        await Send(trust, Started(Channel.Chat, "en-US", At(10)) with { CustomerId = "cust-42" });
        Assert.Empty((await Send(trust, Delivered(first, At(12)))).Directives);
        await Send(trust, Customer("ok", DateTimeOffset.UtcNow.AddMinutes(2)));

        // Back from a human: the new notice is still to be announced when the rebuild comes.
        var agent = _cluster.GrainFactory.Agent(DurableCluster.Tenant, "ana");
        await agent.Register(new AgentProfile { DisplayName = "Ana", Languages = ["en"], Channels = [Channel.Chat], Capacity = 1 });
        await agent.SetStatus(AgentStatus.Available);
        var backId = $"c-back-{Guid.NewGuid():N}";
        var back = Conversation(backId);
        var notice = (await Send(back, Started(Channel.Chat, "en-US", At(0)))).Directives[0].AsDisclose().DisclosureId!;
        await Send(back, Delivered(notice, At(1)));
        var ask = Customer("agent please", At(2));
        var handedFirst = await Send(back, ask);
        await Status(back, ConversationStatus.Human);
        await Send(back, Agent("ana", "Hi, Ana here. How can I help?", At(3)));
        await MakeRoom(backId, back, i => Agent("ana", "One moment please.", At(4 + i / 10.0)));
        Assert.Null((await agent.Complete(backId)).Refusal);
        await Status(back, ConversationStatus.Ai);
        // A confirmation of the first notice again changes nothing: the new notice waits for the next answer.
        Assert.Empty((await Send(back, Delivered(notice, At(12)))).Directives);

        var trustBefore = await Read(trust);
        var backBefore = await Read(back);
        var trustReading = await trust.GetTrust();
        var midway = new Dictionary<string, (long Seq, byte[] State)>();
        foreach (var (id, version) in new[] { (trustId, trustBefore.Version), (backId, backBefore.Version) })
        {
            var seq = await CheckpointSeq(id);
            Assert.InRange(seq, 1, version - 1);
            midway[id] = (seq, (await _database.ScalarAsync<byte[]>(
                "SELECT state FROM cx_journal_checkpoint WHERE tenant_id = @tenant AND stream_id = @stream",
                ("tenant", DurableCluster.Tenant), ("stream", $"c/{id}")))!);
        }
        Assert.Contains("cust-42", await _database.ScalarAsync<string>(
            "SELECT convert_from(personal, 'UTF8') FROM cx_journal_fact WHERE tenant_id = @tenant AND stream_id = @stream AND type = 'customer.identified'",
            ("tenant", DurableCluster.Tenant), ("stream", $"c/{trustId}")));

        await _cluster.KillSiloAsync(_cluster.Primary!);
        await ClusterStop.StopAsync(_cluster);
        // An in-process silo still deactivates its grains, each writing a checkpoint at its last fact: the silo that died
        // first never did, and left the ones written mid-way.
        foreach (var (id, (seq, state)) in midway)
        {
            Assert.Equal(seq, await _database.ScalarAsync<long>(
                "UPDATE cx_journal_checkpoint SET seq = @seq, state = @state WHERE tenant_id = @tenant AND stream_id = @stream RETURNING seq",
                ("seq", seq), ("state", state), ("tenant", DurableCluster.Tenant), ("stream", $"c/{id}")));
        }
        _cluster = await StartAsync();
        trust = Conversation(trustId);
        back = Conversation(backId);

        Assert.Equal(JsonSerializer.Serialize(trustBefore), JsonSerializer.Serialize(await Read(trust)));
        Assert.Equal(JsonSerializer.Serialize(backBefore), JsonSerializer.Serialize(await Read(back)));
        Assert.Equal(trustReading, await trust.GetTrust());
        Assert.True(trustBefore.Trust.Signals.Count > 0 && trustBefore.Trust.Score < 100, "the trust score read after the rebuild has penalties to fade");
        // Events repeated after the rebuild answer as the first time, with the conversation as it was then: the request
        // for a person with the placement stored after its answer.
        foreach (var (conversation, repeated, firstAnswer) in new[] { (trust, (ConversationEvent)asked, askedFirst), (back, ask, handedFirst) })
        {
            var again = await Send(conversation, repeated);
            Assert.True(again.Duplicate);
            Assert.Equal(JsonSerializer.Serialize(firstAnswer.Directives), JsonSerializer.Serialize(again.Directives));
            Assert.Equal(JsonSerializer.Serialize(firstAnswer.Conversation), JsonSerializer.Serialize(again.Conversation));
        }
        Assert.Equal(ConversationStatus.Human, handedFirst.Conversation!.Status);
        Assert.Equal(JsonSerializer.Serialize(backBefore), JsonSerializer.Serialize(await Read(back)));
        // The notice after the human leads the next answer, once, as it would have live.
        var next = await Send(back, Customer("thanks", At(13)));
        Assert.Equal([DirectiveType.Disclose], next.Directives.Select(d => d.Type));
        Assert.NotEqual(notice, next.Directives[0].AsDisclose().DisclosureId);
        Assert.Empty((await Send(back, Customer("that is all", At(14)))).Directives);
    }

    /// <summary>
    /// Lets the checkpoint the conversation's stores ask for land, then adds filler events until it stands close behind
    /// the last fact: the facts that follow are then the tail a rebuild replays.
    /// </summary>
    private async Task MakeRoom(string id, IConversationGrain conversation, Func<int, ConversationEvent> filler)
    {
        for (var i = 0; ; i++)
        {
            var version = (await Read(conversation)).Version;
            var checkpoint = await Eventually.ReturnsAsync(() => Settled(id), seq => seq > 0, Patience, $"a checkpoint of {id}");
            if (version - checkpoint <= CheckpointEvery - 1 - Room)
            {
                return;
            }
            Assert.True(i < CheckpointEvery, "filler events should have brought a checkpoint");
            await Send(conversation, filler(i));
        }
    }

    /// <summary>The seq of the conversation's checkpoint once no write is under way (it reads the same twice, apart).</summary>
    private async Task<long> Settled(string id)
    {
        var seq = await CheckpointSeq(id);
        await Task.Delay(300);
        return await CheckpointSeq(id) == seq ? seq : 0;
    }

    private async Task<long> CheckpointSeq(string id) => await _database.ScalarAsync<long?>(
        "SELECT seq FROM cx_journal_checkpoint WHERE tenant_id = @tenant AND stream_id = @stream",
        ("tenant", DurableCluster.Tenant), ("stream", $"c/{id}")) ?? 0;

    private static async Task<ConversationSnapshot> Read(IConversationGrain conversation) =>
        (await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    return await conversation.GetSnapshot().WaitAsync(TimeSpan.FromSeconds(5));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return null;
                }
            },
            snapshot => snapshot is not null, Patience, "the conversation to answer"))!;

    private static Task Status(IConversationGrain conversation, ConversationStatus status) =>
        Eventually.HoldsAsync(async () => (await conversation.GetSnapshot())?.Status == status, Patience, $"the conversation to be {status}");

    private static async Task<EventResult> Send(IConversationGrain conversation, ConversationEvent e)
    {
        var outcome = await conversation.Apply(e);
        Assert.Null(outcome.Refusal);
        return outcome.Result!;
    }
}
