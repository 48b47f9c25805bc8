using System.Net;
using System.Net.Sockets;
using CxCluster.Api;
using CxCluster.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxCluster.Load;

/// <summary>
/// Real silos (each its own host, on free loopback ports, in memory) and the real API on Kestrel at 127.0.0.1:0, all
/// in this process, with one tenant whose key the load driver uses.
/// </summary>
public sealed class HttpCluster : IAsyncDisposable
{
    public const string ApiKey = "load-key";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<IHost> _silos = [];
    private WebApplication? _api;

    private HttpCluster()
    {
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>Keys, policy, quiet logging and no rate limit: the silos and the API read the same settings.</summary>
    private static Dictionary<string, string?> Settings() => new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Warning",
        [$"Tenants:{InProcessLoad.Tenant}:ApiKeys:0"] = ApiKey,
        [$"Tenants:{InProcessLoad.Tenant}:BrandName"] = "Load",
        ["RateLimiting:PermitsPerSecond"] = "0",
    };

    public static async Task<HttpCluster> StartAsync(int silos)
    {
        var cluster = new HttpCluster();
        try
        {
            await cluster.StartCoreAsync(Math.Max(1, silos));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(int silos)
    {
        var clusterId = $"cxcluster-load-{Guid.NewGuid():N}"[..24];
        var ports = FreePorts(2 * silos);
        var primarySiloPort = ports[0];
        for (var i = 0; i < silos; i++)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(Settings());
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cluster:ClusterId"] = clusterId,
                ["Cluster:ServiceId"] = "cxcluster-load",
                ["Cluster:SiloPort"] = ports[2 * i].ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Cluster:GatewayPort"] = ports[2 * i + 1].ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Cluster:PrimarySiloPort"] = primarySiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            builder.AddCxClusterSilo();
            var silo = builder.Build();
            _silos.Add(silo);
            using var timeout = new CancellationTokenSource(StartTimeout);
            await silo.StartAsync(timeout.Token);
        }

        var api = new Dictionary<string, string?>
        {
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = "cxcluster-load",
        };
        for (var i = 0; i < silos; i++)
        {
            api[$"Cluster:GatewayPorts:{i}"] = ports[2 * i + 1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        _api = CxClusterApi.CreateApp([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(Settings());
            builder.Configuration.AddInMemoryCollection(api);
        });
        await _api.StartAsync();
        Address = new Uri(_api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the API did not become ready");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.StopAsync();
            await _api.DisposeAsync();
        }
        for (var i = _silos.Count - 1; i >= 0; i--)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _silos[i].StopAsync(timeout.Token);
            }
            finally
            {
                _silos[i].Dispose();
            }
        }
    }

    /// <summary>Distinct TCP ports free on loopback, each held until all are found.</summary>
    private static int[] FreePorts(int count)
    {
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            }
            return [.. sockets.Select(s => ((IPEndPoint)s.LocalEndPoint!).Port)];
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }
}
