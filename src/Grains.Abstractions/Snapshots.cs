namespace CxCluster.Abstractions;

/// <summary>A conversation as the platform, a supervisor or a compliance officer sees it; personal data redacted.</summary>
[GenerateSerializer, Immutable, Alias("cx.ConversationSnapshot")]
public sealed record ConversationSnapshot
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required ConversationStatus Status { get; init; }
    [Id(2)] public required Channel Channel { get; init; }
    [Id(3)] public required string Locale { get; init; }
    [Id(4)] public required DisclosureSnapshot Disclosure { get; init; }
    [Id(5)] public required TrustSnapshot Trust { get; init; }
    [Id(6)] public required HandoffSnapshot Handoff { get; init; }
    [Id(7)] public required IReadOnlyList<TranscriptTurn> Transcript { get; init; }
    /// <summary>Grows with every change of the conversation; two answers with the same version show the same state.</summary>
    [Id(8)] public required long Version { get; init; }
}

/// <summary>The conversation in brief, as a lean answer (<c>Prefer: return=minimal</c>) carries it.</summary>
[GenerateSerializer, Immutable, Alias("cx.ConversationSummary")]
public sealed record ConversationSummary
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required ConversationStatus Status { get; init; }
    [Id(2)] public required Channel Channel { get; init; }
    [Id(3)] public required string Locale { get; init; }
    [Id(4)] public required long Version { get; init; }
    /// <summary>True when the disclosure in force was confirmed on the current channel.</summary>
    [Id(5)] public required bool DisclosureDelivered { get; init; }
    [Id(6)] public string? DisclosureId { get; init; }
    [Id(7)] public required int TrustScore { get; init; }
    [Id(8)] public required TrustBand TrustBand { get; init; }
    [Id(9)] public required HandoffStatus HandoffStatus { get; init; }
    [Id(10)] public string? HandoffId { get; init; }
    [Id(11)] public string? AgentId { get; init; }
    [Id(12)] public int? QueuePosition { get; init; }
}

/// <summary>The disclosure in force on the current channel, and every one issued before it.</summary>
[GenerateSerializer, Immutable, Alias("cx.DisclosureSnapshot")]
public sealed record DisclosureSnapshot
{
    /// <summary>True when the current disclosure has been confirmed delivered on the current channel.</summary>
    [Id(0)] public required bool Delivered { get; init; }
    [Id(1)] public string? DisclosureId { get; init; }
    [Id(2)] public DateTimeOffset? DeliveredAt { get; init; }
    [Id(3)] public Channel? Channel { get; init; }
    [Id(4)] public string? Locale { get; init; }
    [Id(5)] public string? Text { get; init; }
    [Id(6)] public required IReadOnlyList<DisclosureRecord> History { get; init; }
}

/// <summary>The non-personal proof that a disclosure was issued and, if so, delivered.</summary>
[GenerateSerializer, Immutable, Alias("cx.DisclosureRecord")]
public sealed record DisclosureRecord
{
    [Id(0)] public required string DisclosureId { get; init; }
    [Id(1)] public required Channel Channel { get; init; }
    [Id(2)] public required string Locale { get; init; }
    [Id(3)] public required DateTimeOffset IssuedAt { get; init; }
    [Id(4)] public DateTimeOffset? DeliveredAt { get; init; }
}

/// <summary>A conversation's trust score and band as they stand, without the rest of its snapshot.</summary>
[GenerateSerializer, Immutable, Alias("cx.TrustReading")]
public sealed record TrustReading
{
    [Id(0)] public required int Score { get; init; }
    [Id(1)] public required TrustBand Band { get; init; }
}

/// <summary>The rolling trust score and the signals that moved it most recently.</summary>
[GenerateSerializer, Immutable, Alias("cx.TrustSnapshot")]
public sealed record TrustSnapshot
{
    [Id(0)] public required int Score { get; init; }
    [Id(1)] public required int Threshold { get; init; }
    [Id(2)] public required TrustBand Band { get; init; }
    [Id(3)] public required IReadOnlyList<TrustSignal> Signals { get; init; }
}

/// <summary>One observation that moved the trust score, with its full (unfaded) delta.</summary>
[GenerateSerializer, Immutable, Alias("cx.TrustSignal")]
public sealed record TrustSignal
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required double Delta { get; init; }
    [Id(2)] public required DateTimeOffset At { get; init; }
}

/// <summary>Where the move to a human stands.</summary>
[GenerateSerializer, Immutable, Alias("cx.HandoffSnapshot")]
public sealed record HandoffSnapshot
{
    [Id(0)] public required HandoffStatus Status { get; init; }
    [Id(1)] public string? HandoffId { get; init; }
    [Id(2)] public string? Reason { get; init; }
    [Id(3)] public DateTimeOffset? RequestedAt { get; init; }
    [Id(4)] public string? AgentId { get; init; }
    [Id(5)] public int? QueuePosition { get; init; }
}

/// <summary>One turn of the bounded transcript, redacted.</summary>
[GenerateSerializer, Immutable, Alias("cx.TranscriptTurn")]
public sealed record TranscriptTurn
{
    [Id(0)] public required Speaker From { get; init; }
    [Id(1)] public required string Text { get; init; }
    [Id(2)] public required DateTimeOffset At { get; init; }
}
