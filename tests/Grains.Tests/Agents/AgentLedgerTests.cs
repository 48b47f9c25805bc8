using System.Text.Json;
using CxCluster.Grains.Agents;
using CxCluster.Grains.Journal;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CxCluster.Grains.Tests.Agents;

/// <summary>An agent's ledger: rebuilt from its checkpoint plus the records after it, it is the ledger reached live.</summary>
public sealed class AgentLedgerTests
{
    private const int Kept = 8;
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly Serializer<AgentState> States =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer<AgentState>>();

    private static string Json(AgentLedger ledger) => JsonSerializer.Serialize(ledger.ToCheckpoint());

    /// <summary>A random but well-formed life of an agent: the records its grain could append, in an order it could append them.</summary>
    private static List<AgentRecord> Life(int seed, int count)
    {
        var random = new Random(seed);
        var mirror = new AgentLedger(Kept);
        var records = new List<AgentRecord>();
        var at = Start;
        var next = 0;
        void Add(AgentRecord record)
        {
            mirror.Apply(record);
            records.Add(record);
        }
        Add(new AgentRegistered { At = at, Profile = new AgentProfile { DisplayName = "Sari", Languages = ["id", "en"], Channels = [Channel.Chat, Channel.Email], Capacity = 3 } });
        while (records.Count < count)
        {
            at = at.AddMilliseconds(random.Next(1, 5_000));
            var pending = mirror.PendingClaims;
            var untold = mirror.Completions.Where(c => !c.Told).ToList();
            switch (random.Next(10))
            {
                case 0:
                    Add(new AgentStatusChanged { At = at, Status = (AgentStatus)random.Next(3) });
                    break;
                case 1:
                    Add(new AgentClaimPending { At = at, Claim = new PendingClaim { PoolName = "id/chat", ConversationId = $"c{next}", HandoffId = $"c{next}-h1" } });
                    next++;
                    break;
                case 2 when pending.Count > 0:
                    var settled = pending[random.Next(pending.Count)];
                    Add(random.Next(2) == 0
                        ? new AgentClaimDropped { At = at, ConversationId = settled.ConversationId, HandoffId = settled.HandoffId }
                        : new AgentAssigned { At = at, ConversationId = settled.ConversationId, HandoffId = settled.HandoffId, PoolName = settled.PoolName });
                    break;
                case 3:
                    Add(new AgentAssigned { At = at, ConversationId = $"c{next}", HandoffId = $"c{next}-h2", PoolName = "en/email" });
                    next++;
                    break;
                case 4 or 5 when mirror.Assignments.Count > 0:
                    var held = mirror.Assignments[random.Next(mirror.Assignments.Count)];
                    Add(random.Next(4) == 0
                        ? new AgentReleased { At = at, ConversationId = held.ConversationId, HandoffId = held.HandoffId }
                        : new AgentCompleted { At = at, ConversationId = held.ConversationId, HandoffId = held.HandoffId });
                    break;
                case 6 or 7 when untold.Count > 0:
                    var told = untold[random.Next(untold.Count)];
                    Add(new AgentCompletionTold { At = at, ConversationId = told.ConversationId, HandoffId = told.HandoffId });
                    break;
                case 8:
                    Add(new AgentWatched { At = at, Watched = random.Next(2) == 0 });
                    break;
                case 9 when random.Next(8) == 0:
                    Add(new AgentRegistered { At = at, Profile = new AgentProfile { DisplayName = $"Sari {next}", Languages = ["id"], Channels = [Channel.Whatsapp], Capacity = random.Next(1, 5) } });
                    break;
            }
        }
        return records;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Rebuilt_from_any_checkpoint_plus_the_records_after_it_the_ledger_is_the_one_reached_live(int seed)
    {
        var journal = new MemoryFactJournal();
        var stream = AgentJournal.Stream("acme", $"a{seed}");
        var writer = new AgentJournal(journal, new JsonEncoders(), States, stream, Kept);
        var live = new AgentLedger(Kept);
        var random = new Random(seed);
        var checkpoints = 0;

        foreach (var record in Life(seed, 600))
        {
            live.Apply(record);
            writer.Record(record, ++live.Seq);
            // Appended in batches of one to four records, as interleaved calls share an append.
            if (random.Next(4) == 0)
            {
                await writer.AppendAsync();
                if (random.Next(10) == 0)
                {
                    await writer.SaveCheckpointAsync(live);
                    checkpoints++;
                    var (atCheckpoint, from) = await new AgentJournal(journal, new JsonEncoders(), States, stream, Kept).LoadAsync(e => throw e);
                    Assert.Equal(live.Seq, from);
                    Assert.Equal(Json(live), Json(atCheckpoint));
                }
            }
        }
        await writer.AppendAsync();
        Assert.True(writer.Settled);
        Assert.InRange(checkpoints, 1, 600);

        var (rebuilt, checkpointSeq) = await new AgentJournal(journal, new JsonEncoders(), States, stream, Kept).LoadAsync(e => throw e);
        Assert.InRange(checkpointSeq, 1, live.Seq);
        Assert.Equal(live.Seq, rebuilt.Seq);
        Assert.Equal(Json(live), Json(rebuilt));
        Assert.NotEmpty(live.Completions);

        // Without a readable checkpoint every record is replayed, to the same ledger.
        await journal.SaveCheckpointAsync(stream, live.Seq, new byte[] { 1, 2, 3 });
        Exception? unreadable = null;
        var (replayed, _) = await new AgentJournal(journal, new JsonEncoders(), States, stream, Kept).LoadAsync(e => unreadable = e);
        Assert.NotNull(unreadable);
        Assert.Equal(Json(live), Json(replayed));
    }

    [Fact]
    public void Completions_keep_the_most_recent_and_never_drop_one_the_conversation_has_not_heard_of()
    {
        var ledger = new AgentLedger(completionsKept: 2);
        for (var i = 0; i < 5; i++)
        {
            ledger.Apply(new AgentAssigned { At = Start, ConversationId = $"c{i}", HandoffId = "h", PoolName = "id/chat" });
            ledger.Apply(new AgentCompleted { At = Start.AddSeconds(i), ConversationId = $"c{i}", HandoffId = "h" });
        }
        Assert.Equal(["c0", "c1", "c2", "c3", "c4"], ledger.Completions.Select(c => c.ConversationId));

        foreach (var id in new[] { "c0", "c1", "c3" })
        {
            ledger.Apply(new AgentCompletionTold { At = Start, ConversationId = id, HandoffId = "h" });
        }
        ledger.Apply(new AgentAssigned { At = Start, ConversationId = "c5", HandoffId = "h", PoolName = "id/chat" });
        ledger.Apply(new AgentCompleted { At = Start, ConversationId = "c5", HandoffId = "h" });

        // The oldest ones heard of go; c2 was never heard of, so it and everything after it stay.
        Assert.Equal(["c2", "c3", "c4", "c5"], ledger.Completions.Select(c => c.ConversationId));
        Assert.Empty(ledger.Assignments);
    }

    [Fact]
    public void A_decline_in_the_agents_words_is_kept_neither_in_its_record_nor_in_its_checkpoint_while_a_code_is()
    {
        const string words = "knows Mrs Jane Porter personally";
        var encoder = new JsonEncoder();
        var ledger = new AgentLedger(Kept);
        foreach (var (offerId, reason) in new[] { ("ofr-1", words), ("ofr-2", "not-my-area") })
        {
            ledger.Apply(new AgentOffered
            {
                At = Start,
                Offer = new OpenOffer { OfferId = offerId, ConversationId = "c-" + offerId, HandoffId = "h", PoolName = "en/chat", OfferedAt = Start, ExpiresAt = Start.AddSeconds(30) },
            });
            var ended = new AgentOfferEnded { At = Start, OfferId = offerId, Outcome = OfferOutcome.Declined, Reason = reason };
            ledger.Apply(ended);
            var stored = AgentRecordCodec.Encode(ended, encoder);
            Assert.Equal(reason == words ? null : reason, ((AgentOfferEnded)AgentRecordCodec.Decode(ended.Type, ended.At, stored)).Reason);
            Assert.DoesNotContain("Porter", System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        }

        // In memory the words are still there to be told to the conversation; the checkpoint keeps only the code.
        Assert.Equal(words, ledger.EndedOffers[0].Reason);
        var checkpoint = ledger.ToCheckpoint();
        Assert.Equal([null, "not-my-area"], checkpoint.EndedOffers.Select(o => o.Reason));
        Assert.DoesNotContain("Porter", System.Text.Encoding.UTF8.GetString(States.SerializeToArray(checkpoint)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_record_survives_the_codec_and_holds_no_personal_part()
    {
        var encoder = new JsonEncoder();
        foreach (var record in Life(7, 300))
        {
            var data = AgentRecordCodec.Encode(record, encoder);
            var decoded = AgentRecordCodec.Decode(record.Type, record.At, data);
            Assert.Equal(JsonSerializer.Serialize<object>(record), JsonSerializer.Serialize<object>(decoded));
            Assert.True(data.Length < 200, $"{record.Type} holds {data.Length} bytes");
        }
        Assert.Throws<FormatException>(() => AgentRecordCodec.Decode("agent.unknown", Start, "{}"u8.ToArray()));
        Assert.Throws<FormatException>(() => AgentRecordCodec.Decode(AgentCompleted.Name, Start, "{}"u8.ToArray()));
    }
}
