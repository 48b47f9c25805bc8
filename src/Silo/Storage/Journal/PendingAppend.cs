using CxCluster.Grains.Journal;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>An append waiting in the queue, then in a group, for its outcome.</summary>
internal sealed class PendingAppend
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _cancellation;
    private int _state;

    public PendingAppend(JournalAppend append, CancellationToken cancellationToken)
    {
        Append = append;
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((PendingAppend)state!).Cancel(token), this);
        }
    }

    public JournalAppend Append { get; }

    /// <summary>Completes when the append is durable, or fails with why it is not.</summary>
    public Task Outcome => _outcome.Task;

    /// <summary>Claims the append for a group; false when its caller cancelled first (then it is never written).</summary>
    public bool TryTake()
    {
        if (Interlocked.CompareExchange(ref _state, Taken, Queued) != Queued)
        {
            return false;
        }
        // Once taken the append is written whatever the caller does, and its outcome is told.
        _cancellation.Unregister();
        return true;
    }

    public void Succeed() => _outcome.TrySetResult();

    public void Fail(Exception exception) => _outcome.TrySetException(exception);

    private void Cancel(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
        {
            _outcome.TrySetCanceled(token);
        }
    }
}
