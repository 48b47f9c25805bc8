using CxCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace CxCluster.Api.Tests.Evidence;

/// <summary>
/// One silo and the API over HTTP on loopback, with the same two tenants as <see cref="ClusterFixture"/>. One silo,
/// because the evidence is read from the journal every silo shares: in PostgreSQL that is the whole cluster's, but a
/// memory journal is each silo's own, so a cluster of two in one process would split the conversations between two.
/// </summary>
public sealed class EvidenceClusterFixture : IAsyncLifetime
{
    private IHost? silo;
    private WebApplication? api;

    public ApiClient Acme { get; private set; } = null!;

    public ApiClient Globex { get; private set; } = null!;

    public ApiClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(2);
        var only = new LocalCluster.SiloPorts(ports[0], ports[1]);
        const string clusterId = "cxcluster-evidence-tests";
        silo = await LocalCluster.StartSiloAsync(clusterId, only, primarySiloPort: null, ClusterFixture.TenantSettings);
        api = LocalCluster.BuildApi(clusterId, [only.GatewayPort], ClusterFixture.TenantSettings);
        await api.StartAsync();
        var address = LocalCluster.AddressOf(api);
        await LocalCluster.WaitUntilReadyAsync(address, LocalCluster.StartTimeout);
        Acme = ApiClient.For(address, ClusterFixture.AcmeKey);
        Globex = ApiClient.For(address, ClusterFixture.GlobexKey);
        Anonymous = ApiClient.For(address, key: null);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { Acme, Globex, Anonymous })
        {
            client?.Dispose();
        }
        if (api is not null)
        {
            await api.StopAsync();
            await api.DisposeAsync();
        }
        await LocalCluster.StopAsync(silo);
    }
}
