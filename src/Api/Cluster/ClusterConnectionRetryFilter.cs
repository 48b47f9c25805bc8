namespace CxCluster.Api.Cluster;

/// <summary>Keeps trying to reach the cluster for <see cref="ClusterConnectionOptions.ConnectRetryWindow"/>, so a late silo does not stop the API.</summary>
public sealed partial class ClusterConnectionRetryFilter(
    ClusterConnectionOptions options,
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
        if (waited >= options.ConnectRetryWindow)
        {
            LogGivingUp(logger, attempts, waited, exception.GetType().Name);
            return false;
        }

        var delay = TimeSpan.FromMilliseconds(Math.Min(MaxDelay.TotalMilliseconds, 500 * attempts));
        if (delay > options.ConnectRetryWindow - waited)
        {
            delay = options.ConnectRetryWindow - waited;
        }
        LogRetrying(logger, attempts, exception.GetType().Name, delay);
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
        Message = "The cluster is not reachable yet (attempt {Attempt}, {ExceptionType}); trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int attempt, string exceptionType, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Giving up on the cluster after {Attempts} attempts in {Waited} (last: {ExceptionType})")]
    private static partial void LogGivingUp(ILogger logger, int attempts, TimeSpan waited, string exceptionType);
}
