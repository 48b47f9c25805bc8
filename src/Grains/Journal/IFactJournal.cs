namespace CxCluster.Grains.Journal;

/// <summary>
/// Every stream's facts, appended and never rewritten: the durable state of conversations and agents, the record of
/// the answers given to each event id, and what tenant-wide readers (webhooks, the live stream) follow.
/// </summary>
public interface IFactJournal
{
    /// <summary>Stores one event's facts and answer, all or nothing, and completes only once they are durable.</summary>
    /// <remarks>
    /// The stream's single writer appends its next facts only after its previous append completed. Cancelling stops an
    /// append only while it waits to be written: an <see cref="OperationCanceledException"/> means nothing was stored.
    /// A journal reads the bytes of <paramref name="append"/> only until the append completes (it copies what it keeps),
    /// so the caller may reuse that memory afterwards, whatever the outcome.
    /// </remarks>
    /// <exception cref="ArgumentException">The ids are empty or the seqs not positive and consecutive.</exception>
    /// <exception cref="JournalConflictException">A seq already exists in the stream or the event id already has an answer; nothing was stored.</exception>
    /// <exception cref="JournalUnavailableException">The commit failed; nothing was stored, and retrying may succeed.</exception>
    ValueTask AppendAsync(JournalAppend append, CancellationToken ct = default);

    /// <summary>Up to <paramref name="max"/> facts of the stream after <paramref name="afterSeq"/>, in seq order.</summary>
    ValueTask<IReadOnlyList<JournalFact>> ReadStreamAsync(StreamKey stream, long afterSeq, int max, CancellationToken ct = default);

    /// <summary>The answer recorded for an event id of the stream, however old, or null when the id was never appended.</summary>
    ValueTask<RecordedAnswer?> FindAnswerAsync(StreamKey stream, string eventId, CancellationToken ct = default);

    /// <summary>
    /// The answers recorded for any of the event ids of the stream, however old, by event id (an id never appended is
    /// not there): one look for a platform's retried batch, instead of one per event.
    /// </summary>
    async ValueTask<IReadOnlyDictionary<string, RecordedAnswer>> FindAnswersAsync(StreamKey stream, IReadOnlyCollection<string> eventIds, CancellationToken ct = default)
    {
        var found = new Dictionary<string, RecordedAnswer>(StringComparer.Ordinal);
        foreach (var eventId in eventIds)
        {
            if (!found.ContainsKey(eventId) && await FindAnswerAsync(stream, eventId, ct) is { } answer)
            {
                found[eventId] = answer;
            }
        }
        return found;
    }

    /// <summary>
    /// Up to <paramref name="max"/> of the tenant's facts, all streams, after <paramref name="afterPosition"/> (0: from the
    /// first), in position order. Only facts no earlier position can still join are read, so a reader that goes on
    /// from the last position it read misses none and reads none twice; each stream's facts come in seq order.
    /// </summary>
    ValueTask<IReadOnlyList<TenantFact>> ReadTenantAsync(string tenantId, long afterPosition, int max, CancellationToken ct = default);

    /// <summary>
    /// Up to <paramref name="max"/> facts of one stream whose tenant-wide position is at least
    /// <paramref name="fromPosition"/>, in seq order, with their positions: how a tenant-wide reader that left one
    /// stream's facts in the journal reads them back, without reading the tenant's other facts again. What it costs
    /// grows with the stream's facts, not with the tenant's.
    /// </summary>
    ValueTask<IReadOnlyList<TenantFact>> ReadStreamFromAsync(StreamKey stream, long fromPosition, int max, CancellationToken ct = default);

    /// <summary>
    /// The position of the tenant's last fact a tenant-wide reader can read now (0 when it has none): a reader that
    /// starts after it reads only what is appended from now on.
    /// </summary>
    ValueTask<long> TenantHeadAsync(string tenantId, CancellationToken ct = default);

    /// <summary>
    /// Whether the journal holds any fact of the tenant, in any stream, at any time: whether the tenant was ever used. A
    /// look-up of one index entry, however many facts the tenant has.
    /// </summary>
    ValueTask<bool> TenantHasFactsAsync(string tenantId, CancellationToken ct = default);

    /// <summary>
    /// The secret tenant-wide readers' cursors are made with (see <see cref="Push.CursorCodec"/>): 32 random bytes, the
    /// same for every silo that shares this journal and for as long as it keeps its facts, so a cursor stays good.
    /// </summary>
    ValueTask<ReadOnlyMemory<byte>> CursorKeyAsync(CancellationToken ct = default);

    /// <summary>
    /// Raised with a tenant's id once an append through this instance stored facts of that tenant, on the appending
    /// thread (handlers only take note). Facts appended elsewhere (another silo's journal) raise nothing here: readers
    /// that follow a tenant poll for those.
    /// </summary>
    event Action<string>? TenantAppended;

    /// <summary>Keeps the stream's state as of <paramref name="seq"/>, unless a checkpoint of a later seq is already kept.</summary>
    ValueTask SaveCheckpointAsync(StreamKey stream, long seq, ReadOnlyMemory<byte> state, CancellationToken ct = default);

    /// <summary>The stream's latest checkpoint, or null when it has none.</summary>
    ValueTask<StreamCheckpoint?> LoadCheckpointAsync(StreamKey stream, CancellationToken ct = default);

    /// <summary>
    /// The stream's latest checkpoint and up to <paramref name="max"/> facts after its seq (after 0 without one), read
    /// together as of one moment: what a grain needs to be rebuilt, in one read.
    /// </summary>
    ValueTask<StreamStart> LoadStreamAsync(StreamKey stream, int max, CancellationToken ct = default);

    /// <summary>Erases the personal part of every fact of the stream for good, and its checkpoint; returns the number of facts changed.</summary>
    ValueTask<int> ErasePersonalAsync(StreamKey stream, CancellationToken ct = default);

    /// <summary>Erases for good the personal part of the tenant's facts that happened before <paramref name="before"/>, and the checkpoints of their streams; returns the number of facts changed.</summary>
    ValueTask<int> ErasePersonalBeforeAsync(string tenantId, DateTimeOffset before, CancellationToken ct = default);

    /// <summary>
    /// Up to <paramref name="max"/> of the tenant's streams whose ids start with <paramref name="streamPrefix"/> and that
    /// have facts that happened in [<paramref name="from"/>, <paramref name="to"/>), each once, in the order of their
    /// first fact in that period (by its time, then its position), after <paramref name="after"/> (null: from the
    /// first). A reader that goes on from the last one it read reads each stream once; what it costs grows with the
    /// period's facts, not with the history before it.
    /// </summary>
    ValueTask<IReadOnlyList<ActiveStream>> ReadActiveStreamsAsync(
        string tenantId, string streamPrefix, DateTimeOffset from, DateTimeOffset to, ActiveStream? after, int max, CancellationToken ct = default);
}
