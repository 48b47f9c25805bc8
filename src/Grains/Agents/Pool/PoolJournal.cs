using CxCluster.Grains.Journal;
using Orleans.Serialization;

namespace CxCluster.Grains.Agents.Pool;

/// <summary>
/// A pool partition's side of the journal: the records since the last append, the ledger rebuilt from the latest
/// checkpoint plus the records after it, and checkpoints.
/// </summary>
internal sealed class PoolJournal(IFactJournal journal, JsonEncoders encoders, Serializer<AgentPoolState> states, StreamKey stream)
{
    private const int ReadPage = 512;

    private readonly List<PoolRecord> _pending = [];

    /// <summary>The stream of partition <paramref name="poolName"/> of tenant <paramref name="tenantId"/>.</summary>
    public static StreamKey Stream(string tenantId, string poolName) => new(tenantId, $"p/{poolName}");

    public bool HasPending => _pending.Count > 0;

    public void Record(PoolRecord record) => _pending.Add(record);

    /// <summary>Appends what is pending, in one commit; the last pending record gets seq <paramref name="lastSeq"/>.</summary>
    public async Task AppendAsync(long lastSeq)
    {
        if (_pending.Count == 0)
        {
            return;
        }
        var facts = new JournalFact[_pending.Count];
        var first = lastSeq - _pending.Count + 1;
        var encoder = encoders.Rent();
        try
        {
            for (var i = 0; i < facts.Length; i++)
            {
                var record = _pending[i];
                facts[i] = new JournalFact(first + i, record.Type, record.At, PoolRecordCodec.Encode(record, encoder.Buffer, encoder.Writer), null);
            }
        }
        finally
        {
            encoders.Return(encoder);
        }
        await journal.AppendAsync(new JournalAppend(stream, null, facts, ReadOnlyMemory<byte>.Empty));
        _pending.Clear();
    }

    /// <summary>The ledger as of the stream's last record: the latest checkpoint (an empty ledger without a readable one) plus every later record.</summary>
    public async Task<(PoolLedger Ledger, long CheckpointSeq)> LoadAsync(Action<Exception> unreadable)
    {
        var ledger = new PoolLedger();
        long from = 0;
        if (await journal.LoadCheckpointAsync(stream) is { } checkpoint)
        {
            try
            {
                ledger = PoolLedger.FromCheckpoint(states.Deserialize(checkpoint.State) ?? throw new InvalidDataException("The checkpoint holds no state."));
                ledger.Version = from = checkpoint.Seq;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The records are the truth: a checkpoint that cannot be read only costs a longer replay.
                unreadable(e);
                ledger = new PoolLedger();
            }
        }
        while (true)
        {
            var page = await journal.ReadStreamAsync(stream, ledger.Version, ReadPage);
            foreach (var stored in page)
            {
                ledger.Apply(PoolRecordCodec.Decode(stored.Type, stored.At, stored.Data));
                ledger.Version = stored.Seq;
            }
            if (page.Count < ReadPage)
            {
                return (ledger, from);
            }
        }
    }

    /// <summary>Keeps the ledger as the stream's checkpoint at its version; the bytes are taken now.</summary>
    public Task SaveCheckpointAsync(PoolLedger ledger)
    {
        var bytes = states.SerializeToArray(ledger.ToCheckpoint());
        return journal.SaveCheckpointAsync(stream, ledger.Version, bytes).AsTask();
    }
}
