using CxCluster.Api.Conversations;

namespace CxCluster.Api.Evidence;

/// <summary>The tenant's evidence export (<c>/v1/evidence</c>), streamed as NDJSON page by page from its export grain.</summary>
public static class EvidenceApi
{
    public const string ContentType = "application/x-ndjson";

    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapTenantApi("Evidence")
            .MapGet("/evidence", GetEvidence)
            .WithName("ExportEvidence")
            .WithSummary("One NDJSON line of non-personal proof per conversation active in [from, to), then a summary line with the SHA-256 of the lines before it.")
            .Produces<System.IO.Stream>(StatusCodes.Status200OK, ContentType)
            .ProducesValidationProblem();
        return app;
    }

    /// <param name="from">The period's start (RFC 3339), included.</param>
    /// <param name="to">The period's end (RFC 3339), excluded; at most 366 days after <paramref name="from"/>.</param>
    /// <param name="conversationId">Only this conversation.</param>
    /// <param name="request">The request, whose query is checked for repeated parameters.</param>
    /// <param name="tenant">The caller's tenant: the only one whose conversations are exported.</param>
    /// <param name="cluster">The cluster the export grain lives in.</param>
    /// <param name="clock">When the request was received, which bounds <paramref name="from"/>.</param>
    private static async Task<IResult> GetEvidence(
        string? from, string? to, string? conversationId, HttpRequest request, Tenant tenant, IClusterClient cluster, EventClock clock)
    {
        var errors = new FieldErrors();
        Once(errors, request.Query, QueryNames);
        NearMisses.CheckNames(request.Query.Keys, errors, QueryNames, "the evidence query");
        // A start before any fact could have been recorded (year 1: an unset date), or ahead of now, is a clock gone
        // wrong, as for a replay's 'from': its export would be empty and look like proof that nothing happened.
        var start = Timestamp(errors, "from", from, clock.Now());
        var end = Timestamp(errors, "to", to);
        if (!errors.Has("conversationId"))
        {
            FieldRules.Id(errors, "conversationId", conversationId);
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors, "The evidence query has invalid fields; see errors.");
        }
        var query = new EvidenceQuery { From = start!.Value, To = end!.Value, ConversationId = conversationId };
        if (query.Problem() is { } problem)
        {
            errors.Add(problem.Field, problem.Message);
            return Problems.Invalid(errors, "The evidence query has invalid fields; see errors.");
        }

        var export = cluster.EvidenceExport(tenant.Id, Guid.NewGuid().ToString("N"));
        // The first page is read before the answer starts, so a cluster that does not answer is still a 503.
        var first = await export.Read(query, 0);
        return TypedResults.Stream(async body =>
        {
            var page = first;
            for (var next = 1; ; next++)
            {
                await body.WriteAsync(page.Lines, request.HttpContext.RequestAborted);
                await body.FlushAsync(request.HttpContext.RequestAborted);
                if (page.Last)
                {
                    return;
                }
                // A failure from here on breaks the connection: the file then ends without its summary line.
                page = await export.Read(query, next);
            }
        }, ContentType);
    }

    /// <summary>
    /// A required RFC 3339 timestamp; with <paramref name="received"/>, one of the client's clock. Both bound the period
    /// [from, to) of facts kept to the tick, so a time between two ticks is read as the next tick.
    /// </summary>
    private static DateTimeOffset? Timestamp(FieldErrors errors, string field, string? value, ReceivedAt? received = null)
    {
        if (errors.Has(field))
        {
            return null;
        }
        if (value is null)
        {
            errors.Add(field, $"{field} is required: an RFC 3339 timestamp such as '2026-11-01T00:00:00Z'.");
            return null;
        }
        return received is { } at
            ? FieldRules.ClientTimestamp(errors, field, value, at, "the request", bound: true)
            : FieldRules.Timestamp(errors, field, value, bound: true);
    }

    /// <summary>The parameters the export takes.</summary>
    private static readonly string[] QueryNames = ["from", "to", "conversationId"];

    /// <summary>Each parameter at most once: a repeated one would be read as its values joined by commas.</summary>
    private static void Once(FieldErrors errors, IQueryCollection query, params ReadOnlySpan<string> fields)
    {
        foreach (var field in fields)
        {
            if (query.TryGetValue(field, out var values) && values.Count > 1)
            {
                errors.Add(field, $"{field} must be given once.");
            }
        }
    }
}
