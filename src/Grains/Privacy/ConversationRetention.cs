using CxCluster.Grains.Conversations;
using CxCluster.Grains.Tenants;

namespace CxCluster.Grains.Privacy;

/// <summary>What a conversation keeps of its messages' words under its tenant's retention.</summary>
internal static class ConversationRetention
{
    /// <summary>
    /// Drops the transcript turns older than the tenant's retention, and says whether any went; a tenant without one
    /// costs a null check.
    /// </summary>
    public static bool Prune(ConversationState state, TenantPolicy policy, TimeProvider clock) =>
        policy.MessageRetention is not null
        && state.Transcript.Count > 0
        && policy.RetainedSince(clock.GetUtcNow()) is { } cutoff
        && state.Transcript.RemoveAll(turn => turn.At < cutoff) > 0;
}
