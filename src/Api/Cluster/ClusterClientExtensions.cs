using CxCluster.ServiceDefaults;
using Orleans.Configuration;
namespace CxCluster.Api.Cluster;

/// <summary>Makes the API an Orleans client of the CxCluster silos.</summary>
public static class ClusterClientExtensions
{
    /// <summary>
    /// Adds the cluster client: gateways from the PostgreSQL membership table when <c>ConnectionStrings:CxCluster</c>
    /// is set, otherwise localhost clustering on <c>Cluster:GatewayPorts</c>; the response timeout and gateway refresh
    /// from <c>Cluster:*</c>; activity propagation; and retries while the cluster cannot be reached. The HTTP server
    /// starts alongside, so health checks answer and callers get 503 instead of a refused connection while the cluster
    /// or its database is down.
    /// </summary>
    public static IHostApplicationBuilder AddCxClusterClient(this IHostApplicationBuilder builder)
    {
        var settings = builder.Services.AddCxClusterSettings(builder.Configuration);
        var cluster = settings.Cluster;
        builder.Services.Configure<HostOptions>(host => host.ServicesStartConcurrently = true);
        builder.UseOrleansClient(client =>
        {
            if (settings.ConnectionString is { } connectionString)
            {
                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = cluster.ClusterId;
                    options.ServiceId = cluster.ServiceId;
                });
                client.UseAdoNetClustering(clustering =>
                {
                    clustering.Invariant = DatabaseDefaults.Invariant;
                    clustering.ConnectionString = connectionString;
                });
            }
            else
            {
                client.UseLocalhostClustering([.. cluster.GatewayPorts], cluster.ServiceId, cluster.ClusterId);
            }
            // Fail fast: a call whose gateway or silo died is only ever failed by its response timeout on a client, so the
            // timeout is what bounds a 503 then; and dead gateways leave, new ones join, within one refresh.
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = cluster.ResponseTimeout);
            client.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = cluster.GatewayRefresh);
            client.AddActivityPropagation();
            client.UseConnectionRetryFilter<ClusterConnectionRetryFilter>();
            // Database failures inside the cluster arrive as what they are, and are answered 503 (ClusterFaults).
            client.Services.AddDatabaseFailureTransport();
        });
        return builder;
    }
}
