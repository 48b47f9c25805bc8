namespace CxCluster.Grains.Journal;

/// <summary>
/// The journal kept in memory: the embedded default's and the unit tests'. Thread-safe, and one instance may serve
/// every silo of a process. Appends keep the memory they were given, so callers never change it afterwards.
/// </summary>
public sealed class MemoryFactJournal(TimeProvider? clock = null) : IFactJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<StreamKey, StreamLog> _streams = [];
    private readonly Dictionary<string, List<Entry>> _tenants = new(StringComparer.Ordinal);
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
                if (append.EventId is { } eventId && stream.Answers.ContainsKey(eventId))
                {
                    throw new JournalConflictException($"Event {eventId} of {append.Stream} already has an answer.", eventId);
                }
                if (append.Facts.Count > 0 && at < stream.Facts.Count && stream.Facts[at].Fact.Seq <= append.LastSeq)
                {
                    throw new JournalConflictException($"Seq {stream.Facts[at].Fact.Seq} already exists in {append.Stream}.");
                }
            }
            else
            {
                stream = new StreamLog();
                _streams.Add(append.Stream, stream);
            }

            if (!_tenants.TryGetValue(append.Stream.TenantId, out var tenant))
            {
                _tenants.Add(append.Stream.TenantId, tenant = []);
            }
            var entries = new Entry[append.Facts.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = new Entry(append.Stream, tenant.Count + 1, append.Facts[i]);
                tenant.Add(entries[i]);
            }
            stream.Facts.InsertRange(at, entries);
            if (append.EventId is { } id)
            {
                stream.Answers.Add(id, new RecordedAnswer(append.LastSeq ?? stream.LastSeqBefore(at), append.Answer));
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
            return ValueTask.FromResult(_streams.GetValueOrDefault(stream)?.Answers.GetValueOrDefault(eventId));
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
            // Positions are 1, 2, 3, …: the entry of position p is at index p - 1.
            var from = (int)afterPosition;
            var facts = new TenantFact[Math.Min(max, tenant.Count - from)];
            for (var i = 0; i < facts.Length; i++)
            {
                var entry = tenant[from + i];
                facts[i] = new TenantFact(entry.Stream, entry.Position, entry.Fact);
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
                _streams.Add(stream, log = new StreamLog());
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
            foreach (var entry in log.Facts)
            {
                erased += entry.ErasePersonal() ? 1 : 0;
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
            foreach (var entry in _tenants.GetValueOrDefault(tenantId) ?? [])
            {
                if (entry.Fact.At < before && entry.ErasePersonal())
                {
                    erased++;
                    // The checkpoint may hold what was just erased; the grain writes a new one from the facts.
                    _streams[entry.Stream].Checkpoint = null;
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
            facts[i] = log.Facts[from + i].Fact;
        }
        return facts;
    }

    /// <summary>A fact in both its stream's and its tenant's list; erasure replaces the fact in both at once.</summary>
    private sealed class Entry(StreamKey stream, long position, JournalFact fact)
    {
        public StreamKey Stream { get; } = stream;

        public long Position { get; } = position;

        public JournalFact Fact { get; private set; } = fact;

        public bool ErasePersonal()
        {
            if (Fact.Personal is null)
            {
                return false;
            }
            Fact = Fact with { Personal = null };
            return true;
        }
    }

    private sealed class StreamLog
    {
        /// <summary>In seq order.</summary>
        public List<Entry> Facts { get; } = [];

        public Dictionary<string, RecordedAnswer> Answers { get; } = new(StringComparer.Ordinal);

        public StreamCheckpoint? Checkpoint { get; set; }

        /// <summary>The index of the first fact whose seq is greater than <paramref name="seq"/>.</summary>
        public int IndexAfter(long seq)
        {
            // Streams are appended at their end, so look there first.
            if (Facts.Count == 0 || Facts[^1].Fact.Seq <= seq)
            {
                return Facts.Count;
            }
            int low = 0, high = Facts.Count - 1;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (Facts[middle].Fact.Seq <= seq)
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

        public long LastSeqBefore(int index) => index > 0 ? Facts[index - 1].Fact.Seq : 0;
    }
}
