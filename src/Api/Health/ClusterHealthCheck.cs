using CxCluster.Api.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxCluster.Api.Health;

/// <summary>Ready when at least one silo answers this API within a short time, whichever silo that is.</summary>
public sealed class ClusterHealthCheck(IClusterClient cluster, ClusterConnectionGate connection) : IHealthCheck
{
    /// <summary>How long the check waits for the first answer, in all: inside the shipped probe's 3 s timeout.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>How long one wave of pings is given before the next goes out.</summary>
    public static readonly TimeSpan WaveTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How many probe grains one wave pings at once.</summary>
    public const int ProbeCount = 8;

    /// <summary>How many waves the check may send: each pings keys no earlier wave used.</summary>
    public const int Waves = 2;

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
        // fail the check. While a silo dies, a wave's gateways may all be the dying one's: a wave that is all refused,
        // or not answered within its time, is followed by one under new keys, which the client hands to the gateways
        // it still believes alive.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        var pings = new List<Task<Exception?>>();
        Exception? failure = null;
        for (var wave = 0; wave < Waves; wave++)
        {
            pings.AddRange(Enumerable.Range(wave * ProbeCount, ProbeCount).Select(key => PingAsync(cluster.GetGrain<IClusterProbeGrain>(key))));
            using var waveEnd = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            if (wave < Waves - 1)
            {
                waveEnd.CancelAfter(WaveTimeout);
            }
            while (pings.Count > 0)
            {
                Task<Exception?> answered;
                try
                {
                    answered = await Task.WhenAny(pings).WaitAsync(waveEnd.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                if (await answered is not { } exception)
                {
                    return HealthCheckResult.Healthy("The cluster answers.");
                }
                failure = exception;
                pings.Remove(answered);
            }
            // A wave whose time ran out is followed by the next even when the check's own time ran out meanwhile (a busy host
            // fires both timers together): an answer already in is read before the check gives up, never waited for.
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
        return pings.Count > 0 || failure is null
            ? HealthCheckResult.Unhealthy($"No silo answered within {Timeout.TotalSeconds:0.#} s.")
            : HealthCheckResult.Unhealthy($"The cluster does not answer ({failure.GetType().Name}).");
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
