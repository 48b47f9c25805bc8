namespace CxCluster.Abstractions;

/// <summary>
/// What the agent a conversation is offered or assigned to needs so the customer never repeats themselves: why and
/// how urgently it came, how long the customer waited, what they were told and said (redacted), and how trust went.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.HandoffContext")]
public sealed record HandoffContext
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required string Reason { get; init; }
    /// <summary>0 (lowest) to 9 (highest).</summary>
    [Id(3)] public required int Priority { get; init; }
    [Id(4)] public required Channel Channel { get; init; }
    [Id(5)] public required string Locale { get; init; }
    /// <summary>Personal: gone once the conversation is erased.</summary>
    [Id(6)] public string? CustomerId { get; init; }
    /// <summary>From the request for a human to the assignment, or to now while the customer still waits.</summary>
    [Id(7)] public required int WaitedSeconds { get; init; }
    [Id(8)] public required ContextDisclosure Disclosure { get; init; }
    [Id(9)] public required ContextTrust Trust { get; init; }
    [Id(10)] public required ContextSummary Summary { get; init; }
    /// <summary>The redacted transcript, as the conversation's snapshot shows it.</summary>
    [Id(11)] public required IReadOnlyList<TranscriptTurn> Transcript { get; init; }
    /// <summary>The platform's string pairs from <c>conversation.started</c>, if it gave any.</summary>
    [Id(12)] public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}

/// <summary>Whether the customer was told they talked to an AI on the channel they are on now.</summary>
[GenerateSerializer, Immutable, Alias("cx.ContextDisclosure")]
public sealed record ContextDisclosure
{
    [Id(0)] public required bool Delivered { get; init; }
    [Id(1)] public DateTimeOffset? DeliveredAt { get; init; }
    [Id(2)] public Channel? Channel { get; init; }
}

/// <summary>The trust score now, how it went, and the signals that pulled it down most.</summary>
[GenerateSerializer, Immutable, Alias("cx.ContextTrust")]
public sealed record ContextTrust
{
    [Id(0)] public required int Score { get; init; }
    [Id(1)] public required TrustBand Band { get; init; }
    /// <summary>The score after each scored moment, oldest first.</summary>
    [Id(2)] public required IReadOnlyList<TrustPoint> Trajectory { get; init; }
    /// <summary>The largest penalties still weighing on the score, strongest first.</summary>
    [Id(3)] public required IReadOnlyList<TrustSignal> Signals { get; init; }
}

/// <summary>The trust score at one moment.</summary>
[GenerateSerializer, Immutable, Alias("cx.TrustPoint")]
public readonly record struct TrustPoint
{
    [Id(0)] public required DateTimeOffset At { get; init; }
    [Id(1)] public required int Score { get; init; }
}

/// <summary>The conversation in a few numbers and words, so the agent need not read all of it.</summary>
[GenerateSerializer, Immutable, Alias("cx.ContextSummary")]
public sealed record ContextSummary
{
    [Id(0)] public required int CustomerMessages { get; init; }
    /// <summary>The AI's messages that were allowed to reach the customer.</summary>
    [Id(1)] public required int AiMessages { get; init; }
    /// <summary>The customer's first message, or the start of the contact if they wrote nothing.</summary>
    [Id(2)] public required DateTimeOffset FirstContactAt { get; init; }
    /// <summary>Redacted; null when the customer wrote nothing or their words were erased.</summary>
    [Id(3)] public string? LastCustomerMessage { get; init; }
    /// <summary>Redacted: the message the customer sent more than once, if they did.</summary>
    [Id(4)] public string? RepeatedMessage { get; init; }
    /// <summary>How often the customer asked whether they talk to a bot or a person.</summary>
    [Id(5)] public required int IdentityQuestions { get; init; }
}
