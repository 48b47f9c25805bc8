using Orleans.TestingHost;

namespace CxCluster.TestSupport.Hosting;

/// <summary>
/// Stops a test cluster the way an orchestrator stops a silo: gracefully for a grace period, then at once. A graceful
/// stop that cannot finish (an activation waiting on one already being deactivated) then ends the test's cluster
/// instead of holding the whole test run until its hang timeout.
/// </summary>
public static class ClusterStop
{
    /// <summary>How long the graceful stop may take; stopping and disposing each end after twice as long at most.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public static Task StopAsync(InProcessTestCluster? cluster) =>
        cluster is null ? Task.CompletedTask : StopAsync(cluster.StopAllSilosAsync, cluster.DisposeAsync);

    public static Task StopAsync(TestCluster? cluster) =>
        cluster is null ? Task.CompletedTask : StopAsync(cluster.StopAllSilosAsync, cluster.DisposeAsync);

    private static async Task StopAsync(Func<CancellationToken, Task> stop, Func<ValueTask> dispose)
    {
        using (var grace = new CancellationTokenSource(Grace))
        {
            // The stop itself may not end once cancelled (a silo that waits on itself): bounded too, and said, so the
            // run goes on and ends with its results instead of its hang timeout.
            await Bounded(stop(grace.Token), "stop");
        }
        await Bounded(dispose().AsTask(), "dispose");
    }

    private static async Task Bounded(Task step, string what)
    {
        try
        {
            await step.WaitAsync(Grace * 2);
        }
        catch (TimeoutException)
        {
            step.Ignore();
            await Console.Error.WriteLineAsync($"A test cluster did not {what} within {(Grace * 2).TotalSeconds} s; it is left behind.");
        }
    }
}
