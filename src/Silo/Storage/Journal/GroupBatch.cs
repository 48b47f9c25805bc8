using System.Runtime.InteropServices;
using CxCluster.Grains.Journal;
using Npgsql;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>
/// The statements that write one group of appends, sent in one round trip whatever the group's size: each table gets
/// one statement over arrays (<c>unnest</c>), one element per row.
/// </summary>
internal static class GroupBatch
{
    /// <summary>The transaction's id, so that a commit whose answer was lost can be looked up.</summary>
    private const string TransactionId = "SELECT pg_current_xact_id()::text::bigint";

    // An append without facts records the stream's last seq: an earlier append's of the same group when there is one,
    // otherwise the table's, read before this group's facts are inserted.
    private const string InsertAnswers = """
        INSERT INTO cx_journal_answer (tenant_id, stream_id, event_id, last_seq, answer)
        SELECT a.tenant_id, a.stream_id, a.event_id,
               coalesce(a.last_seq, (SELECT max(f.seq) FROM cx_journal_fact f WHERE f.tenant_id = a.tenant_id AND f.stream_id = a.stream_id), 0),
               a.answer
        FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bytea[]) AS a (tenant_id, stream_id, event_id, last_seq, answer)
        """;

    // A fact's position is its transaction's id times 65,536 plus its place in the transaction (1, 2, 3, …): unique,
    // and increasing in the order a tenant-wide reader may read facts in (see PostgresFactJournal.ReadTenantAsync).
    // No counter row is taken, so groups from every silo commit side by side instead of one after another.
    private const string InsertFacts = """
        INSERT INTO cx_journal_fact (tenant_id, stream_id, seq, position, type, at, data, personal)
        SELECT f.tenant_id, f.stream_id, f.seq, x.base + f.ordinal, f.type, f.at, f.data, f.personal
        FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::timestamptz[], $6::bytea[], $7::bytea[])
             WITH ORDINALITY AS f (tenant_id, stream_id, seq, type, at, data, personal, ordinal),
             (SELECT pg_current_xact_id()::text::bigint << 16 AS base) AS x
        """;

    /// <summary>The batch for <paramref name="appends"/>; its first result is the transaction's id.</summary>
    public static NpgsqlBatch Create(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<JournalAppend> appends)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(TransactionId));
        if (Answers(appends) is { } answers)
        {
            batch.BatchCommands.Add(answers);
        }
        if (Facts(appends) is { } facts)
        {
            batch.BatchCommands.Add(facts);
        }
        return batch;
    }

    private static NpgsqlBatchCommand? Answers(IReadOnlyList<JournalAppend> appends)
    {
        var count = 0;
        foreach (var append in appends)
        {
            count += append.EventId is null ? 0 : 1;
        }
        if (count == 0)
        {
            return null;
        }
        var tenants = new string[count];
        var streams = new string[count];
        var eventIds = new string[count];
        var lastSeqs = new long?[count];
        var answers = new byte[count][];
        Dictionary<StreamKey, long>? lastInGroup = null;
        var row = 0;
        foreach (var append in appends)
        {
            if (append.LastSeq is { } last)
            {
                (lastInGroup ??= [])[append.Stream] = last;
            }
            if (append.EventId is not { } eventId)
            {
                continue;
            }
            tenants[row] = append.Stream.TenantId;
            streams[row] = append.Stream.StreamId;
            eventIds[row] = eventId;
            lastSeqs[row] = append.LastSeq ?? (lastInGroup is not null && lastInGroup.TryGetValue(append.Stream, out var earlier) ? earlier : null);
            answers[row] = Bytes(append.Answer);
            row++;
        }
        return Command(InsertAnswers, Parameter(tenants), Parameter(streams), Parameter(eventIds), Parameter(lastSeqs), Parameter(answers));
    }

    private static NpgsqlBatchCommand? Facts(IReadOnlyList<JournalAppend> appends)
    {
        var count = 0;
        foreach (var append in appends)
        {
            count += append.Facts.Count;
        }
        if (count == 0)
        {
            return null;
        }
        if (count > JournalAppend.MaxFacts)
        {
            throw new ArgumentException($"A transaction holds at most {JournalAppend.MaxFacts} facts, not {count}.", nameof(appends));
        }

        var tenants = new string[count];
        var streams = new string[count];
        var seqs = new long[count];
        var types = new string[count];
        var ats = new DateTime[count];
        var data = new byte[count][];
        var personal = new byte[]?[count];
        var row = 0;
        foreach (var append in appends)
        {
            foreach (var fact in append.Facts)
            {
                tenants[row] = append.Stream.TenantId;
                streams[row] = append.Stream.StreamId;
                seqs[row] = fact.Seq;
                types[row] = fact.Type;
                ats[row] = fact.At.UtcDateTime;
                data[row] = Bytes(fact.Data);
                personal[row] = fact.Personal is { } part ? Bytes(part) : null;
                row++;
            }
        }
        return Command(InsertFacts, Parameter(tenants), Parameter(streams), Parameter(seqs),
            Parameter(types), Parameter(ats), Parameter(data), Parameter(personal));
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter<T> Parameter<T>(T value) => new() { TypedValue = value };

    /// <summary>The bytes as an array, without a copy when the memory already is a whole array.</summary>
    private static byte[] Bytes(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();
}
