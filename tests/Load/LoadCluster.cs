using CxCluster.Grains;
using CxCluster.Silo;
using CxCluster.Silo.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CxCluster.Load;

/// <summary>An in-process multi-silo cluster for a load run, on memory storage or on a fresh PostgreSQL database.</summary>
public sealed class LoadCluster : IAsyncDisposable
{
    public const string Tenant = "load";

    private readonly InProcessTestCluster _cluster;
    private readonly string? _server;
    private readonly string? _database;

    private LoadCluster(InProcessTestCluster cluster, string? server, string? database)
    {
        _cluster = cluster;
        _server = server;
        _database = database;
    }

    /// <summary>The cluster client, connected to the silos' gateways over loopback.</summary>
    public IGrainFactory Grains => _cluster.Client;

    /// <summary>The first silo's own grain factory: calls made with it start inside that silo's process.</summary>
    public IGrainFactory HostedGrains => _cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();

    public static async Task<LoadCluster> StartAsync(LoadOptions options, TextWriter output)
    {
        string? server = null;
        string? connectionString = null;
        if (options.Storage == "postgres")
        {
            server = options.Postgres ?? Environment.GetEnvironmentVariable("CXCLUSTER_TEST_POSTGRES")
                ?? throw new ArgumentException("--storage postgres needs --postgres <connection string> or CXCLUSTER_TEST_POSTGRES");
            connectionString = new NpgsqlConnectionStringBuilder(server)
            {
                Database = $"cxcluster_load_{Guid.NewGuid():N}"[..32],
                MaxPoolSize = 200,
            }.ConnectionString;
            await new SchemaMigrator(connectionString).MigrateAsync();
            output.WriteLine($"Fresh PostgreSQL database {new NpgsqlConnectionStringBuilder(connectionString).Database} migrated.");
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Tenants:{Tenant}:BrandName"] = "Load" })
            .Build();
        var builder = new InProcessTestClusterBuilder((short)options.Silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureSilo((_, silo) =>
        {
            if (connectionString is null)
            {
                silo.AddCxClusterMemoryStorage();
            }
            else
            {
                silo.AddCxClusterPostgresStorage(connectionString);
            }
            silo.UseInMemoryReminderService();
            silo.AddCxClusterGrains(configuration);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new LoadCluster(cluster, server, connectionString is null ? null : new NpgsqlConnectionStringBuilder(connectionString).Database);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var maintenance = new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
