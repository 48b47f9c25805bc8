using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace CxCluster.Api.Cluster;

/// <summary>Answers an exception with a problem and no internals: 503 with Retry-After when the cluster is unreachable, else 500.</summary>
public sealed partial class ClusterExceptionHandler(ILogger<ClusterExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }
        if (ClusterFaults.IsUnavailable(exception))
        {
            LogUnavailable(logger, context.Request.Method, context.Request.Path, exception.GetType().Name);
            context.Response.Headers.RetryAfter = Problems.ClusterRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ClusterFaults.DetailFor(exception));
            return true;
        }
        await Problems.WriteAsync(
            context, StatusCodes.Status500InternalServerError, "An unexpected error occurred; it has been logged.");
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the cluster is unreachable ({ExceptionType})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string exceptionType);
}
