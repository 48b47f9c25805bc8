using System.Runtime.InteropServices;

namespace CxCluster.Grains.Journal;

/// <summary>
/// The journal kept in memory: the embedded default's and the unit tests'. Thread-safe, and one instance may serve
/// every silo of a process. Appends keep the memory they were given, so callers never change it afterwards.
/// </summary>
/// <remarks>
/// Compact, since it holds every fact of the process for as long as it runs: a tenant's facts are structs in blocks of
/// its own (no object per fact or per answer for the collector to mark), a stream holds the places of its facts among
/// its tenant's, and the facts and answer of one append may share one array. Erasure wipes the personal bytes it keeps,
/// and readers get copies of personal parts.
/// </remarks>
public sealed class MemoryFactJournal(TimeProvider? clock = null) : IFactJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<StreamKey, StreamLog> _streams = [];
    private readonly Dictionary<string, Blocks<Stored>> _tenants = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public ValueTask AppendAsync(JournalAppend append, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        append.Validate();
        ct.ThrowIfCancellationRequested();
        if (append.Facts.Count == 0 && append.EventId is null)
        {
            return ValueTask.CompletedTask;
        }
        lock (_gate)
        {
            var stream = _streams.GetValueOrDefault(append.Stream);
            var at = stream?.IndexAfter(append.Facts.Count > 0 ? append.Facts[0].Seq - 1 : long.MaxValue) ?? 0;
            if (stream is not null)
            {
                if (append.EventId is { } eventId && stream.Answers?.ContainsKey(eventId) == true)
                {
                    throw new JournalConflictException($"Event {eventId} of {append.Stream} already has an answer.", eventId);
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

            stream.Insert(at, append.Facts);
            if (append.EventId is { } id)
            {
                (stream.Answers ??= new Dictionary<string, StoredAnswer>(1, StringComparer.Ordinal))
                    .Add(id, new StoredAnswer(append.LastSeq ?? stream.LastSeqBefore(at), append.Answer));
            }
        }
        return ValueTask.CompletedTask;
    }

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
            return ValueTask.FromResult(_streams.GetValueOrDefault(stream)?.Answers is { } answers && answers.TryGetValue(eventId, out var answer)
                ? new RecordedAnswer(answer.LastSeq, answer.Answer)
                : null);
        }
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
    private struct Stored(StreamLog stream, JournalFact fact)
    {
        public readonly StreamLog Stream = stream;
        private readonly long _seq = fact.Seq;
        private readonly string _type = fact.Type;
        public readonly DateTimeOffset At = fact.At;
        private readonly ReadOnlyMemory<byte> _data = fact.Data;
        private ReadOnlyMemory<byte>? _personal = fact.Personal;

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

    private readonly record struct StoredAnswer(long LastSeq, ReadOnlyMemory<byte> Answer);

    private sealed class StreamLog(StreamKey key, Blocks<Stored> tenant)
    {
        public StreamKey Key { get; } = key;

        public Blocks<Stored> Tenant { get; } = tenant;

        /// <summary>Where the stream's facts are among its tenant's, in seq order.</summary>
        public List<int> Facts { get; } = [];

        /// <summary>The answers by event id; null until the first.</summary>
        public Dictionary<string, StoredAnswer>? Answers { get; set; }

        public StreamCheckpoint? Checkpoint { get; set; }

        public long SeqAt(int index) => Tenant[Facts[index]].Seq;

        /// <summary>Adds <paramref name="facts"/> at the end of the tenant's facts, and at <paramref name="at"/> among the stream's.</summary>
        public void Insert(int at, IReadOnlyList<JournalFact> facts)
        {
            if (at == Facts.Count)
            {
                foreach (var fact in facts)
                {
                    Facts.Add(Tenant.Add(new Stored(this, fact)));
                }
                return;
            }
            var indexes = new int[facts.Count];
            for (var i = 0; i < indexes.Length; i++)
            {
                indexes[i] = Tenant.Add(new Stored(this, facts[i]));
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

    /// <summary>An append-only list in blocks small enough to stay out of the large object heap, never copied as it grows.</summary>
    private sealed class Blocks<T>
    {
        private const int Shift = 9;
        private const int Size = 1 << Shift;
        private readonly List<T[]> _blocks = [];

        public int Count { get; private set; }

        public ref T this[int index] => ref _blocks[index >> Shift][index & (Size - 1)];

        /// <summary>Adds <paramref name="item"/>; returns its index.</summary>
        public int Add(T item)
        {
            if ((Count & (Size - 1)) == 0)
            {
                _blocks.Add(new T[Size]);
            }
            _blocks[^1][Count & (Size - 1)] = item;
            return Count++;
        }
    }
}
