using CxCluster.Api.Conversations;

namespace CxCluster.Api.Webhooks;

/// <summary>Webhook endpoints of the tenant: register, look up, list, remove, failures and replay (<c>/v1/webhooks</c>).</summary>
public static class WebhookApi
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapTenantApi("Webhooks");

        api.MapPut("/webhooks/{webhookId}", PutWebhook)
            .WithName("PutWebhook")
            .WithSummary("Creates or updates an endpoint; it is sent the facts recorded from its creation on. The secret is shown once.")
            .Accepts<WebhookSpecJson>("application/json")
            .Produces<WebhookJson>()
            .ProducesInputProblems()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        api.MapGet("/webhooks/{webhookId}", GetWebhook)
            .WithName("GetWebhook")
            .WithSummary("The endpoint, without its secret.")
            .Produces<WebhookJson>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/webhooks", ListWebhooks)
            .WithName("ListWebhooks")
            .WithSummary("Every endpoint of the tenant, by id.")
            .Produces<WebhookListJson>();

        api.MapDelete("/webhooks/{webhookId}", DeleteWebhook)
            .WithName("DeleteWebhook")
            .WithSummary("Removes the endpoint; its deliveries stop.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/webhooks/{webhookId}/failures", GetFailures)
            .WithName("GetWebhookFailures")
            .WithSummary("The facts whose delivery was given up, newest first.")
            .Produces<WebhookFailureListJson>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/webhooks/{webhookId}/replay", PostReplay)
            .WithName("ReplayWebhook")
            .WithSummary("Delivers the given-up facts again, or with 'from' every fact since then.")
            .Accepts<WebhookReplayJson>("application/json")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesInputProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<IResult> PutWebhook(
        string webhookId, Tenant tenant, HttpRequest request, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (PathIds.Check(("webhookId", webhookId)) is { } badPath)
        {
            return badPath;
        }
        var (spec, problem) = await RequestBody.ReadAsync(request, RequestBody.SingleLimit,
            WebhookRequestReader.ReadSpec, "The webhook has invalid fields; see errors.", cancellationToken);
        if (spec is null)
        {
            return problem!;
        }
        var outcome = await cluster.Webhooks(tenant.Id).Put(webhookId, spec with { OnlyIfNew = Preconditions.OnlyIfNew(request) });
        return outcome.Refusal is { } refusal ? Problems.Refused(refusal) : TypedResults.Ok(WebhookJson.Of(outcome.Webhook!));
    }

    private static async Task<IResult> GetWebhook(string webhookId, Tenant tenant, IClusterClient cluster)
    {
        if (PathIds.Check(("webhookId", webhookId)) is { } badPath)
        {
            return badPath;
        }
        return await cluster.Webhooks(tenant.Id).Get(webhookId) is { } webhook
            ? TypedResults.Ok(WebhookJson.Of(webhook))
            : NoSuch(webhookId);
    }

    private static async Task<IResult> ListWebhooks(Tenant tenant, IClusterClient cluster) =>
        TypedResults.Ok(new WebhookListJson([.. (await cluster.Webhooks(tenant.Id).List()).Select(WebhookJson.Of)]));

    private static async Task<IResult> DeleteWebhook(string webhookId, Tenant tenant, IClusterClient cluster)
    {
        if (PathIds.Check(("webhookId", webhookId)) is { } badPath)
        {
            return badPath;
        }
        return await cluster.Webhooks(tenant.Id).Delete(webhookId) ? TypedResults.NoContent() : NoSuch(webhookId);
    }

    private static async Task<IResult> GetFailures(string webhookId, Tenant tenant, IClusterClient cluster)
    {
        if (PathIds.Check(("webhookId", webhookId)) is { } badPath)
        {
            return badPath;
        }
        return await cluster.Webhooks(tenant.Id).Failures(webhookId) is { } failures
            ? TypedResults.Ok(new WebhookFailureListJson([.. failures.Select(WebhookFailureJson.Of)]))
            : NoSuch(webhookId);
    }

    private static async Task<IResult> PostReplay(
        string webhookId, Tenant tenant, HttpRequest request, IClusterClient cluster, EventClock clock, CancellationToken cancellationToken)
    {
        if (PathIds.Check(("webhookId", webhookId)) is { } badPath)
        {
            return badPath;
        }
        // The body is optional: without one (or without a start) the given-up facts are delivered again.
        var (replay, problem) = await RequestBody.ReadOptionalAsync(request, RequestBody.SingleLimit,
            (root, errors) => WebhookRequestReader.ReadReplay(root, clock.Now(), errors), "The replay has invalid fields; see errors.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await cluster.Webhooks(tenant.Id).Replay(webhookId, replay?.From) ? TypedResults.Accepted((string?)null) : NoSuch(webhookId);
    }

    private static IResult NoSuch(string webhookId) => Problems.NotFound($"There is no webhook '{webhookId}'.");
}
