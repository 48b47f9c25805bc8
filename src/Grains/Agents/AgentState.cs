namespace CxCluster.Grains.Agents;

/// <summary>
/// A checkpoint of a human agent: who they are, whether they take work, and what they hold, as of <see cref="Seq"/>.
/// The agent's records in the journal are the truth; this only spares a replay of them all.
/// </summary>
[GenerateSerializer, Alias("cx.AgentState")]
public sealed class AgentState
{
    [Id(0)] public AgentProfile? Profile { get; set; }
    [Id(1)] public AgentStatus Status { get; set; } = AgentStatus.Offline;
    [Id(2)] public List<AgentAssignmentRecord> Assignments { get; set; } = [];
    [Id(3)] public DateTimeOffset IdleSince { get; set; }
    /// <summary>The version of the agent's view that pools compare.</summary>
    [Id(4)] public long Version { get; set; }
    /// <summary>
    /// Claims sent to a pool and not yet confirmed. Stored before the pool is asked, counted against capacity, and
    /// settled by asking the pool after a crash, so a claimed conversation is never lost between the two appends.
    /// </summary>
    [Id(5)] public List<PendingClaim> PendingClaims { get; set; } = [];
    /// <summary>
    /// Recent completions, oldest first: stored before the conversation is told, re-told until it has heard, and kept a
    /// while after so a retried complete answers success.
    /// </summary>
    [Id(6)] public List<CompletionRecord> Completions { get; set; } = [];
    /// <summary>The reconciliation reminder is registered.</summary>
    [Id(7)] public bool Watched { get; set; }
    /// <summary>The seq of the agent's last record this checkpoint includes.</summary>
    [Id(8)] public long Seq { get; set; }

    /// <summary>How many status changes the agent has made (the number of the last, as a told fact).</summary>
    [Id(9)] public long StatusChanges { get; set; }

    /// <summary>Offers the agent has not answered yet, counted against capacity.</summary>
    [Id(10)] public List<OpenOffer> Offers { get; set; } = [];

    /// <summary>Recent offers that ended, oldest first: one whose pool has not heard is never dropped.</summary>
    [Id(11)] public List<EndedOffer> EndedOffers { get; set; } = [];

    /// <summary>When the status last changed.</summary>
    [Id(12)] public DateTimeOffset StatusSince { get; set; }
}

/// <summary>A conversation offered to the agent, not answered yet.</summary>
[GenerateSerializer, Immutable, Alias("cx.OpenOffer")]
public sealed record OpenOffer
{
    [Id(0)] public required string OfferId { get; init; }
    [Id(1)] public required string ConversationId { get; init; }
    [Id(2)] public required string HandoffId { get; init; }
    [Id(3)] public required string PoolName { get; init; }
    [Id(4)] public required DateTimeOffset OfferedAt { get; init; }
    [Id(5)] public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>An offer that ended, and whether its pool has heard how.</summary>
[GenerateSerializer, Alias("cx.EndedOffer")]
public sealed class EndedOffer
{
    [Id(0)] public required OpenOffer Offer { get; init; }
    [Id(1)] public required OfferOutcome Outcome { get; init; }
    [Id(2)] public string? Reason { get; init; }
    [Id(3)] public bool Told { get; set; }
    /// <summary>When it ended (null in a checkpoint written before this was kept).</summary>
    [Id(4)] public DateTimeOffset? EndedAt { get; init; }
    /// <summary>Accepted, but the conversation had moved on: the agent got nothing (answered 409, as any repeat is).</summary>
    [Id(5)] public bool Withdrawn { get; set; }
}

/// <summary>A conversation the agent completed.</summary>
[GenerateSerializer, Alias("cx.CompletionRecord")]
public sealed class CompletionRecord
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required DateTimeOffset CompletedAt { get; init; }
    /// <summary>The conversation has heard of it (it answered the notice).</summary>
    [Id(3)] public bool Told { get; set; }
}

/// <summary>A waiting conversation the agent asked a pool for.</summary>
[GenerateSerializer, Immutable, Alias("cx.PendingClaim")]
public sealed record PendingClaim
{
    [Id(0)] public required string PoolName { get; init; }
    [Id(1)] public required string ConversationId { get; init; }
    [Id(2)] public required string HandoffId { get; init; }
    /// <summary>With offers on: the offer the claim becomes once the pool agrees.</summary>
    [Id(3)] public OpenOffer? Offer { get; init; }
}

/// <summary>One conversation an agent holds.</summary>
[GenerateSerializer, Alias("cx.AgentAssignmentRecord")]
public sealed class AgentAssignmentRecord
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required string PoolName { get; init; }
    [Id(3)] public required DateTimeOffset AssignedAt { get; init; }
}
