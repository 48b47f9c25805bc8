using CxCluster.Grains.Agents;
using CxCluster.Grains.Agents.Pool;

namespace CxCluster.Grains.Tests.Agents;

/// <summary>The queue of a pool partition: positions by count, checked against a plain list under random changes.</summary>
public sealed class PoolQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static PoolEntered Entered(string conversationId, long sequence, string? handoffId = null) => new()
    {
        At = Now.AddSeconds(sequence),
        Request = new HandoffRequest
        {
            ConversationId = conversationId,
            HandoffId = handoffId ?? $"{conversationId}-h{sequence}",
            Reason = "customer-request",
            RequestedAt = Now,
        },
        Sequence = sequence,
    };

    [Fact]
    public void Positions_count_only_those_still_waiting_ahead()
    {
        var ledger = new PoolLedger();
        for (var i = 0; i < 5; i++)
        {
            ledger.Apply(Entered($"c{i}", i, "h"));
        }

        ledger.Apply(new PoolLeft { At = Now, ConversationId = "c2", HandoffId = "h" });
        ledger.Apply(new PoolAssigned { At = Now, Assignment = new PoolAssignment { ConversationId = "c0", HandoffId = "h", AgentId = "a1", AgentDisplayName = "A" } });

        Assert.Equal(1, ledger.Queue.Position("c1", "h"));
        Assert.Equal(2, ledger.Queue.Position("c3", "h"));
        Assert.Equal(3, ledger.Queue.Position("c4", "h"));
        Assert.Null(ledger.Queue.Position("c2", "h"));
        Assert.Null(ledger.Queue.Position("c1", "other-handoff"));
        Assert.Equal("a1", ledger.Assigned("c0", "h")!.AgentId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_joins_leaves_and_returns_keep_every_position_true_live_and_after_a_checkpoint(int seed)
    {
        var random = new Random(seed);
        var ledger = new PoolLedger();
        var records = new List<PoolRecord>();
        var expected = new List<(string Conversation, string Handoff)>();
        long sequence = 0;
        AgentPoolState? checkpoint = null;
        var checkpointAt = 0;

        for (var step = 0; step < 4_000; step++)
        {
            PoolRecord record;
            var roll = random.Next(10);
            if (expected.Count == 0 || roll < 5)
            {
                // A new conversation, or one already waiting asking again (it goes to the back).
                var conversation = expected.Count > 0 && roll == 0 ? expected[random.Next(expected.Count)].Conversation : $"c{random.Next(100_000)}";
                var entered = Entered(conversation, sequence++);
                expected.RemoveAll(e => e.Conversation == conversation);
                expected.Add((conversation, entered.Request.HandoffId));
                record = entered;
            }
            else
            {
                var index = roll < 7 ? 0 : random.Next(expected.Count);
                var (conversation, handoff) = expected[index];
                expected.RemoveAt(index);
                record = roll % 2 == 0
                    ? new PoolLeft { At = Now, ConversationId = conversation, HandoffId = handoff }
                    : new PoolAssigned { At = Now, Assignment = new PoolAssignment { ConversationId = conversation, HandoffId = handoff, AgentId = "a", AgentDisplayName = "A" } };
            }
            ledger.Apply(record);
            records.Add(record);
            if (step == 2_500)
            {
                checkpoint = ledger.ToCheckpoint();
                checkpointAt = records.Count;
            }

            Assert.Equal(expected.Count, ledger.Queue.Count);
            for (var probe = 0; probe < 3 && expected.Count > 0; probe++)
            {
                var index = random.Next(expected.Count);
                Assert.Equal(index + 1, ledger.Queue.Position(expected[index].Conversation, expected[index].Handoff));
            }
        }

        // The checkpoint plus the records after it is the ledger reached live.
        var rebuilt = PoolLedger.FromCheckpoint(checkpoint!);
        foreach (var record in records.Skip(checkpointAt))
        {
            rebuilt.Apply(record);
        }
        Assert.Equal(expected.Count, rebuilt.Queue.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(i + 1, rebuilt.Queue.Position(expected[i].Conversation, expected[i].Handoff));
        }
        Assert.Equal(expected.Select(e => e.Conversation), rebuilt.Queue.Entries.Select(e => e.Request.ConversationId));
    }

    [Fact]
    public void Checks_of_waiting_conversations_go_round_the_queue_and_skip_those_that_left()
    {
        var queue = new PoolQueue();
        for (var i = 0; i < 5; i++)
        {
            queue.Enter(new WaitingRequest { Request = Entered($"c{i}", i).Request, EnqueuedAt = Now, Sequence = i });
        }

        Assert.Equal(["c0", "c1"], queue.NextToCheck(2).Select(w => w.Request.ConversationId));
        queue.Remove("c2", handoffId: null);
        Assert.Equal(["c3", "c4", "c0"], queue.NextToCheck(3).Select(w => w.Request.ConversationId));
        Assert.Equal(["c1", "c3", "c4", "c0"], queue.NextToCheck(10).Select(w => w.Request.ConversationId));
    }

    [Fact]
    public void Every_record_reads_back_as_it_was_written()
    {
        var encoder = new CxCluster.Grains.Journal.JsonEncoder();
        PoolRecord[] records =
        [
            Entered("c1", 7),
            new PoolLeft { At = Now, ConversationId = "c1", HandoffId = "h1" },
            new PoolAssigned { At = Now, Assignment = new PoolAssignment { ConversationId = "c1", HandoffId = "h1", AgentId = "a1", AgentDisplayName = "Ana" } },
            new PoolOffering { At = Now, Offer = new PendingOffer { ConversationId = "c1", HandoffId = "h1", AgentId = "a1" } },
            new PoolAgentSeen
            {
                At = Now,
                Agent = new AgentView { AgentId = "a1", DisplayName = "Ana", Status = AgentStatus.Available, Capacity = 3, Load = 1, IdleSince = Now, Version = 9 },
            },
            new PoolAgentRemoved { At = Now, AgentId = "a1" },
            new PoolListed { At = Now },
        ];

        foreach (var record in records)
        {
            var data = PoolRecordCodec.Encode(record, encoder);
            Assert.Equal(record, PoolRecordCodec.Decode(record.Type, record.At, data));
        }
        Assert.Throws<FormatException>(() => PoolRecordCodec.Decode("pool.unknown", Now, "{}"u8.ToArray()));
        Assert.Throws<FormatException>(() => PoolRecordCodec.Decode(PoolLeft.Name, Now, "{}"u8.ToArray()));
    }
}
