namespace CxCluster.Grains.Evidence;

/// <summary>
/// The non-personal proof of one conversation, folded from its facts by <see cref="EvidenceBuilder"/>: one line of the
/// evidence export. It holds no message text, no customer id and no agent's display name.
/// </summary>
public sealed record ConversationEvidence
{
    public required string ConversationId { get; init; }

    /// <summary>The channel and locale it started on, then each switch.</summary>
    public required IReadOnlyList<ChannelStretch> ChannelHistory { get; init; }

    public required IReadOnlyList<DisclosureEvidence> Disclosures { get; init; }

    /// <summary>When the first AI message was allowed; null when none was.</summary>
    public DateTimeOffset? FirstAiAllowedAt { get; init; }

    /// <summary>No AI message was allowed unless the disclosure in force had been delivered, on the channel in use, before it.</summary>
    public required bool DisclosedBeforeFirstAi { get; init; }

    /// <summary>How many AI messages were allowed.</summary>
    public required int AiMessagesAllowed { get; init; }

    public required IReadOnlyList<IdentityAnswerEvidence> IdentityAnswers { get; init; }

    public required IReadOnlyList<HandoffEvidence> Handoffs { get; init; }

    /// <summary>Trust signals that came from a human agent's message (the rule is that none do).</summary>
    public required int AgentMessagesScored { get; init; }

    /// <summary>When its personal data was erased; null when it was not.</summary>
    public DateTimeOffset? ErasedAt { get; init; }
}

/// <summary>The customer was on <paramref name="Channel"/> in <paramref name="Locale"/> from <paramref name="At"/>.</summary>
public sealed record ChannelStretch(Channel Channel, string Locale, DateTimeOffset At);

/// <summary>A notice issued, with the SHA-256 of its words in place of the words, and when it was delivered.</summary>
public sealed record DisclosureEvidence(
    string DisclosureId, Channel Channel, string Locale, string TextSha256, DateTimeOffset IssuedAt, DateTimeOffset? DeliveredAt, string Reason);

/// <summary>An identity question answered, and who the answer said was there (<c>ai</c> or <c>human</c>).</summary>
public sealed record IdentityAnswerEvidence(DateTimeOffset At, string AnsweredAs);

/// <summary>A move to a human: why, when it was asked for, and when and to whom it was assigned.</summary>
public sealed record HandoffEvidence(string HandoffId, string Reason, DateTimeOffset RequestedAt, DateTimeOffset? AssignedAt, string? AgentId)
{
    /// <summary>
    /// Whole seconds from the request to the assignment, the part of a second left over dropped (as the agent's context
    /// counts them, so both name the same wait); null while it was never assigned.
    /// </summary>
    public long? WaitedSeconds => AssignedAt is { } assigned
        ? assigned <= RequestedAt ? 0 : (long)(assigned - RequestedAt).TotalSeconds
        : null;
}
