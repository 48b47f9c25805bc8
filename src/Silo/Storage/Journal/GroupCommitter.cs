using System.Diagnostics;
using System.Threading.Channels;
using CxCluster.Grains.Journal;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>
/// Queues the appends of every grain of a silo and hands them to <c>commit</c> in groups: a group closes at
/// <see cref="JournalOptions.MaxGroupSize"/> appends or when <see cref="JournalOptions.GroupLinger"/> has passed since
/// its first, and at most <see cref="JournalOptions.MaxConcurrentGroups"/> groups are committed at once. Appends that
/// arrive while every commit is in flight wait in the queue and form the next group.
/// </summary>
internal sealed class GroupCommitter : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly JournalOptions _options;
    private readonly Func<IReadOnlyList<PendingAppend>, Task> _commit;
    private readonly SemaphoreSlim _slots;
    private readonly Task _loop;

    /// <param name="options">Group size, linger and concurrency.</param>
    /// <param name="commit">Writes one group and tells each of its appends the outcome.</param>
    public GroupCommitter(JournalOptions options, Func<IReadOnlyList<PendingAppend>, Task> commit)
    {
        _options = options;
        _commit = commit;
        _slots = new SemaphoreSlim(options.MaxConcurrentGroups, options.MaxConcurrentGroups);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues an append; the task completes when it is durable or fails with why it is not.</summary>
    public Task AppendAsync(JournalAppend append, CancellationToken cancellationToken)
    {
        var pending = new PendingAppend(append, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.TryTake();
            throw new ObjectDisposedException(nameof(PostgresFactJournal), "The journal is shutting down and takes no more appends.");
        }
        return pending.Outcome;
    }

    /// <summary>Takes no more appends, commits those already queued and waits for every group in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _slots.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            await _slots.WaitAsync();
            var group = await CollectAsync(reader);
            if (group.Count == 0)
            {
                _slots.Release();
                continue;
            }
            _ = CommitAsync(group);
        }
        for (var i = 0; i < _options.MaxConcurrentGroups; i++)
        {
            await _slots.WaitAsync();
        }
    }

    private async ValueTask<List<PendingAppend>> CollectAsync(ChannelReader<PendingAppend> reader)
    {
        var group = new List<PendingAppend>();
        var opened = 0L;
        while (group.Count < _options.MaxGroupSize)
        {
            if (reader.TryRead(out var pending))
            {
                if (pending.TryTake())
                {
                    opened = group.Count == 0 ? Stopwatch.GetTimestamp() : opened;
                    group.Add(pending);
                }
                continue;
            }
            if (group.Count == 0)
            {
                // Every append read so far was cancelled while it waited.
                if (!await reader.WaitToReadAsync())
                {
                    break;
                }
                continue;
            }
            if (Stopwatch.GetElapsedTime(opened) >= _options.GroupLinger)
            {
                break;
            }
            // The linger is far shorter than a timer's resolution: let the threads that append run, then look again.
            await Task.Yield();
        }
        return group;
    }

    private async Task CommitAsync(IReadOnlyList<PendingAppend> group)
    {
        try
        {
            await _commit(group);
        }
        catch (Exception e)
        {
            // The commit tells each append its outcome itself; this only keeps an unforeseen failure from losing one.
            foreach (var pending in group)
            {
                pending.Fail(e);
            }
        }
        finally
        {
            _slots.Release();
        }
    }
}
