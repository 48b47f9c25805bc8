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
    private readonly Dictionary<string, PoolOfferMark> _offered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PoolEndedOffer> _ended = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PoolMove> _escalating = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PoolMove> _moved = new(StringComparer.Ordinal);
    private readonly Queue<PoolMove> _movedOrder = new();
    private readonly Dictionary<string, (string HandoffId, HashSet<string> Agents)> _passes = new(StringComparer.Ordinal);
    private readonly Queue<PoolAssignment> _recentOrder = new();

    public PoolQueue Queue { get; } = new();

    public long NextSequence { get; private set; }

    private readonly Dictionary<string, AgentView> _roster = new(StringComparer.Ordinal);

    /// <summary>The agents of the pool, as last seen; changed only through <see cref="See"/> and <see cref="Unlist"/>.</summary>
    public IReadOnlyDictionary<string, AgentView> Roster => _roster;

    /// <summary>Agents available now, kept as the roster changes rather than counted.</summary>
    public int AvailableAgents { get; private set; }

    /// <summary>The capacity of the agents available now, kept as the roster changes rather than summed.</summary>
    public int AvailableSlots { get; private set; }

    /// <summary>The room the agents available now have left (capacity less what they hold or are offered), kept likewise.</summary>
    public int FreeSlots { get; private set; }

    /// <summary>
    /// What the agents available now hold beyond their capacity (it was lowered below their load), kept likewise: so
    /// many conversations must end before they have room again.
    /// </summary>
    public int Overload { get; private set; }

    /// <summary>Takes an agent's view into the roster, keeping the counts of what is available.</summary>
    public void See(AgentView agent)
    {
        Unlist(agent.AgentId);
        _roster[agent.AgentId] = agent;
        if (agent.Status == AgentStatus.Available)
        {
            AvailableAgents++;
            AvailableSlots += agent.Capacity;
            FreeSlots += agent.FreeCapacity;
            Overload += OverloadOf(agent);
        }
    }

    /// <summary>Takes an agent off the roster, keeping the counts of what is available.</summary>
    public void Unlist(string agentId)
    {
        if (_roster.Remove(agentId, out var known) && known.Status == AgentStatus.Available)
        {
            AvailableAgents--;
            AvailableSlots -= known.Capacity;
            FreeSlots -= known.FreeCapacity;
            Overload -= OverloadOf(known);
        }
    }

    /// <summary>
    /// The capacity, room and overload of the agents available now who may take the waiting request: all of them but
    /// those who passed on it (a few at most, so this costs no count of the roster).
    /// </summary>
    public (int Slots, int Free, int Overload) RoomFor(HandoffRequest request)
    {
        var (slots, free, overload) = (AvailableSlots, FreeSlots, Overload);
        foreach (var agentId in PassesOf(request))
        {
            if (_roster.TryGetValue(agentId, out var agent) && agent.Status == AgentStatus.Available)
            {
                slots -= agent.Capacity;
                free -= agent.FreeCapacity;
                overload -= OverloadOf(agent);
            }
        }
        return (slots, free, overload);
    }

    private static int OverloadOf(AgentView agent) => Math.Max(0, agent.Load - agent.Capacity);

    /// <summary>Measured average handling time; null until an agent has completed a conversation here.</summary>
    public double? AverageHandlingSeconds { get; set; }

    public bool Listed { get; private set; }

    /// <summary>The offer being made; after a crash the same agent is asked again (it answers yes if it already took it).</summary>
    public PendingOffer? PendingOffer { get; set; }

    /// <summary>The seq of the last record applied.</summary>
    public long Version { get; set; }

    /// <summary>Open offers of waiting conversations.</summary>
    public IReadOnlyCollection<PoolOfferMark> Offered => _offered.Values;

    /// <summary>The open offer of the conversation's waiting handoff, if one is open.</summary>
    public PoolOfferMark? OfferOf(string conversationId) => _offered.GetValueOrDefault(conversationId);

    /// <summary>
    /// The last offer of the waiting handoff that was declined or expired, or null: an agent's word of it to the
    /// conversation is one-way, so the conversation learns of it here if that word was lost.
    /// </summary>
    public PoolEndedOffer? EndedOfferOf(string conversationId, string handoffId) =>
        _ended.TryGetValue(conversationId, out var ended) && ended.HandoffId == handoffId ? ended : null;

    /// <summary>Whether the agent declined the conversation's waiting handoff (or its request excludes the agent).</summary>
    public bool Passed(HandoffRequest request, string agentId) =>
        _passes.TryGetValue(request.ConversationId, out var passes) && passes.HandoffId == request.HandoffId && passes.Agents.Contains(agentId);

    /// <summary>Whether the agent may be offered the waiting request: nobody holds an offer of it and the agent did not pass on it.</summary>
    public bool Offerable(HandoffRequest request, string agentId) => !Held(request.ConversationId) && !Passed(request, agentId);

    /// <summary>Whether the waiting conversation is offered to an agent or being moved to a wider pool: nobody may be offered it now.</summary>
    public bool Held(string conversationId) => _offered.ContainsKey(conversationId) || _escalating.ContainsKey(conversationId);

    /// <summary>Moves to a wider pool stored but not finished.</summary>
    public IReadOnlyCollection<PoolMove> Escalating => _escalating.Values;

    /// <summary>
    /// The moves under way in their conversations' order in this queue, so the wider queue takes them first come, first
    /// served (a dictionary's order is its insertion's only until something leaves it); those no longer waiting last.
    /// </summary>
    public PoolMove[] EscalatingInQueueOrder() =>
        [.. _escalating.Values.OrderBy(m => Queue.Position(m.ConversationId, m.HandoffId) ?? int.MaxValue)];

    /// <summary>Where the conversation's handoff waits now, if this pool moved it to a wider one.</summary>
    public PoolMove? MovedOf(string conversationId, string handoffId) =>
        _moved.TryGetValue(conversationId, out var move) && move.HandoffId == handoffId ? move : null;

    /// <summary>The agents who passed on the conversation's waiting handoff here.</summary>
    public IReadOnlyCollection<string> PassesOf(HandoffRequest request) =>
        _passes.TryGetValue(request.ConversationId, out var passes) && passes.HandoffId == request.HandoffId ? passes.Agents : [];

    public void Apply(PoolRecord record)
    {
        switch (record)
        {
            case PoolEntered entered:
                Forget(entered.Request.ConversationId, entered.Request.HandoffId);
                if (_recent.TryGetValue(entered.Request.ConversationId, out var given) && given.HandoffId == entered.Request.HandoffId)
                {
                    // Its agent lost it: it waits again, so it is no longer answered as assigned.
                    _recent.Remove(entered.Request.ConversationId);
                }
                foreach (var excluded in entered.Request.Excluded)
                {
                    Pass(new PoolPass { ConversationId = entered.Request.ConversationId, HandoffId = entered.Request.HandoffId, AgentId = excluded });
                }
                // One that comes back to the head has waited since it first asked; one moved here, since it began to wait.
                var waiting = new WaitingRequest
                {
                    Request = entered.Request,
                    EnqueuedAt = entered.Request.WaitingSince is { } since && since < entered.At ? since
                        : entered.Front && entered.Request.RequestedAt < entered.At ? entered.Request.RequestedAt : entered.At,
                    Sequence = entered.Sequence,
                };
                if (entered.Front)
                {
                    Queue.EnterFront(waiting);
                }
                else
                {
                    Queue.Enter(waiting);
                }
                NextSequence = Math.Max(NextSequence, entered.Sequence + 1);
                break;
            case PoolLeft left:
                Queue.Remove(left.ConversationId, left.HandoffId);
                Forget(left.ConversationId, null);
                break;
            case PoolOffered offered:
                _offered[offered.Offer.ConversationId] = offered.Offer;
                break;
            case PoolEscalating escalating:
                _escalating[escalating.Move.ConversationId] = escalating.Move;
                break;
            case PoolEscalated escalated:
                Queue.Remove(escalated.Move.ConversationId, escalated.Move.HandoffId);
                Forget(escalated.Move.ConversationId, null);
                RememberMove(escalated.Move);
                break;
            case PoolOfferEnded ended:
                // Offer ids are numbered per agent: the ended one is this agent's.
                if (_offered.TryGetValue(ended.ConversationId, out var open) && open.OfferId == ended.OfferId && open.AgentId == ended.AgentId)
                {
                    _offered.Remove(ended.ConversationId);
                }
                if (Queue.Find(ended.ConversationId, ended.HandoffId) is not null)
                {
                    _ended[ended.ConversationId] = new PoolEndedOffer
                    {
                        ConversationId = ended.ConversationId, HandoffId = ended.HandoffId, AgentId = ended.AgentId, OfferId = ended.OfferId,
                    };
                }
                if (ended.Passed)
                {
                    Pass(new PoolPass { ConversationId = ended.ConversationId, HandoffId = ended.HandoffId, AgentId = ended.AgentId });
                }
                break;
            case PoolAssigned assigned:
                Queue.Remove(assigned.Assignment.ConversationId, assigned.Assignment.HandoffId);
                Forget(assigned.Assignment.ConversationId, null);
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
                See(seen.Agent);
                break;
            case PoolAgentRemoved removed:
                Unlist(removed.AgentId);
                break;
            case PoolListed:
                Listed = true;
                break;
        }
    }

    /// <summary>Drops the offer and passes of the conversation (of any handoff but <paramref name="keepHandoffId"/>).</summary>
    private void Forget(string conversationId, string? keepHandoffId)
    {
        if (_escalating.TryGetValue(conversationId, out var move) && move.HandoffId != keepHandoffId)
        {
            _escalating.Remove(conversationId);
        }
        if (_offered.TryGetValue(conversationId, out var offer) && offer.HandoffId != keepHandoffId)
        {
            _offered.Remove(conversationId);
        }
        if (_passes.TryGetValue(conversationId, out var passes) && passes.HandoffId != keepHandoffId)
        {
            _passes.Remove(conversationId);
        }
        if (_ended.TryGetValue(conversationId, out var ended) && ended.HandoffId != keepHandoffId)
        {
            _ended.Remove(conversationId);
        }
    }

    private void RememberMove(PoolMove move)
    {
        _movedOrder.Enqueue(move);
        _moved[move.ConversationId] = move;
        if (_movedOrder.Count > RecentAssignmentsKept)
        {
            var oldest = _movedOrder.Dequeue();
            if (_moved.TryGetValue(oldest.ConversationId, out var current) && ReferenceEquals(current, oldest))
            {
                _moved.Remove(oldest.ConversationId);
            }
        }
    }

    private void Pass(PoolPass pass)
    {
        if (!_passes.TryGetValue(pass.ConversationId, out var passes) || passes.HandoffId != pass.HandoffId)
        {
            _passes[pass.ConversationId] = passes = (pass.HandoffId, new HashSet<string>(StringComparer.Ordinal));
        }
        passes.Agents.Add(pass.AgentId);
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
        Offered = [.. _offered.Values],
        Escalating = [.. _escalating.Values],
        Moved = [.. _movedOrder],
        Ended = [.. _ended.Values],
        Passes = [.. _passes.SelectMany(p => p.Value.Agents.Select(agent => new PoolPass { ConversationId = p.Key, HandoffId = p.Value.HandoffId, AgentId = agent }))],
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
        // Those waiting in line first, then those put back at the head, which go there again in the order they first
        // asked: a checkpoint written while such an entry waited at its own priority (before one put back at the head
        // went ahead of every priority) is read the same way.
        foreach (var waiting in state.Queue)
        {
            if (!waiting.Request.Front)
            {
                ledger.Queue.Enter(waiting);
            }
        }
        foreach (var waiting in state.Queue)
        {
            if (waiting.Request.Front)
            {
                ledger.Queue.EnterFront(waiting);
            }
        }
        foreach (var view in state.Roster.Values)
        {
            ledger.See(view);
        }
        foreach (var assignment in state.Recent)
        {
            ledger.Remember(assignment);
        }
        foreach (var move in state.Escalating)
        {
            ledger._escalating[move.ConversationId] = move;
        }
        foreach (var move in state.Moved)
        {
            ledger.RememberMove(move);
        }
        foreach (var offer in state.Offered)
        {
            ledger._offered[offer.ConversationId] = offer;
        }
        foreach (var pass in state.Passes)
        {
            ledger.Pass(pass);
        }
        foreach (var ended in state.Ended)
        {
            ledger._ended[ended.ConversationId] = ended;
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
