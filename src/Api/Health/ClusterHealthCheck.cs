using CxCluster.Api.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxCluster.Api.Health;

/// <summary>Ready when at least one silo answers this API within a short time, whichever silo that is.</summary>
public sealed class ClusterHealthCheck(IClusterClient cluster, ClusterConnectionGate connection) : IHealthCheck
{
    /// <summary>How long the check waits for the first answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>How many probe grains are pinged at once, under the keys 0 to this minus 1.</summary>
    public const int ProbeCount = 8;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!connection.Connected)
        {
            return HealthCheckResult.Unhealthy("The cluster client has not connected yet.");
        }

        // An answer to a grain call is what proves a silo serves this API; a connected gateway does not. The probe grain
        // is a stateless worker, so it answers on the silo whose gateway took the call. The client sends each grain's
        // calls through one gateway, handing gateways out in turn, so several keys at once go through every gateway:
        // one answer means some silo serves, and a silo that died (even one the client still believes alive) cannot
        // fail the check.
        var pings = Enumerable.Range(0, ProbeCount).Select(key => PingAsync(cluster.GetGrain<IClusterProbeGrain>(key))).ToList();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        Exception? failure = null;
        while (pings.Count > 0)
        {
            Task<Exception?> answered;
            try
            {
                answered = await Task.WhenAny(pings).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"No silo answered within {Timeout.TotalSeconds:0.#} s.");
            }
            if (await answered is not { } exception)
            {
                return HealthCheckResult.Healthy("The cluster answers.");
            }
            failure = exception;
            pings.Remove(answered);
        }
        return HealthCheckResult.Unhealthy($"The cluster does not answer ({failure?.GetType().Name}).");
    }

    /// <summary>The ping's failure, or null once it answered. It never faults, so pings still pending when the check returns leave no unobserved exception.</summary>
    private static async Task<Exception?> PingAsync(IClusterProbeGrain probe)
    {
        try
        {
            await probe.Ping();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
