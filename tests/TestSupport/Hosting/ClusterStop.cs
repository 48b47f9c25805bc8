using Orleans.TestingHost;

namespace CxCluster.TestSupport.Hosting;

/// <summary>
/// Stops a test cluster the way an orchestrator stops a silo: gracefully for a grace period, then at once. A graceful
/// stop that cannot finish (an activation waiting on one already being deactivated) then ends the test's cluster
/// instead of holding the whole test run until its hang timeout.
/// </summary>
public static class ClusterStop
{
    /// <summary>How long the graceful stop may take; disposing afterwards is bounded the same way.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public static Task StopAsync(InProcessTestCluster? cluster) =>
        cluster is null ? Task.CompletedTask : StopAsync(cluster.StopAllSilosAsync, cluster.DisposeAsync);

    public static Task StopAsync(TestCluster? cluster) =>
        cluster is null ? Task.CompletedTask : StopAsync(cluster.StopAllSilosAsync, cluster.DisposeAsync);

    private static async Task StopAsync(Func<CancellationToken, Task> stop, Func<ValueTask> dispose)
    {
        using (var grace = new CancellationTokenSource(Grace))
        {
            await stop(grace.Token);
        }
        await dispose().AsTask().WaitAsync(Grace);
    }
}
