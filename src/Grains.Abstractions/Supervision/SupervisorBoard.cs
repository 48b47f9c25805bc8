namespace CxCluster.Abstractions.Supervision;

/// <summary>A tenant's supervisor board at one moment.</summary>
[GenerateSerializer, Immutable, Alias("cx.SupervisorBoard")]
public sealed record SupervisorBoard
{
    [Id(0)] public required DateTimeOffset AsOf { get; init; }
    /// <summary>The live stream's cursor of the last fact the board includes (0: none): a stream resumed after it misses nothing since.</summary>
    [Id(1)] public required long Cursor { get; init; }
    [Id(2)] public required IReadOnlyList<QueueStats> Queues { get; init; }
    [Id(3)] public required IReadOnlyList<BoardAgent> Agents { get; init; }
    [Id(4)] public required IReadOnlyList<BoardConversation> Conversations { get; init; }
    [Id(5)] public required BoardDay Today { get; init; }
}

/// <summary>One agent as the supervisor sees it.</summary>
[GenerateSerializer, Immutable, Alias("cx.BoardAgent")]
public sealed record BoardAgent
{
    [Id(0)] public required string AgentId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public required AgentStatus Status { get; init; }
    /// <summary>Conversations held plus offers open (and slots reserved while pulling).</summary>
    [Id(3)] public required int Load { get; init; }
    [Id(4)] public required int Capacity { get; init; }
    /// <summary>Offers the agent has not answered yet.</summary>
    [Id(5)] public required int Offers { get; init; }
}

/// <summary>A conversation at risk (trust in the warning or breached band) or waiting for a human.</summary>
[GenerateSerializer, Immutable, Alias("cx.BoardConversation")]
public sealed record BoardConversation
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required ConversationStatus Status { get; init; }
    [Id(2)] public required TrustBand Band { get; init; }
    /// <summary>The trust score as it stands for a conversation at risk (asked of it on each read); else as of its last band change (100 before any).</summary>
    [Id(3)] public required int Score { get; init; }
    /// <summary>While waiting or offered: the queue it waits in.</summary>
    [Id(4)] public string? Queue { get; init; }
    /// <summary>While waiting or offered: since when the customer waits for a human.</summary>
    [Id(5)] public DateTimeOffset? WaitingSince { get; init; }
    /// <summary>The agent it is offered or assigned to.</summary>
    [Id(6)] public string? AgentId { get; init; }
}

/// <summary>Today's counts (the UTC day).</summary>
[GenerateSerializer, Immutable, Alias("cx.BoardDay")]
public sealed record BoardDay
{
    /// <summary>The UTC day, <c>yyyy-MM-dd</c>.</summary>
    [Id(0)] public required string Day { get; init; }
    [Id(1)] public required IReadOnlyDictionary<string, int> HandoffsByReason { get; init; }
    /// <summary>The median of today's waits from a request to an agent taking it; null before the first.</summary>
    [Id(2)] public int? MedianWaitSeconds { get; init; }
    [Id(3)] public required int OffersExpired { get; init; }
    [Id(4)] public required int Handoffs { get; init; }
    [Id(5)] public required int Assigned { get; init; }
}
