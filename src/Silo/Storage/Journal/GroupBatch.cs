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

    // Tenant order, so that groups sharing tenants lock their rows in the same order and never wait in a circle; the rows
    // stay locked until commit, which keeps the next group of a tenant from taking positions before this one is visible.
    private const string TakePositions = """
        INSERT INTO cx_journal_tenant AS t (tenant_id, last_position)
        SELECT c.tenant_id, c.added FROM unnest($1::text[], $2::bigint[]) AS c (tenant_id, added)
        ORDER BY c.tenant_id COLLATE "C"
        ON CONFLICT (tenant_id) DO UPDATE SET last_position = t.last_position + EXCLUDED.last_position
        """;

    // The group's positions of a tenant end at its new last position; from_end counts back from there.
    private const string InsertFacts = """
        INSERT INTO cx_journal_fact (tenant_id, stream_id, seq, position, type, at, data, personal)
        SELECT f.tenant_id, f.stream_id, f.seq, t.last_position - f.from_end, f.type, f.at, f.data, f.personal
        FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::timestamptz[], $7::bytea[], $8::bytea[])
             AS f (tenant_id, stream_id, seq, from_end, type, at, data, personal)
        JOIN cx_journal_tenant t ON t.tenant_id = f.tenant_id
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
        if (Facts(appends) is var (positions, facts))
        {
            batch.BatchCommands.Add(positions);
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

    private static (NpgsqlBatchCommand Positions, NpgsqlBatchCommand Facts)? Facts(IReadOnlyList<JournalAppend> appends)
    {
        var perTenant = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var append in appends)
        {
            if (append.Facts.Count > 0)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(perTenant, append.Stream.TenantId, out _) += append.Facts.Count;
                count += append.Facts.Count;
            }
        }
        if (count == 0)
        {
            return null;
        }

        var tenantIds = new string[perTenant.Count];
        var added = new long[perTenant.Count];
        var i = 0;
        foreach (var (tenant, facts) in perTenant)
        {
            tenantIds[i] = tenant;
            added[i++] = facts;
        }

        var tenants = new string[count];
        var streams = new string[count];
        var seqs = new long[count];
        var fromEnd = new long[count];
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
                // Counting this fact off its tenant's total leaves how many of the tenant's facts come after it.
                fromEnd[row] = --CollectionsMarshal.GetValueRefOrNullRef(perTenant, append.Stream.TenantId);
                types[row] = fact.Type;
                ats[row] = fact.At.UtcDateTime;
                data[row] = Bytes(fact.Data);
                personal[row] = fact.Personal is { } part ? Bytes(part) : null;
                row++;
            }
        }
        return (Command(TakePositions, Parameter(tenantIds), Parameter(added)),
            Command(InsertFacts, Parameter(tenants), Parameter(streams), Parameter(seqs), Parameter(fromEnd),
                Parameter(types), Parameter(ats), Parameter(data), Parameter(personal)));
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
