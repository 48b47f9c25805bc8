using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;

namespace CxCluster.Api.Supervision;

/// <summary>
/// The supervisor board (<c>GET /v1/supervisor/board</c>, for a tenant's API or supervisor key) and the page that shows
/// it (<c>GET /supervisor</c>, no key: its own calls carry the key the supervisor signs in with).
/// </summary>
public static class SupervisorApi
{
    public static IEndpointRouteBuilder MapSupervisorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapTenantApi("Supervisor")
            .MapGet("/supervisor/board", GetBoard)
            .WithName("GetSupervisorBoard")
            .WithSummary("Queues, agents, conversations at risk or waiting, and today's counts; after=<stream cursor> includes every fact up to it.")
            .Produces<BoardJson>()
            .ProducesValidationProblem()
            .Reads(ParameterLocation.Query, "after", "A cursor the tenant's live stream sent: the board includes every fact up to it.");
        SupervisorPage.Map(app);
        return app;
    }

    private static readonly string[] QueryNames = ["after"];

    private static async Task<IResult> GetBoard(HttpContext context, Tenant tenant, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        NearMisses.CheckNames(context.Request.Query.Keys, errors, QueryNames, "the board's query");
        var after = After(errors, context.Request.Query["after"]);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        if (after > 0 && !await cluster.FactFeed(tenant.Id).Sent(after))
        {
            // Another tenant's cursor, or one ahead of every fact: the board can promise nothing up to it.
            errors.Add("after", string.Create(CultureInfo.InvariantCulture,
                $"{after} is not the id of an event this tenant's stream sent; leave after out for the board as it is now."));
            return Problems.Invalid(errors);
        }
        var board = await cluster.SupervisorBoard(tenant.Id).Get(after);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(BoardJson.Of(board));
    }

    private static long After(FieldErrors errors, StringValues values)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        if (values.Count == 1 && long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var after))
        {
            return after;
        }
        errors.Add("after", "Must be the id of an event the live stream sent (a whole number), given once.");
        return 0;
    }
}
