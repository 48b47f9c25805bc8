using CxCluster.Silo.Database;
using Npgsql;

namespace CxCluster.Silo.Storage;

/// <summary>The PostgreSQL database a silo keeps the cluster in, if any, and how to tell an operator what is wrong with it.</summary>
public sealed class CxClusterDatabase(string? connectionString)
{
    /// <summary>The ADO.NET invariant of the Npgsql provider.</summary>
    public const string Invariant = ServiceDefaults.DatabaseDefaults.Invariant;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(connectionString);

    /// <summary>The connection string the Orleans providers are given (<see cref="ForProviders"/>); only when <see cref="IsConfigured"/>.</summary>
    public string ProvidersConnectionString => ForProviders(connectionString!);

    /// <summary>Statements Npgsql prepares by itself once they repeat, unless the connection string sets another number.</summary>
    public const int AutoPreparedStatements = 20;

    /// <summary>
    /// The session setting that keeps PostgreSQL from planning a prepared statement again on each run. Every statement
    /// of the silo looks rows up by key or inserts arrays of rows, where a generic plan is the right plan; left to
    /// choose, PostgreSQL planned the journal's array statements anew each time (8% of its CPU under load).
    /// </summary>
    public const string GenericPlans = "-c plan_cache_mode=force_generic_plan";

    /// <summary>
    /// The connection string the Orleans providers use. Every grain write is one short statement on a pooled
    /// connection, so two Npgsql defaults cost more than the write itself: resetting the session each time a
    /// connection goes back to the pool (a <c>DISCARD ALL</c> before its next statement, which also drops every
    /// cached plan, the write function's included) and planning each statement anew. Unless the connection string
    /// says otherwise, connections keep their session and the provider's statements are prepared once per connection.
    /// The providers set no session state, so nothing leaks from one use of a connection to the next. Prepared
    /// statements keep one generic plan (<see cref="GenericPlans"/>) unless the connection string's <c>Options</c>
    /// set <c>plan_cache_mode</c>.
    /// </summary>
    public static string ForProviders(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(params string[] keywords) => keywords.Any(given.ContainsKey);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Given("No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        if (!Given("Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }
        if (builder.Options?.Contains("plan_cache_mode", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? GenericPlans : $"{builder.Options} {GenericPlans}";
        }
        return builder.ConnectionString;
    }

    /// <summary>Where the state lives, without credentials.</summary>
    public string Describe()
    {
        if (!IsConfigured)
        {
            return "memory (embedded default)";
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>
    /// Waits until the database answers and holds the CxCluster schema; null when it does, otherwise the last reason,
    /// in one line, after <paramref name="timeout"/>. Each failed attempt is logged in one line too.
    /// </summary>
    public async Task<string?> WaitUntilReadyAsync(TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return null;
        }
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            var problem = await ProbeAsync(cancellationToken);
            if (problem is null)
            {
                return null;
            }
            if (DateTime.UtcNow + delay > deadline)
            {
                return problem;
            }
            logger.LogWarning("{Database} is not ready: {Problem}; trying again in {Delay:0.#} s", Describe(), problem, delay.TotalSeconds);
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(5000, delay.TotalMilliseconds * 2));
        }
    }

    /// <summary>One attempt: null when the database answers and holds the schema, otherwise why not.</summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, CommandTimeout = 5 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansquery", connection);
            var queries = (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
            return queries > 0 ? null : $"the CxCluster schema in {Describe()} holds no queries: run the silo's 'migrate' verb";
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return $"the CxCluster schema is missing in {Describe()}: run the silo's 'migrate' verb";
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return DatabaseFailure.Describe(e, builder);
        }
    }
}
