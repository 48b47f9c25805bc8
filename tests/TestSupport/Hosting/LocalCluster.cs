using CxCluster.Grains.Journal;
using CxCluster.Api;
using CxCluster.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxCluster.TestSupport.Hosting;

/// <summary>Starts real silos and the real API in this process, on free loopback ports.</summary>
public static class LocalCluster
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The service every test cluster started here belongs to.</summary>
    public const string ServiceId = "cxcluster-tests";

    /// <summary>Logging quiet enough for a test run: warnings and worse.</summary>
    private static readonly IReadOnlyDictionary<string, string?> QuietLogging = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Warning",
    };

    public sealed record SiloPorts(int SiloPort, int GatewayPort);

    /// <summary>
    /// What a silo of the test cluster <paramref name="clusterId"/> is told, in process or as a process of its own:
    /// quiet logging, no health port, <paramref name="settings"/>, its ports and the silo it joins (null: it is the primary).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> SiloSettings(
        string clusterId, SiloPorts ports, int? primarySiloPort, IReadOnlyDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(QuietLogging, StringComparer.OrdinalIgnoreCase);
        // No health port unless asked for one: several silos share this host, and no test may take a fixed port.
        all["Cluster:HealthPort"] = "0";
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        all["Cluster:ClusterId"] = clusterId;
        all["Cluster:ServiceId"] = ServiceId;
        all["Cluster:SiloPort"] = ports.SiloPort.ToString();
        all["Cluster:GatewayPort"] = ports.GatewayPort.ToString();
        all["Cluster:PrimarySiloPort"] = (primarySiloPort ?? ports.SiloPort).ToString();
        return all;
    }

    /// <summary>
    /// Starts a silo; <paramref name="primarySiloPort"/> names the silo it joins (null: it is the primary). Silos of one
    /// process given the same <paramref name="journal"/> share it, as silos share PostgreSQL; without one, a silo on the
    /// embedded default keeps its own. <paramref name="services"/> runs last, so what it registers replaces the silo's own.
    /// </summary>
    public static async Task<IHost> StartSiloAsync(
        string clusterId, SiloPorts ports, int? primarySiloPort, IReadOnlyDictionary<string, string?> settings, MemoryFactJournal? journal = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(SiloSettings(clusterId, ports, primarySiloPort, settings));
        builder.AddCxClusterSilo();
        TestHostLifetime.Use(builder.Services);
        if (journal is not null)
        {
            builder.Services.AddMemoryFactJournal(journal);
        }
        services?.Invoke(builder.Services);
        var silo = builder.Build();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await silo.StartAsync(timeout.Token);
        return silo;
    }

    /// <summary>Builds the API as <see cref="CxClusterApi.CreateApp"/> does, on a free loopback port, talking to the given gateways.</summary>
    public static WebApplication BuildApi(
        string clusterId, IEnumerable<int> gatewayPorts, IReadOnlyDictionary<string, string?> settings)
    {
        var cluster = new Dictionary<string, string?>
        {
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = ServiceId,
        };
        var index = 0;
        foreach (var port in gatewayPorts)
        {
            cluster[$"Cluster:GatewayPorts:{index++}"] = port.ToString();
        }
        return CxClusterApi.CreateApp([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(QuietLogging);
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Configuration.AddInMemoryCollection(cluster);
            TestHostLifetime.Use(builder.Services);
        });
    }

    /// <summary>The address Kestrel actually bound, once the API has started.</summary>
    public static Uri AddressOf(WebApplication api) =>
        new(api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>Polls <c>/health/ready</c> until it answers 200.</summary>
    public static Task WaitUntilReadyAsync(Uri address, TimeSpan timeout) => Readiness.WaitAsync(address, timeout);

    /// <summary>How long stopping a host, then disposing it, may each take.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public static async Task StopAsync(IHost? host)
    {
        if (host is null)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await host.StopAsync(timeout.Token);
        }
        finally
        {
            // Bounded too, and on the thread pool: Orleans' disposal can block its caller on an activation's lock while a
            // shutdown cut short by the timeout still deactivates grains, and the bound must hold even then.
            var disposed = Task.Run(async () =>
            {
                if (host is IAsyncDisposable asyncDisposable)
                {
                    await asyncDisposable.DisposeAsync();
                }
                else
                {
                    host.Dispose();
                }
            });
            try
            {
                await disposed.WaitAsync(StopTimeout);
            }
            catch (TimeoutException) when (timeout.IsCancellationRequested)
            {
                // A silo whose shutdown was cut short keeps deactivating and cannot be disposed meanwhile; what is left of
                // it ends with the test process. A host that stopped in time and still cannot be disposed fails the test.
            }
        }
    }
}
