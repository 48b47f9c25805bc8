using CxCluster.Grains.Trust;
using CxCluster.Grains.Tenants;

namespace CxCluster.Grains.Conversations;

/// <summary>Builds the contract's snapshot from a conversation's state.</summary>
internal static class ConversationSnapshots
{
    public static ConversationSnapshot Build(string conversationId, ConversationState state, TenantPolicy policy, ConversationOptions options)
    {
        var current = state.Disclosure.Current;
        var (score, band) = TrustDecider.Score(state.Trust, policy);
        var handoff = state.Handoff;
        return new ConversationSnapshot
        {
            Id = conversationId,
            Status = state.Status,
            Channel = state.Channel,
            Locale = state.Locale,
            Disclosure = new DisclosureSnapshot
            {
                Delivered = state.Disclosure.DeliveredOn(state.Channel),
                DisclosureId = current?.DisclosureId,
                DeliveredAt = current?.DeliveredAt,
                Channel = current?.Channel,
                Locale = current?.Locale,
                Text = current?.Text,
                History = state.Disclosure.Issued.Select(d => new DisclosureRecord
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
                Signals = state.Trust.Signals.Count <= options.SignalsShown
                    ? state.Trust.Signals.ToArray()
                    : state.Trust.Signals.GetRange(state.Trust.Signals.Count - options.SignalsShown, options.SignalsShown).ToArray(),
            },
            Handoff = handoff is null
                ? new HandoffSnapshot { Status = HandoffStatus.None }
                : new HandoffSnapshot
                {
                    Status = handoff.ShownStatus,
                    HandoffId = handoff.HandoffId,
                    Reason = handoff.Reason,
                    RequestedAt = handoff.RequestedAt,
                    AgentId = handoff.AgentId,
                    QueuePosition = handoff.Status == HandoffStatus.Queued ? handoff.QueuePosition : null,
                },
            Transcript = Transcript(state),
            Version = state.Version,
        };
    }

    /// <summary>The redacted transcript as every reader is shown it: a copy, so later turns never change an answer given.</summary>
    public static TranscriptTurn[] Transcript(ConversationState state) => state.Transcript.ToArray();

    /// <summary>The trust score and band alone, as the snapshot gives them.</summary>
    public static TrustReading Trust(ConversationState state, TenantPolicy policy)
    {
        var (score, band) = TrustDecider.Score(state.Trust, policy);
        return new TrustReading { Score = (int)Math.Floor(score), Band = band };
    }

    /// <summary>
    /// The conversation in brief, for a lean answer: nothing of the transcript, history or signals is copied. The trust
    /// score is <paramref name="trust"/> when the caller read it already, with nothing since that moves it.
    /// </summary>
    public static ConversationSummary Summarize(string conversationId, ConversationState state, TenantPolicy policy, (double Score, TrustBand Band)? trust = null)
    {
        var current = state.Disclosure.Current;
        var (score, band) = trust ?? TrustDecider.Score(state.Trust, policy);
        var handoff = state.Handoff;
        return new ConversationSummary
        {
            Id = conversationId,
            Status = state.Status,
            Channel = state.Channel,
            Locale = state.Locale,
            Version = state.Version,
            DisclosureDelivered = state.Disclosure.DeliveredOn(state.Channel),
            DisclosureId = current?.DisclosureId,
            TrustScore = (int)Math.Floor(score),
            TrustBand = band,
            HandoffStatus = handoff?.ShownStatus ?? HandoffStatus.None,
            HandoffId = handoff?.HandoffId,
            AgentId = handoff?.AgentId,
            QueuePosition = handoff?.Status == HandoffStatus.Queued ? handoff.QueuePosition : null,
        };
    }

    /// <summary>The summary of a snapshot already built (the score is not computed again).</summary>
    public static ConversationSummary Summarize(ConversationSnapshot snapshot) => new()
    {
        Id = snapshot.Id,
        Status = snapshot.Status,
        Channel = snapshot.Channel,
        Locale = snapshot.Locale,
        Version = snapshot.Version,
        DisclosureDelivered = snapshot.Disclosure.Delivered,
        DisclosureId = snapshot.Disclosure.DisclosureId,
        TrustScore = snapshot.Trust.Score,
        TrustBand = snapshot.Trust.Band,
        HandoffStatus = snapshot.Handoff.Status,
        HandoffId = snapshot.Handoff.HandoffId,
        AgentId = snapshot.Handoff.AgentId,
        QueuePosition = snapshot.Handoff.QueuePosition,
    };
}
