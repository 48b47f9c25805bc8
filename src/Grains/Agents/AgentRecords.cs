namespace CxCluster.Grains.Agents;

/// <summary>
/// One change of a human agent, appended to its stream in the journal: the agent is rebuilt from its latest checkpoint
/// plus the records after it. Each change is small: a status, one claim, one assignment, one completion.
/// </summary>
internal abstract record AgentRecord
{
    public required DateTimeOffset At { get; init; }

    /// <summary>The record's type as the journal keeps it.</summary>
    public abstract string Type { get; }
}

/// <summary>The agent registered, or changed its profile (a first registration starts it offline).</summary>
internal sealed record AgentRegistered : AgentRecord
{
    public const string Name = "agent.registered";
    public required AgentProfile Profile { get; init; }
    public override string Type => Name;
}

/// <summary>The agent's status changed (becoming available starts its idle time).</summary>
internal sealed record AgentStatusChanged : AgentRecord
{
    public const string Name = "agent.status";
    public required AgentStatus Status { get; init; }
    /// <summary>The status it left; null in records written before it was kept.</summary>
    public AgentStatus? PreviousStatus { get; init; }
    /// <summary>
    /// Its number among the agent's status changes (1, 2, 3, …): the <c>seq</c> of the <c>agent.status.changed</c> fact
    /// told of it; null in records written before it was kept.
    /// </summary>
    public long? Number { get; init; }
    /// <summary>Why, when the cluster changed it (<c>not-responding</c>: an offer or a first reply timed out).</summary>
    public string? Reason { get; init; }
    public override string Type => Name;

    /// <summary>The fact told of this change (<c>agent.status.changed</c>).</summary>
    public Abstractions.Facts.AgentStatusChanged Told() => new() { At = At, Status = Status, PreviousStatus = PreviousStatus, Reason = Reason };
}

/// <summary>The agent is about to ask a pool for a waiting conversation: stored before the pool is asked.</summary>
internal sealed record AgentClaimPending : AgentRecord
{
    public const string Name = "agent.claim-pending";
    public required PendingClaim Claim { get; init; }
    public override string Type => Name;
}

/// <summary>A pending claim did not go through (the pool gave the conversation to nobody, or to someone else).</summary>
internal sealed record AgentClaimDropped : AgentRecord
{
    public const string Name = "agent.claim-dropped";
    public required string ConversationId { get; init; }
    public required string HandoffId { get; init; }
    public override string Type => Name;
}

/// <summary>The agent took a conversation (offered by a pool, or claimed from its queue, settling that claim).</summary>
internal sealed record AgentAssigned : AgentRecord
{
    public const string Name = "agent.assigned";
    public required string ConversationId { get; init; }
    public required string HandoffId { get; init; }
    public required string PoolName { get; init; }
    public override string Type => Name;
}

/// <summary>The agent no longer holds a conversation it did not complete (the conversation ended or moved on).</summary>
internal sealed record AgentReleased : AgentRecord
{
    public const string Name = "agent.released";
    public required string ConversationId { get; init; }
    public required string HandoffId { get; init; }
    public override string Type => Name;
}

/// <summary>The agent completed a conversation: stored before the conversation is told.</summary>
internal sealed record AgentCompleted : AgentRecord
{
    public const string Name = "agent.completed";
    public required string ConversationId { get; init; }
    public required string HandoffId { get; init; }
    public override string Type => Name;
}

/// <summary>The conversation heard of a completion (it answered the notice), so it is not told again.</summary>
internal sealed record AgentCompletionTold : AgentRecord
{
    public const string Name = "agent.completion-told";
    public required string ConversationId { get; init; }
    public required string HandoffId { get; init; }
    public override string Type => Name;
}

/// <summary>The agent's reconciliation reminder was registered (before this record) or is about to be removed (after it).</summary>
internal sealed record AgentWatched : AgentRecord
{
    public const string Name = "agent.watched";
    public required bool Watched { get; init; }
    public override string Type => Name;
}

/// <summary>A conversation was offered to the agent, who counts it against capacity until it answers or the offer expires.</summary>
internal sealed record AgentOffered : AgentRecord
{
    public const string Name = "agent.offered";
    public required OpenOffer Offer { get; init; }
    public override string Type => Name;
}

/// <summary>An open offer ended: accepted, declined, expired or withdrawn. Stored before its pool is told.</summary>
internal sealed record AgentOfferEnded : AgentRecord
{
    public const string Name = "agent.offer-ended";
    public required string OfferId { get; init; }
    public required OfferOutcome Outcome { get; init; }
    public string? Reason { get; init; }
    public override string Type => Name;
}

/// <summary>
/// An accepted offer whose conversation had moved on by the time the pool or the conversation heard of it: the agent got
/// nothing and was answered 409, and a repeat of the accept answers the same.
/// </summary>
internal sealed record AgentOfferWithdrawn : AgentRecord
{
    public const string Name = "agent.offer-withdrawn";
    public required string OfferId { get; init; }
    public override string Type => Name;
}

/// <summary>The pool heard how an offer ended, so it is not told again.</summary>
internal sealed record AgentOfferTold : AgentRecord
{
    public const string Name = "agent.offer-told";
    public required string OfferId { get; init; }
    public override string Type => Name;
}
