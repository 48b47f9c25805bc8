using System.Diagnostics.Metrics;
using CxCluster.Grains.Telemetry;
using CxCluster.Settings;
using CxCluster.Silo.Storage;
using CxCluster.Silo.Storage.Journal;
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
    public Task TerminateAsync(int backend) => TerminateWhereAsync("pid = @pid", backend, $"backend {backend} to end");

    /// <summary>Ends every backend of the database but the one asking, as a restart does, and waits until they are gone.</summary>
    public Task TerminateEveryOtherAsync() =>
        TerminateWhereAsync("datname = current_database() AND pid <> pg_backend_pid()", null, "every other backend to end");

    private async Task TerminateWhereAsync(string where, int? backend, string awaited)
    {
        await using var connection = await Database.OpenAsync();
        NpgsqlCommand Command(string sql)
        {
            var command = new NpgsqlCommand(sql, connection);
            if (backend is { } pid)
            {
                command.Parameters.AddWithValue("pid", pid);
            }
            return command;
        }
        await using (var terminate = Command($"SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE {where}"))
        {
            Assert.True((long)(await terminate.ExecuteScalarAsync())! > 0, $"no backend to end for {awaited}");
        }
        await Eventually.HoldsAsync(async () =>
        {
            await using var gone = Command($"SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE {where})");
            return await gone.ExecuteScalarAsync() is true;
        }, FirstGroupHold.Timeout, awaited);
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
