namespace CxCluster.Abstractions;

/// <summary>
/// One event from a platform, already validated by the front door: a closed set of records, one per event type of the
/// contract, each carrying only its own fields.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.ConversationEvent")]
public abstract record ConversationEvent
{
    /// <summary>The idempotency key within the conversation.</summary>
    [Id(0)] public required string Id { get; init; }
    /// <summary>When it happened; the front door fills in the time received when the platform gave none.</summary>
    [Id(1)] public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>The contract's type of this event.</summary>
    public abstract EventType Type { get; }

    private protected ConversationEvent()
    {
    }
}

/// <summary><c>conversation.started</c>: the conversation opens (or, again, adopts a channel and locale).</summary>
[GenerateSerializer, Immutable, Alias("cx.event.ConversationStarted")]
public sealed record ConversationStartedEvent : ConversationEvent
{
    [Id(0)] public required Channel Channel { get; init; }
    [Id(1)] public required string Locale { get; init; }
    [Id(2)] public string? CustomerId { get; init; }
    /// <summary>0 (lowest) to 9 (highest); queues serve higher priority first.</summary>
    [Id(3)] public int Priority { get; init; } = HandoffPriority.Default;
    /// <summary>Up to 20 string pairs the platform attaches, shown to the agent in the context.</summary>
    [Id(4)] public IReadOnlyDictionary<string, string>? Attributes { get; init; }
    public override EventType Type => EventType.ConversationStarted;
}

/// <summary><c>customer.message</c>.</summary>
[GenerateSerializer, Immutable, Alias("cx.event.CustomerMessage")]
public sealed record CustomerMessageEvent : ConversationEvent
{
    [Id(0)] public required string Text { get; init; }
    public override EventType Type => EventType.CustomerMessage;
}

/// <summary><c>ai.message</c>: the AI wants to say this; the answer allows or suppresses it.</summary>
[GenerateSerializer, Immutable, Alias("cx.event.AiMessage")]
public sealed record AiMessageEvent : ConversationEvent
{
    [Id(0)] public required string Text { get; init; }
    public override EventType Type => EventType.AiMessage;
}

/// <summary><c>agent.message</c>: the assigned agent wrote to the customer.</summary>
[GenerateSerializer, Immutable, Alias("cx.event.AgentMessage")]
public sealed record AgentMessageEvent : ConversationEvent
{
    [Id(0)] public required string AgentId { get; init; }
    [Id(1)] public required string Text { get; init; }
    public override EventType Type => EventType.AgentMessage;
}

/// <summary><c>disclosure.delivered</c>: the platform confirms the customer was shown a disclosure.</summary>
[GenerateSerializer, Immutable, Alias("cx.event.DisclosureDelivered")]
public sealed record DisclosureDeliveredEvent : ConversationEvent
{
    [Id(0)] public required string DisclosureId { get; init; }
    public override EventType Type => EventType.DisclosureDelivered;
}

/// <summary><c>signal</c>: a platform's own measurement (sentiment, a voice's stress, ...).</summary>
[GenerateSerializer, Immutable, Alias("cx.event.Signal")]
public sealed record SignalEvent : ConversationEvent
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required double Value { get; init; }
    public override EventType Type => EventType.Signal;
}

/// <summary><c>channel.switched</c>: the customer moved to another channel.</summary>
[GenerateSerializer, Immutable, Alias("cx.event.ChannelSwitched")]
public sealed record ChannelSwitchedEvent : ConversationEvent
{
    [Id(0)] public required Channel Channel { get; init; }
    public override EventType Type => EventType.ChannelSwitched;
}

/// <summary><c>conversation.ended</c>.</summary>
[GenerateSerializer, Immutable, Alias("cx.event.ConversationEnded")]
public sealed record ConversationEndedEvent : ConversationEvent
{
    [Id(0)] public string? Reason { get; init; }
    public override EventType Type => EventType.ConversationEnded;
}

/// <summary>
/// One instruction to the platform: a closed set of records, one per directive type of the contract, each carrying
/// only its own fields.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.Directive")]
public abstract record Directive
{
    /// <summary>The contract's type of this directive.</summary>
    public abstract DirectiveType Type { get; }

    private protected Directive()
    {
    }
}

/// <summary><c>disclose</c>: show the customer this disclosure, on this channel, before any AI message.</summary>
[GenerateSerializer, Immutable, Alias("cx.directive.Disclose")]
public sealed record DiscloseDirective : Directive
{
    [Id(0)] public required string DisclosureId { get; init; }
    [Id(1)] public required string Text { get; init; }
    [Id(2)] public required Channel Channel { get; init; }
    [Id(3)] public required string Locale { get; init; }
    public override DirectiveType Type => DirectiveType.Disclose;
}

/// <summary><c>allow-ai</c>: the AI message may be sent.</summary>
[GenerateSerializer, Immutable, Alias("cx.directive.AllowAi")]
public sealed record AllowAiDirective : Directive
{
    public override DirectiveType Type => DirectiveType.AllowAi;
}

/// <summary><c>suppress-ai</c>: the AI message must not be sent, and why.</summary>
[GenerateSerializer, Immutable, Alias("cx.directive.SuppressAi")]
public sealed record SuppressAiDirective : Directive
{
    [Id(0)] public required string Reason { get; init; }
    public override DirectiveType Type => DirectiveType.SuppressAi;
}

/// <summary><c>answer-identity</c>: tell the customer honestly who they are talking to.</summary>
[GenerateSerializer, Immutable, Alias("cx.directive.AnswerIdentity")]
public sealed record AnswerIdentityDirective : Directive
{
    [Id(0)] public required string Text { get; init; }
    public override DirectiveType Type => DirectiveType.AnswerIdentity;
}

/// <summary><c>offer-human</c>: trust is slipping; offer the customer a person.</summary>
[GenerateSerializer, Immutable, Alias("cx.directive.OfferHuman")]
public sealed record OfferHumanDirective : Directive
{
    [Id(0)] public required string Text { get; init; }
    public override DirectiveType Type => DirectiveType.OfferHuman;
}

/// <summary><c>handoff</c>: the conversation goes to a person; queued (with its place) or assigned (with the agent).</summary>
[GenerateSerializer, Immutable, Alias("cx.directive.Handoff")]
public sealed record HandoffDirective : Directive
{
    [Id(0)] public required string HandoffId { get; init; }
    /// <summary><see cref="HandoffStatus.Queued"/> or <see cref="HandoffStatus.Assigned"/>.</summary>
    [Id(1)] public required HandoffStatus Status { get; init; }
    [Id(2)] public required string Reason { get; init; }
    [Id(3)] public required string Text { get; init; }
    /// <summary>When assigned.</summary>
    [Id(4)] public string? AgentId { get; init; }
    /// <summary>When queued.</summary>
    [Id(5)] public int? QueuePosition { get; init; }
    /// <summary>When queued and an estimate exists.</summary>
    [Id(6)] public int? EstimatedWaitSeconds { get; init; }
    public override DirectiveType Type => DirectiveType.Handoff;
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
