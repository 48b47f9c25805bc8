using System.Collections.Frozen;

namespace CxCluster.Abstractions.Webhooks;

/// <summary>The fact types a webhook may ask for: the contract's, and those of the implementation's own the cluster tells.</summary>
public static class FactTypes
{
    public static IReadOnlySet<string> Known { get; } = new[]
    {
        "conversation.started", "conversation.ended", "conversation.erased",
        "disclosure.issued", "disclosure.delivered",
        "ai.allowed", "ai.suppressed", "ai.resumed",
        "identity.answered",
        "trust.changed", "trust.signalled", "human.offered",
        "handoff.requested", "handoff.queued", "handoff.offered", "handoff.declined", "handoff.expired",
        "handoff.escalated", "handoff.assigned", "handoff.reclaimed", "handoff.completed",
        "agent.status.changed",
        "channel.switched", "message.recorded",
    }.ToFrozenSet(StringComparer.Ordinal);
}
