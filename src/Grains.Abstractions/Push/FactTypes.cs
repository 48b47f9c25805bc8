namespace CxCluster.Abstractions.Push;

/// <summary>Every fact type a reader may ask for: the contract's Fact table and the few of this implementation's own.</summary>
public static class FactTypes
{
    /// <summary>The contract's types (some come with features still to be built; asking for them is not an error).</summary>
    public static readonly IReadOnlySet<string> Contract = new HashSet<string>(StringComparer.Ordinal)
    {
        "conversation.started", "conversation.ended", "conversation.erased",
        "disclosure.issued", "disclosure.delivered", "ai.allowed", "ai.suppressed", "identity.answered",
        "trust.changed", "human.offered",
        "handoff.requested", "handoff.queued", "handoff.offered", "handoff.declined", "handoff.expired",
        "handoff.escalated", "handoff.assigned", "handoff.reclaimed", "handoff.completed",
        "ai.resumed", "agent.status.changed",
    };

    /// <summary>
    /// This implementation's own, told beside the contract's so a conversation's <c>seq</c> has no gaps: a channel
    /// switch, that a message was recorded (who spoke, never what), a trust signal heard, that a repeated start named
    /// the customer (never who) or gave a priority or attributes the first did not (the priority, never the attributes).
    /// </summary>
    public static readonly IReadOnlySet<string> Own = new HashSet<string>(StringComparer.Ordinal)
    {
        "channel.switched", "message.recorded", "trust.signalled", "customer.identified", "conversation.described",
    };

    public static bool IsKnown(string type) => Contract.Contains(type) || Own.Contains(type);
}
