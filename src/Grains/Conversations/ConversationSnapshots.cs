using CxCluster.Grains.Tenants;

namespace CxCluster.Grains.Conversations;

/// <summary>Builds the contract's snapshot from a conversation's state.</summary>
internal static class ConversationSnapshots
{
    public static ConversationSnapshot Build(string conversationId, ConversationState state, TenantPolicy policy, ConversationOptions options)
    {
        var current = ConversationRules.Current(state);
        var (score, band) = ConversationRules.Trust(state, policy);
        var handoff = state.Handoff;
        return new ConversationSnapshot
        {
            Id = conversationId,
            Status = state.Status,
            Channel = state.Channel,
            Locale = state.Locale,
            Disclosure = new DisclosureSnapshot
            {
                Delivered = ConversationRules.Delivered(state),
                DisclosureId = current?.DisclosureId,
                DeliveredAt = current?.DeliveredAt,
                Channel = current?.Channel,
                Locale = current?.Locale,
                Text = current?.Text,
                History = state.Disclosures.Select(d => new DisclosureRecord
                {
                    DisclosureId = d.DisclosureId,
                    Channel = d.Channel,
                    Locale = d.Locale,
                    IssuedAt = d.IssuedAt,
                    DeliveredAt = d.DeliveredAt,
                }).ToArray(),
            },
            Trust = new TrustSnapshot
            {
                Score = (int)Math.Floor(score),
                Threshold = policy.Threshold,
                Band = band,
                Signals = state.Signals.Count <= options.SignalsShown
                    ? state.Signals.ToArray()
                    : state.Signals.GetRange(state.Signals.Count - options.SignalsShown, options.SignalsShown).ToArray(),
            },
            Handoff = handoff is null
                ? new HandoffSnapshot { Status = HandoffStatus.None }
                : new HandoffSnapshot
                {
                    Status = handoff.Status,
                    HandoffId = handoff.HandoffId,
                    Reason = handoff.Reason,
                    RequestedAt = handoff.RequestedAt,
                    AgentId = handoff.AgentId,
                    QueuePosition = handoff.Status == HandoffStatus.Queued ? handoff.QueuePosition : null,
                },
            Transcript = state.Transcript.ToArray(),
        };
    }
}
