using CxCluster.Grains.Journal;
using CxCluster.TestSupport.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CxCluster.Grains.Tests.Support;

/// <summary>A real two-silo Orleans cluster in this process, with the CxCluster grains on in-memory storage.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Tenant = "acme";
    public const string OtherTenant = "globex";
    /// <summary>A tenant whose message texts are kept for one day.</summary>
    public const string RetainingTenant = "keeper";
    /// <summary>A tenant whose agents get offers (1.5 s to answer) and must reply within 2 s.</summary>
    public const string OffersTenant = "offers";

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Tenants:{Tenant}:BrandName"] = "Acme",
            [$"Tenants:{Tenant}:DefaultChannel"] = "chat",
            [$"Tenants:{Tenant}:DefaultLocale"] = "en-US",
            [$"Tenants:{OtherTenant}:DefaultLocale"] = "id-ID",
            [$"Tenants:{RetainingTenant}:MessageRetentionDays"] = "1",
            // The tenants above assign at once and wait forever for a first reply, as before offers.
            [$"Tenants:{Tenant}:Routing:OfferTimeoutSeconds"] = "0",
            [$"Tenants:{Tenant}:Routing:FirstReplySeconds"] = "0",
            [$"Tenants:{OtherTenant}:Routing:OfferTimeoutSeconds"] = "0",
            [$"Tenants:{OtherTenant}:Routing:FirstReplySeconds"] = "0",
            [$"Tenants:{RetainingTenant}:Routing:OfferTimeoutSeconds"] = "0",
            [$"Tenants:{RetainingTenant}:Routing:FirstReplySeconds"] = "0",
            // This one offers, with deadlines short enough for tests to see them pass.
            [$"Tenants:{OffersTenant}:DefaultLocale"] = "en-US",
            [$"Tenants:{OffersTenant}:Routing:OfferTimeoutSeconds"] = "1.5",
            [$"Tenants:{OffersTenant}:Routing:FirstReplySeconds"] = "2",
            ["Conversations:TranscriptTurns"] = "20",
            // Reconciliation rounds every second, so repairs after an injected crash show within a test's patience.
            ["Handoffs:ReconcileSeconds"] = "1",
        })
        .Build();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The journal every silo of the cluster appends to.</summary>
    public MemoryFactJournal Journal { get; } = new();

    public async Task InitializeAsync() => Cluster = await InProcessCluster.StartAsync(2, Configuration, journal: Journal);

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
