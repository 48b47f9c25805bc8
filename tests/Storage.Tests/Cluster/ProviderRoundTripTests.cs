using System.Text.Json;
using CxCluster.Grains;
using CxCluster.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Storage.Tests.Cluster;

/// <summary>The three Orleans ADO.NET providers against the project's PostgreSQL schema, on a real two-silo cluster.</summary>
[Collection(PostgresClusterCollection.Name)]
public sealed class ProviderRoundTripTests(PostgresClusterFixture fixture)
{
    private const int Active = 3;
    private const string ProbeGrainType = "cx-storage-probe";

    [Fact]
    public async Task Both_silos_are_active_rows_of_the_membership_table()
    {
        var silos = fixture.Cluster.Silos.Select(s => (s.SiloAddress.Endpoint.Port, s.SiloAddress.Generation)).Order().ToArray();

        var rows = await Eventually.ReturnsAsync(
            () => MembershipAsync(),
            r => r.Count(m => m.Status == Active) == silos.Length, TimeSpan.FromSeconds(30),
            "both silos to be active in orleans_membership");

        Assert.Equal(silos, rows.Where(r => r.Status == Active).Select(r => (r.Port, r.Generation)).Order().ToArray());
        Assert.All(rows, r => Assert.True(r.ProxyPort > 0, "every silo is a gateway"));
        // Two inserts and at least two status changes went through the version check.
        Assert.True(await fixture.Database.ScalarAsync<int>(
            "SELECT version FROM orleans_membership_version WHERE deployment_id = @id", ("id", fixture.ClusterId)) >= 4);
    }

    [Fact]
    public async Task A_conversation_survives_deactivation_from_its_facts_and_checkpoint()
    {
        var key = $"{PostgresClusterFixture.Tenant}/c-{Guid.NewGuid():N}";
        var conversation = fixture.Grains.GetGrain<IConversationGrain>(key);
        var started = await conversation.Apply(Started(Channel.Whatsapp, "id-ID"));
        var disclosure = Assert.Single(started.Result!.Directives.OfType<DiscloseDirective>()).DisclosureId;
        await conversation.Apply(Delivered(disclosure));
        await conversation.Apply(Customer("ini bot ya? nomor saya 0812-3456-7890"));
        var before = await conversation.GetSnapshot();

        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        var after = await conversation.GetSnapshot();

        Assert.NotNull(before);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
        // What was stored is what the rules kept: the customer's phone number never reached the database.
        Assert.Contains(after!.Transcript, t => t.Text.Contains("[phone]", StringComparison.Ordinal));
        // The conversation is stored as its facts, and its deactivation kept a checkpoint at the last of them.
        var stream = key.Replace($"{PostgresClusterFixture.Tenant}/", "c/", StringComparison.Ordinal);
        Assert.Equal(after.Version, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM cx_journal_fact WHERE tenant_id = @tenant AND stream_id = @stream",
            ("tenant", PostgresClusterFixture.Tenant), ("stream", stream)));
        Assert.Equal(after.Version, await fixture.Database.ScalarAsync<long>(
            "SELECT seq FROM cx_journal_checkpoint WHERE tenant_id = @tenant AND stream_id = @stream",
            ("tenant", PostgresClusterFixture.Tenant), ("stream", stream)));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM cx_journal_fact WHERE tenant_id = @tenant AND stream_id = @stream AND convert_from(personal, 'UTF8') LIKE '%3456%'",
            ("tenant", PostgresClusterFixture.Tenant), ("stream", stream)));
    }

    [Fact]
    public async Task Versions_start_at_one_and_a_stale_write_is_refused()
    {
        var storage = Storage(CxStorage.Name);
        var grain = GrainId.Create(ProbeGrainType, Guid.NewGuid().ToString("N"));
        var first = new GrainState<ProbeState>(new ProbeState { Value = "one", Numbers = [1] });

        await storage.WriteStateAsync(ProbeGrainType, grain, first);
        var second = await ReadAsync(storage, grain);
        first.State!.Value = "two";
        await storage.WriteStateAsync(ProbeGrainType, grain, first);

        Assert.Equal("2", first.ETag);
        Assert.Equal(("1", "one", true), (second.ETag, second.State!.Value, second.RecordExists));

        // The second view still holds version 1: its write must not overwrite the newer state.
        second.State!.Value = "stale";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(ProbeGrainType, grain, second));
        // Nor may a view that never saw the row create it again.
        var unaware = new GrainState<ProbeState>(new ProbeState { Value = "unaware" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(ProbeGrainType, grain, unaware));

        var stored = await ReadAsync(storage, grain);
        Assert.Equal(("2", "two"), (stored.ETag, stored.State!.Value));
        Assert.Equal([1], stored.State!.Numbers);
        first.State!.Numbers.Add(2);
        await storage.WriteStateAsync(ProbeGrainType, grain, first);
        Assert.Equal("3", first.ETag);
    }

    [Fact]
    public async Task Concurrent_writers_of_one_version_let_exactly_one_through()
    {
        var storage = Storage(CxStorage.Name);
        var grain = GrainId.Create(ProbeGrainType, Guid.NewGuid().ToString("N"));
        await storage.WriteStateAsync(ProbeGrainType, grain, new GrainState<ProbeState>(new ProbeState { Value = "start" }));

        var views = Enumerable.Range(0, 8)
            .Select(i => new GrainState<ProbeState>(new ProbeState { Value = $"writer {i}" }) { ETag = "1", RecordExists = true })
            .ToArray();
        var writes = await Task.WhenAll(views.Select(async view =>
        {
            try
            {
                await storage.WriteStateAsync(ProbeGrainType, grain, view);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        var winner = Assert.Single(views.Where((_, i) => writes[i]));
        var stored = await ReadAsync(storage, grain);
        Assert.Equal(("2", winner.State!.Value), (stored.ETag, stored.State!.Value));
    }

    [Fact]
    public async Task Clear_keeps_the_version_so_stale_views_stay_refused()
    {
        var storage = Storage(CxStorage.Name);
        var grain = GrainId.Create(ProbeGrainType, Guid.NewGuid().ToString("N"));
        var state = new GrainState<ProbeState>(new ProbeState { Value = "kept" });
        await storage.WriteStateAsync(ProbeGrainType, grain, state);
        var stale = new GrainState<ProbeState>(new ProbeState()) { ETag = state.ETag, RecordExists = true };

        await storage.ClearStateAsync(ProbeGrainType, grain, state);

        Assert.Equal(("2", false, null), (state.ETag, state.RecordExists, state.State!.Value));
        var read = new GrainState<ProbeState>(new ProbeState { Value = "leftover" });
        await storage.ReadStateAsync(ProbeGrainType, grain, read);
        Assert.Equal(("2", false, null), (read.ETag, read.RecordExists, read.State!.Value));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(ProbeGrainType, grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(ProbeGrainType, grain, stale));

        state.State!.Value = "again";
        await storage.WriteStateAsync(ProbeGrainType, grain, state);
        Assert.Equal("3", state.ETag);
    }

    [Fact]
    public async Task Delete_on_clear_removes_the_row_and_the_next_write_starts_over()
    {
        var storage = Storage(PostgresClusterFixture.DeletingStorage);
        var grain = GrainId.Create(ProbeGrainType, Guid.NewGuid().ToString("N"));
        var state = new GrainState<ProbeState>(new ProbeState { Value = "doomed" });
        await storage.WriteStateAsync(ProbeGrainType, grain, state);
        await storage.WriteStateAsync(ProbeGrainType, grain, state);
        var stale = new GrainState<ProbeState>(new ProbeState()) { ETag = "1", RecordExists = true };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(ProbeGrainType, grain, stale));
        await storage.ClearStateAsync(ProbeGrainType, grain, state);

        Assert.Equal((null, false), (state.ETag, state.RecordExists));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE grain_id_extension = @key", ("key", grain.Key.ToString())));
        var read = await ReadAsync(storage, grain);
        Assert.Equal((null, false), (read.ETag, read.RecordExists));

        await storage.WriteStateAsync(ProbeGrainType, grain, new GrainState<ProbeState>(new ProbeState { Value = "reborn" }));
        await storage.ReadStateAsync(ProbeGrainType, grain, read);
        Assert.Equal(("1", "reborn"), (read.ETag, read.State!.Value));
    }

    [Fact]
    public async Task A_reminder_is_stored_in_the_reminder_table_and_removed_on_unregister()
    {
        var probe = fixture.Grains.GetGrain<IReminderProbeGrain>($"r-{Guid.NewGuid():N}");
        var grainId = probe.GetGrainId().ToString();

        await probe.Register("nudge", TimeSpan.FromHours(1), TimeSpan.FromMinutes(2));
        var stored = await ReminderAsync(grainId, "nudge");
        await probe.Register("nudge", TimeSpan.FromHours(1), TimeSpan.FromMinutes(3));
        var updated = await ReminderAsync(grainId, "nudge");

        Assert.Equal((120_000L, 1), stored);
        Assert.Equal((180_000L, 2), updated);
        Assert.Equal(["nudge"], await probe.Registered());

        Assert.True(await probe.Unregister("nudge"));
        Assert.Null(await ReminderAsync(grainId, "nudge"));
        Assert.Empty(await probe.Registered());
    }

    /// <summary>What <paramref name="storage"/> holds for <paramref name="grain"/> now, read into a fresh state.</summary>
    private static async Task<GrainState<ProbeState>> ReadAsync(IGrainStorage storage, GrainId grain)
    {
        var read = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync(ProbeGrainType, grain, read);
        return read;
    }

    private IGrainStorage Storage(string name) =>
        ((InProcessSiloHandle)fixture.Cluster.Silos[0]).ServiceProvider.GetRequiredKeyedService<IGrainStorage>(name);

    private async Task<List<(int Port, int Generation, int Status, int ProxyPort)>> MembershipAsync()
    {
        await using var connection = await fixture.Database.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT port, generation, status, proxy_port FROM orleans_membership WHERE deployment_id = @id", connection);
        command.Parameters.AddWithValue("id", fixture.ClusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, int, int, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }
        return rows;
    }

    private async Task<(long PeriodMs, int Version)?> ReminderAsync(string grainId, string name)
    {
        await using var connection = await fixture.Database.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT period_ms, version FROM orleans_reminder WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name",
            connection);
        command.Parameters.AddWithValue("service", fixture.ServiceId);
        command.Parameters.AddWithValue("grain", grainId);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt32(1)) : null;
    }
}
