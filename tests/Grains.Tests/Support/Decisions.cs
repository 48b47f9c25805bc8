using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Conversations;

namespace CxCluster.Grains.Tests.Support;

/// <summary>Reading a conversation decider's decision in tests.</summary>
internal static class Decisions
{
    /// <summary>The reason of the handoff the event opened (its <c>handoff.requested</c> fact), or null when it opened none.</summary>
    public static string? RequestedFor(this Decision decision)
    {
        var requested = decision.Facts.OfType<HandoffRequested>().SingleOrDefault();
        // The grain sends a handoff to its pool exactly when the event opened one.
        Assert.Equal(requested is not null, decision.Handoff == HandoffStep.Request);
        return requested?.Reason;
    }
}
