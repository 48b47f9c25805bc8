using CxCluster.Grains.Journal;
using Orleans.Serialization;

namespace CxCluster.Grains.Agents.Pool;

/// <summary>
/// A pool partition's side of the journal: the records since the last append, the ledger rebuilt from the latest
/// checkpoint plus the records after it, and checkpoints.
/// </summary>
internal sealed class PoolJournal(IFactJournal journal, JsonEncoders encoders, Serializer<AgentPoolState> states, StreamKey stream)
{
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
        var facts = encoders.Encode(_pending, lastSeq, static (record, seq, encoder) =>
            new JournalFact(seq, record.Type, record.At, PoolRecordCodec.Encode(record, encoder), null));
        await journal.AppendAsync(new JournalAppend(stream, null, facts, ReadOnlyMemory<byte>.Empty));
        _pending.Clear();
    }

    /// <summary>The ledger as of the stream's last record: the latest checkpoint (an empty ledger without a readable one) plus every later record.</summary>
    public async Task<(PoolLedger Ledger, long CheckpointSeq)> LoadAsync(Action<Exception> unreadable)
    {
        PoolLedger ledger = null!;
        var (from, last) = await journal.LoadAsync(stream, states, unreadable, checkpoint =>
        {
            ledger = checkpoint is null ? new PoolLedger() : PoolLedger.FromCheckpoint(checkpoint);
            return stored => ledger.Apply(PoolRecordCodec.Decode(stored.Type, stored.At, stored.Data));
        });
        ledger.Version = last;
        return (ledger, from);
    }

    /// <summary>Keeps the ledger as the stream's checkpoint at its version; the bytes are taken now.</summary>
    public Task SaveCheckpointAsync(PoolLedger ledger)
    {
        var bytes = states.SerializeToArray(ledger.ToCheckpoint());
        return journal.SaveCheckpointAsync(stream, ledger.Version, bytes).AsTask();
    }
}
