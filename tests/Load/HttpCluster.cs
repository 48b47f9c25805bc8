using CxCluster.TestSupport;
using CxCluster.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace CxCluster.Load;

/// <summary>
/// Real silos (each its own host, on free loopback ports, in memory) and the real API on Kestrel at 127.0.0.1:0, all
/// in this process, started as the API tests start them, with one tenant whose key the load driver uses.
/// </summary>
public sealed class HttpCluster : IAsyncDisposable
{
    public const string ApiKey = "load-key";

    /// <summary>The tenant, its key, no rate limit, and no start-up chatter: the silos and the API read the same settings.</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        [$"Tenants:{InProcessLoad.Tenant}:ApiKeys:0"] = ApiKey,
        [$"Tenants:{InProcessLoad.Tenant}:BrandName"] = "Load",
        // The scripted agents complete without accepting offers or writing first.
        ["Routing:OfferTimeoutSeconds"] = "0",
        ["Routing:FirstReplySeconds"] = "0",
        ["RateLimiting:PermitsPerSecond"] = "0",
    };

    /// <summary>
    /// The push benchmark's settings on top: webhooks to loopback allowed (the receivers run here), and facts looked for
    /// as soon as they are appended.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> PushSettings = new Dictionary<string, string?>
    {
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:AllowLoopbackHttp"] = "true",
    };

    private readonly List<IHost> _silos = [];
    private WebApplication? _api;

    private HttpCluster()
    {
    }

    public Uri Address { get; private set; } = null!;

    public static async Task<HttpCluster> StartAsync(int silos, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var cluster = new HttpCluster();
        try
        {
            await cluster.StartCoreAsync(Math.Max(1, silos), extra);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public Task WaitUntilReadyAsync() => LocalCluster.WaitUntilReadyAsync(Address, LocalCluster.StartTimeout);

    public async ValueTask DisposeAsync()
    {
        await LocalCluster.StopAsync(_api);
        for (var i = _silos.Count - 1; i >= 0; i--)
        {
            await LocalCluster.StopAsync(_silos[i]);
        }
    }

    private async Task StartCoreAsync(int silos, IReadOnlyDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var clusterId = $"cxcluster-load-{Guid.NewGuid():N}"[..24];
        var ports = FreePorts.Take(2 * silos);
        // The silos share one journal, as silos share the database.
        var journal = new CxCluster.Grains.Journal.MemoryFactJournal();
        for (var i = 0; i < silos; i++)
        {
            var own = new LocalCluster.SiloPorts(ports[2 * i], ports[2 * i + 1]);
            _silos.Add(await LocalCluster.StartSiloAsync(clusterId, own, i == 0 ? null : ports[0], settings, journal));
        }
        _api = LocalCluster.BuildApi(clusterId, Enumerable.Range(0, silos).Select(i => ports[2 * i + 1]), settings);
        await _api.StartAsync();
        Address = LocalCluster.AddressOf(_api);
    }
}
