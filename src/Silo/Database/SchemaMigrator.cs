using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CxCluster.Silo.Database;

/// <summary>What one migration did.</summary>
/// <param name="Database">The database migrated.</param>
/// <param name="Created">Whether the database had to be created first.</param>
/// <param name="Scripts">Each script applied, in order, and whether it was new, changed or unchanged since the last run.</param>
public sealed record MigrationReport(string Database, bool Created, IReadOnlyList<(string Script, string Change)> Scripts);

/// <summary>
/// Creates the CxCluster database if it is missing and applies the embedded <c>deploy/sql</c> scripts to it, all of
/// them, in order, in one transaction. The scripts are idempotent, so applying them to a current database changes
/// nothing; a transaction-scoped advisory lock makes silos (or pods) that migrate at the same time take turns.
/// </summary>
public sealed class SchemaMigrator
{
    /// <summary>The advisory lock every migration of a CxCluster database takes ("CxSchema" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x4378536368656D61;

    private const string MaintenanceDatabase = "postgres";

    private readonly NpgsqlConnectionStringBuilder _target;
    private readonly ILogger _logger;

    /// <param name="connectionString">A PostgreSQL connection string naming the database to migrate.</param>
    /// <param name="logger">Where each step is told; nowhere by default.</param>
    public SchemaMigrator(string connectionString, ILogger? logger = null)
    {
        _target = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // A migration is one-off: pooled connections would only linger and keep the database from being dropped.
            Pooling = false,
        };
        // Room to wait for the advisory lock (lock_timeout below), whatever the connection string's default.
        _target.CommandTimeout = Math.Max(_target.CommandTimeout, 150);
        if (string.IsNullOrWhiteSpace(_target.Database))
        {
            throw new ArgumentException("The connection string names no Database.", nameof(connectionString));
        }
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The server and database migrated, without credentials.</summary>
    public string Target => $"{_target.Host}:{_target.Port}/{_target.Database}";

    /// <summary>The connection settings, for describing failures.</summary>
    public NpgsqlConnectionStringBuilder Connection => _target;

    /// <summary>Creates the database if needed, then applies every script.</summary>
    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var created = await EnsureDatabaseAsync(cancellationToken);
        var scripts = await ApplyScriptsAsync(cancellationToken);
        return new MigrationReport(_target.Database!, created, scripts);
    }

    /// <summary>Creates the database unless it exists; true if it was created.</summary>
    public async Task<bool> EnsureDatabaseAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            // Try the database itself first: a role may be allowed in there but not into the maintenance database.
            await using var probe = new NpgsqlConnection(_target.ConnectionString);
            await probe.OpenAsync(cancellationToken);
            _logger.LogInformation("Database {Database} exists on {Server}", _target.Database, Server);
            return false;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Missing: created below.
        }

        var maintenance = new NpgsqlConnectionStringBuilder(_target.ConnectionString) { Database = MaintenanceDatabase };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(_target.Database!)}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another silo created it in the meantime.
            _logger.LogInformation("Database {Database} was just created on {Server} by another migration", _target.Database, Server);
            return false;
        }
        _logger.LogInformation("Created database {Database} on {Server}", _target.Database, Server);
        return true;
    }

    /// <summary>Applies every script in one transaction under the advisory lock, recording each in <c>cx_schema_script</c>.</summary>
    public async Task<IReadOnlyList<(string Script, string Change)>> ApplyScriptsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(_target.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var waited = Stopwatch.StartNew();
        // Bounded, so a migration stuck elsewhere gives a clear error instead of a hang.
        await ExecuteAsync(connection, transaction, "SET LOCAL lock_timeout = '120s'", cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        if (waited.Elapsed > TimeSpan.FromSeconds(1))
        {
            _logger.LogInformation("Waited {Seconds:0.0} s for another migration of {Database} to finish", waited.Elapsed.TotalSeconds, _target.Database);
        }

        var known = await ReadAppliedAsync(connection, transaction, cancellationToken);
        var applied = new List<(string, string)>();
        foreach (var script in SchemaScript.All)
        {
            var took = Stopwatch.StartNew();
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using (var record = new NpgsqlCommand(
                """
                INSERT INTO cx_schema_script (name, sha256) VALUES (@name, @sha256)
                ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, last_applied_at = now()
                """, connection, transaction))
            {
                record.Parameters.AddWithValue("name", script.Name);
                record.Parameters.AddWithValue("sha256", script.Sha256);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            var change = !known.TryGetValue(script.Name, out var sha) ? "new" : sha == script.Sha256 ? "unchanged" : "changed";
            applied.Add((script.Name, change));
            _logger.LogInformation("Applied {Script} ({Change}) in {Milliseconds} ms", script.Name, change, took.ElapsedMilliseconds);
        }
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private string Server => $"{_target.Host}:{_target.Port}";

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('cx_schema_script') IS NOT NULL", connection, transaction);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return applied;
        }
        await using var read = new NpgsqlCommand("SELECT name, sha256 FROM cx_schema_script", connection, transaction);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
