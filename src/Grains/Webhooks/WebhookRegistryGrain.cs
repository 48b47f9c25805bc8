using CxCluster.Abstractions.Push;
using CxCluster.Abstractions.Webhooks;
using CxCluster.Grains.Journal;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Webhooks;

/// <summary>A tenant's webhook endpoints, by id.</summary>
[GenerateSerializer, Alias("cx.WebhookRegistryState")]
public sealed class WebhookRegistryState
{
    [Id(0)] public Dictionary<string, WebhookEndpoint> Endpoints { get; set; } = [];
}

/// <summary>
/// Owns a tenant's webhook endpoints: decides whether a receiver may be registered, gives each new endpoint its
/// secret, generation and start position, and starts and stops its dispatchers. A durable reminder starts the
/// dispatchers of active endpoints again every so often, so one that missed its start (its silo died) runs anyway.
/// </summary>
internal sealed class WebhookRegistryGrain(
    [PersistentState("webhooks", CxStorage.Name)] IPersistentState<WebhookRegistryState> store,
    IFactJournal journal,
    WebhookSettings options,
    TimeProvider clock,
    ILogger<WebhookRegistryGrain> logger) : Grain, IWebhookRegistryGrain, IRemindable
{
    private const string ReminderName = "cx.webhooks";

    private string TenantId => this.GetPrimaryKeyString();

    private Dictionary<string, WebhookEndpoint> Endpoints => store.State.Endpoints;

    async Task<WebhookOutcome> IWebhookRegistryGrain.Put(string webhookId, WebhookSpec spec)
    {
        if (ReceiverPolicy.For(options).CheckUrl(spec.Url) is { } badUrl)
        {
            return WebhookOutcome.Refused(RefusalKind.Invalid, badUrl, "url");
        }
        if (spec.Types?.FirstOrDefault(t => !FactTypes.IsKnown(t)) is { } unknown)
        {
            return WebhookOutcome.Refused(RefusalKind.Invalid, $"types holds '{unknown}', which is no fact type.", "types");
        }
        if (spec.Secret is { } given && WebhookSignature.KeyOf(given) is null)
        {
            return WebhookOutcome.Refused(RefusalKind.Invalid,
                $"secret must be '{WebhookSignature.SecretPrefix}' and the base64 of {WebhookSignature.MinSecretBytes} to {WebhookSignature.MaxSecretBytes} bytes.", "secret");
        }
        var types = spec.Types?.Distinct(StringComparer.Ordinal).ToArray();
        WebhookEndpoint endpoint;
        var created = !Endpoints.TryGetValue(webhookId, out var existing);
        if (!created && spec.OnlyIfNew)
        {
            return WebhookOutcome.Refused(RefusalKind.PreconditionFailed,
                $"The webhook endpoint '{webhookId}' exists, and If-None-Match: * asked to create it only if it did not; it is left as it is.");
        }
        if (created && Endpoints.Count >= options.MaxEndpoints)
        {
            return WebhookOutcome.Refused(RefusalKind.Conflict,
                $"The tenant has {Endpoints.Count} webhook endpoints, the most it may have (Webhooks:MaxEndpoints); delete one or update one of them instead.",
                "webhookId");
        }
        if (existing is not null)
        {
            endpoint = existing with { Url = spec.Url, Types = types, Secret = spec.Secret ?? existing.Secret, Status = WebhookStatus.Active };
        }
        else
        {
            endpoint = new WebhookEndpoint
            {
                TenantId = TenantId,
                WebhookId = webhookId,
                Generation = Guid.NewGuid().ToString("N"),
                Url = spec.Url,
                Types = types,
                Secret = spec.Secret ?? WebhookSignature.NewSecret(),
                // It is sent what is recorded from now on.
                StartPosition = await journal.TenantHeadAsync(TenantId),
                Partitions = options.Partitions,
                Status = WebhookStatus.Active,
                CreatedAt = clock.GetUtcNow(),
            };
        }
        Endpoints[webhookId] = endpoint;
        await store.WriteStateAsync();
        // A backstop for a dispatcher whose start never arrived (each running dispatcher has a reminder of its own), so seldom.
        var period = options.ReminderInterval * 6;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
        await StartDispatchers(endpoint);
        return WebhookOutcome.Accepted(Details(endpoint, showSecret: created));
    }

    Task<WebhookDetails?> IWebhookRegistryGrain.Get(string webhookId) =>
        Task.FromResult(Endpoints.TryGetValue(webhookId, out var endpoint) ? Details(endpoint, showSecret: false) : null);

    Task<IReadOnlyList<WebhookDetails>> IWebhookRegistryGrain.List() =>
        Task.FromResult<IReadOnlyList<WebhookDetails>>([.. Endpoints.Values.OrderBy(e => e.WebhookId, StringComparer.Ordinal).Select(e => Details(e, showSecret: false))]);

    async Task<bool> IWebhookRegistryGrain.Delete(string webhookId)
    {
        if (!Endpoints.Remove(webhookId, out var endpoint))
        {
            return false;
        }
        await store.WriteStateAsync();
        await StopDispatchers(endpoint, forget: true);
        if (Endpoints.Count == 0 && await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        return true;
    }

    async Task<IReadOnlyList<WebhookFailure>?> IWebhookRegistryGrain.Failures(string webhookId)
    {
        if (!Endpoints.TryGetValue(webhookId, out var endpoint))
        {
            return null;
        }
        var parts = await Task.WhenAll(Dispatchers(endpoint).Select(d => d.Failures()));
        return [.. parts.SelectMany(p => p).OrderByDescending(f => f.FailedAt).ThenByDescending(f => f.Fact.Position)];
    }

    async Task<bool> IWebhookRegistryGrain.Replay(string webhookId, DateTimeOffset? from)
    {
        if (!Endpoints.TryGetValue(webhookId, out var endpoint))
        {
            return false;
        }
        await Task.WhenAll(Dispatchers(endpoint).Select(d => d.Replay(from)));
        return true;
    }

    async Task IWebhookRegistryGrain.Disable(string webhookId, string generation)
    {
        if (!Endpoints.TryGetValue(webhookId, out var endpoint) || endpoint.Generation != generation || endpoint.Status == WebhookStatus.Disabled)
        {
            return;
        }
        endpoint = endpoint with { Status = WebhookStatus.Disabled };
        Endpoints[webhookId] = endpoint;
        await store.WriteStateAsync();
        logger.LogWarning("Webhook {Webhook} of tenant {Tenant} is disabled: its receiver answered 410 Gone", webhookId, TenantId);
        await StopDispatchers(endpoint, forget: false);
    }

    Task<WebhookEndpoint?> IWebhookRegistryGrain.Current(string webhookId, string generation) =>
        Task.FromResult(Endpoints.TryGetValue(webhookId, out var endpoint) && endpoint.Generation == generation ? endpoint : null);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        foreach (var endpoint in Endpoints.Values.Where(e => e.Status == WebhookStatus.Active).ToList())
        {
            await StartDispatchers(endpoint);
        }
    }

    private IEnumerable<IWebhookDispatcherGrain> Dispatchers(WebhookEndpoint endpoint) =>
        Enumerable.Range(0, endpoint.Partitions).Select(p => GrainFactory.WebhookDispatcher(TenantId, endpoint.WebhookId, p));

    /// <summary>Starts every partition; one that cannot be reached now is started by the next reminder.</summary>
    private async Task StartDispatchers(WebhookEndpoint endpoint)
    {
        try
        {
            await Task.WhenAll(Dispatchers(endpoint).Select(d => d.Start(endpoint)));
        }
        catch (Exception e)
        {
            logger.LogWarning("Not every dispatcher of webhook {Webhook} of tenant {Tenant} started ({Reason}); the next reminder tries again",
                endpoint.WebhookId, TenantId, e.GetBaseException().Message);
        }
    }

    /// <summary>Stops every partition; one that cannot be reached now stops itself at its next reminder.</summary>
    private async Task StopDispatchers(WebhookEndpoint endpoint, bool forget)
    {
        try
        {
            await Task.WhenAll(Dispatchers(endpoint).Select(d => d.Stop(forget)));
        }
        catch (Exception e)
        {
            logger.LogWarning("Not every dispatcher of webhook {Webhook} of tenant {Tenant} stopped ({Reason}); each stops at its next reminder",
                endpoint.WebhookId, TenantId, e.GetBaseException().Message);
        }
    }

    private static WebhookDetails Details(WebhookEndpoint endpoint, bool showSecret) => new()
    {
        WebhookId = endpoint.WebhookId,
        Url = endpoint.Url,
        Types = endpoint.Types,
        Status = endpoint.Status,
        CreatedAt = endpoint.CreatedAt,
        Secret = showSecret ? endpoint.Secret : null,
    };
}
