using System.Text.Json.Serialization;

namespace CxCluster.Api.Conversations;

/// <summary>A conversation in an answer: the full <see cref="SnapshotJson"/> or, for a lean answer, the <see cref="SummaryJson"/>.</summary>
[JsonDerivedType(typeof(SnapshotJson))]
[JsonDerivedType(typeof(SummaryJson))]
public abstract record ConversationJson
{
    /// <summary>The full snapshot when the answer carries one, else the summary.</summary>
    public static ConversationJson Of(EventResult result) =>
        result.Conversation is { } snapshot ? SnapshotJson.Of(snapshot) : SummaryJson.Of(result.Summary);
}

/// <summary>A conversation as <c>GET /v1/conversations/{conversationId}</c> shows it; personal data redacted.</summary>
public sealed record SnapshotJson(
    string Id,
    string Status,
    string Channel,
    string Locale,
    long Version,
    DisclosureJson Disclosure,
    TrustJson Trust,
    HandoffJson Handoff,
    IReadOnlyList<TranscriptTurnJson> Transcript) : ConversationJson
{
    public static SnapshotJson Of(ConversationSnapshot snapshot) => new(
        snapshot.Id,
        snapshot.Status.Name(),
        snapshot.Channel.Name(),
        snapshot.Locale,
        snapshot.Version,
        DisclosureJson.Of(snapshot.Disclosure),
        TrustJson.Of(snapshot.Trust),
        HandoffJson.Of(snapshot.Handoff),
        snapshot.Transcript.Select(TranscriptTurnJson.Of).ToList());
}

/// <summary>The disclosure in force on the current channel, and every one issued.</summary>
public sealed record DisclosureJson(
    bool Delivered,
    string? DisclosureId,
    DateTime? DeliveredAt,
    string? Channel,
    string? Locale,
    string? Text,
    IReadOnlyList<DisclosureRecordJson> History)
{
    public static DisclosureJson Of(DisclosureSnapshot disclosure) => new(
        disclosure.Delivered,
        disclosure.DisclosureId,
        disclosure.DeliveredAt?.UtcDateTime,
        disclosure.Channel?.Name(),
        disclosure.Locale,
        disclosure.Text,
        disclosure.History.Select(DisclosureRecordJson.Of).ToList());
}

/// <summary>The non-personal proof that a disclosure was issued and, if so, delivered.</summary>
public sealed record DisclosureRecordJson(string DisclosureId, string Channel, string Locale, DateTime IssuedAt, DateTime? DeliveredAt)
{
    public static DisclosureRecordJson Of(DisclosureRecord record) => new(
        record.DisclosureId, record.Channel.Name(), record.Locale, record.IssuedAt.UtcDateTime, record.DeliveredAt?.UtcDateTime);
}

/// <summary>The rolling trust score (0–100) and the signals that moved it most recently.</summary>
public sealed record TrustJson(int Score, int Threshold, string Band, IReadOnlyList<TrustSignalJson> Signals)
{
    public static TrustJson Of(TrustSnapshot trust) => new(
        trust.Score, trust.Threshold, trust.Band.Name(), trust.Signals.Select(TrustSignalJson.Of).ToList());
}

public sealed record TrustSignalJson(string Name, double Delta, DateTime At)
{
    public static TrustSignalJson Of(TrustSignal signal) => new(signal.Name, signal.Delta, signal.At.UtcDateTime);
}

/// <summary>Where the move to a human stands: none, queued, assigned or completed.</summary>
public sealed record HandoffJson(
    string Status, string? HandoffId, string? Reason, DateTime? RequestedAt, string? AgentId, int? QueuePosition)
{
    public static HandoffJson Of(HandoffSnapshot handoff) => new(
        handoff.Status.Name(), handoff.HandoffId, handoff.Reason, handoff.RequestedAt?.UtcDateTime, handoff.AgentId, handoff.QueuePosition);
}

/// <summary>One redacted turn: from customer, ai or agent.</summary>
public sealed record TranscriptTurnJson(string From, string Text, DateTime At)
{
    public static TranscriptTurnJson Of(TranscriptTurn turn) => new(turn.From.Name(), turn.Text, turn.At.UtcDateTime);
}

/// <summary>The conversation in brief, as a lean answer (<c>Prefer: return=minimal</c>) carries it.</summary>
public sealed record SummaryJson(
    string Id,
    string Status,
    string Channel,
    string Locale,
    long Version,
    SummaryDisclosureJson Disclosure,
    SummaryTrustJson Trust,
    SummaryHandoffJson Handoff) : ConversationJson
{
    public static SummaryJson Of(ConversationSummary summary) => new(
        summary.Id,
        summary.Status.Name(),
        summary.Channel.Name(),
        summary.Locale,
        summary.Version,
        new SummaryDisclosureJson(summary.DisclosureDelivered, summary.DisclosureId),
        new SummaryTrustJson(summary.TrustScore, summary.TrustBand.Name()),
        new SummaryHandoffJson(summary.HandoffStatus.Name(), summary.HandoffId, summary.AgentId, summary.QueuePosition));
}

/// <summary>Whether the disclosure in force was delivered on the current channel, and which it is.</summary>
public sealed record SummaryDisclosureJson(bool Delivered, string? DisclosureId);

/// <summary>The trust score (0–100) and its band.</summary>
public sealed record SummaryTrustJson(int Score, string Band);

/// <summary>Where the move to a human stands, in brief.</summary>
public sealed record SummaryHandoffJson(string Status, string? HandoffId, string? AgentId, int? QueuePosition);
