using CxCluster.Grains.Agents.Pool;

namespace CxCluster.Grains.Tests.Agents;

/// <summary>The roster's counts of what is available, kept as it changes, always agree with counting the roster.</summary>
public sealed class PoolLedgerRosterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static AgentView View(string id, AgentStatus status, int capacity, long version, int load = 0) => new()
    {
        AgentId = id,
        DisplayName = id,
        Status = status,
        Capacity = capacity,
        Load = load,
        IdleSince = T0,
        Version = version,
    };

    private static void CountsAgree(PoolLedger ledger)
    {
        var available = ledger.Roster.Values.Where(a => a.Status == AgentStatus.Available).ToList();
        Assert.Equal(available.Count, ledger.AvailableAgents);
        Assert.Equal(available.Sum(a => a.Capacity), ledger.AvailableSlots);
        Assert.Equal(available.Sum(a => Math.Max(0, a.Capacity - a.Load)), ledger.FreeSlots);
        Assert.Equal(available.Sum(a => Math.Max(0, a.Load - a.Capacity)), ledger.Overload);
    }

    [Fact]
    public void Any_sequence_of_agents_seen_changed_and_removed_keeps_the_available_counts_true_live_and_rebuilt()
    {
        foreach (var seed in Enumerable.Range(1, 40))
        {
            var random = new Random(seed);
            var ledger = new PoolLedger();
            var checkpoint = ledger.ToCheckpoint();
            var since = new List<PoolRecord>();
            var statuses = Enum.GetValues<AgentStatus>();
            for (var step = 0; step < 300; step++)
            {
                var id = $"agent-{random.Next(12)}";
                PoolRecord record = random.Next(5) == 0
                    ? new PoolAgentRemoved { At = T0, AgentId = id }
                    : new PoolAgentSeen { At = T0, Agent = View(id, statuses[random.Next(statuses.Length)], random.Next(1, 6), step, random.Next(7)) };
                ledger.Apply(record);
                since.Add(record);
                // Views learnt in memory only (from offers and notices) change the counts the same way.
                if (random.Next(4) == 0)
                {
                    ledger.See(View($"agent-{random.Next(12)}", statuses[random.Next(statuses.Length)], random.Next(1, 6), step, random.Next(7)));
                }
                CountsAgree(ledger);
                if (random.Next(25) == 0)
                {
                    checkpoint = ledger.ToCheckpoint();
                    since.Clear();
                }
            }
            var rebuilt = PoolLedger.FromCheckpoint(checkpoint);
            foreach (var record in since)
            {
                rebuilt.Apply(record);
            }
            CountsAgree(rebuilt);
        }
    }

    [Fact]
    public void The_room_for_a_request_leaves_out_agents_who_passed_on_it_and_counts_what_they_hold_beyond_capacity()
    {
        var ledger = new PoolLedger();
        ledger.Apply(new PoolAgentSeen { At = T0, Agent = View("ana", AgentStatus.Available, 2, 1) });
        ledger.Apply(new PoolAgentSeen { At = T0, Agent = View("hans", AgentStatus.Available, 1, 1, load: 3) });
        var request = new HandoffRequest { ConversationId = "c1", HandoffId = "hnd-1", Reason = "customer-request", RequestedAt = T0 };
        ledger.Apply(new PoolEntered { At = T0, Request = request, Sequence = 0 });

        Assert.Equal((3, 2, 2), ledger.RoomFor(request));
        ledger.Apply(new PoolOfferEnded { At = T0, ConversationId = "c1", HandoffId = "hnd-1", OfferId = "ofr-1", AgentId = "ana", Passed = true });
        Assert.Equal((1, 0, 2), ledger.RoomFor(request));
        // Another conversation may still go to ana.
        Assert.Equal((3, 2, 2), ledger.RoomFor(request with { ConversationId = "c2" }));
    }
}
