using System.Text.Json.Serialization;

namespace CxCluster.Api.Conversations;

/// <summary>One slot of a batch's results: an <see cref="EventResultJson"/> or an <see cref="EventErrorJson"/>.</summary>
[JsonDerivedType(typeof(EventResultJson))]
[JsonDerivedType(typeof(EventErrorJson))]
public abstract record BatchSlotJson;

/// <summary>What an accepted event produced.</summary>
public sealed record EventResultJson(
    string ConversationId,
    string EventId,
    bool Duplicate,
    IReadOnlyList<DirectiveJson> Directives,
    ConversationJson Conversation) : BatchSlotJson
{
    public static EventResultJson Of(EventResult result) => new(
        result.ConversationId,
        result.EventId,
        result.Duplicate,
        result.Directives.Select(DirectiveJson.Of).ToList(),
        ConversationJson.Of(result));
}

/// <summary>A batch event that failed alone; <see cref="EventId"/> is null when the event had no valid id.</summary>
public sealed record EventErrorJson(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? EventId,
    ProblemJson Error) : BatchSlotJson;

/// <summary>The answer to a batch: one slot per event, in the order sent.</summary>
public sealed record BatchResultJson(IReadOnlyList<BatchSlotJson> Results);

/// <summary>One instruction to the platform: always a type, plus only the fields of that type.</summary>
public sealed record DirectiveJson
{
    /// <summary>disclose, allow-ai, suppress-ai, answer-identity, offer-human or handoff.</summary>
    public required string Type { get; init; }
    /// <summary>disclose.</summary>
    public string? DisclosureId { get; init; }
    /// <summary>handoff.</summary>
    public string? HandoffId { get; init; }
    /// <summary>handoff: queued or assigned.</summary>
    public string? Status { get; init; }
    /// <summary>suppress-ai, handoff.</summary>
    public string? Reason { get; init; }
    /// <summary>disclose, answer-identity, offer-human, handoff: what to tell the customer.</summary>
    public string? Text { get; init; }
    /// <summary>disclose.</summary>
    public string? Channel { get; init; }
    /// <summary>disclose.</summary>
    public string? Locale { get; init; }
    /// <summary>handoff, when assigned.</summary>
    public string? AgentId { get; init; }
    /// <summary>handoff, when queued.</summary>
    public int? QueuePosition { get; init; }
    /// <summary>handoff, when queued and an estimate exists.</summary>
    public int? EstimatedWaitSeconds { get; init; }

    public static DirectiveJson Of(Directive directive)
    {
        var type = directive.Type.Name();
        return directive switch
        {
            DiscloseDirective disclose => new()
            {
                Type = type,
                DisclosureId = disclose.DisclosureId,
                Text = disclose.Text,
                Channel = disclose.Channel.Name(),
                Locale = disclose.Locale,
            },
            AllowAiDirective => new() { Type = type },
            SuppressAiDirective suppress => new() { Type = type, Reason = suppress.Reason },
            AnswerIdentityDirective answer => new() { Type = type, Text = answer.Text },
            OfferHumanDirective offer => new() { Type = type, Text = offer.Text },
            HandoffDirective handoff => new()
            {
                Type = type,
                HandoffId = handoff.HandoffId,
                Status = handoff.Status.Name(),
                Reason = handoff.Reason,
                Text = handoff.Text,
                AgentId = handoff.AgentId,
                QueuePosition = handoff.QueuePosition,
                EstimatedWaitSeconds = handoff.EstimatedWaitSeconds,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(directive), directive.Type, "Unknown directive type."),
        };
    }
}
