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
        if (state.CustomerId is not null && CustomerIdExpired(state, cutoff))
        {
            state.CustomerId = null;
            state.CustomerIdAt = null;
        }
        if (state.Attributes is not null && AttributesExpired(state, cutoff))
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

    /// <summary>
    /// Whether the customer id was given before <paramref name="retainedSince"/> (the tenant's retention; null: none), the
    /// start standing for a time not kept (a checkpoint written before it was).
    /// </summary>
    public static bool CustomerIdExpired(ConversationState state, DateTimeOffset? retainedSince) => (state.CustomerIdAt ?? state.StartedAt) < retainedSince;

    /// <summary>As <see cref="CustomerIdExpired"/>, for the attributes.</summary>
    public static bool AttributesExpired(ConversationState state, DateTimeOffset? retainedSince) => (state.AttributesAt ?? state.StartedAt) < retainedSince;
}
