namespace CxCluster.Abstractions.Facts;

/// <summary>A notice that the customer talks to an AI was issued for a channel and locale.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.DisclosureIssued")]
public sealed record DisclosureIssued : Fact
{
    [Id(0)] public required string DisclosureId { get; init; }
    [Id(1)] public required Channel Channel { get; init; }
    [Id(2)] public required string Locale { get; init; }
    [Id(3)] public required string Text { get; init; }
    /// <summary><c>start</c>, <c>channel-switch</c> or <c>ai-resumed</c>.</summary>
    [Id(4)] public required string Reason { get; init; }
    public override string Type => "disclosure.issued";

    public const string Start = "start";
    public const string ChannelSwitch = "channel-switch";
    public const string AiResumed = "ai-resumed";
}

/// <summary>The platform confirmed the notice reached the customer.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.DisclosureDelivered")]
public sealed record DisclosureDelivered : Fact
{
    [Id(0)] public required string DisclosureId { get; init; }
    public override string Type => "disclosure.delivered";
}

/// <summary>An AI message was allowed, after the disclosure named.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.AiAllowed")]
public sealed record AiAllowed : Fact
{
    [Id(0)] public required string DisclosureId { get; init; }
    public override string Type => "ai.allowed";
}

/// <summary>An AI message was held back: a human owns the conversation, or the customer waits for one.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.AiSuppressed")]
public sealed record AiSuppressed : Fact
{
    [Id(0)] public required string Reason { get; init; }
    public override string Type => "ai.suppressed";
}

/// <summary>The customer asked who they talk to and got the honest answer.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.IdentityAnswered")]
public sealed record IdentityAnswered : Fact
{
    /// <summary>The answer said the AI is in charge.</summary>
    public const string Ai = "ai";
    /// <summary>The answer said a human agent is in charge.</summary>
    public const string Human = "human";

    /// <summary><see cref="Ai"/> or <see cref="Human"/>.</summary>
    [Id(0)] public required string AnsweredAs { get; init; }
    [Id(1)] public string? AgentId { get; init; }
    public override string Type => "identity.answered";
}

/// <summary>The AI is in charge again after a human; its next message is preceded by a new disclosure.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.AiResumed")]
public sealed record AiResumed : Fact
{
    [Id(0)] public required string HandoffId { get; init; }
    public override string Type => "ai.resumed";
}
