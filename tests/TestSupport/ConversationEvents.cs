namespace CxCluster.TestSupport;

/// <summary>Short ways to write the events of a conversation in a test: each with an id of its own, at one fixed time unless told.</summary>
public static class ConversationEvents
{
    public static DateTimeOffset Now { get; } = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static string NextId() => $"e-{Guid.NewGuid():N}";

    public static ConversationEvent Started(Channel channel = Channel.Chat, string locale = "en-US", DateTimeOffset? at = null) =>
        new() { Id = NextId(), Type = EventType.ConversationStarted, OccurredAt = at ?? Now, Channel = channel, Locale = locale };

    public static ConversationEvent Customer(string text, DateTimeOffset? at = null) =>
        new() { Id = NextId(), Type = EventType.CustomerMessage, OccurredAt = at ?? Now, Text = text };

    public static ConversationEvent Ai(string text, DateTimeOffset? at = null) =>
        new() { Id = NextId(), Type = EventType.AiMessage, OccurredAt = at ?? Now, Text = text };

    public static ConversationEvent Agent(string agentId, string text, DateTimeOffset? at = null) =>
        new() { Id = NextId(), Type = EventType.AgentMessage, OccurredAt = at ?? Now, AgentId = agentId, Text = text };

    public static ConversationEvent Delivered(string disclosureId, DateTimeOffset? at = null) =>
        new() { Id = NextId(), Type = EventType.DisclosureDelivered, OccurredAt = at ?? Now, DisclosureId = disclosureId };

    public static ConversationEvent Signal(string name, double value, DateTimeOffset? at = null) =>
        new() { Id = NextId(), Type = EventType.Signal, OccurredAt = at ?? Now, SignalName = name, SignalValue = value };

    public static ConversationEvent Switched(Channel channel, DateTimeOffset? at = null) =>
        new() { Id = NextId(), Type = EventType.ChannelSwitched, OccurredAt = at ?? Now, Channel = channel };

    public static ConversationEvent Ended(DateTimeOffset? at = null) =>
        new() { Id = NextId(), Type = EventType.ConversationEnded, OccurredAt = at ?? Now };

    public static IReadOnlyList<DirectiveType> Types(this EventResult result) => result.Directives.Select(d => d.Type).ToArray();
}
