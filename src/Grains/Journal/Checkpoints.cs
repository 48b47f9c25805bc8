using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Journal;

/// <summary>
/// A grain's checkpoints of its stream: the seq of the latest one known to be stored, and the one being written, off
/// the caller's path. A checkpoint that fails to be written only means a longer replay: it is logged and asked for again.
/// </summary>
/// <remarks>
/// Each write is given a function that writes a checkpoint of the grain's state as it is when called, taking its bytes
/// before it first awaits.
/// </remarks>
internal sealed class Checkpoints(ILogger logger, StreamKey stream)
{
    private Task _writing = Task.CompletedTask;

    /// <summary>The seq of the latest checkpoint known to be stored.</summary>
    public long Seq { get; set; }

    /// <summary>Something a checkpoint keeps changed without a new record (the next store writes one).</summary>
    public bool Wanted { get; set; }

    /// <summary>
    /// Starts writing a checkpoint at <paramref name="seq"/> unless one is being written. Then nothing more is asked
    /// for: a store after that write completes asks again if its stream has moved on far enough since, or if
    /// <see cref="Wanted"/> is still set. Asking for the next checkpoint at once would keep a busy stream writing
    /// checkpoints back to back, one per write's round trip.
    /// </summary>
    public void WriteSoon(long seq, Func<Task> write)
    {
        if (!_writing.IsCompleted)
        {
            return;
        }
        Wanted = false;
        _writing = WriteAsync(seq, write);
    }

    /// <summary>Writes a checkpoint at <paramref name="seq"/> now; never throws.</summary>
    public async Task WriteAsync(long seq, Func<Task> write)
    {
        try
        {
            await write();
            Seq = Math.Max(Seq, seq);
        }
        catch (Exception e)
        {
            Wanted = true;
            logger.LogWarning("The checkpoint of {Stream} at {Seq} was not written ({Reason}); it is tried again later",
                stream, seq, e.GetBaseException().Message);
        }
    }

    /// <summary>Completes once the checkpoint being written, if any, is done (it never fails).</summary>
    public Task Settled => _writing;
}
