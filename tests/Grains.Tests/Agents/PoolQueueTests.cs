using CxCluster.Grains.Agents;
using CxCluster.Grains.Agents.Pool;

namespace CxCluster.Grains.Tests.Agents;

/// <summary>The queue of a pool partition: higher priority first, then first come; positions by count, checked against a plain list under random changes.</summary>
public sealed class PoolQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static PoolEntered Entered(string conversationId, long sequence, string? handoffId = null, int priority = HandoffPriority.Default) => new()
    {
        At = Now.AddSeconds(sequence),
        Request = new HandoffRequest
        {
            ConversationId = conversationId,
            HandoffId = handoffId ?? $"{conversationId}-h{sequence}",
            Reason = "customer-request",
            RequestedAt = Now,
            Priority = priority,
        },
        Sequence = sequence,
    };

    private static WaitingRequest Waiting(string conversationId, long sequence, int priority = HandoffPriority.Default) =>
        new() { Request = Entered(conversationId, sequence, priority: priority).Request, EnqueuedAt = Now.AddSeconds(sequence), Sequence = sequence };

    private static string[] Order(PoolQueue queue) => [.. queue.Entries.Select(e => e.Request.ConversationId)];

    [Fact]
    public void Moves_to_the_wider_queue_are_made_in_the_order_their_conversations_wait_even_after_earlier_moves_left()
    {
        var ledger = new PoolLedger();
        var entries = Enumerable.Range(1, 9).Select(i => Entered($"c{i}", i)).ToArray();
        foreach (var entry in entries)
        {
            ledger.Apply(entry);
        }
        PoolMove Move(PoolEntered entry) => new() { ConversationId = entry.Request.ConversationId, HandoffId = entry.Request.HandoffId, Step = 1, Queue = "xx/any" };

        // A first round moves three; their places in the table of moves under way are free again.
        foreach (var entry in entries[..3])
        {
            ledger.Apply(new PoolEscalating { At = Now, Move = Move(entry) });
        }
        foreach (var entry in entries[..3])
        {
            ledger.Apply(new PoolEscalated { At = Now, Move = Move(entry) });
        }
        // The next round's moves come out first come, first served, as they wait.
        foreach (var entry in entries[3..])
        {
            ledger.Apply(new PoolEscalating { At = Now, Move = Move(entry) });
        }

        Assert.Equal(["c4", "c5", "c6", "c7", "c8", "c9"], ledger.EscalatingInQueueOrder().Select(m => m.ConversationId));
    }

    [Fact]
    public void The_last_declined_or_expired_offer_of_a_waiting_handoff_is_named_until_it_stops_waiting_and_survives_a_checkpoint()
    {
        var ledger = new PoolLedger();
        var entered = Entered("c1", 1);
        var handoffId = entered.Request.HandoffId;
        ledger.Apply(entered);
        Assert.Null(ledger.EndedOfferOf("c1", handoffId));

        PoolRecord Offered(string agentId, string offerId) => new PoolOffered
        {
            At = Now, Offer = new PoolOfferMark { ConversationId = "c1", HandoffId = handoffId, AgentId = agentId, OfferId = offerId, ExpiresAt = Now.AddSeconds(30) },
        };
        PoolRecord Ended(string agentId, string offerId, bool passed) => new PoolOfferEnded
        {
            At = Now, ConversationId = "c1", HandoffId = handoffId, AgentId = agentId, OfferId = offerId, Passed = passed,
        };
        ledger.Apply(Offered("ana", "ofr-1"));
        Assert.Null(ledger.EndedOfferOf("c1", handoffId));
        ledger.Apply(Ended("ana", "ofr-1", passed: true));
        ledger.Apply(Offered("budi", "ofr-4"));
        ledger.Apply(Ended("budi", "ofr-4", passed: false));
        ledger.Apply(Offered("cici", "ofr-2"));
        // The last one that ended, while another is open; of this handoff only.
        Assert.Equal(("budi", "ofr-4"), (ledger.EndedOfferOf("c1", handoffId)!.AgentId, ledger.EndedOfferOf("c1", handoffId)!.OfferId));
        Assert.Null(ledger.EndedOfferOf("c1", "another-handoff"));

        var rebuilt = PoolLedger.FromCheckpoint(ledger.ToCheckpoint());
        Assert.Equal(ledger.EndedOfferOf("c1", handoffId), rebuilt.EndedOfferOf("c1", handoffId));

        // Assigned: it no longer waits, and nothing is named.
        ledger.Apply(new PoolAssigned { At = Now, Assignment = new PoolAssignment { ConversationId = "c1", HandoffId = handoffId, AgentId = "cici", AgentDisplayName = "Cici" } });
        Assert.Null(ledger.EndedOfferOf("c1", handoffId));
        // An offer's end told after it stopped waiting names nothing either.
        ledger.Apply(Ended("cici", "ofr-2", passed: false));
        Assert.Null(ledger.EndedOfferOf("c1", handoffId));
    }

    [Fact]
    public void Higher_priority_waits_ahead_of_earlier_arrivals_and_equal_priority_first_come_first_served()
    {
        var queue = new PoolQueue();
        queue.Enter(Waiting("p5-first", 0));
        queue.Enter(Waiting("p5-second", 1));
        queue.Enter(Waiting("p9-first", 2, priority: 9));
        queue.Enter(Waiting("p0", 3, priority: 0));
        queue.Enter(Waiting("p9-second", 4, priority: 9));

        Assert.Equal(["p9-first", "p9-second", "p5-first", "p5-second", "p0"], Order(queue));
        Assert.Equal("p9-first", queue.Head?.Request.ConversationId);
        Assert.Equal("p5-first", queue.LongestWaiting?.Request.ConversationId);
        Assert.Equal([1, 2, 3, 4, 5], queue.Entries.Select(e => queue.Position(e.Request.ConversationId, e.Request.HandoffId)!.Value));
    }

    [Fact]
    public void The_longest_wait_is_the_earliest_to_begin_waiting_even_behind_one_put_back_at_the_head()
    {
        var queue = new PoolQueue();
        queue.Enter(Waiting("long", 0));
        queue.Enter(Waiting("later", 5));
        // Taken back from its agent: at the head, though it began to wait after "long".
        var reclaimed = Waiting("reclaimed", 3);
        queue.EnterFront(reclaimed with { Request = reclaimed.Request with { Front = true } });

        Assert.Equal(["reclaimed", "long", "later"], Order(queue));
        Assert.Equal("long", queue.LongestWaiting?.Request.ConversationId);
        Assert.Equal(Now, queue.EarliestWait);

        // Once it has gone, the head is the longest wait again; and one moved here with an older wait is found too.
        queue.Remove("long", handoffId: null);
        Assert.Equal("reclaimed", queue.LongestWaiting?.Request.ConversationId);
        queue.Enter(Waiting("moved", 9) with { EnqueuedAt = Now.AddSeconds(-30) });
        Assert.Equal("moved", queue.LongestWaiting?.Request.ConversationId);
        queue.Remove("moved", handoffId: null);
        Assert.Equal("reclaimed", queue.LongestWaiting?.Request.ConversationId);
    }

    [Fact]
    public void One_put_back_at_the_head_waits_ahead_of_higher_priorities_and_keeps_that_place_through_a_checkpoint()
    {
        var queue = new PoolQueue();
        queue.Enter(Waiting("p9-first", 0, priority: 9));
        queue.Enter(Waiting("p5", 1));
        queue.Enter(Waiting("p9-second", 2, priority: 9));
        // Its agent lost it: it was at the head when offered, and it goes back there, ahead of the priority 9 ones that came meanwhile.
        var reclaimed = Waiting("p0-reclaimed", 3, priority: 0);
        queue.EnterFront(reclaimed with { Request = reclaimed.Request with { Front = true } });

        Assert.Equal(["p0-reclaimed", "p9-first", "p9-second", "p5"], Order(queue));
        Assert.Equal(1, queue.Position("p0-reclaimed", reclaimed.Request.HandoffId));
        Assert.Equal(2, queue.Position("p9-first", Waiting("p9-first", 0).Request.HandoffId));

        // Restored from a checkpoint of its entries, the order and the positions are the same.
        var restored = PoolLedger.FromCheckpoint(new AgentPoolState { Queue = [.. queue.Entries], NextSequence = 4 }).Queue;
        Assert.Equal(Order(queue), Order(restored));
        Assert.Equal(1, restored.Position("p0-reclaimed", reclaimed.Request.HandoffId));
        Assert.Equal("p0-reclaimed", restored.Head?.Request.ConversationId);
    }

    [Fact]
    public void A_checkpoint_that_kept_one_put_back_at_the_head_at_its_own_priority_is_read_with_it_ahead_of_every_priority()
    {
        // As a checkpoint written before one put back at the head waited ahead of every priority lists them: priority 9
        // first, then priority 0 with the one its agent lost numbered just before that level's head.
        var lost = Waiting("p0-lost", 2, priority: 0);
        var state = new AgentPoolState
        {
            Queue = [Waiting("p9", 10, priority: 9), lost with { Request = lost.Request with { Front = true } }, Waiting("p0", 3, priority: 0)],
            NextSequence = 11,
        };

        var ledger = PoolLedger.FromCheckpoint(state);

        Assert.Equal(["p0-lost", "p9", "p0"], Order(ledger.Queue));
        Assert.Equal(1, ledger.Queue.Position("p0-lost", lost.Request.HandoffId));
        Assert.Equal(3, ledger.Queue.Position("p0", Waiting("p0", 3).Request.HandoffId));
    }

    [Fact]
    public void A_conversation_asking_again_at_another_priority_leaves_its_place_for_the_back_of_that_priority()
    {
        var queue = new PoolQueue();
        queue.Enter(Waiting("a", 0));
        queue.Enter(Waiting("b", 1, priority: 7));
        queue.Enter(Waiting("c", 2));

        queue.Enter(Waiting("a", 3, priority: 7));

        Assert.Equal(["b", "a", "c"], Order(queue));
        Assert.Equal(3, queue.Count);
        Assert.Null(queue.Find("a", Waiting("a", 0).Request.HandoffId));
        Assert.Equal(2, queue.Position("a", Waiting("a", 3).Request.HandoffId));
    }

    [Fact]
    public void Checks_of_waiting_conversations_go_round_every_priority_in_queue_order()
    {
        var queue = new PoolQueue();
        queue.Enter(Waiting("low", 0, priority: 1));
        queue.Enter(Waiting("mid", 1));
        queue.Enter(Waiting("high", 2, priority: 8));

        Assert.Equal(["high", "mid"], queue.NextToCheck(2).Select(w => w.Request.ConversationId));
        Assert.Equal(["low", "high"], queue.NextToCheck(2).Select(w => w.Request.ConversationId));
        queue.Remove("low", handoffId: null);
        Assert.Equal(["mid", "high"], queue.NextToCheck(5).Select(w => w.Request.ConversationId));
    }

    [Fact]
    public void Ten_thousand_waiting_at_every_priority_keep_true_positions_while_half_of_them_leave_from_anywhere()
    {
        var random = new Random(10_000);
        var queue = new PoolQueue();
        var model = new List<WaitingRequest>();
        for (var i = 0; i < 10_000; i++)
        {
            var waiting = Waiting($"c{i}", i, priority: random.Next(HandoffPriority.Highest + 1));
            queue.Enter(waiting);
            model.Add(waiting);
        }

        foreach (var leaving in model.OrderBy(_ => random.Next()).Take(5_000).ToList())
        {
            Assert.True(queue.Remove(leaving.Request.ConversationId, leaving.Request.HandoffId));
            model.Remove(leaving);
        }

        var ordered = model.OrderByDescending(w => w.Request.Priority).ThenBy(w => w.Sequence).ToList();
        Assert.Equal(ordered, queue.Entries);
        for (var i = 0; i < ordered.Count; i++)
        {
            Assert.Equal(i + 1, queue.Position(ordered[i].Request.ConversationId, ordered[i].Request.HandoffId));
        }
    }

    [Fact]
    public void A_pool_entry_written_before_priorities_existed_waits_at_the_default()
    {
        var entered = PoolRecordCodec.Decode(PoolEntered.Name, Now,
            """{"conversationId":"c1","handoffId":"h1","reason":"customer-request","requestedAt":"2026-11-30T12:00:00+00:00","sequence":4}"""u8.ToArray());

        Assert.Equal(HandoffPriority.Default, Assert.IsType<PoolEntered>(entered).Request.Priority);
    }

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
            Entered("c2", 8, priority: 9),
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

    [Fact]
    public void Conversations_put_back_at_the_head_are_served_in_the_order_they_first_asked_and_keep_it_through_a_checkpoint()
    {
        var ledger = new PoolLedger();
        ledger.Apply(Entered("c1", 1));
        ledger.Apply(Entered("c2", 2));
        // Taken back from their agents one after another, latest first: each had asked some time before now.
        PoolEntered Back(string conversationId, long sequence, int askedSecondsBefore)
        {
            var entered = Entered(conversationId, sequence);
            return entered with { Front = true, Request = entered.Request with { Front = true, RequestedAt = Now.AddSeconds(-askedSecondsBefore) } };
        }
        ledger.Apply(Back("k2", 3, 60));
        ledger.Apply(Back("k1", 4, 120));
        ledger.Apply(Back("k3", 5, 90));
        ledger.Apply(new PoolLeft { At = Now.AddSeconds(6), ConversationId = "c1", HandoffId = "c1-h1" });

        string[] expected = ["k1", "k3", "k2", "c2"];
        Assert.Equal(expected, Order(ledger.Queue));
        Assert.Equal([1, 2, 3, 4], expected.Select(id => ledger.Queue.Position(id, $"{id}-h{Sequence(id)}")).ToArray());
        Assert.Equal("k1", ledger.Queue.Head!.Request.ConversationId);

        var rebuilt = PoolLedger.FromCheckpoint(ledger.ToCheckpoint());
        Assert.Equal(expected, Order(rebuilt.Queue));
        ledger.Apply(Entered("c3", 7));
        rebuilt.Apply(Entered("c3", 7));
        Assert.Equal(["k1", "k3", "k2", "c2", "c3"], Order(rebuilt.Queue));
        Assert.Equal(Order(ledger.Queue), Order(rebuilt.Queue));
        Assert.Equal(5, rebuilt.Queue.Position("c3", "c3-h7"));

        static long Sequence(string id) => id switch { "k2" => 3, "k1" => 4, "k3" => 5, _ => 2 };
    }
}
