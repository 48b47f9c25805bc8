using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CxCluster.Api.Health;

/// <summary><c>/health/live</c> (the process runs) and <c>/health/ready</c> (the cluster answers); no key needed.</summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddCxClusterHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag]);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // GET and HEAD only: a POST is answered 405 with Allow, as on every other route.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }
}
