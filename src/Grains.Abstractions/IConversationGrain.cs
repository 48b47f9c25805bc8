namespace CxCluster.Abstractions;

/// <summary>One customer conversation of one tenant (key: <c>{tenant}/{conversationId}</c>); it decides disclosure, trust and handoff.</summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies one event and answers the directives the contract's rules give with the full snapshot, or refuses it and
    /// changes nothing.
    /// </summary>
    ValueTask<EventOutcome> Apply(ConversationEvent @event);

    /// <summary>
    /// As <see cref="Apply(ConversationEvent)"/>, answering the summary without the snapshot (what
    /// <c>Prefer: return=minimal</c> asks for). A method of its own rather than a shape argument: Orleans reads every
    /// argument of a call as an object, so a value-type argument would cost an allocation on each side of every event.
    /// </summary>
    ValueTask<EventOutcome> ApplyWithSummary(ConversationEvent @event);

    /// <summary>Applies events in the order given, each succeeding or failing alone.</summary>
    Task<IReadOnlyList<EventOutcome>> ApplyAll(IReadOnlyList<ConversationEvent> events, AnswerShape shape);

    /// <summary>The conversation as it stands, or null if it was never started.</summary>
    Task<ConversationSnapshot?> GetSnapshot();

    /// <summary>The trust score and band as the snapshot would give them, or null if the conversation was never started.</summary>
    Task<TrustReading?> GetTrust();

    /// <summary>
    /// The context packet for the agent the conversation is offered or assigned to; null for any other agent, and
    /// when there is no such conversation or handoff (the caller cannot tell which).
    /// </summary>
    Task<HandoffContext?> GetContext(string agentId);

    /// <summary>Erases the personal data for good, ends the conversation and keeps the proof of disclosure; false if it never existed.</summary>
    Task<bool> Erase();

    /// <summary>
    /// A pool or an agent tells the conversation which agent took its waiting handoff. The agent who accepted an offer
    /// waits for it, so its answer means the conversation takes that agent's messages; a pool never waits for it.
    /// </summary>
    Task OnAgentAssigned(AgentAssignment assignment);

    /// <summary>The assigned agent is done: the AI takes over again, after a fresh disclosure. Repeating it changes nothing.</summary>
    Task OnAgentCompleted(string handoffId, string agentId, DateTimeOffset completedAt);

    /// <summary>
    /// An agent holding this handoff checks that the conversation agrees: true if it is with that agent (a waiting
    /// handoff adopts it), false if the conversation moved on and the agent must free the slot.
    /// </summary>
    Task<bool> CheckAssignment(AgentAssignment assignment);

    /// <summary>A pool asks whether the conversation still waits on this handoff; if not, the conversation withdraws it there.</summary>
    [OneWay]
    Task ConfirmWaiting(string poolName, string handoffId);

    /// <summary>Its pool tells the conversation its wait widened: it waits in <paramref name="queue"/> now, at routing step <paramref name="step"/>.</summary>
    [OneWay]
    Task OnEscalated(string handoffId, int step, string queue);

    /// <summary>An agent tells the conversation its waiting handoff was offered to it, or how that offer ended: a fact each.</summary>
    [OneWay]
    Task OnOfferChanged(HandoffOfferNotice notice);

    /// <summary>
    /// Its assigned agent went offline: a conversation still waiting for that agent's first reply is taken back
    /// (<c>handoff.reclaimed</c>, reason <c>agent-offline</c>) and waits again at the head of its queue. Answered once
    /// that is recorded (the agent, reentrant, hears of it meanwhile), so the agent's own answer shows what it still holds;
    /// word that comes before the assignment it is about takes it back as soon as the assignment does.
    /// </summary>
    Task OnAgentOffline(string handoffId, string agentId);
}

/// <summary>Calls that answer in a shape given, or the full snapshot.</summary>
public static class ConversationGrainExtensions
{
    /// <summary>Applies one event and answers in the shape asked for.</summary>
    public static ValueTask<EventOutcome> Apply(this IConversationGrain conversation, ConversationEvent @event, AnswerShape shape) =>
        shape == AnswerShape.Full ? conversation.Apply(@event) : conversation.ApplyWithSummary(@event);

    /// <summary>Applies events in order and answers each with the full snapshot.</summary>
    public static Task<IReadOnlyList<EventOutcome>> ApplyAll(this IConversationGrain conversation, IReadOnlyList<ConversationEvent> events) =>
        conversation.ApplyAll(events, AnswerShape.Full);
}
