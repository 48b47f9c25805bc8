using CxCluster.Grains.Journal;
using CxCluster.Silo.Database;
using CxCluster.Silo.Storage.Journal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        Assert.Equal([1L, 2, 3], (await journal.ReadTenantAsync(stream.TenantId, 0, 10)).Select(f => f.Position));
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
        await using var withDatabase = Services(("ConnectionStrings:CxCluster", database.Database.ConnectionString));
        await using var embedded = Services();

        Assert.IsType<PostgresFactJournal>(withDatabase.GetRequiredService<IFactJournal>());
        Assert.IsType<MemoryFactJournal>(embedded.GetRequiredService<IFactJournal>());
    }

    [Fact]
    public async Task Journal_settings_out_of_range_stop_the_silo_at_start_naming_each()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Journal:MaxGroupSize"] = "0",
            ["Journal:MaxConcurrentGroups"] = "1000",
        });
        builder.Services.AddCxClusterJournal(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Journal:MaxGroupSize must be 1..10000, not 0.", failure.Failures);
        Assert.Contains("Journal:MaxConcurrentGroups must be 1..64, not 1000.", failure.Failures);
    }

    [Fact]
    public async Task Journal_settings_are_read_from_the_journal_section()
    {
        await using var services = Services(("Journal:MaxGroupSize", "64"), ("Journal:GroupLinger", "00:00:00.001"), ("Journal:MaxConcurrentGroups", "4"));

        var options = services.GetRequiredService<IOptions<JournalOptions>>().Value;

        Assert.Equal((64, TimeSpan.FromMilliseconds(1), 4), (options.MaxGroupSize, options.GroupLinger, options.MaxConcurrentGroups));
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCxClusterJournal(configuration);
        return services.BuildServiceProvider();
    }
}
