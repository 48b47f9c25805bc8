using System.Runtime.InteropServices;

namespace CxCluster.Grains.Journal;

/// <summary>
/// The journal kept in memory: the embedded default's and the unit tests'. Thread-safe, and one instance may serve
/// every silo of a process. It copies what it keeps, so callers may reuse their memory once an append is done.
/// </summary>
/// <remarks>
/// Compact, since it holds every fact of the process for as long as it runs, and out of the collector's way: a tenant's
/// facts are structs in blocks of its own (no object per fact or per answer to mark), a stream holds the places of its
/// facts among its tenant's, and the bytes of facts, answers and event ids are copied into large pinned chunks
/// (<see cref="ByteArena"/>) that the collector never moves, copies or scans. So an append leaves nothing young behind
/// that survives: what it was handed dies young, and the young collections, which must copy every survivor, stay
/// short however much the journal holds. Erasure wipes the personal bytes it keeps, and readers get copies of personal
/// parts.
/// </remarks>
public sealed class MemoryFactJournal(TimeProvider? clock = null) : IFactJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<StreamKey, StreamLog> _streams = [];
    private readonly Dictionary<string, Blocks<Stored>> _tenants = new(StringComparer.Ordinal);
    private readonly Blocks<StoredAnswer> _answers = new(StoredAnswer.BlockShift);
    private readonly ByteArena _bytes = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ReadOnlyMemory<byte> _cursorKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public ValueTask AppendAsync(JournalAppend append, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        append.Validate();
        ct.ThrowIfCancellationRequested();
        if (append.Facts.Count == 0 && append.EventId is null)
        {
            return ValueTask.CompletedTask;
        }
        // The id's hash is taken once: the check for a repeat and the index of the new answer both need it.
        var idHash = append.EventId is { } eventId ? AnswerIndex.Hash(eventId) : 0;
        lock (_gate)
        {
            var stream = _streams.GetValueOrDefault(append.Stream);
            var at = stream?.IndexAfter(append.Facts.Count > 0 ? append.Facts[0].Seq - 1 : long.MaxValue) ?? 0;
            if (stream is not null)
            {
                if (append.EventId is { } repeated && stream.Answers.Find(repeated, idHash, _answers) >= 0)
                {
                    throw new JournalConflictException($"Event {repeated} of {append.Stream} already has an answer.", repeated);
                }
                if (append.Facts.Count > 0 && at < stream.Facts.Count && stream.SeqAt(at) <= append.LastSeq)
                {
                    throw new JournalConflictException($"Seq {stream.SeqAt(at)} already exists in {append.Stream}.");
                }
            }
            else
            {
                if (!_tenants.TryGetValue(append.Stream.TenantId, out var tenant))
                {
                    _tenants.Add(append.Stream.TenantId, tenant = new Blocks<Stored>());
                }
                stream = new StreamLog(append.Stream, tenant);
                _streams.Add(append.Stream, stream);
            }

            stream.Insert(at, append.Facts, _bytes);
            if (append.EventId is { } id)
            {
                var kept = _answers.Add(new StoredAnswer(
                    _bytes.Keep(MemoryMarshal.AsBytes(id.AsSpan())), append.LastSeq ?? stream.LastSeqBefore(at), _bytes.Keep(append.Answer.Span)));
                stream.Answers.Add(idHash, kept);
            }
        }
        if (append.Facts.Count > 0 && TenantAppended is { } listeners)
        {
            try
            {
                listeners(append.Stream.TenantId);
            }
            catch (Exception)
            {
                // The append is stored whatever a listener does; the tenant's followers find it on their next look.
            }
        }
        return ValueTask.CompletedTask;
    }

    public event Action<string>? TenantAppended;

    public ValueTask<IReadOnlyList<JournalFact>> ReadStreamAsync(StreamKey stream, long afterSeq, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSeq);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            return ValueTask.FromResult(Read(stream, afterSeq, max));
        }
    }

    public ValueTask<RecordedAnswer?> FindAnswerAsync(StreamKey stream, string eventId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var at = _streams.GetValueOrDefault(stream)?.Answers.Find(eventId, AnswerIndex.Hash(eventId), _answers) ?? -1;
            if (at < 0)
            {
                return ValueTask.FromResult<RecordedAnswer?>(null);
            }
            ref readonly var answer = ref _answers[at];
            return ValueTask.FromResult<RecordedAnswer?>(new RecordedAnswer(answer.LastSeq, answer.Answer));
        }
    }

    public ValueTask<IReadOnlyDictionary<string, RecordedAnswer>> FindAnswersAsync(StreamKey stream, IReadOnlyCollection<string> eventIds, CancellationToken ct = default)
    {
        var found = new Dictionary<string, RecordedAnswer>(StringComparer.Ordinal);
        lock (_gate)
        {
            if (_streams.GetValueOrDefault(stream) is { } held)
            {
                foreach (var eventId in eventIds)
                {
                    var at = held.Answers.Find(eventId, AnswerIndex.Hash(eventId), _answers);
                    if (at >= 0)
                    {
                        ref readonly var answer = ref _answers[at];
                        found[eventId] = new RecordedAnswer(answer.LastSeq, answer.Answer);
                    }
                }
            }
        }
        return ValueTask.FromResult<IReadOnlyDictionary<string, RecordedAnswer>>(found);
    }

    public ValueTask<IReadOnlyList<TenantFact>> ReadTenantAsync(string tenantId, long afterPosition, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            if (!_tenants.TryGetValue(tenantId, out var tenant) || afterPosition >= tenant.Count)
            {
                return ValueTask.FromResult<IReadOnlyList<TenantFact>>([]);
            }
            // Positions are 1, 2, 3, …: the fact of position p is at index p - 1.
            var from = (int)afterPosition;
            var facts = new TenantFact[Math.Min(max, tenant.Count - from)];
            for (var i = 0; i < facts.Length; i++)
            {
                ref readonly var stored = ref tenant[from + i];
                facts[i] = new TenantFact(stored.Stream.Key, from + i + 1, stored.Fact);
            }
            return ValueTask.FromResult<IReadOnlyList<TenantFact>>(facts);
        }
    }

    public ValueTask<IReadOnlyList<TenantFact>> ReadStreamFromAsync(StreamKey stream, long fromPosition, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var log))
            {
                return ValueTask.FromResult<IReadOnlyList<TenantFact>>([]);
            }
            var facts = new List<TenantFact>();
            // The stream's facts in seq order; the fact of position p is at index p - 1 among its tenant's.
            for (var i = 0; i < log.Facts.Count && facts.Count < max; i++)
            {
                var index = log.Facts[i];
                if (index + 1L >= fromPosition)
                {
                    facts.Add(new TenantFact(log.Key, index + 1, log.Tenant[index].Fact));
                }
            }
            return ValueTask.FromResult<IReadOnlyList<TenantFact>>(facts);
        }
    }

    /// <summary>Drawn when the journal is made: its facts, and so its cursors, live no longer than it does.</summary>
    public ValueTask<ReadOnlyMemory<byte>> CursorKeyAsync(CancellationToken ct = default) => ValueTask.FromResult(_cursorKey);

    public ValueTask<long> TenantHeadAsync(string tenantId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<long>(_tenants.TryGetValue(tenantId, out var tenant) ? tenant.Count : 0);
        }
    }

    public ValueTask<bool> TenantHasFactsAsync(string tenantId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            // A checkpoint saved for a stream with no facts makes its tenant's entry without a fact in it.
            return ValueTask.FromResult(_tenants.TryGetValue(tenantId, out var tenant) && tenant.Count > 0);
        }
    }

    public ValueTask SaveCheckpointAsync(StreamKey stream, long seq, ReadOnlyMemory<byte> state, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seq);
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var log))
            {
                if (!_tenants.TryGetValue(stream.TenantId, out var tenant))
                {
                    _tenants.Add(stream.TenantId, tenant = new Blocks<Stored>());
                }
                _streams.Add(stream, log = new StreamLog(stream, tenant));
            }
            if (log.Checkpoint is null || log.Checkpoint.Seq <= seq)
            {
                log.Checkpoint = new StreamCheckpoint(seq, state, _clock.GetUtcNow());
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<StreamCheckpoint?> LoadCheckpointAsync(StreamKey stream, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_streams.GetValueOrDefault(stream)?.Checkpoint);
        }
    }

    public ValueTask<StreamStart> LoadStreamAsync(StreamKey stream, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            var checkpoint = _streams.GetValueOrDefault(stream)?.Checkpoint;
            return ValueTask.FromResult(new StreamStart(checkpoint, Read(stream, checkpoint?.Seq ?? 0, max)));
        }
    }

    public ValueTask<int> ErasePersonalAsync(StreamKey stream, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var log))
            {
                return ValueTask.FromResult(0);
            }
            var erased = 0;
            foreach (var index in log.Facts)
            {
                erased += log.Tenant[index].ErasePersonal() ? 1 : 0;
            }
            log.Checkpoint = null;
            return ValueTask.FromResult(erased);
        }
    }

    public ValueTask<int> ErasePersonalBeforeAsync(string tenantId, DateTimeOffset before, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var erased = 0;
            if (_tenants.TryGetValue(tenantId, out var tenant))
            {
                for (var i = 0; i < tenant.Count; i++)
                {
                    ref var stored = ref tenant[i];
                    if (stored.At < before && stored.ErasePersonal())
                    {
                        erased++;
                        // The checkpoint may hold what was just erased; the grain writes a new one from the facts.
                        stored.Stream.Checkpoint = null;
                    }
                }
            }
            return ValueTask.FromResult(erased);
        }
    }

    /// <summary>Up to <paramref name="max"/> facts of the stream after <paramref name="afterSeq"/>; the caller holds the gate.</summary>
    private IReadOnlyList<JournalFact> Read(StreamKey stream, long afterSeq, int max)
    {
        if (!_streams.TryGetValue(stream, out var log))
        {
            return [];
        }
        var from = log.IndexAfter(afterSeq);
        var count = Math.Min(max, log.Facts.Count - from);
        var facts = new JournalFact[count];
        for (var i = 0; i < count; i++)
        {
            facts[i] = log.Tenant[log.Facts[from + i]].Fact;
        }
        return facts;
    }

    /// <summary>A fact as kept: its position among its tenant's facts is its index there.</summary>
    private struct Stored(StreamLog stream, JournalFact fact, ByteArena bytes)
    {
        public readonly StreamLog Stream = stream;
        private readonly long _seq = fact.Seq;
        private readonly string _type = fact.Type;
        public readonly DateTimeOffset At = fact.At;
        private readonly ReadOnlyMemory<byte> _data = bytes.Keep(fact.Data.Span);
        private ReadOnlyMemory<byte>? _personal = fact.Personal is { } personal ? bytes.Keep(personal.Span) : (ReadOnlyMemory<byte>?)null;

        public readonly long Seq => _seq;

        /// <summary>The fact as appended; its personal part is a copy, since erasure wipes the bytes kept.</summary>
        public readonly JournalFact Fact
        {
            get
            {
                ReadOnlyMemory<byte>? personal = null;
                if (_personal is { } kept)
                {
                    personal = kept.ToArray();
                }
                return new JournalFact(_seq, _type, At, _data, personal);
            }
        }

        /// <summary>Wipes the personal part (it may share an array with parts that stay) and forgets it.</summary>
        public bool ErasePersonal()
        {
            if (_personal is not { } personal)
            {
                return false;
            }
            MemoryMarshal.AsMemory(personal).Span.Clear();
            _personal = null;
            return true;
        }
    }

    /// <summary>An event's answer as kept: its id (UTF-16 code units in the arena), the seq it reached, its bytes.</summary>
    private readonly record struct StoredAnswer(ReadOnlyMemory<byte> Id, long LastSeq, ReadOnlyMemory<byte> Answer)
    {
        /// <summary>Blocks of 4,096 answers: large enough for the large object heap.</summary>
        public const int BlockShift = 12;

        public bool Answers(ReadOnlySpan<char> eventId) => eventId.SequenceEqual(MemoryMarshal.Cast<byte, char>(Id.Span));
    }

    /// <summary>
    /// A stream's answers: where each is among the journal's, beside a hash of its event id. Two arrays of integers per
    /// stream instead of a dictionary of entries, searched with vectorised scans of the hashes.
    /// </summary>
    private struct AnswerIndex
    {
        private int[] _hashes;
        private int[] _places;
        private int _count;

        /// <summary>The hash an event id is indexed by (per process, like every string hash).</summary>
        public static int Hash(string eventId) => string.GetHashCode(eventId.AsSpan());

        /// <summary>The place of the answer to <paramref name="eventId"/>, whose <see cref="Hash"/> is <paramref name="hash"/>, or -1.</summary>
        public readonly int Find(string eventId, int hash, Blocks<StoredAnswer> answers)
        {
            if (_count == 0)
            {
                return -1;
            }
            var hashes = _hashes.AsSpan(0, _count);
            for (var from = 0; from < hashes.Length;)
            {
                var found = hashes[from..].IndexOf(hash);
                if (found < 0)
                {
                    return -1;
                }
                var place = _places[from + found];
                if (answers[place].Answers(eventId))
                {
                    return place;
                }
                from += found + 1;
            }
            return -1;
        }

        public void Add(int hash, int place)
        {
            if (_hashes is null || _count == _hashes.Length)
            {
                var size = _hashes is null ? 2 : _hashes.Length * 2;
                Array.Resize(ref _hashes, size);
                Array.Resize(ref _places, size);
            }
            _hashes[_count] = hash;
            _places[_count++] = place;
        }
    }

    /// <summary>
    /// Bytes kept for as long as the process runs, copied into large arrays on the pinned object heap: the collector
    /// never moves or copies them, and since they hold no references it never scans them either.
    /// </summary>
    private sealed class ByteArena
    {
        private const int ChunkSize = 1 << 20;
        private byte[] _chunk = [];
        private int _used;

        /// <summary>A copy of <paramref name="bytes"/> that stays put; aligned to 8 bytes, so ids may be read as characters.</summary>
        public ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return ReadOnlyMemory<byte>.Empty;
            }
            if (bytes.Length > ChunkSize / 16)
            {
                var own = GC.AllocateUninitializedArray<byte>(bytes.Length, pinned: true);
                bytes.CopyTo(own);
                return own;
            }
            if (_chunk.Length - _used < bytes.Length)
            {
                _chunk = GC.AllocateUninitializedArray<byte>(ChunkSize, pinned: true);
                _used = 0;
            }
            var kept = new Memory<byte>(_chunk, _used, bytes.Length);
            bytes.CopyTo(kept.Span);
            _used = Math.Min(_chunk.Length, (_used + bytes.Length + 7) & ~7);
            return kept;
        }
    }

    private sealed class StreamLog(StreamKey key, Blocks<Stored> tenant)
    {
        public StreamKey Key { get; } = key;

        public Blocks<Stored> Tenant { get; } = tenant;

        /// <summary>Where the stream's facts are among its tenant's, in seq order.</summary>
        public List<int> Facts { get; } = [];

        /// <summary>The answers by event id.</summary>
        public AnswerIndex Answers;

        public StreamCheckpoint? Checkpoint { get; set; }

        public long SeqAt(int index) => Tenant[Facts[index]].Seq;

        /// <summary>Adds <paramref name="facts"/> at the end of the tenant's facts, and at <paramref name="at"/> among the stream's.</summary>
        public void Insert(int at, IReadOnlyList<JournalFact> facts, ByteArena bytes)
        {
            if (at == Facts.Count)
            {
                for (var i = 0; i < facts.Count; i++)
                {
                    Facts.Add(Tenant.Add(new Stored(this, facts[i], bytes)));
                }
                return;
            }
            var indexes = new int[facts.Count];
            for (var i = 0; i < indexes.Length; i++)
            {
                indexes[i] = Tenant.Add(new Stored(this, facts[i], bytes));
            }
            Facts.InsertRange(at, indexes);
        }

        /// <summary>The index of the first fact whose seq is greater than <paramref name="seq"/>.</summary>
        public int IndexAfter(long seq)
        {
            // Streams are appended at their end, so look there first.
            if (Facts.Count == 0 || SeqAt(Facts.Count - 1) <= seq)
            {
                return Facts.Count;
            }
            int low = 0, high = Facts.Count - 1;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (SeqAt(middle) <= seq)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low;
        }

        public long LastSeqBefore(int index) => index > 0 ? SeqAt(index - 1) : 0;
    }

    /// <summary>
    /// An append-only list in blocks, never copied once full. A full block is large enough for the large object heap,
    /// so the young collections never copy it either; the first block grows up to that size, so a tenant with few facts
    /// takes little.
    /// </summary>
    private sealed class Blocks<T>(int shift = 11)
    {
        private readonly int _shift = shift;
        private readonly int _size = 1 << shift;
        private readonly List<T[]> _blocks = [];

        public int Count { get; private set; }

        public ref T this[int index] => ref _blocks[index >> _shift][index & (_size - 1)];

        /// <summary>Adds <paramref name="item"/>; returns its index.</summary>
        public int Add(T item)
        {
            var slot = Count & (_size - 1);
            if (slot == 0)
            {
                _blocks.Add(new T[_blocks.Count == 0 ? 16 : _size]);
            }
            else if (slot == _blocks[^1].Length)
            {
                var grown = _blocks[^1];
                Array.Resize(ref grown, Math.Min(_size, grown.Length * 4));
                _blocks[^1] = grown;
            }
            _blocks[^1][slot] = item;
            return Count++;
        }
    }

    /// <remarks>The memory journal looks through all of the tenant's facts: it holds only what one process keeps.</remarks>
    public ValueTask<IReadOnlyList<ActiveStream>> ReadActiveStreamsAsync(
        string tenantId, string streamPrefix, DateTimeOffset from, DateTimeOffset to, ActiveStream? after, int max, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(streamPrefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            if (!_tenants.TryGetValue(tenantId, out var tenant))
            {
                return ValueTask.FromResult<IReadOnlyList<ActiveStream>>([]);
            }
            // Each stream's first fact in the period, by time and then position (a fact's position is its index plus one).
            var first = new Dictionary<StreamLog, ActiveStream>();
            for (var i = 0; i < tenant.Count; i++)
            {
                ref readonly var stored = ref tenant[i];
                if (stored.At < from || stored.At >= to || !stored.Stream.Key.StreamId.StartsWith(streamPrefix, StringComparison.Ordinal))
                {
                    continue;
                }
                if (!first.TryGetValue(stored.Stream, out var earliest) || stored.At < earliest.FirstAt)
                {
                    first[stored.Stream] = new ActiveStream(stored.Stream.Key.StreamId, stored.At, i + 1);
                }
            }
            IReadOnlyList<ActiveStream> page =
            [
                .. first.Values
                    .Where(s => after is null || s.FirstAt > after.FirstAt || (s.FirstAt == after.FirstAt && s.Position > after.Position))
                    .OrderBy(s => s.FirstAt).ThenBy(s => s.Position)
                    .Take(max),
            ];
            return ValueTask.FromResult(page);
        }
    }
}
