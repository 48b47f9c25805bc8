namespace CxCluster.Abstractions.Facts;

/// <summary>A customer contact began; the AI is in charge.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.ConversationStarted")]
public sealed record ConversationStarted : Fact
{
    [Id(0)] public required Channel Channel { get; init; }
    [Id(1)] public required string Locale { get; init; }
    /// <summary>0 (lowest) to 9 (highest); queues serve higher priority first.</summary>
    [Id(2)] public required int Priority { get; init; }
    /// <summary>Personal: erased with the conversation.</summary>
    [Id(3)] public string? CustomerId { get; init; }
    /// <summary>The platform's string pairs, shown to the agent. Personal: erased with the conversation.</summary>
    [Id(4)] public IReadOnlyDictionary<string, string>? Attributes { get; init; }
    public override string Type => "conversation.started";
}

/// <summary>A repeated start named the customer (the first start's fact holds the id that start gave, if any).</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.CustomerIdentified")]
public sealed record CustomerIdentified : Fact
{
    /// <summary>Personal: erased with the conversation (null once erased).</summary>
    [Id(0)] public string? CustomerId { get; init; }
    public override string Type => "customer.identified";
}

/// <summary>
/// A repeated start, while the AI is in charge, gave what the first start did not: a higher priority, or attributes
/// where there were none (a start that arrived after the first message had already started the conversation with the
/// defaults). The next request for a person waits with them; a waiting or served handoff keeps its place.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.fact.ConversationDescribed")]
public sealed record ConversationDescribed : Fact
{
    /// <summary>0 (lowest) to 9 (highest): the priority from now on.</summary>
    [Id(0)] public required int Priority { get; init; }
    /// <summary>The platform's string pairs when this start gave them; null keeps those there were. Personal: erased with the conversation.</summary>
    [Id(1)] public IReadOnlyDictionary<string, string>? Attributes { get; init; }
    public override string Type => "conversation.described";
}

/// <summary>The contact is over.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.ConversationEnded")]
public sealed record ConversationEnded : Fact
{
    [Id(0)] public required string Reason { get; init; }
    public override string Type => "conversation.ended";
}

/// <summary>The conversation's personal data was erased for good; the non-personal facts stay as proof.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.ConversationErased")]
public sealed record ConversationErased : Fact
{
    public override string Type => "conversation.erased";
}

/// <summary>The customer moved to another channel (or a repeated start named another channel or locale).</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.ChannelSwitched")]
public sealed record ChannelSwitched : Fact
{
    [Id(0)] public required Channel Channel { get; init; }
    [Id(1)] public required string Locale { get; init; }
    public override string Type => "channel.switched";
}

/// <summary>Someone in the conversation said something: the transcript is made of these.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.MessageRecorded")]
public sealed record MessageRecorded : Fact
{
    [Id(0)] public required Speaker From { get; init; }
    /// <summary>The agent who wrote it, for an agent's message.</summary>
    [Id(1)] public string? AgentId { get; init; }
    /// <summary>Personal, already redacted: erased with the conversation or after the tenant's retention.</summary>
    [Id(2)] public required string Text { get; init; }
    /// <summary>Personal: a hash of the customer's words as written, to notice the same message sent again.</summary>
    [Id(3)] public ulong? Fingerprint { get; init; }
    public override string Type => "message.recorded";
}
