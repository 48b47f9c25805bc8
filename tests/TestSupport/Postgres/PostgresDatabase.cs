using CxCluster.Silo.Database;
using Npgsql;

namespace CxCluster.TestSupport.Postgres;

/// <summary>
/// A fresh, uniquely named database on the test run's PostgreSQL server (or on one named, for a load run), with the
/// CxCluster schema applied by the same <see cref="SchemaMigrator"/> the silo's <c>migrate</c> verb uses; dropped again
/// on dispose.
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

    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = ConnectionStringFor(server, name);
    }

    /// <summary>The database's name, unique to this instance.</summary>
    public string Name { get; }

    /// <summary>A connection string to this database (the ADO.NET invariant is <c>Npgsql</c>).</summary>
    public string ConnectionString { get; }

    /// <summary>The server's maintenance connection string from <see cref="ServerVariable"/>; throws when it is not set.</summary>
    public static string ServerConnectionString => Required(ServerVariable);

    /// <summary>The run's migrated database from <see cref="SchemaDatabaseVariable"/>; throws when it is not set.</summary>
    public static string SchemaDatabaseConnectionString => Required(SchemaDatabaseVariable);

    /// <summary>Creates a database on the test server, with the CxCluster schema unless <paramref name="withSchema"/> is false.</summary>
    public static Task<PostgresDatabase> CreateAsync(bool withSchema = true, CancellationToken cancellationToken = default) =>
        CreateOnAsync(ServerConnectionString, withSchema, cancellationToken);

    /// <summary>Creates a database on <paramref name="server"/> (a connection string to any database of it).</summary>
    public static async Task<PostgresDatabase> CreateOnAsync(string server, bool withSchema = true, CancellationToken cancellationToken = default)
    {
        var database = new PostgresDatabase(server, $"cxtest_{Guid.NewGuid():N}");
        if (withSchema)
        {
            await new SchemaMigrator(database.ConnectionString).MigrateAsync(cancellationToken);
        }
        else
        {
            await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{database.Name}\"", cancellationToken);
        }
        return database;
    }

    /// <summary>A connection string to database <paramref name="name"/> on the test server (which may not exist).</summary>
    public static string ConnectionStringFor(string name) => ConnectionStringFor(ServerConnectionString, name);

    /// <summary>Drops database <paramref name="name"/> of the test server if it exists, closing whatever is still connected to it.</summary>
    public static Task DropAsync(string name, CancellationToken cancellationToken = default) =>
        DropAsync(ServerConnectionString, name, cancellationToken);

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

    public async ValueTask DisposeAsync() => await DropAsync(_server, Name);

    private static string ConnectionStringFor(string server, string name) =>
        new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

    private static Task DropAsync(string server, string name, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(server, name)));
        return ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    private static async Task ExecuteOnServerAsync(string server, string sql, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
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
