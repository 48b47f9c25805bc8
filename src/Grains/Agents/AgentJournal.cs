using CxCluster.Grains.Journal;
using Orleans.Serialization;

namespace CxCluster.Grains.Agents;

/// <summary>
/// An agent's side of the journal: the records not appended yet, the ledger rebuilt from the latest checkpoint plus
/// the records after it, and checkpoints. The agent is reentrant, so appends are taken one at a time (each takes every
/// record pending when it starts) and a failed one fails every later one: memory is then ahead of the journal.
/// </summary>
internal sealed class AgentJournal(IFactJournal journal, JsonEncoders encoders, Serializer<AgentState> states, StreamKey stream, int completionsKept)
{
    private readonly List<AgentRecord> _pending = [];
    private long _pendingLastSeq;
    private bool _appending;
    private bool _failed;

    /// <summary>What every agent's stream id starts with.</summary>
    public const string StreamPrefix = "a/";

    /// <summary>The stream of agent <paramref name="agentId"/> of tenant <paramref name="tenantId"/>.</summary>
    public static StreamKey Stream(string tenantId, string agentId) => new(tenantId, StreamPrefix + agentId);

    /// <summary>Every record given is appended and no append is under way: memory is what the journal holds.</summary>
    public bool Settled => _pending.Count == 0 && !_appending && !_failed;

    /// <summary>Keeps <paramref name="record"/>, whose seq is <paramref name="seq"/>, for the next append.</summary>
    public void Record(AgentRecord record, long seq)
    {
        _pending.Add(record);
        _pendingLastSeq = seq;
    }

    /// <summary>Appends what is pending, in one commit; callers never run two at once.</summary>
    /// <exception cref="InvalidOperationException">An earlier append failed.</exception>
    public async Task AppendAsync()
    {
        if (_failed)
        {
            throw new InvalidOperationException($"An earlier append to {stream} failed; the agent reloads from what was stored.");
        }
        if (_pending.Count == 0)
        {
            return;
        }
        // Taken now: records kept while this append is under way go with the next one.
        var facts = encoders.Encode(_pending, _pendingLastSeq, static (record, seq, encoder) =>
            new JournalFact(seq, record.Type, record.At, AgentRecordCodec.Encode(record, encoder), null));
        _pending.Clear();
        _appending = true;
        try
        {
            await journal.AppendAsync(new JournalAppend(stream, null, facts, ReadOnlyMemory<byte>.Empty));
        }
        catch
        {
            _failed = true;
            throw;
        }
        finally
        {
            _appending = false;
        }
    }

    /// <summary>The ledger as of the stream's last record: the latest checkpoint (an empty ledger without a readable one) plus every later record.</summary>
    public async Task<(AgentLedger Ledger, long CheckpointSeq)> LoadAsync(Action<Exception> unreadable)
    {
        AgentLedger ledger = null!;
        var (from, last) = await journal.LoadAsync(stream, states, unreadable, checkpoint =>
        {
            ledger = checkpoint is null ? new AgentLedger(completionsKept) : AgentLedger.FromCheckpoint(checkpoint, completionsKept);
            return stored => ledger.Apply(AgentRecordCodec.Decode(stored.Type, stored.At, stored.Data));
        });
        ledger.Seq = last;
        return (ledger, from);
    }

    /// <summary>Keeps the ledger as the stream's checkpoint at its seq; the bytes are taken now.</summary>
    public Task SaveCheckpointAsync(AgentLedger ledger)
    {
        var bytes = states.SerializeToArray(ledger.ToCheckpoint());
        return journal.SaveCheckpointAsync(stream, ledger.Seq, bytes).AsTask();
    }
}
