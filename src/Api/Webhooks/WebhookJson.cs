using System.Text.Json.Serialization;
using CxCluster.Abstractions.Webhooks;

namespace CxCluster.Api.Webhooks;

/// <summary>The body of <c>PUT /v1/webhooks/{webhookId}</c>.</summary>
public sealed record WebhookSpecJson(string Url, IReadOnlyList<string>? Types, string? Secret);

/// <summary>The body of <c>POST /v1/webhooks/{webhookId}/replay</c> (optional).</summary>
public sealed record WebhookReplayJson(DateTimeOffset? From);

/// <summary>A Webhook: <c>types</c> is null when every type is sent; <c>secret</c> only in the answer that created it.</summary>
public sealed record WebhookJson(
    string WebhookId,
    string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<string>? Types,
    string Status,
    DateTime CreatedAt,
    string? Secret)
{
    public static WebhookJson Of(WebhookDetails webhook) => new(
        webhook.WebhookId, webhook.Url, webhook.Types, webhook.Status == WebhookStatus.Active ? "active" : "disabled",
        webhook.CreatedAt.UtcDateTime, webhook.Secret);
}

/// <summary>The answer of <c>GET /v1/webhooks</c>.</summary>
public sealed record WebhookListJson(IReadOnlyList<WebhookJson> Webhooks);

/// <summary>The answer of <c>GET /v1/webhooks/{webhookId}/failures</c>, newest first.</summary>
public sealed record WebhookFailureListJson(IReadOnlyList<WebhookFailureJson> Failures);

/// <summary>A fact whose delivery was given up: the Fact as it was sent, when and after how many attempts, and the last outcome.</summary>
public sealed record WebhookFailureJson(string FactId, DateTime FailedAt, int Attempts, string LastError, JsonElement Fact)
{
    public static WebhookFailureJson Of(WebhookFailure failure)
    {
        using var fact = JsonDocument.Parse(failure.Fact.Json);
        return new(failure.FactId, failure.FailedAt.UtcDateTime, failure.Attempts, failure.LastError, fact.RootElement.Clone());
    }
}
