namespace CxCluster.Abstractions.Webhooks;

/// <summary>A tenant's webhook endpoints: created, changed, listed and removed here (key: the tenant id).</summary>
[Alias("cx.IWebhookRegistryGrain")]
public interface IWebhookRegistryGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates an endpoint and starts its dispatchers; a refusal names the field.</summary>
    [Alias("Put")]
    Task<WebhookOutcome> Put(string webhookId, WebhookSpec spec);

    [Alias("Get")]
    Task<WebhookDetails?> Get(string webhookId);

    [Alias("List")]
    Task<IReadOnlyList<WebhookDetails>> List();

    /// <summary>Removes the endpoint and stops its dispatchers; false when there was none.</summary>
    [Alias("Delete")]
    Task<bool> Delete(string webhookId);

    /// <summary>The facts whose delivery was given up, newest first; null when there is no such endpoint.</summary>
    [Alias("Failures")]
    Task<IReadOnlyList<WebhookFailure>?> Failures(string webhookId);

    /// <summary>
    /// Delivers the given-up facts again, or, with <paramref name="from"/>, every fact since then; false when there is no
    /// such endpoint.
    /// </summary>
    [Alias("Replay")]
    Task<bool> Replay(string webhookId, DateTimeOffset? from);

    /// <summary>A dispatcher's receiver answered <c>410 Gone</c>: the endpoint of that generation is disabled.</summary>
    [Alias("Disable")]
    Task Disable(string webhookId, string generation);

    /// <summary>The endpoint if it still is of <paramref name="generation"/> and active, else null (its dispatchers stop).</summary>
    [Alias("Current")]
    Task<WebhookEndpoint?> Current(string webhookId, string generation);
}

/// <summary>
/// Delivers one endpoint's facts of one partition of subjects (key: <c>{tenant}/{webhookId}/{partition}</c>), in order
/// per conversation and agent, at least once.
/// </summary>
[Alias("cx.IWebhookDispatcherGrain")]
public interface IWebhookDispatcherGrain : IGrainWithStringKey
{
    /// <summary>Runs (or goes on running) with this configuration; a new generation starts from its start position.</summary>
    [Alias("Start")]
    Task Start(WebhookEndpoint endpoint);

    /// <summary>Stops delivering and removes the reminder; <paramref name="forget"/> also drops the progress and failures.</summary>
    [Alias("Stop")]
    Task Stop(bool forget);

    [Alias("Failures")]
    Task<IReadOnlyList<WebhookFailure>> Failures();

    /// <summary>Delivers the given-up facts again, or with <paramref name="from"/> every fact of the partition since then.</summary>
    [Alias("Replay")]
    Task Replay(DateTimeOffset? from);

    [Alias("Progress")]
    Task<WebhookProgress> Progress();
}
