namespace CxCluster.Grains.Agents.Pool;

/// <summary>
/// One change of a pool partition, appended to its stream in the journal: the partition is rebuilt from its latest
/// checkpoint plus the records after it. Each change is small: a queue entry, an assignment, one agent's view.
/// </summary>
internal abstract record PoolRecord
{
    public required DateTimeOffset At { get; init; }

    /// <summary>The record's type as the journal keeps it.</summary>
    public abstract string Type { get; }
}

/// <summary>A conversation joined the back of its priority in the queue (an older entry of the same conversation left it).</summary>
internal sealed record PoolEntered : PoolRecord
{
    public const string Name = "pool.entered";
    public required HandoffRequest Request { get; init; }
    public required long Sequence { get; init; }
    /// <summary>It went back to the head of the queue (its agent lost it), ahead of everyone waiting.</summary>
    public bool Front { get; init; }
    public override string Type => Name;
}

/// <summary>A waiting conversation left the queue without an agent (it moved on, or withdrew).</summary>
internal sealed record PoolLeft : PoolRecord
{
    public const string Name = "pool.left";
    public required string ConversationId { get; init; }
    public required string HandoffId { get; init; }
    public override string Type => Name;
}

/// <summary>An agent took a conversation of the partition: it leaves the queue, and late questions get this answer.</summary>
internal sealed record PoolAssigned : PoolRecord
{
    public const string Name = "pool.assigned";
    public required PoolAssignment Assignment { get; init; }
    public override string Type => Name;
}

/// <summary>The head of the queue is being offered to an agent: stored before the agent is asked.</summary>
internal sealed record PoolOffering : PoolRecord
{
    public const string Name = "pool.offering";
    public required PendingOffer Offer { get; init; }
    public override string Type => Name;
}

/// <summary>An agent serves the partition, as it last told it.</summary>
internal sealed record PoolAgentSeen : PoolRecord
{
    public const string Name = "pool.agent";
    public required AgentView Agent { get; init; }
    public override string Type => Name;
}

/// <summary>An agent no longer serves the partition.</summary>
internal sealed record PoolAgentRemoved : PoolRecord
{
    public const string Name = "pool.agent-removed";
    public required string AgentId { get; init; }
    public override string Type => Name;
}

/// <summary>The tenant's directory of partitions lists this one.</summary>
internal sealed record PoolListed : PoolRecord
{
    public const string Name = "pool.listed";
    public override string Type => Name;
}

/// <summary>A waiting conversation was offered to an agent: it keeps its place, and nobody else is offered it meanwhile.</summary>
internal sealed record PoolOffered : PoolRecord
{
    public const string Name = "pool.offered";
    public required PoolOfferMark Offer { get; init; }
    public override string Type => Name;
}

/// <summary>An offer ended without an assignment; an agent who declined it is never offered that handoff again (one who let it expire is, once back on duty).</summary>
internal sealed record PoolOfferEnded : PoolRecord
{
    public const string Name = "pool.offer-ended";
    public required string ConversationId { get; init; }
    public required string HandoffId { get; init; }
    public required string OfferId { get; init; }
    public required string AgentId { get; init; }
    public required bool Passed { get; init; }
    public override string Type => Name;
}

/// <summary>
/// A waiting conversation's wait widened: it is being moved to a wider pool (stored before that pool is asked, and
/// offered to nobody here meanwhile); after a crash the move is made again.
/// </summary>
internal sealed record PoolEscalating : PoolRecord
{
    public const string Name = "pool.escalating";
    public required PoolMove Move { get; init; }
    public override string Type => Name;
}

/// <summary>The wider pool holds the conversation now: it leaves this queue, and late questions are sent there.</summary>
internal sealed record PoolEscalated : PoolRecord
{
    public const string Name = "pool.escalated";
    public required PoolMove Move { get; init; }
    public override string Type => Name;
}
