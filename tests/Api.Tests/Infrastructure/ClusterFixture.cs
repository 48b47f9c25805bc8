using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace CxCluster.Api.Tests.Infrastructure;

/// <summary>
/// One real cluster for the whole test assembly: two silos and the API over HTTP on loopback, with two tenants.
/// Tests share it, so each uses its own conversation and agent ids.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string ClusterId = "cxcluster-api-tests";
    public const string AcmeKey = "acme-key-1";
    public const string AcmeSecondKey = "acme-key-2";
    public const string GlobexKey = "globex-key";
    /// <summary>The key of the tenant whose agents get offers (4 s to answer) and must reply within 6 s.</summary>
    public const string InitechKey = "initech-key";
    /// <summary>Read-only keys of acme's and initech's supervisors.</summary>
    public const string AcmeSupervisorKey = "acme-supervisor-key";
    public const string InitechSupervisorKey = "initech-supervisor-key";

    /// <summary>Keys and policies of both tenants; the silos read the same section for the policies.</summary>
    public static IReadOnlyDictionary<string, string?> TenantSettings { get; } = new Dictionary<string, string?>
    {
        ["Tenants:acme:ApiKeys:0"] = AcmeKey,
        ["Tenants:acme:ApiKeys:1"] = AcmeSecondKey,
        ["Tenants:acme:SupervisorKeys:0"] = AcmeSupervisorKey,
        ["Tenants:acme:BrandName"] = "Acme",
        ["Tenants:acme:DefaultChannel"] = "chat",
        ["Tenants:acme:DefaultLocale"] = "id-ID",
        ["Tenants:globex:ApiKeys:0"] = GlobexKey,
        ["Tenants:globex:BrandName"] = "Globex",
        ["Tenants:globex:DefaultLocale"] = "en-US",
        // acme and globex assign at once and wait forever for a first reply, as before offers; initech offers.
        ["Routing:OfferTimeoutSeconds"] = "0",
        ["Routing:FirstReplySeconds"] = "0",
        ["Tenants:initech:ApiKeys:0"] = InitechKey,
        ["Tenants:initech:SupervisorKeys:0"] = InitechSupervisorKey,
        ["Tenants:initech:BrandName"] = "Initech",
        ["Tenants:initech:DefaultLocale"] = "en-US",
        ["Tenants:initech:Routing:OfferTimeoutSeconds"] = "4",
        ["Tenants:initech:Routing:FirstReplySeconds"] = "6",
        // The live stream's timings, short enough for tests to see them.
        ["Stream:KeepAliveSeconds"] = "1",
        ["Stream:SlowClientSeconds"] = "2",
        // Receivers as a cluster on a database allows them (state in memory would allow loopback http).
        ["Webhooks:AllowLoopbackHttp"] = "false",
    };

    private IHost? primarySilo;
    private IHost? secondSilo;
    private WebApplication? api;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<int> GatewayPorts { get; private set; } = [];

    public ApiClient Acme { get; private set; } = null!;

    public ApiClient AcmeWithSecondKey { get; private set; } = null!;

    public ApiClient Globex { get; private set; } = null!;

    /// <summary>The tenant whose agents get offers.</summary>
    public ApiClient Initech { get; private set; } = null!;

    /// <summary>Acme's supervisor key: reads only.</summary>
    public ApiClient AcmeSupervisor { get; private set; } = null!;

    /// <summary>No Authorization header at all.</summary>
    public ApiClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(4);
        var primary = new LocalCluster.SiloPorts(ports[0], ports[1]);
        var second = new LocalCluster.SiloPorts(ports[2], ports[3]);
        GatewayPorts = [primary.GatewayPort, second.GatewayPort];

        // The two silos share one journal, as silos share the database: a conversation's facts are read on either.
        var journal = new CxCluster.Grains.Journal.MemoryFactJournal();
        primarySilo = await LocalCluster.StartSiloAsync(ClusterId, primary, primarySiloPort: null, TenantSettings, journal);
        secondSilo = await LocalCluster.StartSiloAsync(ClusterId, second, primary.SiloPort, TenantSettings, journal);

        api = LocalCluster.BuildApi(ClusterId, GatewayPorts, TenantSettings);
        await api.StartAsync();
        Address = LocalCluster.AddressOf(api);
        await LocalCluster.WaitUntilReadyAsync(Address, LocalCluster.StartTimeout);

        Acme = ApiClient.For(Address, AcmeKey);
        AcmeWithSecondKey = ApiClient.For(Address, AcmeSecondKey);
        Globex = ApiClient.For(Address, GlobexKey);
        Initech = ApiClient.For(Address, InitechKey);
        AcmeSupervisor = ApiClient.For(Address, AcmeSupervisorKey);
        Anonymous = ApiClient.For(Address, key: null);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { Acme, AcmeWithSecondKey, Globex, Initech, AcmeSupervisor, Anonymous })
        {
            client?.Dispose();
        }
        await LocalCluster.StopAsync(api);
        await LocalCluster.StopAsync(secondSilo);
        await LocalCluster.StopAsync(primarySilo);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
