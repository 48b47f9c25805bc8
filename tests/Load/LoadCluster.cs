using CxCluster.Silo;
using CxCluster.TestSupport.Hosting;
using CxCluster.TestSupport.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.TestingHost;

namespace CxCluster.Load;

/// <summary>An in-process multi-silo cluster for a load run, on memory storage or on a fresh PostgreSQL database.</summary>
public sealed class LoadCluster : IAsyncDisposable
{
    public const string Tenant = "load";

    private readonly InProcessTestCluster _cluster;
    private readonly PostgresDatabase? _database;

    private LoadCluster(InProcessTestCluster cluster, PostgresDatabase? database)
    {
        _cluster = cluster;
        _database = database;
    }

    /// <summary>The cluster client, connected to the silos' gateways over loopback.</summary>
    public IGrainFactory Grains => _cluster.Client;

    /// <summary>The first silo's own grain factory: calls made with it start inside that silo's process.</summary>
    public IGrainFactory HostedGrains => _cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// Starts the cluster; <paramref name="settings"/> override the load run's configuration (by default offers and the
    /// first-reply deadline are off, as the scripted agents complete without accepting offers or writing first).
    /// </summary>
    public static async Task<LoadCluster> StartAsync(LoadOptions options, TextWriter output, IReadOnlyDictionary<string, string?>? settings = null)
    {
        PostgresDatabase? database = null;
        string? connectionString = null;
        if (options.Storage == "postgres")
        {
            var server = options.Postgres ?? Environment.GetEnvironmentVariable(PostgresDatabase.ServerVariable)
                ?? throw new ArgumentException($"--storage postgres needs --postgres <connection string> or {PostgresDatabase.ServerVariable}");
            // Created and dropped from the server's maintenance database, whichever database the connection string names.
            database = await PostgresDatabase.CreateOnAsync(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
            connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 200 }.ConnectionString;
            output.WriteLine($"Fresh PostgreSQL database {database.Name} migrated.");
        }

        var values = new Dictionary<string, string?>
        {
            [$"Tenants:{Tenant}:BrandName"] = "Load",
            // The scripted agents complete without accepting offers or writing first.
            ["Routing:OfferTimeoutSeconds"] = "0",
            ["Routing:FirstReplySeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var cluster = await InProcessCluster.StartAsync(
            (short)options.Silos,
            configuration,
            storage: connectionString is null ? null : silo => silo.AddCxClusterPostgresStorage(connectionString),
            configure: builder =>
            {
                builder.Options.ConfigureFileLogging = false;
                builder.ConfigureHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
            });
        return new LoadCluster(cluster, database);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _database.DisposeAsync();
        }
    }
}
