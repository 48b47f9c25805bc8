using CxCluster.Grains.Agents;

namespace CxCluster.Grains.Tests.Agents;

public sealed class CoalescingWriterTests
{
    [Fact]
    public async Task Writes_never_overlap_and_callers_arriving_meanwhile_share_one_write()
    {
        var running = 0;
        var overlapped = false;
        var writes = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = new CoalescingWriter(async () =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            writes++;
            await gate.Task;
            Interlocked.Decrement(ref running);
        });

        var first = writer.WriteAsync();
        var waiting = Enumerable.Range(0, 5).Select(_ => writer.WriteAsync()).ToArray();
        gate.SetResult();
        await Task.WhenAll(waiting.Append(first));

        Assert.False(overlapped);
        Assert.Equal(2, writes);
    }
}
