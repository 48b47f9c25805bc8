using System.Globalization;

namespace CxCluster.Api.Cluster;

/// <summary>
/// Answers 503 with Retry-After until the cluster client has connected for the first time: the host reports started
/// only once every hosted service has, the cluster client included, while the HTTP server already answers. Losing
/// the cluster later shows up as Orleans' own errors, which <see cref="ClusterFaults"/> answers the same way.
/// </summary>
public sealed class ClusterConnectionGate(IHostApplicationLifetime lifetime) : IEndpointFilter
{
    public bool Connected => lifetime.ApplicationStarted.IsCancellationRequested;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (Connected)
        {
            return await next(context);
        }
        context.HttpContext.Response.Headers.RetryAfter = Problems.ClusterRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Result(StatusCodes.Status503ServiceUnavailable, ClusterFaults.Detail);
    }
}
