using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Statistics;

namespace CxCluster.Silo.Health;

/// <summary>One health answer: whether it is good (200) or not (503), and why, in words an operator reads.</summary>
public sealed record HealthAnswer([property: JsonIgnore] bool Healthy, string Status, string? Silo = null, string? Reason = null);

/// <summary>
/// What this silo's health endpoints answer, read from this process alone (never a grain call or the database): started
/// once Orleans has made it Active in the cluster; ready while it is Active, not shutting down and not saturated.
/// </summary>
public sealed class SiloHealth(
    ISiloStatusOracle silo,
    IHostApplicationLifetime lifetime,
    IEnvironmentStatisticsProvider environment,
    IOptions<LoadSheddingOptions> shedding) : ILifecycleParticipant<ISiloLifecycle>
{
    private volatile bool _started;
    private volatile bool _stopping;

    /// <summary>The process runs and answers.</summary>
    public static HealthAnswer Live() => new(true, "live");

    /// <summary>Good once the silo has started through its last stage (Active, gateway open) at least once, whatever it is now.</summary>
    public HealthAnswer Startup() => _started
        ? new HealthAnswer(true, "started", silo.CurrentStatus.ToString())
        : new HealthAnswer(false, "starting", silo.CurrentStatus.ToString(), "the silo has not joined the cluster yet");

    /// <summary>Good only while the silo is Active in the cluster, is not asked to stop, and is not saturated.</summary>
    public HealthAnswer Ready()
    {
        var status = silo.CurrentStatus;
        if (_stopping || lifetime.ApplicationStopping.IsCancellationRequested || status.IsTerminating())
        {
            return new HealthAnswer(false, "stopping", status.ToString(), "the silo is shutting down");
        }
        if (!_started || status != SiloStatus.Active)
        {
            return new HealthAnswer(false, "starting", status.ToString(), "the silo has not joined the cluster yet");
        }
        // Saturated: memory at Orleans' load-shedding threshold (not CPU: Orleans measures the whole machine's, a busy neighbour's too).
        var memory = environment.GetEnvironmentStatistics().MemoryUsagePercentage;
        if (memory >= shedding.Value.MemoryThreshold)
        {
            return new HealthAnswer(false, "saturated", status.ToString(), $"memory {memory:0}% used, at or above {shedding.Value.MemoryThreshold}%");
        }
        return new HealthAnswer(true, "ready", status.ToString());
    }

    /// <summary>Just after the silo's Active stage: started once every stage has (the gateway is open), stopping first thing on the way down.</summary>
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        nameof(SiloHealth),
        ServiceLifecycleStage.Active + 1,
        _ =>
        {
            _started = true;
            return Task.CompletedTask;
        },
        _ =>
        {
            _stopping = true;
            return Task.CompletedTask;
        });
}
