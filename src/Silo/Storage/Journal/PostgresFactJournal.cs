using System.Diagnostics;
using CxCluster.Abstractions;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Telemetry;
using CxCluster.Silo.Database;
using Npgsql;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>
/// The journal in PostgreSQL (<c>deploy/sql/040_journal.sql</c>). Appends from every grain of the silo are committed
/// together in groups, one transaction each (<see cref="JournalSettings"/>); the reads that rebuild grains
/// (<see cref="LoadStreamAsync"/>) are grouped the same way, one statement per group; other reads go straight to the
/// database. A database failure on any call surfaces as a <see cref="JournalUnavailableException"/>.
/// </summary>
public sealed class PostgresFactJournal : IFactJournal, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly CxMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly GroupWriter _writer;
    private readonly GroupQueue<JournalAppend, bool> _committer;
    private readonly GroupQueue<StreamLoad, StreamStart> _loader;
    private readonly NpgsqlConnectionStringBuilder _connection;

    /// <summary>Streams whose start one statement reads at most.</summary>
    private const int LoadGroupSize = 256;

    /// <summary>Statements reading streams' starts a silo has in flight at most.</summary>
    private const int ConcurrentLoads = 2;

    public PostgresFactJournal(
        NpgsqlDataSource dataSource, JournalSettings options, CxMetrics metrics, TimeProvider clock, ILogger<PostgresFactJournal> logger)
    {
        _dataSource = dataSource;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
        _connection = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        _writer = new GroupWriter(dataSource, logger);
        _committer = new GroupQueue<JournalAppend, bool>(
            options.MaxGroupSize, options.GroupLinger, options.MaxConcurrentGroups, CommitAsync);
        // Reads wait for nothing: a group is what queued while the others were in flight.
        _loader = new GroupQueue<StreamLoad, StreamStart>(LoadGroupSize, TimeSpan.Zero, ConcurrentLoads, LoadAsync);
    }

    /// <summary>
    /// Tests only: runs after a group's statements and before its commit, given the backend's process id and the group's
    /// appends; a silo sets it only from <c>Testing:CrashBeforeCommitOfGroupWith</c> (<see cref="GroupCommitCrash"/>).
    /// </summary>
    internal Func<int, IReadOnlyList<JournalAppend>, ValueTask>? BeforeCommit
    {
        get => _writer.BeforeCommit;
        set => _writer.BeforeCommit = value;
    }

    public async ValueTask AppendAsync(JournalAppend append, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        append.Validate();
        ct.ThrowIfCancellationRequested();
        if (append.Facts.Count > 0 || append.EventId is not null)
        {
            await _committer.EnqueueAsync(append, ct);
        }
    }

    public ValueTask<IReadOnlyList<JournalFact>> ReadStreamAsync(StreamKey stream, long afterSeq, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSeq);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return QueryAsync<IReadOnlyList<JournalFact>>(
            """
            SELECT seq, type, at, data, personal FROM cx_journal_fact
            WHERE tenant_id = $1 AND stream_id = $2 AND seq > $3 ORDER BY seq LIMIT $4
            """,
            [Value(stream.TenantId), Value(stream.StreamId), Value(afterSeq), Value(max)],
            async (reader, token) =>
            {
                var facts = new List<JournalFact>();
                while (await reader.ReadAsync(token))
                {
                    facts.Add(ReadFact(reader, 0));
                }
                return facts;
            }, ct);
    }

    public ValueTask<RecordedAnswer?> FindAnswerAsync(StreamKey stream, string eventId, CancellationToken ct = default) =>
        QueryAsync(
            "SELECT last_seq, answer FROM cx_journal_answer WHERE tenant_id = $1 AND stream_id = $2 AND event_id = $3",
            [Value(stream.TenantId), Value(stream.StreamId), Value(eventId)],
            async (reader, token) => await reader.ReadAsync(token)
                ? new RecordedAnswer(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
                : null, ct);

    public ValueTask<IReadOnlyDictionary<string, RecordedAnswer>> FindAnswersAsync(StreamKey stream, IReadOnlyCollection<string> eventIds, CancellationToken ct = default) =>
        QueryAsync<IReadOnlyDictionary<string, RecordedAnswer>>(
            "SELECT event_id, last_seq, answer FROM cx_journal_answer WHERE tenant_id = $1 AND stream_id = $2 AND event_id = ANY($3)",
            [Value(stream.TenantId), Value(stream.StreamId), Value(eventIds.Distinct(StringComparer.Ordinal).ToArray())],
            async (reader, token) =>
            {
                var found = new Dictionary<string, RecordedAnswer>(StringComparer.Ordinal);
                while (await reader.ReadAsync(token))
                {
                    found[reader.GetString(0)] = new RecordedAnswer(reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
                }
                return found;
            }, ct);

    /// <remarks>
    /// A position is its transaction's id times 65,536 plus its place in the transaction, so positions follow the order
    /// in which transactions began, not the order in which they committed. A fact is read only once every transaction
    /// whose id is smaller has finished (below the oldest transaction still running, <c>pg_snapshot_xmin</c>): then no
    /// fact with a smaller position can appear after a reader has moved past it. A transaction writing to the same
    /// PostgreSQL server that stays open holds the readers back until it ends (never the appends).
    /// </remarks>
    public ValueTask<IReadOnlyList<TenantFact>> ReadTenantAsync(string tenantId, long afterPosition, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return QueryAsync<IReadOnlyList<TenantFact>>(
            """
            SELECT stream_id, position, seq, type, at, data, personal FROM cx_journal_fact
            WHERE tenant_id = $1 AND position > $2
              AND position < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 16)
            ORDER BY position LIMIT $3
            """,
            [Value(tenantId), Value(afterPosition), Value(max)],
            async (reader, token) =>
            {
                var facts = new List<TenantFact>();
                while (await reader.ReadAsync(token))
                {
                    facts.Add(new TenantFact(new StreamKey(tenantId, reader.GetString(0)), reader.GetInt64(1), ReadFact(reader, 2)));
                }
                return facts;
            }, ct);
    }

    /// <remarks>
    /// Found through the stream's own key (tenant, stream, seq): the position is checked on the stream's rows only, never
    /// looked up among the tenant's.
    /// </remarks>
    public ValueTask<IReadOnlyList<TenantFact>> ReadStreamFromAsync(StreamKey stream, long fromPosition, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return QueryAsync<IReadOnlyList<TenantFact>>(
            """
            SELECT position, seq, type, at, data, personal FROM cx_journal_fact
            WHERE tenant_id = $1 AND stream_id = $2 AND position >= $3 ORDER BY seq LIMIT $4
            """,
            [Value(stream.TenantId), Value(stream.StreamId), Value(fromPosition), Value(max)],
            async (reader, token) =>
            {
                var facts = new List<TenantFact>();
                while (await reader.ReadAsync(token))
                {
                    facts.Add(new TenantFact(stream, reader.GetInt64(0), ReadFact(reader, 1)));
                }
                return facts;
            }, ct);
    }

    private void TellAppended(JournalAppend[] appends)
    {
        if (TenantAppended is not { } handlers)
        {
            return;
        }
        string? last = null;
        foreach (var append in appends)
        {
            // A group is mostly one tenant's: each tenant is told once per run of its appends.
            if (append.Facts.Count > 0 && !string.Equals(last, append.Stream.TenantId, StringComparison.Ordinal))
            {
                last = append.Stream.TenantId;
                try
                {
                    handlers(last);
                }
                catch (Exception e)
                {
                    // The group is committed whatever a listener does; its followers find the facts on their next look.
                    _logger.LogWarning(e, "A listener to tenant {Tenant}'s appends failed", last);
                }
            }
        }
    }

    public ValueTask<long> TenantHeadAsync(string tenantId, CancellationToken ct = default) =>
        QueryAsync(
            """
            SELECT coalesce(max(position), 0) FROM cx_journal_fact
            WHERE tenant_id = $1 AND position < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 16)
            """,
            [Value(tenantId)],
            async (reader, token) => await reader.ReadAsync(token) ? reader.GetInt64(0) : 0L, ct);

    /// <remarks>
    /// <c>EXISTS</c> stops at the first fact found. Every index of the table begins with <c>tenant_id</c>
    /// (<c>deploy/sql/040_journal.sql</c>, <c>042_journal_activity.sql</c>), so a tenant with no facts costs one descent of
    /// one of them (PostgreSQL 15 plans an index-only scan), never a scan of the table.
    /// </remarks>
    public ValueTask<bool> TenantHasFactsAsync(string tenantId, CancellationToken ct = default) =>
        QueryAsync(
            "SELECT EXISTS (SELECT 1 FROM cx_journal_fact WHERE tenant_id = $1)",
            [Value(tenantId)],
            async (reader, token) => await reader.ReadAsync(token) && reader.GetBoolean(0), ct);

    public event Action<string>? TenantAppended;

    /// <summary>
    /// Kept in <c>cx_cluster_key</c>: the first silo to ask draws it, every other silo and every later start reads the
    /// same one. A silo keeps what it read (<see cref="Grains.Push.StreamCursors"/>).
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> CursorKeyAsync(CancellationToken ct = default)
    {
        // A silo that loses the race to draw it reads the winner's on its next try: its own statement began before that commit.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var key = await QueryAsync(
                """
                WITH drawn AS (
                    INSERT INTO cx_cluster_key (name, key) VALUES ('cursor', $1) ON CONFLICT (name) DO NOTHING RETURNING key)
                SELECT key FROM drawn UNION ALL SELECT key FROM cx_cluster_key WHERE name = 'cursor'
                """,
                [Value(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))],
                async (reader, token) => await reader.ReadAsync(token) ? reader.GetFieldValue<byte[]>(0) : null, ct);
            if (key is not null)
            {
                return key;
            }
        }
        throw new JournalUnavailableException("The cluster's cursor key could not be read from cx_cluster_key.");
    }

    public async ValueTask SaveCheckpointAsync(StreamKey stream, long seq, ReadOnlyMemory<byte> state, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seq);
        await QueryAsync(
            """
            INSERT INTO cx_journal_checkpoint AS c (tenant_id, stream_id, seq, state, saved_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (tenant_id, stream_id) DO UPDATE SET seq = EXCLUDED.seq, state = EXCLUDED.state, saved_at = EXCLUDED.saved_at
            WHERE c.seq <= EXCLUDED.seq
            """,
            [Value(stream.TenantId), Value(stream.StreamId), Value(seq), Value(state), Value(_clock.GetUtcNow())],
            (_, _) => Task.FromResult(true), ct);
    }

    public ValueTask<StreamCheckpoint?> LoadCheckpointAsync(StreamKey stream, CancellationToken ct = default) =>
        QueryAsync(
            "SELECT seq, state, saved_at FROM cx_journal_checkpoint WHERE tenant_id = $1 AND stream_id = $2",
            [Value(stream.TenantId), Value(stream.StreamId)],
            async (reader, token) => await reader.ReadAsync(token)
                ? new StreamCheckpoint(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<DateTimeOffset>(2))
                : null, ct);

    public ValueTask<int> ErasePersonalAsync(StreamKey stream, CancellationToken ct = default) =>
        CountAsync(
            """
            WITH erased AS (
                UPDATE cx_journal_fact SET personal = NULL
                WHERE tenant_id = $1 AND stream_id = $2 AND personal IS NOT NULL
                RETURNING 1
            ), forgotten AS (
                DELETE FROM cx_journal_checkpoint WHERE tenant_id = $1 AND stream_id = $2
            )
            SELECT count(*)::int FROM erased
            """,
            [Value(stream.TenantId), Value(stream.StreamId)], ct);

    public ValueTask<int> ErasePersonalBeforeAsync(string tenantId, DateTimeOffset before, CancellationToken ct = default) =>
        // The checkpoints of the streams touched may hold what was erased; their grains write new ones from the facts.
        CountAsync(
            """
            WITH erased AS (
                UPDATE cx_journal_fact SET personal = NULL
                WHERE tenant_id = $1 AND at < $2 AND personal IS NOT NULL
                RETURNING stream_id
            ), forgotten AS (
                DELETE FROM cx_journal_checkpoint WHERE tenant_id = $1 AND stream_id IN (SELECT stream_id FROM erased)
            )
            SELECT count(*)::int FROM erased
            """,
            [Value(tenantId), Value(before.ToUniversalTime())], ct);

    public async ValueTask<StreamStart> LoadStreamAsync(StreamKey stream, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ct.ThrowIfCancellationRequested();
        return await _loader.EnqueueAsync(new StreamLoad(stream, max), ct);
    }

    /// <summary>
    /// Commits the appends already queued and reads the starts already asked for, then stops; calls after this fail
    /// with an <see cref="ObjectDisposedException"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _committer.DisposeAsync();
        await _loader.DisposeAsync();
    }

    /// <summary>Tests only: runs before a group of reads is sent, given the backend's process id and the group's size.</summary>
    internal Func<int, int, ValueTask>? BeforeLoad { get; set; }

    private async Task LoadAsync(IReadOnlyList<Pending<StreamLoad, StreamStart>> group)
    {
        var loads = new StreamLoad[group.Count];
        for (var i = 0; i < loads.Length; i++)
        {
            loads[i] = group[i].Request;
        }
        StreamStart[] starts;
        try
        {
            starts = await _dataSource.AgainOnLostConnection(_logger, _ => ReadStartsAsync(loads));
        }
        catch (Exception e)
        {
            var reason = DatabaseFailure.Describe(e, _connection);
            foreach (var pending in group)
            {
                pending.Fail(new JournalUnavailableException($"The journal cannot read {pending.Request.Stream}: {reason}", e));
            }
            return;
        }
        for (var i = 0; i < starts.Length; i++)
        {
            group[i].Succeed(starts[i]);
        }
    }

    private async Task<StreamStart[]> ReadStartsAsync(StreamLoad[] loads)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        if (BeforeLoad is { } hook)
        {
            await hook(connection.ProcessID, loads.Length);
        }
        return await GroupLoad.ReadAsync(connection, loads);
    }

    /// <summary>
    /// The group's span, when someone listens: a child of its first append's span, linked to every other append's, so
    /// each event's trace reaches the transaction that made it durable. Null (and nothing allocated) otherwise.
    /// </summary>
    private static Activity? StartCommitSpan(IReadOnlyList<Pending<JournalAppend, bool>> group)
    {
        if (!CxTelemetry.Source.HasListeners())
        {
            return null;
        }
        var links = new List<ActivityLink>(group.Count);
        for (var i = 1; i < group.Count; i++)
        {
            if (group[i].Caller != default)
            {
                links.Add(new ActivityLink(group[i].Caller));
            }
        }
        var span = CxTelemetry.Source.StartActivity(CxTelemetry.CommitSpan, ActivityKind.Internal, group[0].Caller, links: links);
        span?.SetTag(CxTelemetry.CountTag, group.Count);
        return span;
    }

    private async Task CommitAsync(IReadOnlyList<Pending<JournalAppend, bool>> group)
    {
        if (Split(group) is { } parts)
        {
            // More facts than a transaction holds: one transaction per part, in the group's order.
            foreach (var part in parts)
            {
                await CommitAsync(part);
            }
            return;
        }
        var appends = new JournalAppend[group.Count];
        for (var i = 0; i < appends.Length; i++)
        {
            appends[i] = group[i].Request;
        }
        using var span = StartCommitSpan(group);
        try
        {
            await _writer.WriteAsync(appends);
            _metrics.JournalGroupCommitted(group.Count);
            // Told before the appenders hear that they are done, so a tenant's followers never learn of it later than they do.
            TellAppended(appends);
            foreach (var pending in group)
            {
                pending.Succeed(true);
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            span?.SetStatus(ActivityStatusCode.Error, "conflict");
            _metrics.JournalCommitFailed("conflict");
            if (group.Count == 1)
            {
                group[0].Fail(Conflict(group[0].Request, e));
                return;
            }
            // An append of the group lost a race: one transaction each, so that only the one that lost fails.
            foreach (var pending in group)
            {
                await CommitAsync([pending]);
            }
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, "unavailable");
            _metrics.JournalCommitFailed("unavailable");
            var reason = DatabaseFailure.Describe(e, _connection);
            _logger.LogWarning(e, "The journal could not commit a group of {Appends} appends: {Reason}", group.Count, reason);
            foreach (var pending in group)
            {
                pending.Fail(new JournalUnavailableException($"The journal could not store the append to {pending.Request.Stream}: {reason}", e));
            }
        }
    }

    /// <summary>The group cut into consecutive parts of at most <see cref="JournalAppend.MaxFacts"/> facts, or null when it needs no cut.</summary>
    internal static List<List<Pending<JournalAppend, bool>>>? Split(IReadOnlyList<Pending<JournalAppend, bool>> group)
    {
        var total = 0L;
        foreach (var pending in group)
        {
            total += pending.Request.Facts.Count;
        }
        if (total <= JournalAppend.MaxFacts)
        {
            return null;
        }
        var parts = new List<List<Pending<JournalAppend, bool>>> { new() };
        var facts = 0;
        foreach (var pending in group)
        {
            var count = pending.Request.Facts.Count;
            if (facts + count > JournalAppend.MaxFacts)
            {
                parts.Add([]);
                facts = 0;
            }
            parts[^1].Add(pending);
            facts += count;
        }
        return parts;
    }

    private static JournalConflictException Conflict(JournalAppend append, PostgresException e) =>
        e.ConstraintName == "cx_journal_answer_pkey" || append.Facts.Count == 0
            ? new JournalConflictException($"Event {append.EventId} of {append.Stream} already has an answer.", append.EventId!, e)
            : new JournalConflictException($"A seq of {append.Facts[0].Seq}..{append.LastSeq} already exists in {append.Stream}.", e);

    internal static JournalFact ReadFact(NpgsqlDataReader reader, int first) => new(
        reader.GetInt64(first),
        reader.GetString(first + 1),
        reader.GetFieldValue<DateTimeOffset>(first + 2),
        reader.GetFieldValue<byte[]>(first + 3),
        // Null stays null: a null byte[] would otherwise become an empty, non-null memory.
        reader.IsDBNull(first + 4) ? null : (ReadOnlyMemory<byte>?)reader.GetFieldValue<byte[]>(first + 4));

    private ValueTask<int> CountAsync(string sql, NpgsqlParameter[] parameters, CancellationToken ct) =>
        QueryAsync(sql, parameters, async (reader, token) => await reader.ReadAsync(token) ? reader.GetInt32(0) : 0, ct);

    /// <summary>Runs one statement and reads its result; a database failure becomes a <see cref="JournalUnavailableException"/>.</summary>
    private async ValueTask<T> QueryAsync<T>(string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        try
        {
            return await _dataSource.AgainOnLostConnection(_logger, async attempt =>
            {
                await using var command = _dataSource.CreateCommand(sql);
                // A parameter belongs to one command: a second try sends copies.
                command.Parameters.AddRange(attempt == 0 ? parameters : Array.ConvertAll(parameters, p => p.Clone()));
                await using var reader = await command.ExecuteReaderAsync(ct);
                return await read(reader, ct);
            });
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            throw new JournalUnavailableException($"The journal cannot be read or changed: {DatabaseFailure.Describe(e, _connection)}", e);
        }
    }

    private static NpgsqlParameter Value<T>(T value) => new NpgsqlParameter<T> { TypedValue = value };

    /// <remarks>
    /// Walks the period's facts in the order of <c>cx_journal_fact_tenant_at</c> (<c>deploy/sql/042_journal_activity.sql</c>)
    /// from the cursor on, and keeps a fact only when its stream has no earlier one in the period (looked up by the
    /// stream's key): every page reads on where the last one ended, and no page reads facts from before the period.
    /// The column keeps microseconds, and a finer time sent to it is cut down to its microsecond, so bounds between two
    /// are first taken up to the next (<see cref="JournalTime.Bound"/>).
    /// </remarks>
    public ValueTask<IReadOnlyList<ActiveStream>> ReadActiveStreamsAsync(
        string tenantId, string streamPrefix, DateTimeOffset from, DateTimeOffset to, ActiveStream? after, int max, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(streamPrefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        from = JournalTime.Bound(from);
        to = JournalTime.Bound(to);
        return QueryAsync<IReadOnlyList<ActiveStream>>(
            """
            SELECT f.stream_id, f.at, f.position FROM cx_journal_fact f
            WHERE f.tenant_id = $1 AND f.at >= $3 AND f.at < $4 AND (f.at, f.position) > ($5, $6)
              AND starts_with(f.stream_id, $2)
              AND NOT EXISTS (
                  SELECT 1 FROM cx_journal_fact e
                  WHERE e.tenant_id = $1 AND e.stream_id = f.stream_id AND e.at >= $3 AND (e.at, e.position) < (f.at, f.position))
            ORDER BY f.at, f.position LIMIT $7
            """,
            [
                Value(tenantId), Value(streamPrefix), Value(from.ToUniversalTime()), Value(to.ToUniversalTime()),
                Value((after?.FirstAt ?? from).ToUniversalTime()), Value(after?.Position ?? long.MinValue), Value(max),
            ],
            async (reader, token) =>
            {
                var streams = new List<ActiveStream>();
                while (await reader.ReadAsync(token))
                {
                    streams.Add(new ActiveStream(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2)));
                }
                return streams;
            }, ct);
    }
}
