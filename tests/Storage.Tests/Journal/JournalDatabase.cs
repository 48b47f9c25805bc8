using System.Diagnostics.Metrics;
using CxCluster.Grains.Telemetry;
using CxCluster.Settings;
using CxCluster.Silo.Storage;
using CxCluster.Silo.Storage.Journal;
using CxCluster.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CxCluster.Storage.Tests.Journal;

/// <summary>A fresh migrated database for one test class, and journals on it as a silo builds them.</summary>
public sealed class JournalDatabase : IAsyncLifetime
{
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<NpgsqlDataSource> _dataSources = [];

    public PostgresDatabase Database { get; private set; } = null!;

    /// <summary>The meter factory every journal of this class publishes its metrics through.</summary>
    public IMeterFactory MeterFactory => _metrics.GetRequiredService<IMeterFactory>();

    public async Task InitializeAsync() => Database = await PostgresDatabase.CreateAsync();

    /// <summary>A journal with its own data source (as another silo has), grouping as <paramref name="options"/> say.</summary>
    public PostgresFactJournal CreateJournal(JournalSettings? options = null) =>
        new(CreateDataSource(), options ?? new JournalSettings(), new CxMetrics(MeterFactory),
            TimeProvider.System, NullLogger<PostgresFactJournal>.Instance);

    /// <summary>A data source on the database, as a silo registers it; disposed with the fixture.</summary>
    public NpgsqlDataSource CreateDataSource()
    {
        var dataSource = new ServiceCollection().AddCxClusterDataSource(Database.ConnectionString)
            .BuildServiceProvider().GetRequiredService<NpgsqlDataSource>();
        lock (_dataSources)
        {
            _dataSources.Add(dataSource);
        }
        return dataSource;
    }

    /// <summary>Ends a backend from another connection, as an operator or a failing server would, and waits until it is gone.</summary>
    public async Task TerminateAsync(int backend)
    {
        await using var connection = await Database.OpenAsync();
        await using (var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection))
        {
            terminate.Parameters.AddWithValue("pid", backend);
            Assert.Equal(true, await terminate.ExecuteScalarAsync());
        }
        await Eventually.HoldsAsync(async () =>
        {
            await using var gone = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = @pid)", connection);
            gone.Parameters.AddWithValue("pid", backend);
            return await gone.ExecuteScalarAsync() is true;
        }, FirstGroupHold.Timeout, $"backend {backend} to end");
    }

    public async Task DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
        await _metrics.DisposeAsync();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
