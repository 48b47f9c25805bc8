namespace CxCluster.Api.Cluster;

/// <summary>Keeps trying to reach the cluster for <see cref="ClusterSettings.ConnectRetryWindow"/>, so a late silo does not stop the API.</summary>
public sealed partial class ClusterConnectionRetryFilter(
    ClusterSettings cluster,
    TimeProvider clock,
    ILogger<ClusterConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private long firstFailure;
    private int attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (attempts++ == 0)
        {
            firstFailure = now;
        }
        var waited = clock.GetElapsedTime(firstFailure, now);
        var reason = exception.GetBaseException().Message;
        if (waited >= cluster.ConnectRetryWindow)
        {
            LogGivingUp(logger, attempts, waited, reason);
            return false;
        }

        var delay = TimeSpan.FromMilliseconds(Math.Min(MaxDelay.TotalMilliseconds, 500 * attempts));
        if (cluster.ConnectRetryWindow is { } window && delay > window - waited)
        {
            delay = window - waited;
        }
        LogRetrying(logger, attempts, reason, delay);
        try
        {
            await Task.Delay(delay, clock, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The cluster is not reachable yet (attempt {Attempt}: {Reason}); trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Giving up on the cluster after {Attempts} attempts in {Waited} (last: {Reason})")]
    private static partial void LogGivingUp(ILogger logger, int attempts, TimeSpan waited, string reason);
}
