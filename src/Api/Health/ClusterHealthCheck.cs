using CxCluster.Api.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxCluster.Api.Health;

/// <summary>Ready only when the cluster answers a ping within a short time.</summary>
public sealed class ClusterHealthCheck(IClusterClient cluster, ClusterConnectionGate connection) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!connection.Connected)
        {
            return HealthCheckResult.Unhealthy("The cluster client has not connected yet.");
        }
        try
        {
            await cluster.GetGrain<IClusterProbeGrain>(0).Ping().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy("The cluster answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The cluster does not answer ({e.GetType().Name}).");
        }
    }
}
