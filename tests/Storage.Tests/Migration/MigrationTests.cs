using CxCluster.Silo.Database;
using CxCluster.TestSupport.Processes;
using Npgsql;

namespace CxCluster.Storage.Tests.Migration;

/// <summary>The schema in deploy/sql and the silo's <c>migrate</c> verb, against a real PostgreSQL.</summary>
public sealed class MigrationTests
{
    /// <summary>Every statement the Orleans 10.4.2 ADO.NET providers load from OrleansQuery.</summary>
    public static readonly string[] ProviderQueryKeys =
    [
        // Clustering: all required at start-up, except CleanupDefunctSiloEntryKey, which the provider prefers when present.
        "GatewaysQueryKey",
        "MembershipReadRowKey",
        "MembershipReadAllKey",
        "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey",
        "InsertMembershipKey",
        "UpdateMembershipKey",
        "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        "CleanupDefunctSiloEntryKey",
        // Grain persistence: DeleteStorageKey serves the DeleteStateOnClear option.
        "ReadFromStorageKey",
        "WriteToStorageKey",
        "ClearStorageKey",
        "DeleteStorageKey",
        // Reminders.
        "ReadReminderRowsKey",
        "ReadReminderRowKey",
        "ReadRangeRows1Key",
        "ReadRangeRows2Key",
        "UpsertReminderRowKey",
        "DeleteReminderRowKey",
        "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task Every_query_key_the_providers_need_is_present()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        var keys = await QueryKeysAsync(database.ConnectionString);

        Assert.Equal(ProviderQueryKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Applying_the_schema_twice_is_harmless_and_keeps_the_data()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using (var connection = await database.OpenAsync())
        await using (var seed = new NpgsqlCommand(
            "SELECT orleans_write_grain_state('svc', 'type', 0, 0, 'key', NULL, '\\x0102'::bytea)", connection))
        {
            Assert.Equal(1, await seed.ExecuteScalarAsync());
        }

        var again = await new SchemaMigrator(database.ConnectionString).MigrateAsync();

        Assert.False(again.Created);
        Assert.Equal(SchemaScript.All.Select(s => s.Name), again.Scripts.Select(s => s.Script));
        Assert.All(again.Scripts, s => Assert.Equal("unchanged", s.Change));
        Assert.Equal(ProviderQueryKeys.Length, (await QueryKeysAsync(database.ConnectionString)).Count);
        Assert.Equal(1, await database.ScalarAsync<int>("SELECT version FROM orleans_grain_state"));
        Assert.Equal(new byte[] { 1, 2 }, await database.ScalarAsync<byte[]>("SELECT payload FROM orleans_grain_state"));
    }

    [Fact]
    public async Task Silos_migrating_at_the_same_time_take_turns()
    {
        var name = $"cxtest_{Guid.NewGuid():N}";
        try
        {
            var migrations = Enumerable.Range(0, 4)
                .Select(_ => Task.Run(() => new SchemaMigrator(PostgresDatabase.ConnectionStringFor(name)).MigrateAsync()))
                .ToArray();

            var reports = await Task.WhenAll(migrations);

            Assert.Single(reports, r => r.Created);
            Assert.Equal(ProviderQueryKeys.Length, (await QueryKeysAsync(PostgresDatabase.ConnectionStringFor(name))).Count);
        }
        finally
        {
            await PostgresDatabase.DropAsync(name);
        }
    }

    [Fact]
    public async Task The_database_the_test_command_migrated_is_current()
    {
        var report = await new SchemaMigrator(PostgresDatabase.SchemaDatabaseConnectionString).MigrateAsync();

        Assert.False(report.Created);
        Assert.All(report.Scripts, s => Assert.Equal("unchanged", s.Change));
        Assert.Equal(ProviderQueryKeys.Length, (await QueryKeysAsync(PostgresDatabase.SchemaDatabaseConnectionString)).Count);
    }

    [Fact]
    public async Task The_migrate_verb_creates_the_database_and_can_run_again()
    {
        var name = $"cxtest_{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string?> { ["ConnectionStrings:CxCluster"] = PostgresDatabase.ConnectionStringFor(name) };
        try
        {
            var first = await ClusterProcess.RunSiloAsync(["migrate"], environment);
            var second = await ClusterProcess.RunSiloAsync(["migrate"], environment);

            Assert.True(first.ExitCode == 0, $"first run exited {first.ExitCode}: {first.Output}{first.Error}");
            Assert.Contains($"Created database {name}", first.Output, StringComparison.Ordinal);
            Assert.True(second.ExitCode == 0, $"second run exited {second.ExitCode}: {second.Output}{second.Error}");
            Assert.Contains("(unchanged)", second.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("(new)", second.Output, StringComparison.Ordinal);
            Assert.Equal("", first.Error + second.Error);
            Assert.Equal(ProviderQueryKeys.Length, (await QueryKeysAsync(PostgresDatabase.ConnectionStringFor(name))).Count);
        }
        finally
        {
            await PostgresDatabase.DropAsync(name);
        }
    }

    [Fact]
    public async Task The_migrate_verb_names_a_wrong_password_in_one_line()
    {
        var connection = new NpgsqlConnectionStringBuilder(PostgresDatabase.ConnectionStringFor($"cxtest_{Guid.NewGuid():N}"))
        {
            Password = "not-the-password",
        };

        var result = await ClusterProcess.RunSiloAsync(["migrate"], new Dictionary<string, string?> { ["ConnectionStrings:CxCluster"] = connection.ConnectionString });

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(Lines(result.Error));
        Assert.StartsWith("migrate failed: ", line, StringComparison.Ordinal);
        Assert.Contains($"password authentication failed for user \"{connection.Username}\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrate_verb_names_an_unreachable_server_in_one_line()
    {
        var port = FreePorts.One();
        var connection = new NpgsqlConnectionStringBuilder(PostgresDatabase.ConnectionStringFor("cxcluster")) { Host = "127.0.0.1", Port = port };

        var result = await ClusterProcess.RunSiloAsync(["migrate"], new Dictionary<string, string?> { ["ConnectionStrings:CxCluster"] = connection.ConnectionString });

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(Lines(result.Error));
        Assert.StartsWith($"migrate failed: cannot reach PostgreSQL at 127.0.0.1:{port}: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrate_verb_without_a_connection_string_says_what_to_set()
    {
        var result = await ClusterProcess.RunSiloAsync(["migrate"], new Dictionary<string, string?> { ["ConnectionStrings:CxCluster"] = "" });

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(Lines(result.Error));
        Assert.Contains("ConnectionStrings__CxCluster", line, StringComparison.Ordinal);
    }

    private static async Task<List<string>> QueryKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The providers' own start-up query, unquoted as they send it.
        await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            Assert.False(string.IsNullOrWhiteSpace(reader.GetString(1)), $"{reader.GetString(0)} has no text");
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
