using CxCluster.Grains;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CxCluster.Silo;

/// <summary>Turns a generic host into a CxCluster silo.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds the Orleans silo with the CxCluster grains. The embedded default clusters on localhost and keeps state in
    /// memory, needing no other service.
    /// </summary>
    public static IHostApplicationBuilder AddCxClusterSilo(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: options.SiloPort,
                gatewayPort: options.GatewayPort,
                primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, options.PrimarySiloPort ?? options.SiloPort),
                serviceId: options.ServiceId,
                clusterId: options.ClusterId);
            silo.AddMemoryGrainStorage(CxStorage.Name);
            silo.AddActivityPropagation();
            silo.AddCxClusterGrains(builder.Configuration);
        });
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>Says, once the silo runs, where it listens and which tenants it serves.</summary>
    private sealed class StartupBanner(
        IOptions<EndpointOptions> endpoints,
        TenantDirectory tenants,
        ILogger<StartupBanner> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation(
                "CxCluster silo up: silo port {SiloPort}, gateway port {GatewayPort}, tenants {Tenants}",
                endpoints.Value.SiloPort, endpoints.Value.GatewayPort, string.Join(", ", tenants.TenantIds));
            if (tenants.IsEmbeddedDefault)
            {
                logger.LogWarning("No tenants configured: serving the embedded default tenant '{Tenant}' (API key demo-key). Configure Tenants:* for anything but a demo.",
                    TenantDirectory.DemoTenantId);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
