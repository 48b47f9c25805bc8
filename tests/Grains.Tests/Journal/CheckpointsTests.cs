using CxCluster.Grains.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxCluster.Grains.Tests.Journal;

/// <summary>When a grain writes its checkpoints: one at a time, off the caller's path, and not back to back.</summary>
public sealed class CheckpointsTests
{
    private readonly Checkpoints _checkpoints = new(NullLogger.Instance, new StreamKey("acme", "c/1"));

    [Fact]
    public async Task A_store_while_a_checkpoint_is_being_written_starts_none_and_asks_for_none_afterwards()
    {
        var written = new List<long>();
        var slow = new TaskCompletionSource();
        _checkpoints.WriteSoon(64, async () =>
        {
            written.Add(64);
            await slow.Task;
        });

        // Stores go on meanwhile; each finds the stream far enough ahead of the last stored checkpoint and asks.
        for (var seq = 65L; seq < 100; seq++)
        {
            var at = seq;
            _checkpoints.WriteSoon(at, () =>
            {
                written.Add(at);
                return Task.CompletedTask;
            });
        }
        slow.SetResult();
        await _checkpoints.Settled.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([64L], written);
        Assert.Equal(64, _checkpoints.Seq);
        Assert.False(_checkpoints.Wanted);
    }

    [Fact]
    public async Task A_checkpoint_wanted_for_a_change_without_a_record_stays_wanted_while_another_is_written()
    {
        var slow = new TaskCompletionSource();
        _checkpoints.WriteSoon(10, () => slow.Task);

        _checkpoints.Wanted = true;
        _checkpoints.WriteSoon(10, () => Task.CompletedTask);
        Assert.True(_checkpoints.Wanted);

        slow.SetResult();
        await _checkpoints.Settled.WaitAsync(TimeSpan.FromSeconds(10));
        var again = false;
        _checkpoints.WriteSoon(10, () =>
        {
            again = true;
            return Task.CompletedTask;
        });
        await _checkpoints.Settled.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(again);
        Assert.False(_checkpoints.Wanted);
    }

    [Fact]
    public async Task A_checkpoint_that_fails_is_wanted_again_and_the_stored_seq_stays()
    {
        _checkpoints.WriteSoon(64, () => Task.FromException(new InvalidOperationException("database gone")));
        await _checkpoints.Settled.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(_checkpoints.Wanted);
        Assert.Equal(0, _checkpoints.Seq);
    }
}
