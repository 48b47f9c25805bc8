namespace CxCluster.Grains.Conversations;

/// <summary>
/// What a conversation's next decisions need, and the transcript its snapshot shows: rebuilt on activation from its
/// latest checkpoint plus the facts appended after it. Personal data only in redacted form and erasable.
/// </summary>
[GenerateSerializer, Alias("cx.ConversationState")]
public sealed class ConversationState
{
    [Id(0)] public bool Started { get; set; }
    [Id(1)] public ConversationStatus Status { get; set; }
    [Id(2)] public Channel Channel { get; set; }
    [Id(3)] public string Locale { get; set; } = "";
    [Id(4)] public string? CustomerId { get; set; }
    [Id(5)] public DateTimeOffset StartedAt { get; set; }
    /// <summary>Every disclosure issued, oldest first; the last is the one in force.</summary>
    [Id(6)] public List<IssuedDisclosure> Disclosures { get; set; } = [];
    /// <summary>True when the next answer must lead with the current disclosure (after the AI takes over from a human).</summary>
    [Id(7)] public bool AnnounceDisclosure { get; set; }
    /// <summary>Recent, not yet faded trust signals.</summary>
    [Id(8)] public List<TrustSignal> Signals { get; set; } = [];
    /// <summary>The latest time an event was scored at (its <c>occurredAt</c>, never later than the silo's now): the "now" penalties fade against.</summary>
    [Id(9)] public DateTimeOffset TrustClock { get; set; }
    /// <summary>A human was offered in the current warning episode.</summary>
    [Id(10)] public bool HumanOffered { get; set; }
    /// <summary>Fingerprints of the customer's latest messages, newest last, to notice repetition.</summary>
    [Id(11)] public List<ulong> RecentMessages { get; set; } = [];
    [Id(12)] public HandoffRecord? Handoff { get; set; }
    [Id(13)] public List<TranscriptTurn> Transcript { get; set; } = [];
    [Id(15)] public DateTimeOffset? EndedAt { get; set; }
    [Id(16)] public DateTimeOffset? ErasedAt { get; set; }
    /// <summary>How many handoffs were requested; numbers the next handoff id.</summary>
    [Id(17)] public int HandoffCount { get; set; }
    /// <summary>The conversation left a handoff (ended or erased) and must still free its queue place or agent.</summary>
    [Id(18)] public PendingRelease? Release { get; set; }
    /// <summary>The reconciliation reminder is registered (as far as this state knows: a reminder that fires says it is).</summary>
    [Id(19)] public bool Watched { get; set; }
    /// <summary>The seq of the last fact applied: the <c>version</c> answers carry, and the seq a checkpoint of this state is kept at.</summary>
    [Id(20)] public long Version { get; set; }
    /// <summary>The trust band last recorded: a change of band is a fact.</summary>
    [Id(21)] public TrustBand Band { get; set; }
}

/// <summary>A handoff the conversation left, whose queue place or agent has not been freed yet.</summary>
[GenerateSerializer, Immutable, Alias("cx.PendingRelease")]
public sealed record PendingRelease
{
    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string PoolName { get; init; }
    /// <summary>The agent the conversation was with, if any; the pool names one that took it meanwhile.</summary>
    [Id(2)] public string? AgentId { get; init; }
}

/// <summary>One disclosure: the proof of what the customer was told, where and when.</summary>
[GenerateSerializer, Alias("cx.IssuedDisclosure")]
public sealed class IssuedDisclosure
{
    [Id(0)] public required string DisclosureId { get; init; }
    [Id(1)] public required Channel Channel { get; init; }
    [Id(2)] public required string Locale { get; init; }
    [Id(3)] public required string Text { get; init; }
    [Id(4)] public required DateTimeOffset IssuedAt { get; init; }
    [Id(5)] public DateTimeOffset? DeliveredAt { get; set; }
}

/// <summary>The current or last move to a human.</summary>
[GenerateSerializer, Alias("cx.HandoffRecord")]
public sealed class HandoffRecord
{
    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string Reason { get; init; }
    [Id(2)] public required DateTimeOffset RequestedAt { get; init; }
    [Id(3)] public required string PoolName { get; init; }
    [Id(4)] public HandoffStatus Status { get; set; }
    [Id(5)] public string? AgentId { get; set; }
    [Id(6)] public string? AgentDisplayName { get; set; }
    [Id(7)] public int? QueuePosition { get; set; }
    [Id(8)] public int? EstimatedWaitSeconds { get; set; }
    [Id(9)] public DateTimeOffset? AssignedAt { get; set; }
    /// <summary>Stored before the pool is asked and cleared once its answer is stored: the request must be (re)sent.</summary>
    [Id(10)] public bool AwaitingPool { get; set; }
}

/// <summary>An event id already answered, and its answer.</summary>
[GenerateSerializer, Immutable, Alias("cx.ProcessedEvent")]
public sealed record ProcessedEvent
{
    [Id(0)] public required string EventId { get; init; }
    [Id(1)] public required IReadOnlyList<Directive> Directives { get; init; }
    /// <summary>The handoff this event opened whose placement is not stored yet: its directive is still to be added.</summary>
    [Id(2)] public string? PendingHandoffId { get; init; }
}
