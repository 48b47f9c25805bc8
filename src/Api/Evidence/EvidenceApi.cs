using Microsoft.Extensions.Primitives;

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
            .Produces(StatusCodes.Status200OK, contentType: ContentType)
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> GetEvidence(HttpRequest request, Tenant tenant, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var from = Timestamp(errors, request.Query, "from");
        var to = Timestamp(errors, request.Query, "to");
        var conversationId = Single(errors, request.Query, "conversationId");
        FieldRules.Id(errors, "conversationId", conversationId);
        if (errors.Any)
        {
            return Problems.Invalid(errors, "The evidence query has invalid fields; see errors.");
        }
        var query = new EvidenceQuery { From = from!.Value, To = to!.Value, ConversationId = conversationId };
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

    /// <summary>A required RFC 3339 timestamp given once.</summary>
    private static DateTimeOffset? Timestamp(FieldErrors errors, IQueryCollection query, string field)
    {
        var value = Single(errors, query, field);
        if (value is null && !errors.Has(field))
        {
            errors.Add(field, $"{field} is required: an RFC 3339 timestamp such as '2026-11-01T00:00:00Z'.");
        }
        return FieldRules.Timestamp(errors, field, value);
    }

    /// <summary>The parameter's value, null when it is absent; given more than once is an error.</summary>
    private static string? Single(FieldErrors errors, IQueryCollection query, string field)
    {
        var values = query.TryGetValue(field, out var given) ? given : StringValues.Empty;
        if (values.Count > 1)
        {
            errors.Add(field, $"{field} must be given once.");
            return null;
        }
        return values.Count == 1 ? values[0] : null;
    }
}
