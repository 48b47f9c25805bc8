namespace CxCluster.Api.Conversations;

// The shapes of the events a platform sends, for the OpenAPI document; bodies are read by EventReader, not bound.

/// <summary>One event; which fields apply depends on <see cref="Type"/>.</summary>
public record EventJson
{
    /// <summary>Idempotency key within the conversation: 1–128 letters, digits, '-', '_', '.', ':'.</summary>
    public required string Id { get; init; }
    /// <summary>conversation.started, customer.message, ai.message, agent.message, disclosure.delivered, signal, channel.switched or conversation.ended.</summary>
    public required string Type { get; init; }
    /// <summary>RFC 3339; defaults to the time received, and may be at most 300 s (Events:FutureToleranceSeconds) after it.</summary>
    public DateTimeOffset? OccurredAt { get; init; }
    /// <summary>conversation.started, channel.switched: chat, voice, sms, whatsapp, email or web.</summary>
    public string? Channel { get; init; }
    /// <summary>conversation.started: a BCP 47 tag such as id-ID.</summary>
    public string? Locale { get; init; }
    /// <summary>conversation.started, optional.</summary>
    public string? CustomerId { get; init; }
    /// <summary>customer.message, ai.message, agent.message: up to 16,000 characters.</summary>
    public string? Text { get; init; }
    /// <summary>agent.message: the agent who wrote.</summary>
    public string? AgentId { get; init; }
    /// <summary>disclosure.delivered: the disclosure the platform delivered.</summary>
    public string? DisclosureId { get; init; }
    /// <summary>
    /// signal: sentiment, nlu.no_match, voice.silence_ms, voice.barge_in, csat (in any case), or another name; 1–64
    /// characters of a–z, A–Z, 0–9, '.', '_' and '-'.
    /// </summary>
    public string? Name { get; init; }
    /// <summary>signal: the measured value.</summary>
    public double? Value { get; init; }
    /// <summary>conversation.ended, optional.</summary>
    public string? Reason { get; init; }
}

/// <summary>One event of a batch: an event plus the conversation it belongs to.</summary>
public sealed record BatchEventJson : EventJson
{
    public required string ConversationId { get; init; }
}

/// <summary>The body of <c>POST /v1/events:batch</c>: 1 to 1000 events.</summary>
public sealed record EventBatchJson(IReadOnlyList<BatchEventJson> Events);
