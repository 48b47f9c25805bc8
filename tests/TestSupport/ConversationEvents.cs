namespace CxCluster.TestSupport;

/// <summary>Short ways to write the events of a conversation in a test: each with an id of its own, at one fixed time unless told.</summary>
public static class ConversationEvents
{
    public static DateTimeOffset Now { get; } = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static string NextId() => $"e-{Guid.NewGuid():N}";

    public static ConversationStartedEvent Started(Channel channel = Channel.Chat, string locale = "en-US", DateTimeOffset? at = null) =>
        new ConversationStartedEvent { Id = NextId(), OccurredAt = at ?? Now, Channel = channel, Locale = locale };

    public static CustomerMessageEvent Customer(string text, DateTimeOffset? at = null) =>
        new CustomerMessageEvent { Id = NextId(), OccurredAt = at ?? Now, Text = text };

    public static AiMessageEvent Ai(string text, DateTimeOffset? at = null) =>
        new AiMessageEvent { Id = NextId(), OccurredAt = at ?? Now, Text = text };

    public static AgentMessageEvent Agent(string agentId, string text, DateTimeOffset? at = null) =>
        new AgentMessageEvent { Id = NextId(), OccurredAt = at ?? Now, AgentId = agentId, Text = text };

    public static DisclosureDeliveredEvent Delivered(string disclosureId, DateTimeOffset? at = null) =>
        new DisclosureDeliveredEvent { Id = NextId(), OccurredAt = at ?? Now, DisclosureId = disclosureId };

    public static SignalEvent Signal(string name, double value, DateTimeOffset? at = null) =>
        new SignalEvent { Id = NextId(), OccurredAt = at ?? Now, Name = name, Value = value };

    public static ChannelSwitchedEvent Switched(Channel channel, DateTimeOffset? at = null) =>
        new ChannelSwitchedEvent { Id = NextId(), OccurredAt = at ?? Now, Channel = channel };

    public static ConversationEndedEvent Ended(DateTimeOffset? at = null) =>
        new ConversationEndedEvent { Id = NextId(), OccurredAt = at ?? Now };

    public static IReadOnlyList<DirectiveType> Types(this EventResult result) => result.Directives.Select(d => d.Type).ToArray();

    /// <summary>The directive as a <c>disclose</c>; fails naming what it is otherwise.</summary>
    public static DiscloseDirective AsDisclose(this Directive directive) => As<DiscloseDirective>(directive);

    /// <summary>The directive as a <c>handoff</c>; fails naming what it is otherwise.</summary>
    public static HandoffDirective AsHandoff(this Directive directive) => As<HandoffDirective>(directive);

    /// <summary>What the directive tells the customer, for the kinds that tell them something; null for the others.</summary>
    public static string? TextOf(this Directive directive) => directive switch
    {
        DiscloseDirective d => d.Text,
        AnswerIdentityDirective d => d.Text,
        OfferHumanDirective d => d.Text,
        HandoffDirective d => d.Text,
        _ => null,
    };

    /// <summary>The reason a <c>suppress-ai</c> or <c>handoff</c> gives; null for the others.</summary>
    public static string? ReasonOf(this Directive directive) => directive switch
    {
        SuppressAiDirective d => d.Reason,
        HandoffDirective d => d.Reason,
        _ => null,
    };

    private static T As<T>(Directive directive) where T : Directive =>
        directive as T ?? throw new InvalidCastException($"Expected a {typeof(T).Name}, got a {directive.Type} directive: {directive}");
}
