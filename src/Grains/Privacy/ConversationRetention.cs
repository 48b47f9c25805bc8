using CxCluster.Grains.Conversations;

namespace CxCluster.Grains.Privacy;

/// <summary>What a conversation keeps of its messages' words under its tenant's retention.</summary>
internal static class ConversationRetention
{
    /// <summary>
    /// Drops the transcript turns, and the last and repeated customer messages, older than the tenant's retention, and
    /// says whether any transcript turn went (what the snapshot shows); a tenant without one costs a null check.
    /// </summary>
    public static bool Prune(ConversationState state, TenantPolicy policy, TimeProvider clock)
    {
        if (policy.MessageRetention is null || policy.RetainedSince(clock.GetUtcNow()) is not { } cutoff)
        {
            return false;
        }
        if (state.LastCustomerMessage?.At < cutoff)
        {
            state.LastCustomerMessage = null;
        }
        if (state.RepeatedMessage?.At < cutoff)
        {
            state.RepeatedMessage = null;
        }
        return state.Transcript.Count > 0 && state.Transcript.RemoveAll(turn => turn.At < cutoff) > 0;
    }
}
