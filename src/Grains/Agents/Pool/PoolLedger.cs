namespace CxCluster.Grains.Agents.Pool;

/// <summary>
/// What a pool partition knows: its queue, its roster, the offer in flight and recent assignments. Records change it
/// only through <see cref="Apply"/>, so the ledger a partition reaches live and the one rebuilt from its latest
/// checkpoint plus the records after it are the same.
/// </summary>
internal sealed class PoolLedger
{
    /// <summary>How many assignments are remembered, so late questions about a handoff get a true answer.</summary>
    public const int RecentAssignmentsKept = 1024;

    private readonly Dictionary<string, PoolAssignment> _recent = new(StringComparer.Ordinal);
    private readonly Queue<PoolAssignment> _recentOrder = new();

    public PoolQueue Queue { get; } = new();

    public long NextSequence { get; private set; }

    public Dictionary<string, AgentView> Roster { get; } = new(StringComparer.Ordinal);

    /// <summary>Measured average handling time; null until an agent has completed a conversation here.</summary>
    public double? AverageHandlingSeconds { get; set; }

    public bool Listed { get; private set; }

    /// <summary>The offer being made; after a crash the same agent is asked again (it answers yes if it already took it).</summary>
    public PendingOffer? PendingOffer { get; set; }

    /// <summary>The seq of the last record applied.</summary>
    public long Version { get; set; }

    public void Apply(PoolRecord record)
    {
        switch (record)
        {
            case PoolEntered entered:
                Queue.Enter(new WaitingRequest { Request = entered.Request, EnqueuedAt = entered.At, Sequence = entered.Sequence });
                NextSequence = Math.Max(NextSequence, entered.Sequence + 1);
                break;
            case PoolLeft left:
                Queue.Remove(left.ConversationId, left.HandoffId);
                break;
            case PoolAssigned assigned:
                Queue.Remove(assigned.Assignment.ConversationId, assigned.Assignment.HandoffId);
                Remember(assigned.Assignment);
                if (PendingOffer?.ConversationId == assigned.Assignment.ConversationId)
                {
                    PendingOffer = null;
                }
                break;
            case PoolOffering offering:
                PendingOffer = offering.Offer;
                break;
            case PoolAgentSeen seen:
                Roster[seen.Agent.AgentId] = seen.Agent;
                break;
            case PoolAgentRemoved removed:
                Roster.Remove(removed.AgentId);
                break;
            case PoolListed:
                Listed = true;
                break;
        }
    }

    /// <summary>The assignment of the conversation's handoff <paramref name="handoffId"/>, if it is remembered.</summary>
    public PoolAssignment? Assigned(string conversationId, string handoffId) =>
        _recent.TryGetValue(conversationId, out var assignment) && assignment.HandoffId == handoffId ? assignment : null;

    public AgentPoolState ToCheckpoint() => new()
    {
        Queue = [.. Queue.Entries],
        NextSequence = NextSequence,
        Roster = new Dictionary<string, AgentView>(Roster, StringComparer.Ordinal),
        AverageHandlingSeconds = AverageHandlingSeconds,
        Recent = [.. _recentOrder],
        Listed = Listed,
        PendingOffer = PendingOffer,
        Version = Version,
    };

    public static PoolLedger FromCheckpoint(AgentPoolState state)
    {
        var ledger = new PoolLedger
        {
            NextSequence = state.NextSequence,
            AverageHandlingSeconds = state.AverageHandlingSeconds,
            Listed = state.Listed,
            PendingOffer = state.PendingOffer,
            Version = state.Version,
        };
        foreach (var waiting in state.Queue)
        {
            ledger.Queue.Enter(waiting);
        }
        foreach (var (id, view) in state.Roster)
        {
            ledger.Roster[id] = view;
        }
        foreach (var assignment in state.Recent)
        {
            ledger.Remember(assignment);
        }
        return ledger;
    }

    private void Remember(PoolAssignment assignment)
    {
        _recentOrder.Enqueue(assignment);
        _recent[assignment.ConversationId] = assignment;
        if (_recentOrder.Count > RecentAssignmentsKept)
        {
            var oldest = _recentOrder.Dequeue();
            if (_recent.TryGetValue(oldest.ConversationId, out var current) && ReferenceEquals(current, oldest))
            {
                _recent.Remove(oldest.ConversationId);
            }
        }
    }
}
