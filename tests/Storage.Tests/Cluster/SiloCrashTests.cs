using System.Text.Json;
using CxCluster.Storage.Tests.Infrastructure;
using CxCluster.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CxCluster.Storage.Tests.Cluster;

/// <summary>
/// A silo killed (not stopped) on ADO.NET clustering: the survivor declares it dead through the membership table, its
/// conversations come back from storage, and the defunct row can be cleaned up. A cluster of its own, as it loses a silo.
/// </summary>
public sealed class SiloCrashTests : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;

    private PostgresDatabase _database = null!;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _cluster = await PostgresClusterFixture.DeployAsync(_database, quickDeathDetection: true);
    }

    public async Task DisposeAsync()
    {
        await ClusterStop.StopAsync(_cluster);
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_killed_silo_is_declared_dead_and_its_conversation_comes_back_from_storage()
    {
        var key = $"{PostgresClusterFixture.Tenant}/c-{Guid.NewGuid():N}";
        var conversation = _cluster.GrainFactory.GetGrain<IConversationGrain>(key);
        // Times finer than the microsecond PostgreSQL keeps: the conversation rebuilt from its facts must still be the live one.
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(7 - now.UtcTicks % TimeSpan.TicksPerMicrosecond);
        await conversation.Apply(new ConversationStartedEvent
        {
            Id = "e1", OccurredAt = now, Channel = Channel.Sms, Locale = "en-US",
        });
        await conversation.Apply(new CustomerMessageEvent
        {
            Id = "e2", OccurredAt = now.AddTicks(1_234_567), Text = "my card is 4111 1111 1111 1111",
        });
        var before = JsonSerializer.Serialize(await conversation.GetSnapshot());
        var host = await _cluster.GrainFactory.GetGrain<IManagementGrain>(0).GetActivationAddress((IAddressable)conversation);
        var victim = _cluster.Silos.Single(s => s.SiloAddress.Equals(host));
        var survivor = (InProcessSiloHandle)_cluster.Silos.Single(s => !s.SiloAddress.Equals(host));

        await _cluster.KillSiloAsync(victim);

        await Eventually.ReturnsAsync(
            () => StatusAsync(victim.SiloAddress), status => status == Dead, TimeSpan.FromSeconds(60),
            "the survivor to declare the killed silo dead in orleans_membership");
        var after = await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    return JsonSerializer.Serialize(await conversation.GetSnapshot().WaitAsync(TimeSpan.FromSeconds(5)));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return $"unavailable: {e.GetType().Name}";
                }
            },
            snapshot => !snapshot.StartsWith("unavailable", StringComparison.Ordinal), TimeSpan.FromSeconds(60),
            "the conversation to be reachable again");
        Assert.Equal(before, after);
        Assert.Equal(Active, await StatusAsync(survivor.SiloAddress));

        // The provider's clean-up of defunct silos (per-row statement) removes the dead row only.
        var table = survivor.ServiceProvider.GetRequiredService<IMembershipTable>();
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Null(await StatusAsync(victim.SiloAddress));
        Assert.Equal(Active, await StatusAsync(survivor.SiloAddress));
    }

    private Task<int?> StatusAsync(SiloAddress silo) => _database.ScalarAsync<int?>(
        "SELECT status FROM orleans_membership WHERE deployment_id = @id AND address = @address AND port = @port AND generation = @generation",
        ("id", _cluster.Options.ClusterId),
        ("address", silo.Endpoint.Address.ToString()),
        ("port", silo.Endpoint.Port),
        ("generation", silo.Generation));
}
