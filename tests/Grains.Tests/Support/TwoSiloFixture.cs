using CxCluster.Grains.Journal;
using CxCluster.TestSupport.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CxCluster.Grains.Tests.Support;

/// <summary>A real two-silo Orleans cluster in this process on in-memory storage, both silos appending to one journal.</summary>
public abstract class TwoSiloFixture(IConfiguration configuration, Action<ISiloBuilder>? silo = null) : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The journal every silo of the cluster appends to.</summary>
    public MemoryFactJournal Journal { get; } = new();

    public async Task InitializeAsync() => Cluster = await InProcessCluster.StartAsync(2, configuration, journal: Journal,
        configure: silo is null ? null : builder => builder.ConfigureSilo((_, siloBuilder) => silo(siloBuilder)));

    public async Task DisposeAsync()
    {
        await ClusterStop.StopAsync(Cluster);
    }
}
