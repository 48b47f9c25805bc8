using CxCluster.Grains.Journal;
using Npgsql;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>What one grain asks for when it is rebuilt: its stream's checkpoint and up to <c>Max</c> facts after it.</summary>
internal readonly record struct StreamLoad(StreamKey Stream, int Max);

/// <summary>
/// Reads the checkpoints and first facts of a group of streams in one statement, so that grains activated together
/// (a burst of new conversations) cost one round trip between them instead of two each.
/// </summary>
internal static class GroupLoad
{
    // One statement, so one snapshot: a stream's facts are those after the checkpoint this same statement returns. A
    // checkpoint comes back as a row without a type, before its stream's facts (their seqs are greater).
    private const string Sql = """
        WITH k AS (
            SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) WITH ORDINALITY AS k (tenant_id, stream_id, max, i)
        ), c AS (
            SELECT k.i, c.seq, c.state, c.saved_at
            FROM k JOIN cx_journal_checkpoint c ON c.tenant_id = k.tenant_id AND c.stream_id = k.stream_id
        )
        SELECT c.i, c.seq, NULL::text AS type, c.saved_at AS at, c.state AS data, NULL::bytea AS personal FROM c
        UNION ALL
        SELECT k.i, f.seq, f.type, f.at, f.data, f.personal
        FROM k LEFT JOIN c ON c.i = k.i
        CROSS JOIN LATERAL (
            SELECT f.seq, f.type, f.at, f.data, f.personal FROM cx_journal_fact f
            WHERE f.tenant_id = k.tenant_id AND f.stream_id = k.stream_id AND f.seq > coalesce(c.seq, 0)
            ORDER BY f.seq LIMIT k.max
        ) f
        ORDER BY 1, 2
        """;

    /// <summary>The start of each stream of <paramref name="loads"/>, in the same order.</summary>
    public static async Task<StreamStart[]> ReadAsync(NpgsqlConnection connection, IReadOnlyList<StreamLoad> loads)
    {
        var tenants = new string[loads.Count];
        var streams = new string[loads.Count];
        var max = new int[loads.Count];
        for (var i = 0; i < loads.Count; i++)
        {
            (tenants[i], streams[i], max[i]) = (loads[i].Stream.TenantId, loads[i].Stream.StreamId, loads[i].Max);
        }
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = tenants });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = streams });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = max });

        var checkpoints = new StreamCheckpoint?[loads.Count];
        var facts = new List<JournalFact>?[loads.Count];
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var i = (int)reader.GetInt64(0) - 1;
                if (reader.IsDBNull(2))
                {
                    checkpoints[i] = new StreamCheckpoint(reader.GetInt64(1), reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<DateTimeOffset>(3));
                }
                else
                {
                    (facts[i] ??= []).Add(PostgresFactJournal.ReadFact(reader, 1));
                }
            }
        }
        var starts = new StreamStart[loads.Count];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = new StreamStart(checkpoints[i], (IReadOnlyList<JournalFact>?)facts[i] ?? []);
        }
        return starts;
    }
}
