using CxCluster.Grains.Journal;
using CxCluster.TestSupport.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CxCluster.Grains.Tests.Support;

/// <summary>
/// Two silos whose tenants get offers, with deadlines short enough for tests to see them pass: an agent has
/// <see cref="OfferSeconds"/> to answer an offer and <see cref="FirstReplySeconds"/> to write first once assigned.
/// </summary>
public sealed class OfferClusterFixture : IAsyncLifetime
{
    public const double OfferSeconds = 4;
    public const double FirstReplySeconds = 4;

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Routing:OfferTimeoutSeconds"] = OfferSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Routing:FirstReplySeconds"] = FirstReplySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Handoffs:ReconcileSeconds"] = "1",
        })
        .Build();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public MemoryFactJournal Journal { get; } = new();

    public async Task InitializeAsync() => Cluster = await InProcessCluster.StartAsync(2, Configuration, journal: Journal);

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class OfferClusterCollection : ICollectionFixture<OfferClusterFixture>
{
    public const string Name = "offer-cluster";
}
