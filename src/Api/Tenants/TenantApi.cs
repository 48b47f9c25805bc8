using CxCluster.Api.Cluster;

namespace CxCluster.Api.Tenants;

/// <summary>The <c>/v1</c> route group every tenant-scoped endpoint lives in.</summary>
public static class TenantApi
{
    /// <summary>A <c>/v1</c> group behind the bearer key and the tenant's rate limit.</summary>
    public static RouteGroupBuilder MapTenantApi(this IEndpointRouteBuilder app, string tag)
    {
        var group = app.MapGroup("/v1")
            .WithTags(tag)
            .RequireAuthorization()
            .RequireRateLimiting(TenantRateLimiting.Policy)
            .WithMetadata(ClusterConnectionGate.Needed.Marker);
        group.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        // After each endpoint's own conventions, so its name is known: a supervisor key is refused every endpoint but the
        // reads SupervisorAccess lists, and the document says so where it can happen.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault() is not { } name
                || !SupervisorAccess.Readable.Contains(name.EndpointName))
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(
                    StatusCodes.Status403Forbidden, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
            }
        });
        return group;
    }
}
