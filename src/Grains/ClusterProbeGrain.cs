namespace CxCluster.Grains;

/// <summary>Answers readiness probes from any silo without touching state.</summary>
[StatelessWorker]
internal sealed class ClusterProbeGrain(TimeProvider clock) : Grain, IClusterProbeGrain
{
    Task<DateTimeOffset> IClusterProbeGrain.Ping() => Task.FromResult(clock.GetUtcNow());
}
