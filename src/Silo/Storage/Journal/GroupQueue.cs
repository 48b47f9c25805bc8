using System.Diagnostics;
using System.Threading.Channels;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>
/// Queues the requests of every grain of a silo and hands them to <c>run</c> in groups, one database round trip each:
/// a group closes at <c>maxGroupSize</c> requests, or once the requests queued meanwhile are taken (waiting at most
/// <c>linger</c> after its first), and at most <c>maxConcurrentGroups</c> groups run at once. Requests that arrive
/// while every group is in flight wait in the queue and form the next group.
/// </summary>
internal sealed class GroupQueue<TRequest, TResult> : IAsyncDisposable
{
    private readonly Channel<Pending<TRequest, TResult>> _queue =
        Channel.CreateUnbounded<Pending<TRequest, TResult>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _maxGroupSize;
    private readonly TimeSpan _linger;
    private readonly int _maxConcurrentGroups;
    private readonly Func<IReadOnlyList<Pending<TRequest, TResult>>, Task> _run;
    private readonly SemaphoreSlim _slots;
    private readonly Task _loop;

    /// <param name="maxGroupSize">A group closes once it holds this many requests.</param>
    /// <param name="linger">How long a group may wait for more requests after its first.</param>
    /// <param name="maxConcurrentGroups">Groups running at once at most.</param>
    /// <param name="run">Runs one group and tells each of its requests the outcome.</param>
    public GroupQueue(int maxGroupSize, TimeSpan linger, int maxConcurrentGroups, Func<IReadOnlyList<Pending<TRequest, TResult>>, Task> run)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroupSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(linger, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentGroups, 1);
        _maxGroupSize = maxGroupSize;
        _linger = linger;
        _maxConcurrentGroups = maxConcurrentGroups;
        _run = run;
        _slots = new SemaphoreSlim(maxConcurrentGroups, maxConcurrentGroups);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a request; the task completes with its result or fails with why there is none.</summary>
    public Task<TResult> EnqueueAsync(TRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending<TRequest, TResult>(request, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.TryTake();
            throw new ObjectDisposedException(nameof(PostgresFactJournal), "The journal is shutting down and takes no more requests.");
        }
        return pending.Outcome;
    }

    /// <summary>Takes no more requests, runs those already queued and waits for every group in flight.</summary>
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
            _ = RunGroupAsync(group);
        }
        for (var i = 0; i < _maxConcurrentGroups; i++)
        {
            await _slots.WaitAsync();
        }
    }

    private async ValueTask<List<Pending<TRequest, TResult>>> CollectAsync(ChannelReader<Pending<TRequest, TResult>> reader)
    {
        var group = new List<Pending<TRequest, TResult>>();
        var opened = 0L;
        var lookedAgain = false;
        while (group.Count < _maxGroupSize)
        {
            if (reader.TryRead(out var pending))
            {
                if (pending.TryTake())
                {
                    opened = group.Count == 0 ? Stopwatch.GetTimestamp() : opened;
                    group.Add(pending);
                    lookedAgain = false;
                }
                continue;
            }
            if (group.Count == 0)
            {
                // Every request read so far was cancelled while it waited.
                if (!await reader.WaitToReadAsync())
                {
                    break;
                }
                continue;
            }
            // The queue is empty: let the threads that queue requests run once, and close the group if that brought
            // none. Waiting on until the linger is over would only spin: each look is a trip through the thread pool.
            if (lookedAgain || Stopwatch.GetElapsedTime(opened) >= _linger)
            {
                break;
            }
            lookedAgain = true;
            await Task.Yield();
        }
        return group;
    }

    private async Task RunGroupAsync(IReadOnlyList<Pending<TRequest, TResult>> group)
    {
        try
        {
            await _run(group);
        }
        catch (Exception e)
        {
            // The group tells each request its outcome itself; this only keeps an unforeseen failure from losing one.
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
