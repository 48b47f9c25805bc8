using CxCluster.Abstractions.Push;

namespace CxCluster.Abstractions.Webhooks;

/// <summary>Whether an endpoint is sent facts: a <c>410 Gone</c> from the receiver disables it, a <c>PUT</c> enables it again.</summary>
[GenerateSerializer, Alias("cx.WebhookStatus")]
public enum WebhookStatus
{
    Active,
    Disabled,
}

/// <summary>What a tenant asks for in <c>PUT /v1/webhooks/{webhookId}</c>; the API has checked the shapes.</summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookSpec")]
public sealed record WebhookSpec
{
    [Id(0)] public required string Url { get; init; }

    /// <summary>The fact types sent; null: every type.</summary>
    [Id(1)] public IReadOnlyList<string>? Types { get; init; }

    /// <summary><c>whsec_</c> and base64; null: keep the endpoint's secret, or generate one for a new endpoint.</summary>
    [Id(2)] public string? Secret { get; init; }

    /// <summary>Create only (<c>If-None-Match: *</c>): an endpoint of this id that exists stays as it is, and the put is refused.</summary>
    [Id(3)] public bool OnlyIfNew { get; init; }
}

/// <summary>An endpoint as the API shows it; <see cref="Secret"/> only in the answer that created it.</summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookDetails")]
public sealed record WebhookDetails
{
    [Id(0)] public required string WebhookId { get; init; }
    [Id(1)] public required string Url { get; init; }
    /// <summary>Null: every type.</summary>
    [Id(2)] public IReadOnlyList<string>? Types { get; init; }
    [Id(3)] public required WebhookStatus Status { get; init; }
    [Id(4)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(5)] public string? Secret { get; init; }
}

/// <summary>Either an endpoint or why the request was refused (nothing changed then).</summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookOutcome")]
public sealed record WebhookOutcome
{
    [Id(0)] public WebhookDetails? Webhook { get; init; }
    [Id(1)] public Refusal? Refusal { get; init; }

    public static WebhookOutcome Accepted(WebhookDetails webhook) => new() { Webhook = webhook };

    public static WebhookOutcome Refused(RefusalKind kind, string detail, string? field = null) =>
        new() { Refusal = new Refusal { Kind = kind, Detail = detail, Field = field } };
}

/// <summary>
/// One endpoint as its dispatchers run it. <see cref="Generation"/> is new each time the id is created, so a dispatcher
/// never carries the progress of a deleted endpoint over to a new one of the same id.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookEndpoint")]
public sealed record WebhookEndpoint
{
    [Id(0)] public required string TenantId { get; init; }
    [Id(1)] public required string WebhookId { get; init; }
    [Id(2)] public required string Generation { get; init; }
    [Id(3)] public required string Url { get; init; }
    /// <summary>Null: every type.</summary>
    [Id(4)] public IReadOnlyList<string>? Types { get; init; }
    [Id(5)] public required string Secret { get; init; }
    /// <summary>The tenant's last fact position when the endpoint was created: it is sent the facts after it.</summary>
    [Id(6)] public required long StartPosition { get; init; }
    /// <summary>How many dispatchers share the endpoint's facts, fixed at creation.</summary>
    [Id(7)] public required int Partitions { get; init; }
    [Id(8)] public required WebhookStatus Status { get; init; }
    [Id(9)] public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A fact whose delivery was given up, with what the receiver last answered.</summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookFailure")]
public sealed record WebhookFailure
{
    /// <summary>The fact as it was sent.</summary>
    [Id(0)] public required PushedFact Fact { get; init; }
    [Id(1)] public required DateTimeOffset FailedAt { get; init; }
    [Id(2)] public required int Attempts { get; init; }
    /// <summary>The last attempt's outcome, e.g. <c>503</c> or <c>timeout</c>.</summary>
    [Id(3)] public required string LastError { get; init; }

    public string FactId => Fact.Id;
}

/// <summary>Where one dispatcher stands, for operators and tests.</summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookProgress")]
public sealed record WebhookProgress
{
    [Id(0)] public required bool Running { get; init; }
    /// <summary>Every fact at or below it was read.</summary>
    [Id(1)] public required long ReadPosition { get; init; }
    /// <summary>Facts read but not yet accepted or given up.</summary>
    [Id(2)] public required int Pending { get; init; }
    [Id(3)] public required int InFlight { get; init; }
    [Id(4)] public required int Failures { get; init; }
    /// <summary>Conversations and agents whose later facts wait in the journal until their line has gone out.</summary>
    [Id(5)] public int ParkedLines { get; init; }
    /// <summary>Conversations and agents whose next fact waits for a retry after its receiver refused it.</summary>
    [Id(6)] public int Retrying { get; init; }
}
