using CxCluster.Grains.Conversations;

namespace CxCluster.Grains.Privacy;

/// <summary>What a conversation keeps of its messages' words, and of who the customer is, under its tenant's retention.</summary>
internal static class ConversationRetention
{
    /// <summary>
    /// Drops the transcript turns, the last and repeated customer messages, and the customer id and attributes, older
    /// than the tenant's retention (as the journal's sweep drops them from the facts), and says whether any transcript
    /// turn went (what the snapshot shows); a tenant without one costs a null check.
    /// </summary>
    public static bool Prune(ConversationState state, TenantPolicy policy, TimeProvider clock)
    {
        if (policy.MessageRetention is null || policy.RetainedSince(clock.GetUtcNow()) is not { } cutoff)
        {
            return false;
        }
        if (state.CustomerId is not null && (state.CustomerIdAt ?? state.StartedAt) < cutoff)
        {
            state.CustomerId = null;
            state.CustomerIdAt = null;
        }
        if (state.Attributes is not null && (state.AttributesAt ?? state.StartedAt) < cutoff)
        {
            state.Attributes = null;
            state.AttributesAt = null;
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
