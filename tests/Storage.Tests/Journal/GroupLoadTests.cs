using CxCluster.Grains.Journal;
using static CxCluster.TestSupport.Journal.JournalSamples;

namespace CxCluster.Storage.Tests.Journal;

/// <summary>Grouped reads on real PostgreSQL: the streams grains load together share a statement, each gets its own start.</summary>
public sealed class GroupLoadTests(JournalDatabase database) : IClassFixture<JournalDatabase>
{
    [Fact]
    public async Task Three_hundred_streams_loaded_at_once_each_get_their_own_checkpoint_and_facts_in_fewer_statements()
    {
        await using var journal = database.CreateJournal();
        var statements = 0;
        journal.BeforeLoad = (_, _) =>
        {
            Interlocked.Increment(ref statements);
            return ValueTask.CompletedTask;
        };
        var tenant = NewTenant();
        const int Streams = 300;
        // Stream s holds s % 7 + 1 facts; every third has a checkpoint at its first fact.
        await Task.WhenAll(Enumerable.Range(0, Streams).Select(async s =>
        {
            var stream = new StreamKey(tenant, $"c/{s}");
            await journal.AppendAsync(Append(stream, "e", [.. Enumerable.Range(1, s % 7 + 1).Select(seq => Fact(seq))]));
            if (s % 3 == 0)
            {
                await journal.SaveCheckpointAsync(stream, 1, Bytes($"state {s}"));
            }
        }));

        var starts = await Task.WhenAll(Enumerable.Range(0, Streams)
            .Select(s => journal.LoadStreamAsync(new StreamKey(tenant, $"c/{s}"), 100).AsTask()))
            .WaitAsync(FirstGroupHold.Timeout);

        for (var s = 0; s < Streams; s++)
        {
            var from = s % 3 == 0 ? 2 : 1;
            Assert.Equal(Enumerable.Range(from, s % 7 + 2 - from).Select(seq => (long)seq), starts[s].Facts.Select(f => f.Seq));
            Assert.All(starts[s].Facts, f => Assert.Equal($"{{\"n\":{f.Seq}}}", Text(f.Data)));
            Assert.Equal(s % 3 == 0 ? $"state {s}" : null, starts[s].Checkpoint is { } checkpoint ? Text(checkpoint.State) : null);
        }
        Assert.InRange(statements, 1, Streams - 1);
    }

    [Fact]
    public async Task A_read_that_fails_fails_only_the_loads_of_its_group()
    {
        await using var journal = database.CreateJournal();
        var tenant = NewTenant();
        var stream = new StreamKey(tenant, "c/1");
        await journal.AppendAsync(Append(stream, "e", Fact(1), Fact(2)));
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var groups = 0;
        journal.BeforeLoad = async (backend, _) =>
        {
            switch (Interlocked.Increment(ref groups))
            {
                case 1:
                    held.TrySetResult();
                    await released.Task;
                    break;
                case 2:
                case 3:
                    // A read whose connection is lost goes once more on a new one: both tries lose theirs.
                    await database.TerminateAsync(backend);
                    break;
            }
        };

        var first = journal.LoadStreamAsync(stream, 100).AsTask();
        try
        {
            await held.Task.WaitAsync(FirstGroupHold.Timeout);
            var failing = journal.LoadStreamAsync(stream, 100).AsTask();
            await Assert.ThrowsAsync<JournalUnavailableException>(() => failing.WaitAsync(FirstGroupHold.Timeout));
        }
        finally
        {
            // Released whatever happened above, so the journal's disposal does not wait on a group held for ever.
            released.TrySetResult();
        }

        Assert.Equal([1L, 2], (await first.WaitAsync(FirstGroupHold.Timeout)).Facts.Select(f => f.Seq));
        Assert.Equal([1L, 2], (await journal.LoadStreamAsync(stream, 100)).Facts.Select(f => f.Seq));
    }

    [Fact]
    public async Task A_caller_that_cancels_while_its_load_waits_gets_nothing_and_the_others_are_read()
    {
        await using var journal = database.CreateJournal();
        var stream = new StreamKey(NewTenant(), "c/1");
        await journal.AppendAsync(Append(stream, "e", Fact(1)));
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var groups = 0;
        journal.BeforeLoad = async (_, _) =>
        {
            if (Interlocked.Increment(ref groups) <= 2)
            {
                held.TrySetResult();
                await released.Task;
            }
        };

        // Two groups held take both read slots, so the next loads wait in the queue. The second is asked for only once
        // the first is held, so the two cannot be taken into one group.
        var holding = new List<Task<StreamStart>>();
        try
        {
            holding.Add(journal.LoadStreamAsync(stream, 10).AsTask());
            await held.Task.WaitAsync(FirstGroupHold.Timeout);
            holding.Add(journal.LoadStreamAsync(stream, 10).AsTask());
            await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref groups) == 2), FirstGroupHold.Timeout, "both read slots taken");
            using var cancel = new CancellationTokenSource();
            var cancelled = journal.LoadStreamAsync(stream, 10, cancel.Token).AsTask();
            holding.Add(journal.LoadStreamAsync(stream, 10).AsTask());
            await cancel.CancelAsync();
            released.TrySetResult();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(FirstGroupHold.Timeout));
            foreach (var load in holding)
            {
                Assert.Equal([1L], (await load.WaitAsync(FirstGroupHold.Timeout)).Facts.Select(f => f.Seq));
            }
            Assert.Equal(3, Volatile.Read(ref groups));
        }
        finally
        {
            released.TrySetResult();
        }
    }
}
