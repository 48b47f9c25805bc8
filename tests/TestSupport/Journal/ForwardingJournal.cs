using CxCluster.Grains.Journal;

namespace CxCluster.TestSupport.Journal;

/// <summary>
/// A journal that passes every call on to <paramref name="inner"/>: tests derive from it to change one or two calls (slow
/// commits, a failing append, appends nobody is told of) and keep the rest as the real journal does.
/// </summary>
public abstract class ForwardingJournal(IFactJournal inner) : IFactJournal
{
    protected IFactJournal Inner { get; } = inner;

    public virtual ValueTask AppendAsync(JournalAppend append, CancellationToken ct = default) => Inner.AppendAsync(append, ct);
    public virtual ValueTask<IReadOnlyList<JournalFact>> ReadStreamAsync(StreamKey stream, long afterSeq, int max, CancellationToken ct = default) => Inner.ReadStreamAsync(stream, afterSeq, max, ct);
    public virtual ValueTask<RecordedAnswer?> FindAnswerAsync(StreamKey stream, string eventId, CancellationToken ct = default) => Inner.FindAnswerAsync(stream, eventId, ct);
    public virtual ValueTask<IReadOnlyDictionary<string, RecordedAnswer>> FindAnswersAsync(StreamKey stream, IReadOnlyCollection<string> eventIds, CancellationToken ct = default) => Inner.FindAnswersAsync(stream, eventIds, ct);
    public virtual ValueTask<IReadOnlyList<TenantFact>> ReadTenantAsync(string tenantId, long afterPosition, int max, CancellationToken ct = default) => Inner.ReadTenantAsync(tenantId, afterPosition, max, ct);
    public virtual ValueTask<IReadOnlyList<TenantFact>> ReadStreamFromAsync(StreamKey stream, long fromPosition, int max, CancellationToken ct = default) => Inner.ReadStreamFromAsync(stream, fromPosition, max, ct);
    public virtual ValueTask<long> TenantHeadAsync(string tenantId, CancellationToken ct = default) => Inner.TenantHeadAsync(tenantId, ct);
    public virtual ValueTask<bool> TenantHasFactsAsync(string tenantId, CancellationToken ct = default) => Inner.TenantHasFactsAsync(tenantId, ct);
    public virtual ValueTask<ReadOnlyMemory<byte>> CursorKeyAsync(CancellationToken ct = default) => Inner.CursorKeyAsync(ct);
    public virtual event Action<string>? TenantAppended { add => Inner.TenantAppended += value; remove => Inner.TenantAppended -= value; }
    public virtual ValueTask SaveCheckpointAsync(StreamKey stream, long seq, ReadOnlyMemory<byte> state, CancellationToken ct = default) => Inner.SaveCheckpointAsync(stream, seq, state, ct);
    public virtual ValueTask<StreamCheckpoint?> LoadCheckpointAsync(StreamKey stream, CancellationToken ct = default) => Inner.LoadCheckpointAsync(stream, ct);
    public virtual ValueTask<StreamStart> LoadStreamAsync(StreamKey stream, int max, CancellationToken ct = default) => Inner.LoadStreamAsync(stream, max, ct);
    public virtual ValueTask<int> ErasePersonalAsync(StreamKey stream, CancellationToken ct = default) => Inner.ErasePersonalAsync(stream, ct);
    public virtual ValueTask<int> ErasePersonalBeforeAsync(string tenantId, DateTimeOffset before, CancellationToken ct = default) => Inner.ErasePersonalBeforeAsync(tenantId, before, ct);
    public virtual ValueTask<IReadOnlyList<ActiveStream>> ReadActiveStreamsAsync(
        string tenantId, string streamPrefix, DateTimeOffset from, DateTimeOffset to, ActiveStream? after, int max, CancellationToken ct = default) =>
        Inner.ReadActiveStreamsAsync(tenantId, streamPrefix, from, to, after, max, ct);
}
