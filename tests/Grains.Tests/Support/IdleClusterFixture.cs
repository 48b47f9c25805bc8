using Microsoft.Extensions.Configuration;

namespace CxCluster.Grains.Tests.Support;

/// <summary>Two silos whose conversations leave memory after <see cref="IdleSeconds"/> without a call.</summary>
public sealed class IdleClusterFixture() : TwoSiloFixture(Configuration)
{
    public const int IdleSeconds = 3;
    public const int FirstReplySeconds = 15;

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conversations:IdleSeconds"] = IdleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Assigned at once, with a first reply due well after the idle time.
            ["Routing:OfferTimeoutSeconds"] = "0",
            ["Routing:FirstReplySeconds"] = FirstReplySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The reconciliation reminder (which counts as a call) comes seldom, so it does not keep a held conversation in.
            ["Handoffs:ReconcileSeconds"] = "120",
        })
        .Build();
}

[CollectionDefinition(Name)]
public sealed class IdleClusterCollection : ICollectionFixture<IdleClusterFixture>
{
    public const string Name = "idle-cluster";
}
