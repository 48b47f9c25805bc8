using CxCluster.Grains.Journal;

namespace CxCluster.Grains.Push;

/// <summary>
/// A silo's <see cref="CursorCodec"/>, keyed by the secret its journal keeps for the whole cluster (read once, and
/// again after a failed read).
/// </summary>
public sealed class StreamCursors(IFactJournal journal)
{
    private readonly Lock _gate = new();
    private Task<CursorCodec>? _codec;

    public Task<CursorCodec> CodecAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_codec is null || _codec.IsFaulted || _codec.IsCanceled)
            {
                _codec = ReadAsync(ct);
            }
            return _codec;
        }
    }

    private async Task<CursorCodec> ReadAsync(CancellationToken ct) => new((await journal.CursorKeyAsync(ct)).Span);
}
