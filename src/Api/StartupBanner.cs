using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CxCluster.Api;

/// <summary>Says once, at start-up, where the API listens, which cluster it joined and which tenants it serves.</summary>
public sealed partial class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    TenantKeyRing tenants,
    ClusterSettings cluster,
    ApiHosting hosting,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Co-hosted, the silo beside it has said this already.
        if (tenants.IsEmbeddedDemo && !hosting.Cohosted)
        {
            LogEmbeddedDemo(logger, EmbeddedDefault.TenantId, EmbeddedDefault.ApiKey);
        }
        foreach (var tenantId in tenants.TenantsWithoutKeys)
        {
            LogTenantWithoutKeys(logger, tenantId);
        }
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (hosting.Cohosted)
            {
                LogListeningCohosted(logger, string.Join(", ", addresses), cluster.ClusterId, string.Join(", ", tenants.TenantIds));
                return;
            }
            LogListening(
                logger,
                string.Join(", ", addresses),
                cluster.ClusterId,
                string.Join(", ", cluster.GatewayPorts),
                string.Join(", ", tenants.TenantIds));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "CxCluster API now listening on {Addresses}; cluster {ClusterId} via gateway ports {GatewayPorts}; tenants {Tenants}")]
    private static partial void LogListening(ILogger logger, string addresses, string clusterId, string gatewayPorts, string tenants);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "CxCluster API now listening on {Addresses}; cluster {ClusterId} through the silo in this process; tenants {Tenants}")]
    private static partial void LogListeningCohosted(ILogger logger, string addresses, string clusterId, string tenants);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No Tenants configured: serving the embedded demo tenant '{TenantId}' with key '{ApiKey}'. Configure Tenants:{{id}}:ApiKeys for real use.")]
    private static partial void LogEmbeddedDemo(ILogger logger, string tenantId, string apiKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} has no API keys; no request can act for it")]
    private static partial void LogTenantWithoutKeys(ILogger logger, string tenantId);
}

/// <summary>How the API reaches the cluster: through gateways as a client (its own process), or through a silo in its process.</summary>
/// <param name="Cohosted">True when a silo runs in the same process.</param>
public sealed record ApiHosting(bool Cohosted);
