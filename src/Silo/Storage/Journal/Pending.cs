using System.Diagnostics;
using CxCluster.Abstractions;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>A request waiting in a <see cref="GroupQueue{TRequest, TResult}"/>, then in a group, for its outcome.</summary>
internal sealed class Pending<TRequest, TResult>
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    // Asynchronous continuations: the group's loop tells a whole group its outcome without running any caller's code.
    private readonly TaskCompletionSource<TResult> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _cancellation;
    private int _state;

    public Pending(TRequest request, CancellationToken cancellationToken)
    {
        Request = request;
        // The caller's span, for the group's span to link to; read only while someone listens to CxCluster's spans.
        if (CxTelemetry.Source.HasListeners() && Activity.Current is { } caller)
        {
            Caller = caller.Context;
        }
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((Pending<TRequest, TResult>)state!).Cancel(token), this);
        }
    }

    public TRequest Request { get; }

    /// <summary>The span the request was made in, or default when there was none (or nobody listened).</summary>
    public ActivityContext Caller { get; }

    /// <summary>Completes with the request's result, or fails with why there is none.</summary>
    public Task<TResult> Outcome => _outcome.Task;

    /// <summary>Claims the request for a group; false when its caller cancelled first (then it is never sent).</summary>
    public bool TryTake()
    {
        if (Interlocked.CompareExchange(ref _state, Taken, Queued) != Queued)
        {
            return false;
        }
        // Once taken the request is sent whatever the caller does, and its outcome is told.
        _cancellation.Unregister();
        return true;
    }

    public void Succeed(TResult result) => _outcome.TrySetResult(result);

    public void Fail(Exception exception) => _outcome.TrySetException(exception);

    private void Cancel(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
        {
            _outcome.TrySetCanceled(token);
        }
    }
}
