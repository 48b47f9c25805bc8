using CxCluster.Api;
using CxCluster.ServiceDefaults;
using CxCluster.Silo;
using CxCluster.Silo.Health;

namespace CxCluster.Server;

/// <summary>Builds one process that is both a CxCluster silo and its API.</summary>
public static class CxClusterServer
{
    /// <summary>
    /// The silo (<see cref="SiloHostingExtensions.AddCxClusterSilo"/>) with its health port, and the API in front of it,
    /// which calls the grains through the silo's own client; <paramref name="configure"/> runs first, so it can add
    /// configuration (tests do).
    /// </summary>
    public static WebApplication CreateApp(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddCxClusterTelemetry(servesHttp: true);
        builder.AddCxClusterSilo();
        builder.AddCxClusterSiloHealth();
        builder.AddCxClusterApi(cohosted: true);
        return builder.Build().MapCxClusterApi();
    }
}
