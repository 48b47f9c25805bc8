namespace CxCluster.Grains.Agents;

/// <summary>A checkpoint of one pool partition: who serves it, who waits, and how long agents take, as of <see cref="Version"/>.</summary>
[GenerateSerializer, Alias("cx.AgentPoolState")]
public sealed class AgentPoolState
{
    /// <summary>Waiting conversations in queue order: higher priority first, then first come first.</summary>
    [Id(0)] public List<WaitingRequest> Queue { get; set; } = [];
    [Id(1)] public long NextSequence { get; set; }
    /// <summary>The agents serving this language and channel, as last heard from them.</summary>
    [Id(2)] public Dictionary<string, AgentView> Roster { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Measured average handling time; null until an agent has completed a conversation here.</summary>
    [Id(3)] public double? AverageHandlingSeconds { get; set; }
    /// <summary>Recent assignments, oldest first, so late questions about a handoff get a true answer.</summary>
    [Id(4)] public List<PoolAssignment> Recent { get; set; } = [];
    /// <summary>The tenant's directory knows this partition.</summary>
    [Id(5)] public bool Listed { get; set; }
    /// <summary>
    /// The offer being made, stored before the agent is asked: after a crash the same agent is asked again (it answers
    /// yes if it already took it), so a conversation is never offered to a second agent while the first may hold it.
    /// </summary>
    [Id(6)] public PendingOffer? PendingOffer { get; set; }
    /// <summary>The seq of the partition's last record this checkpoint includes.</summary>
    [Id(7)] public long Version { get; set; }
    /// <summary>Waiting conversations offered to an agent who has not answered yet: they keep their place, and nobody else is offered them.</summary>
    [Id(8)] public List<PoolOfferMark> Offered { get; set; } = [];
    /// <summary>Agents who declined a waiting handoff: it is never offered to them again.</summary>
    [Id(9)] public List<PoolPass> Passes { get; set; } = [];
    /// <summary>Waiting conversations being moved to a wider pool.</summary>
    [Id(10)] public List<PoolMove> Escalating { get; set; } = [];
    /// <summary>Recent moves to a wider pool, oldest first, so a late question is answered with where it waits now.</summary>
    [Id(11)] public List<PoolMove> Moved { get; set; } = [];
    /// <summary>The last offer of each waiting handoff that was declined or expired, so its conversation can learn of it.</summary>
    [Id(12)] public List<PoolEndedOffer> Ended { get; set; } = [];
}

/// <summary>The last offer of a waiting handoff that was declined or let expire.</summary>
[GenerateSerializer, Immutable, Alias("cx.PoolEndedOffer")]
public sealed record PoolEndedOffer
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required string AgentId { get; init; }
    [Id(3)] public required string OfferId { get; init; }
}

/// <summary>A waiting conversation's move to a wider pool as its wait widened.</summary>
[GenerateSerializer, Immutable, Alias("cx.PoolMove")]
public sealed record PoolMove
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    /// <summary>The routing step (its index in the tenant's steps) it widened to.</summary>
    [Id(2)] public required int Step { get; init; }
    [Id(3)] public required string Queue { get; init; }
}

/// <summary>A waiting conversation's open offer to one agent.</summary>
[GenerateSerializer, Immutable, Alias("cx.PoolOfferMark")]
public sealed record PoolOfferMark
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required string AgentId { get; init; }
    [Id(3)] public required string OfferId { get; init; }
    [Id(4)] public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>An agent passed on a waiting handoff: declined it (one who let an offer expire or lost it may have it once back on duty).</summary>
[GenerateSerializer, Immutable, Alias("cx.PoolPass")]
public sealed record PoolPass
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required string AgentId { get; init; }
}

/// <summary>An offer of the head of the queue to one agent, in flight.</summary>
[GenerateSerializer, Immutable, Alias("cx.PendingOffer")]
public sealed record PendingOffer
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required string AgentId { get; init; }
}

/// <summary>A conversation waiting for an agent.</summary>
[GenerateSerializer, Immutable, Alias("cx.WaitingRequest")]
public sealed record WaitingRequest
{
    [Id(0)] public required HandoffRequest Request { get; init; }
    [Id(1)] public required DateTimeOffset EnqueuedAt { get; init; }
    [Id(2)] public required long Sequence { get; init; }
}

/// <summary>A handoff this partition gave to an agent.</summary>
[GenerateSerializer, Immutable, Alias("cx.PoolAssignment")]
public sealed record PoolAssignment
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required string AgentId { get; init; }
    [Id(3)] public required string AgentDisplayName { get; init; }
}

/// <summary>The names of a tenant's pool partitions.</summary>
[GenerateSerializer, Alias("cx.AgentPoolDirectoryState")]
public sealed class AgentPoolDirectoryState
{
    [Id(0)] public SortedSet<string> Pools { get; set; } = new(StringComparer.Ordinal);
}
