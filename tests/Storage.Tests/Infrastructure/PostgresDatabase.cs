using CxCluster.Silo.Database;
using Npgsql;

namespace CxCluster.Storage.Tests.Infrastructure;

/// <summary>
/// A fresh, uniquely named database on the test run's PostgreSQL server, with the CxCluster schema applied by the same
/// <see cref="SchemaMigrator"/> the silo's <c>migrate</c> verb uses; dropped again on dispose.
/// </summary>
/// <remarks>
/// The server comes from <c>CXCLUSTER_TEST_POSTGRES</c>, which <c>tests/run-all.sh</c> sets after starting a private
/// PostgreSQL for the run. Without it, creating a database fails the test with a message saying so: these tests never
/// skip, and never fall back to anything in memory.
/// </remarks>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The ADO.NET invariant the Orleans providers need for PostgreSQL.</summary>
    public const string Invariant = CxCluster.ServiceDefaults.DatabaseDefaults.Invariant;

    /// <summary>A connection string to the server's maintenance database, for a role that may create databases.</summary>
    public const string ServerVariable = "CXCLUSTER_TEST_POSTGRES";

    /// <summary>A connection string to the database <c>tests/run-all.sh</c> migrated with the silo's <c>migrate</c> verb.</summary>
    public const string SchemaDatabaseVariable = "CXCLUSTER_TEST_POSTGRES_SCHEMA_DB";

    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name, unique to this instance.</summary>
    public string Name { get; }

    /// <summary>A connection string to this database (the ADO.NET invariant is <c>Npgsql</c>).</summary>
    public string ConnectionString { get; }

    /// <summary>The server's maintenance connection string from <see cref="ServerVariable"/>; throws when it is not set.</summary>
    public static string ServerConnectionString => Required(ServerVariable);

    /// <summary>The run's migrated database from <see cref="SchemaDatabaseVariable"/>; throws when it is not set.</summary>
    public static string SchemaDatabaseConnectionString => Required(SchemaDatabaseVariable);

    /// <summary>Creates a database, with the CxCluster schema unless <paramref name="withSchema"/> is false.</summary>
    public static async Task<PostgresDatabase> CreateAsync(bool withSchema = true, CancellationToken cancellationToken = default)
    {
        var name = $"cxtest_{Guid.NewGuid():N}";
        var connectionString = ConnectionStringFor(name);
        if (withSchema)
        {
            await new SchemaMigrator(connectionString).MigrateAsync(cancellationToken);
        }
        else
        {
            await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        }
        return new PostgresDatabase(name, connectionString);
    }

    /// <summary>A connection string to database <paramref name="name"/> on the test server (which may not exist).</summary>
    public static string ConnectionStringFor(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;

    /// <summary>Drops database <paramref name="name"/> if it exists, closing whatever is still connected to it.</summary>
    public static Task DropAsync(string name, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(name)));
        return ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    /// <summary>Opens a connection to this database.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs a query in this database and returns its first column's first value.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public async ValueTask DisposeAsync() => await DropAsync(Name);

    private static async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Required(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{variable} is not set. These tests need a real PostgreSQL: run them through 'bash tests/run-all.sh', which " +
                "starts one and sets it, or set it yourself, e.g. " +
                "CXCLUSTER_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Username=cxcluster;Password=…;Database=postgres' " +
                "(a role that may create databases).");
        }
        return value;
    }
}
