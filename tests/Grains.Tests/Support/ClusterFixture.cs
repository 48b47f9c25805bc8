using Microsoft.Extensions.Configuration;

namespace CxCluster.Grains.Tests.Support;

/// <summary>A real two-silo Orleans cluster in this process, with the CxCluster grains on in-memory storage.</summary>
public sealed class ClusterFixture() : TwoSiloFixture(Configuration)
{
    public const string Tenant = "acme";
    public const string OtherTenant = "globex";
    /// <summary>A tenant whose message texts are kept for one day.</summary>
    public const string RetainingTenant = "keeper";
    /// <summary>A tenant whose waiting conversations may go to agents of their language on any channel after one second.</summary>
    public const string WideningTenant = "widening";

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Tenants:{Tenant}:BrandName"] = "Acme",
            [$"Tenants:{Tenant}:DefaultChannel"] = "chat",
            [$"Tenants:{Tenant}:DefaultLocale"] = "en-US",
            [$"Tenants:{OtherTenant}:DefaultLocale"] = "id-ID",
            [$"Tenants:{RetainingTenant}:MessageRetentionDays"] = "1",
            // Every tenant assigns at once and waits forever for a first reply, as before offers (OfferClusterFixture offers).
            ["Routing:OfferTimeoutSeconds"] = "0",
            ["Routing:FirstReplySeconds"] = "0",
            // This one widens a conversation's wait to any channel of its language after one second.
            [$"Tenants:{WideningTenant}:Routing:Steps:0:after"] = "0",
            [$"Tenants:{WideningTenant}:Routing:Steps:0:match"] = "language+channel",
            [$"Tenants:{WideningTenant}:Routing:Steps:1:after"] = "1",
            [$"Tenants:{WideningTenant}:Routing:Steps:1:match"] = "language",
            ["Conversations:TranscriptTurns"] = "20",
            // Reconciliation rounds every second, so repairs after an injected crash show within a test's patience.
            ["Handoffs:ReconcileSeconds"] = "1",
        })
        .Build();

}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
