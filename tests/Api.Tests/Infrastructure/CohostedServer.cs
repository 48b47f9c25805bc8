using CxCluster.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace CxCluster.Api.Tests.Infrastructure;

/// <summary>The one-process server (silo and API, as the embedded run starts it), for tests that run it in their own process.</summary>
internal static class CohostedServer
{
    /// <summary>
    /// Builds the server with <paramref name="settings"/> for a silo of its own cluster on <paramref name="ports"/> and its
    /// API on a free loopback port, lets <paramref name="configure"/> add to it, and starts it (stopped again if it fails to).
    /// </summary>
    public static async Task<WebApplication> StartAsync(string clusterId, LocalCluster.SiloPorts ports,
        IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var server = CxClusterServer.CreateApp([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            TestHostLifetime.Use(builder.Services);
            builder.Configuration.AddInMemoryCollection(LocalCluster.SiloSettings(clusterId, ports, primarySiloPort: null, settings));
            configure?.Invoke(builder);
        });
        try
        {
            using var timeout = new CancellationTokenSource(LocalCluster.StartTimeout);
            await server.StartAsync(timeout.Token);
            return server;
        }
        catch
        {
            await LocalCluster.StopAsync(server);
            throw;
        }
    }
}
