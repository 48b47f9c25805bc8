using System.Globalization;

namespace CxCluster.Api.Cluster;

/// <summary>
/// Answers 503 with Retry-After until the cluster client has connected for the first time: the host reports started
/// only once every hosted service has, the cluster client included, while the HTTP server already answers. Losing
/// the cluster later shows up as Orleans' own errors, which <see cref="ClusterFaults"/> answers the same way.
/// </summary>
/// <remarks>
/// A middleware after authentication and rate limiting, for the endpoints marked <see cref="Needed"/>, rather than an
/// endpoint filter: a filter makes every call of the endpoint box its arguments into an invocation context, and the
/// answer is already decided once the first connection is made.
/// </remarks>
public sealed class ClusterConnectionGate(IHostApplicationLifetime lifetime)
{
    public bool Connected => lifetime.ApplicationStarted.IsCancellationRequested;

    /// <summary>Runs <paramref name="next"/>, unless the endpoint needs the cluster and it has not connected yet.</summary>
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Connected || context.GetEndpoint()?.Metadata.GetMetadata<Needed>() is null)
        {
            return next(context);
        }
        context.Response.Headers.RetryAfter = Problems.ClusterRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Result(StatusCodes.Status503ServiceUnavailable, ClusterFaults.Detail).ExecuteAsync(context);
    }

    /// <summary>Endpoint metadata: the endpoint calls the cluster, so it answers 503 until the first connection.</summary>
    public sealed class Needed
    {
        public static readonly Needed Marker = new();

        private Needed()
        {
        }
    }
}
