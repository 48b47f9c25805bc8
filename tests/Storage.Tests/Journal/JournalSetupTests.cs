using CxCluster.Grains.Journal;
using CxCluster.Silo.Database;
using CxCluster.Silo.Storage;
using CxCluster.Silo.Storage.Journal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CxCluster.Settings;
using Npgsql;
using static CxCluster.TestSupport.Journal.JournalSamples;

namespace CxCluster.Storage.Tests.Journal;

/// <summary>The journal's schema and how a silo chooses and configures its journal.</summary>
public sealed class JournalSetupTests(JournalDatabase database) : IClassFixture<JournalDatabase>
{
    [Fact]
    public async Task Applying_the_schema_again_keeps_the_journal()
    {
        await using var journal = database.CreateJournal();
        var stream = NewStream();
        await journal.AppendAsync(Append(stream, "e1", Fact(1, personal: "\"p\""), Fact(2)));
        await journal.SaveCheckpointAsync(stream, 2, Bytes("state"));

        var report = await new SchemaMigrator(database.Database.ConnectionString).MigrateAsync();

        Assert.Contains(("040_journal.sql", "unchanged"), report.Scripts);
        Assert.Equal(2, (await journal.ReadStreamAsync(stream, 0, 10)).Count);
        Assert.Equal(2, (await journal.LoadCheckpointAsync(stream))!.Seq);
        await journal.AppendAsync(Append(stream, "e2", Fact(3)));
        var facts = await journal.ReadTenantSettledAsync(stream.TenantId);
        Assert.Equal([1L, 2, 3], facts.Select(f => f.Fact.Seq));
        Assert.True(facts[0].Position < facts[1].Position && facts[1].Position < facts[2].Position);
    }

    [Fact]
    public async Task The_position_counter_of_earlier_versions_is_gone_and_facts_numbered_by_it_are_read_first()
    {
        await using var journal = database.CreateJournal();
        var stream = NewStream();
        // What an earlier version left: a fact numbered from its counter (1, 2, 3, …), the counter table, and no 041.
        await database.Database.ScalarAsync<object>(
            "INSERT INTO cx_journal_fact (tenant_id, stream_id, seq, position, type, at, data) VALUES (@tenant, @stream, 1, 1, 'conversation.started', now(), @data)",
            ("tenant", stream.TenantId), ("stream", stream.StreamId), ("data", "{}"u8.ToArray()));
        await database.Database.ScalarAsync<object>("CREATE TABLE IF NOT EXISTS cx_journal_tenant (tenant_id text PRIMARY KEY, last_position bigint NOT NULL)");
        await database.Database.ScalarAsync<object>("DELETE FROM cx_schema_script WHERE name = '041_journal_positions.sql'");

        var report = await new SchemaMigrator(database.Database.ConnectionString).MigrateAsync();
        await journal.AppendAsync(Append(stream, "e2", Fact(2)));

        Assert.Contains(("041_journal_positions.sql", "new"), report.Scripts);
        Assert.Null(await database.Database.ScalarAsync<string>("SELECT to_regclass('cx_journal_tenant')::text"));
        Assert.Equal([1L, 2], (await journal.ReadTenantSettledAsync(stream.TenantId)).Select(f => f.Fact.Seq));
    }

    [Fact]
    public async Task The_silos_sessions_keep_one_generic_plan_per_prepared_statement()
    {
        await using var connection = new NpgsqlConnection(CxClusterDatabase.ForProviders(database.Database.ConnectionString));
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW plan_cache_mode", connection);

        Assert.Equal("force_generic_plan", await show.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_database_keeps_facts_append_only_letting_only_their_personal_part_be_erased()
    {
        await using var journal = database.CreateJournal();
        var stream = NewStream();
        await journal.AppendAsync(Append(stream, "e1", Fact(1, personal: "{\"text\":\"halo\"}"), Fact(2)));
        (string, object?)[] where = [("tenant", stream.TenantId), ("stream", stream.StreamId)];

        foreach (var change in new[]
        {
            "DELETE FROM cx_journal_fact WHERE tenant_id = @tenant AND stream_id = @stream AND seq = 2",
            "UPDATE cx_journal_fact SET data = '\\x7b7d' WHERE tenant_id = @tenant AND stream_id = @stream AND seq = 2",
            "UPDATE cx_journal_fact SET type = 'ai.allowed' WHERE tenant_id = @tenant AND stream_id = @stream AND seq = 2",
            "UPDATE cx_journal_fact SET at = at + interval '1 second' WHERE tenant_id = @tenant AND stream_id = @stream AND seq = 1",
            "UPDATE cx_journal_fact SET seq = 3 WHERE tenant_id = @tenant AND stream_id = @stream AND seq = 2",
            "UPDATE cx_journal_fact SET personal = '\\x7b7d' WHERE tenant_id = @tenant AND stream_id = @stream AND seq = 1",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => database.Database.ScalarAsync<object>(change, where));
            Assert.Contains("append-only", refused.MessageText);
        }
        var facts = await journal.ReadStreamAsync(stream, 0, 10);
        Assert.Equal([1L, 2], facts.Select(f => f.Seq));
        Assert.NotNull(facts[0].Personal);

        // An erasure is the one change a fact takes.
        await database.Database.ScalarAsync<object>(
            "UPDATE cx_journal_fact SET personal = NULL WHERE tenant_id = @tenant AND stream_id = @stream", where);
        Assert.All(await journal.ReadStreamAsync(stream, 0, 10), f => Assert.Null(f.Personal));
    }

    [Fact]
    public async Task Facts_can_be_queried_as_json_in_sql()
    {
        await using var journal = database.CreateJournal();
        var stream = NewStream();
        await journal.AppendAsync(Append(stream, "e1", Fact(1, personal: "{\"text\":\"halo\"}"), Fact(2)));

        var n = await database.Database.ScalarAsync<int>(
            "SELECT (data->>'n')::int FROM cx_journal_fact_json WHERE tenant_id = @tenant AND seq = 2", ("tenant", stream.TenantId));
        var personal = await database.Database.ScalarAsync<string>(
            "SELECT personal FROM cx_journal_fact_json WHERE tenant_id = @tenant AND seq = 1", ("tenant", stream.TenantId));

        Assert.Equal(2, n);
        Assert.Equal("{\"text\":\"halo\"}", personal);
    }

    [Fact]
    public async Task A_silo_with_a_database_keeps_its_journal_there_and_one_without_in_memory()
    {
        await using var withDatabase = Services(("ConnectionStrings:CxCluster", database.Database.ConnectionString), ("Tenants:acme:ApiKeys:0", "acme-key"));
        await using var embedded = Services();

        Assert.IsType<PostgresFactJournal>(withDatabase.GetRequiredService<IFactJournal>());
        Assert.IsType<MemoryFactJournal>(embedded.GetRequiredService<IFactJournal>());
    }

    [Fact]
    public void Journal_settings_out_of_range_stop_the_silo_before_it_starts_naming_each()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Journal:MaxGroupSize"] = "0",
            ["Journal:MaxConcurrentGroups"] = "1000",
            ["Journal:GroupLinger"] = "300us",
            ["Testing:CrashBeforeCommitOfGroupWith"] = "300",
        });

        var failure = Assert.Throws<SettingsException>(() => builder.Services.AddCxClusterJournal(builder.Configuration));

        Assert.Equal(
        [
            "Journal:MaxGroupSize must be between 1 and 10000, not 0",
            "Journal:GroupLinger must be a duration written hh:mm:ss.fffffff (e.g. 00:00:00.0003), not '300us'",
            "Journal:MaxConcurrentGroups must be between 1 and 64, not 1000",
            "Testing:CrashBeforeCommitOfGroupWith (300) is above Journal:MaxGroupSize (256): no group would ever hold that many appends",
        ], failure.Problems);
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(IFactJournal));
    }

    [Fact]
    public async Task Journal_settings_are_read_from_the_journal_section()
    {
        await using var services = Services(("Journal:MaxGroupSize", "64"), ("Journal:GroupLinger", "00:00:00.001"), ("Journal:MaxConcurrentGroups", "4"));

        var options = services.GetRequiredService<JournalSettings>();

        Assert.Equal((64, TimeSpan.FromMilliseconds(1), 4), (options.MaxGroupSize, options.GroupLinger, options.MaxConcurrentGroups));
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCxClusterJournal(TestConfiguration.From(settings));
        return services.BuildServiceProvider();
    }
}
