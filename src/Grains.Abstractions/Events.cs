namespace CxCluster.Abstractions;

/// <summary>One event from a platform, already validated by the front door; the fields used depend on <see cref="Type"/>.</summary>
[GenerateSerializer, Immutable, Alias("cx.ConversationEvent")]
public sealed record ConversationEvent
{
    /// <summary>The idempotency key within the conversation.</summary>
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required EventType Type { get; init; }
    /// <summary>When it happened; the front door fills in the time received when the platform gave none.</summary>
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }
    [Id(3)] public Channel? Channel { get; init; }
    [Id(4)] public string? Locale { get; init; }
    [Id(5)] public string? CustomerId { get; init; }
    [Id(6)] public string? Text { get; init; }
    [Id(7)] public string? AgentId { get; init; }
    [Id(8)] public string? DisclosureId { get; init; }
    [Id(9)] public string? SignalName { get; init; }
    [Id(10)] public double? SignalValue { get; init; }
    [Id(11)] public string? Reason { get; init; }
}

/// <summary>One instruction to the platform; which fields are set depends on <see cref="Type"/>.</summary>
[GenerateSerializer, Immutable, Alias("cx.Directive")]
public sealed record Directive
{
    [Id(0)] public required DirectiveType Type { get; init; }
    [Id(1)] public string? DisclosureId { get; init; }
    [Id(2)] public string? Text { get; init; }
    [Id(3)] public Channel? Channel { get; init; }
    [Id(4)] public string? Locale { get; init; }
    [Id(5)] public string? Reason { get; init; }
    [Id(6)] public string? HandoffId { get; init; }
    /// <summary>For a handoff: <see cref="HandoffStatus.Queued"/> or <see cref="HandoffStatus.Assigned"/>.</summary>
    [Id(7)] public HandoffStatus? HandoffStatus { get; init; }
    [Id(8)] public string? AgentId { get; init; }
    [Id(9)] public int? QueuePosition { get; init; }
    [Id(10)] public int? EstimatedWaitSeconds { get; init; }
}

/// <summary>What an accepted event produced.</summary>
[GenerateSerializer, Immutable, Alias("cx.EventResult")]
public sealed record EventResult
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string EventId { get; init; }
    /// <summary>True when the event id was seen before: the directives are the first answer's, nothing changed.</summary>
    [Id(2)] public required bool Duplicate { get; init; }
    [Id(3)] public required IReadOnlyList<Directive> Directives { get; init; }
    /// <summary>The conversation in full; null when the caller asked for <see cref="AnswerShape.Summary"/>.</summary>
    [Id(4)] public ConversationSnapshot? Conversation { get; init; }
    /// <summary>The conversation in brief, always.</summary>
    [Id(5)] public required ConversationSummary Summary { get; init; }
}

/// <summary>How much of the conversation an event's answer carries (<c>Prefer: return=minimal</c> asks for the summary).</summary>
[GenerateSerializer, Alias("cx.AnswerShape")]
public enum AnswerShape
{
    /// <summary>The full snapshot, with transcript, disclosure history and trust signals.</summary>
    Full,
    /// <summary>Only the summary: status, disclosure, score and handoff.</summary>
    Summary,
}

/// <summary>Why a command was refused, naming the offending field where there is one.</summary>
[GenerateSerializer, Immutable, Alias("cx.Refusal")]
public sealed record Refusal
{
    [Id(0)] public required RefusalKind Kind { get; init; }
    [Id(1)] public required string Detail { get; init; }
    [Id(2)] public string? Field { get; init; }
}

/// <summary>Either the result of an event or the reason it was refused (nothing changed then).</summary>
[GenerateSerializer, Immutable, Alias("cx.EventOutcome")]
public sealed record EventOutcome
{
    [Id(0)] public EventResult? Result { get; init; }
    [Id(1)] public Refusal? Refusal { get; init; }

    public static EventOutcome Accepted(EventResult result) => new() { Result = result };

    public static EventOutcome Refused(RefusalKind kind, string detail, string? field = null) =>
        new() { Refusal = new Refusal { Kind = kind, Detail = detail, Field = field } };
}
