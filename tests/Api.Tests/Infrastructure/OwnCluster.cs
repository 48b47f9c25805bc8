using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxCluster.Api.Tests.Infrastructure;

/// <summary>
/// A cluster of a test's own, not the shared one: one silo and the API in front of it, on free loopback ports, started
/// and ready, for tests whose settings or services differ from the shared cluster's.
/// </summary>
internal sealed class OwnCluster : IAsyncDisposable
{
    private OwnCluster(IHost silo, WebApplication api, Uri address) => (Silo, Api, Address) = (silo, api, address);

    public IHost Silo { get; }

    public WebApplication Api { get; }

    /// <summary>The API's address.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Starts the silo with <paramref name="siloSettings"/> (and <paramref name="siloServices"/>, which replace its own),
    /// then the API with <paramref name="apiSettings"/> (the silo's when null), and waits until the API is ready.
    /// </summary>
    public static async Task<OwnCluster> StartAsync(string clusterId, IReadOnlyDictionary<string, string?> siloSettings,
        IReadOnlyDictionary<string, string?>? apiSettings = null, Action<IServiceCollection>? siloServices = null)
    {
        var ports = FreePorts.Take(2);
        var siloPorts = new LocalCluster.SiloPorts(ports[0], ports[1]);
        var silo = await LocalCluster.StartSiloAsync(clusterId, siloPorts, primarySiloPort: null, siloSettings, services: siloServices);
        WebApplication? api = null;
        try
        {
            api = LocalCluster.BuildApi(clusterId, [siloPorts.GatewayPort], apiSettings ?? siloSettings);
            await api.StartAsync();
            var address = LocalCluster.AddressOf(api);
            await LocalCluster.WaitUntilReadyAsync(address, LocalCluster.StartTimeout);
            return new OwnCluster(silo, api, address);
        }
        catch
        {
            await LocalCluster.StopAsync(api);
            await LocalCluster.StopAsync(silo);
            throw;
        }
    }

    /// <summary>A client of the API with <paramref name="key"/>.</summary>
    public ApiClient Client(string key) => ApiClient.For(Address, key);

    public async ValueTask DisposeAsync()
    {
        await LocalCluster.StopAsync(Api);
        await LocalCluster.StopAsync(Silo);
    }
}
