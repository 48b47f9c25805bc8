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
        return group;
    }
}
