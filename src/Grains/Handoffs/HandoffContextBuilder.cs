using CxCluster.Grains.Conversations;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Handoffs;

/// <summary>
/// Builds the context packet of a conversation's handoff from its state, with no I/O, for the one agent who may read
/// it: the agent the open offer was made to, or the agent the conversation is with.
/// </summary>
internal static class HandoffContextBuilder
{
    /// <summary>How many of the strongest signals the context shows.</summary>
    public const int SignalsShown = 5;

    /// <summary>
    /// Whether <paramref name="agentId"/> may read the context at <paramref name="now"/>: the conversation waits on an
    /// offer to that agent that is still open, or it is with that agent. Before a handoff, nobody may.
    /// </summary>
    public static bool MayRead(ConversationState state, string agentId, DateTimeOffset now) => state.Handoff is { } handoff && state.Status switch
    {
        ConversationStatus.Queued => handoff.OfferId is not null
            && handoff.OfferedAgentId == agentId
            // An offer past its time is closed, even before its expiry is recorded.
            && (handoff.OfferExpiresAt is not { } expires || now < expires),
        ConversationStatus.Human => handoff.Status == HandoffStatus.Assigned && handoff.AgentId == agentId,
        _ => false,
    };

    /// <summary>
    /// The offer to <paramref name="agentId"/> the conversation waits on whose recorded deadline passed with no word of its
    /// end; null when there is none. Only the agent knows whether it may still be answered.
    /// </summary>
    public static string? OfferPastItsTime(ConversationState state, string agentId, DateTimeOffset now) =>
        state is { Status: ConversationStatus.Queued, Handoff: { OfferId: { } offerId, OfferExpiresAt: { } expires } handoff }
            && handoff.OfferedAgentId == agentId && now >= expires
            ? offerId
            : null;

    /// <summary>
    /// Whether the pool's placement of a waiting handoff gives it to <paramref name="agentId"/>: an open offer to that
    /// agent, or that agent took it, before the conversation heard of either.
    /// </summary>
    public static bool Holds(HandoffPlacement placement, string agentId, DateTimeOffset now) => placement switch
    {
        { Status: HandoffStatus.Assigned } => placement.AgentId == agentId,
        { Status: HandoffStatus.Queued, OfferId: not null, MovedTo: null } => placement.OfferedAgentId == agentId
            && (placement.OfferExpiresAt is not { } expires || now < expires),
        _ => false,
    };

    /// <summary>
    /// The context for <paramref name="agentId"/> at <paramref name="now"/>, or null when that agent may not read it;
    /// <paramref name="heldElsewhere"/> when the pool's placement, which the conversation has not recorded yet, gives it to
    /// that agent (<see cref="Holds"/>) and the waiting handoff is the one it placed, or the agent holds its offer open
    /// past the recorded deadline (<see cref="OfferPastItsTime"/>).
    /// </summary>
    public static HandoffContext? Build(string conversationId, ConversationState state, TenantPolicy policy, string agentId, DateTimeOffset now, bool heldElsewhere = false)
    {
        if (!(heldElsewhere ? state is { Status: ConversationStatus.Queued, Handoff: not null } : MayRead(state, agentId, now)))
        {
            return null;
        }
        var handoff = state.Handoff!;
        var disclosure = state.Disclosure.Current;
        var (score, band) = TrustDecider.Score(state.Trust, policy);
        // Who the customer is, only while the tenant's retention still allows it (the conversation lets it go itself too).
        var retainedSince = policy.RetainedSince(now);
        return new HandoffContext
        {
            ConversationId = conversationId,
            HandoffId = handoff.HandoffId,
            Reason = handoff.Reason,
            Priority = state.Priority,
            Channel = state.Channel,
            Locale = state.Locale,
            CustomerId = ConversationRetention.CustomerIdExpired(state, retainedSince) ? null : state.CustomerId,
            WaitedSeconds = WaitedSeconds(handoff, now),
            Disclosure = new ContextDisclosure
            {
                Delivered = state.Disclosure.DeliveredOn(state.Channel),
                DeliveredAt = disclosure?.DeliveredAt,
                Channel = disclosure?.Channel,
            },
            Trust = new ContextTrust
            {
                Score = (int)Math.Floor(score),
                Band = band,
                Trajectory = state.Trust.Trajectory.ToArray(),
                Signals = Strongest(state.Trust.Signals),
            },
            Summary = new ContextSummary
            {
                CustomerMessages = state.CustomerMessages,
                AiMessages = state.AiMessages,
                FirstContactAt = state.FirstCustomerMessageAt ?? state.StartedAt,
                LastCustomerMessage = state.LastCustomerMessage?.Text,
                RepeatedMessage = state.RepeatedMessage?.Text,
                IdentityQuestions = state.IdentityQuestions,
            },
            Transcript = ConversationSnapshots.Transcript(state),
            // A copy: the answer must not share the conversation's own dictionary.
            Attributes = state.Attributes is { Count: > 0 } attributes && !ConversationRetention.AttributesExpired(state, retainedSince)
                ? new Dictionary<string, string>(attributes) : null,
        };
    }

    /// <summary>From the request for a human to its assignment, or to <paramref name="now"/> while the customer still waits; whole seconds.</summary>
    public static int WaitedSeconds(HandoffRecord handoff, DateTimeOffset now)
    {
        var until = handoff.AssignedAt ?? now;
        return until <= handoff.RequestedAt ? 0 : (int)Math.Min(int.MaxValue, (until - handoff.RequestedAt).TotalSeconds);
    }

    /// <summary>The penalties among <paramref name="signals"/>, largest first (the newer first among equals), a handful of them.</summary>
    public static TrustSignal[] Strongest(List<TrustSignal> signals) =>
        signals.Where(s => s.Delta < 0)
            .OrderBy(s => s.Delta)
            .ThenByDescending(s => s.At)
            .Take(SignalsShown)
            .ToArray();
}
