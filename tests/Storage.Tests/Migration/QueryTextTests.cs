using System.Data;
using Npgsql;

namespace CxCluster.Storage.Tests.Migration;

/// <summary>
/// The stored statements the cluster tests cannot easily reach, run as the providers run them: the text from
/// OrleansQuery, with parameters of the names and types the providers bind (times as UTC DateTime with DbType.DateTime).
/// </summary>
public sealed class QueryTextTests : IAsyncLifetime
{
    private const string Cluster = "cluster-a";
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly DateTime Long = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Recent = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Cutoff = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private PostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Bulk_defunct_clean_up_removes_only_dead_silos_silent_since_before_the_cut_off()
    {
        await SeedMembershipAsync();

        await ExecuteAsync("CleanupDefunctSiloEntriesKey", ("DeploymentId", Cluster), ("IAmAliveTime", Cutoff));

        Assert.Equal(new[] { 11112, 11113 }, await PortsAsync());
    }

    [Fact]
    public async Task Per_row_defunct_clean_up_removes_a_dead_row_only_while_it_is_unchanged()
    {
        await SeedMembershipAsync();
        (string, object?)[] Row(int port, string? suspectTimes) =>
        [
            ("DeploymentId", Cluster), ("Address", "10.0.0.1"), ("Port", port), ("Generation", 1),
            ("SuspectTimes", suspectTimes), ("StartTime", Long), ("IAmAliveTime", Long),
        ];

        // Someone suspected the silo since it was read: keep the row.
        await ExecuteAsync("CleanupDefunctSiloEntryKey", Row(11111, "10.0.0.2:11112@1,2026-02-01 00:00:00.000 GMT"));
        Assert.Equal(new[] { 11111, 11112, 11113 }, await PortsAsync());
        // As read, with no suspicions (NULL in the table, NULL or "" from the provider): gone.
        await ExecuteAsync("CleanupDefunctSiloEntryKey", Row(11111, ""));
        // An active silo never goes, whatever its times.
        await ExecuteAsync("CleanupDefunctSiloEntryKey", Row(11113, null));

        Assert.Equal(new[] { 11112, 11113 }, await PortsAsync());
    }

    [Fact]
    public async Task Deleting_a_clusters_entries_removes_its_version_and_rows_only()
    {
        await SeedMembershipAsync();
        await ScalarAsync("InsertMembershipVersionKey", ("DeploymentId", "cluster-b"));

        await ExecuteAsync("DeleteMembershipTableEntriesKey", ("DeploymentId", Cluster));

        Assert.Empty(await PortsAsync());
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership_version WHERE deployment_id = @id", ("id", Cluster)));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership_version WHERE deployment_id = 'cluster-b'"));
    }

    [Fact]
    public async Task A_membership_write_with_a_stale_table_version_changes_nothing()
    {
        Assert.Equal(true, await ScalarAsync("InsertMembershipVersionKey", ("DeploymentId", Cluster)));
        Assert.Equal(false, await ScalarAsync("InsertMembershipVersionKey", ("DeploymentId", Cluster)));
        (string, object?)[] Insert(int port, int version) =>
        [
            ("DeploymentId", Cluster), ("Address", "10.0.0.1"), ("Port", port), ("Generation", 1), ("SiloName", $"s{port}"),
            ("HostName", "host"), ("Status", Active), ("ProxyPort", 30000), ("StartTime", Recent), ("IAmAliveTime", Recent),
            ("Version", version),
        ];

        Assert.Equal(true, await ScalarAsync("InsertMembershipKey", Insert(11111, 0)));
        Assert.Equal(false, await ScalarAsync("InsertMembershipKey", Insert(11112, 0)));
        Assert.Equal(false, await ScalarAsync("InsertMembershipKey", Insert(11111, 1)));
        Assert.Equal(true, await ScalarAsync("UpdateMembershipKey",
            ("DeploymentId", Cluster), ("Address", "10.0.0.1"), ("Port", 11111), ("Generation", 1),
            ("Status", Dead), ("SuspectTimes", null), ("IAmAliveTime", Recent), ("Version", 1)));
        Assert.Equal(false, await ScalarAsync("UpdateMembershipKey",
            ("DeploymentId", Cluster), ("Address", "10.0.0.1"), ("Port", 11111), ("Generation", 1),
            ("Status", Active), ("SuspectTimes", null), ("IAmAliveTime", Recent), ("Version", 1)));

        Assert.Equal(2, await _database.ScalarAsync<int>("SELECT version FROM orleans_membership_version WHERE deployment_id = @id", ("id", Cluster)));
        Assert.Equal(Dead, await _database.ScalarAsync<int>("SELECT status FROM orleans_membership WHERE port = 11111"));
        Assert.Equal(new[] { 11111 }, await PortsAsync());
    }

    [Theory]
    [InlineData(-50, 50, new[] { 0 })]
    [InlineData(50, -50, new[] { -100, 100 })]
    [InlineData(100, 100, new[] { -100, 0, 100 })]
    public async Task Reminder_ranges_are_read_in_signed_hash_order(int begin, int end, int[] expected)
    {
        foreach (var hash in new[] { -100, 0, 100 })
        {
            await ScalarAsync("UpsertReminderRowKey",
                ("ServiceId", "svc"), ("GrainId", $"probe/{hash}"), ("ReminderName", "r"), ("GrainHash", hash),
                ("StartTime", Recent), ("Period", 60_000));
        }
        // The provider's choice between the two statements: a range that does not wrap in signed order uses the first.
        var key = begin < end ? "ReadRangeRows1Key" : "ReadRangeRows2Key";

        var grains = await ReadGrainIdsAsync(key, ("ServiceId", "svc"), ("BeginHash", begin), ("EndHash", end));

        Assert.Equal(expected.Select(h => $"probe/{h}").Order(StringComparer.Ordinal), grains.Order(StringComparer.Ordinal));
    }

    private async Task SeedMembershipAsync()
    {
        await ScalarAsync("InsertMembershipVersionKey", ("DeploymentId", Cluster));
        await _database.ScalarAsync<int>(
            """
            INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                            start_time, i_am_alive_time)
            VALUES (@id, '10.0.0.1', 11111, 1, 'dead-long-ago', 'h', 6, 30000, @long, @long),
                   (@id, '10.0.0.1', 11112, 1, 'dead-recently', 'h', 6, 30000, @long, @recent),
                   (@id, '10.0.0.1', 11113, 1, 'active',        'h', 3, 30000, @long, @long)
            """,
            ("id", Cluster), ("long", Long), ("recent", Recent));
    }

    private async Task<int[]> PortsAsync()
    {
        await using var connection = await _database.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT port FROM orleans_membership WHERE deployment_id = @id ORDER BY port", connection);
        command.Parameters.AddWithValue("id", Cluster);
        var ports = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ports.Add(reader.GetInt32(0));
        }
        return [.. ports];
    }

    private async Task<List<string>> ReadGrainIdsAsync(string key, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _database.OpenAsync();
        await using var command = await CommandAsync(connection, key, parameters);
        var grains = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            grains.Add(reader.GetString(reader.GetOrdinal("GrainId")));
        }
        return grains;
    }

    private async Task ExecuteAsync(string key, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _database.OpenAsync();
        await using var command = await CommandAsync(connection, key, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string key, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _database.OpenAsync();
        await using var command = await CommandAsync(connection, key, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<NpgsqlCommand> CommandAsync(NpgsqlConnection connection, string key, (string Name, object? Value)[] parameters)
    {
        await using var text = new NpgsqlCommand("SELECT querytext FROM orleansquery WHERE querykey = @key", connection);
        text.Parameters.AddWithValue("key", key);
        var command = new NpgsqlCommand((string)(await text.ExecuteScalarAsync())!, connection);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            parameter.DbType = value switch
            {
                DateTime => DbType.DateTime,
                int => DbType.Int32,
                _ => DbType.String,
            };
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
