using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Conversations;

/// <summary>Builds the contract's snapshot from a conversation's state.</summary>
internal static class ConversationSnapshots
{
    /// <summary>The snapshot as it is now, its lists copied afresh (or taken from <paramref name="parts"/>, which keeps them while they have not changed).</summary>
    public static ConversationSnapshot Build(string conversationId, ConversationState state, TenantPolicy policy, ConversationSettings options, SnapshotParts? parts = null)
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
                History = parts?.History(state) ?? History(state),
            },
            Trust = new TrustSnapshot
            {
                Score = (int)Math.Floor(score),
                Threshold = policy.Threshold,
                Band = band,
                Signals = parts?.Signals(state, options) ?? Signals(state, options),
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
            Transcript = parts?.Transcript(state) ?? Transcript(state),
            Version = state.Version,
        };
    }

    /// <summary>Every disclosure issued, oldest first.</summary>
    public static DisclosureRecord[] History(ConversationState state) => state.Disclosure.Issued.Select(d => new DisclosureRecord
    {
        DisclosureId = d.DisclosureId,
        Channel = d.Channel,
        Locale = d.Locale,
        IssuedAt = d.IssuedAt,
        DeliveredAt = d.DeliveredAt,
    }).ToArray();

    /// <summary>The most recent trust signals a snapshot shows.</summary>
    public static TrustSignal[] Signals(ConversationState state, ConversationSettings options) =>
        state.Trust.Signals.Count <= options.SignalsShown
            ? state.Trust.Signals.ToArray()
            : state.Trust.Signals.GetRange(state.Trust.Signals.Count - options.SignalsShown, options.SignalsShown).ToArray();

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

/// <summary>
/// A conversation's full snapshot, kept until something changes, and its costly parts (transcript, disclosure history,
/// trust signals), each kept until a fact that changes it: a new snapshot after an event that recorded no message copies
/// no transcript. The parts are immutable once built: answers given keep them as they were.
/// </summary>
internal sealed class SnapshotParts
{
    private ConversationSnapshot? _whole;
    private TranscriptTurn[]? _transcript;
    private DisclosureRecord[]? _history;
    private TrustSignal[]? _signals;

    /// <summary>
    /// The snapshot as it is now, built from the kept parts only when something changed; kept for the next read unless
    /// <paramref name="keep"/> is false (an event's answer: most conversations are not read between events, and a
    /// conversation waiting for its next event then holds only its parts).
    /// </summary>
    public ConversationSnapshot Get(string conversationId, ConversationState state, TenantPolicy policy, ConversationSettings options, bool keep = true)
    {
        if (_whole is { } kept)
        {
            return kept;
        }
        var built = ConversationSnapshots.Build(conversationId, state, policy, options, this);
        if (keep)
        {
            _whole = built;
        }
        return built;
    }

    /// <summary>Something outside the parts changed (a status, a version, a queue place).</summary>
    public void Changed() => _whole = null;

    /// <summary>These facts were applied to the state: the parts they change are built again.</summary>
    public void Changed(IReadOnlyList<Fact> facts)
    {
        _whole = null;
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case MessageRecorded or ConversationErased:
                    _transcript = null;
                    break;
                case DisclosureIssued or DisclosureDelivered:
                    _history = null;
                    break;
                case TrustSignalled or AiResumed:
                    _signals = null;
                    break;
            }
        }
    }

    /// <summary>The transcript changed outside a fact: the tenant's retention let words go.</summary>
    public void TranscriptChanged()
    {
        _whole = null;
        _transcript = null;
    }

    /// <summary>The state was rebuilt: nothing kept holds.</summary>
    public void Clear()
    {
        _whole = null;
        _transcript = null;
        _history = null;
        _signals = null;
    }

    public TranscriptTurn[] Transcript(ConversationState state) => _transcript ??= ConversationSnapshots.Transcript(state);

    public DisclosureRecord[] History(ConversationState state) => _history ??= ConversationSnapshots.History(state);

    public TrustSignal[] Signals(ConversationState state, ConversationSettings options) => _signals ??= ConversationSnapshots.Signals(state, options);
}
