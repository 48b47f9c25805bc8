namespace CxCluster.Api.Cluster;

/// <summary>Makes the API an Orleans client of the CxCluster silos.</summary>
public static class ClusterClientExtensions
{
    /// <summary>
    /// Adds the cluster client: localhost clustering on <c>Cluster:GatewayPorts</c>, activity propagation, and retries
    /// while the silos are still starting.
    /// </summary>
    public static IHostApplicationBuilder AddCxClusterClient(this IHostApplicationBuilder builder)
    {
        var cluster = ClusterConnectionOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(cluster);
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering([.. cluster.GatewayPorts], cluster.ServiceId, cluster.ClusterId);
            client.AddActivityPropagation();
            client.UseConnectionRetryFilter<ClusterConnectionRetryFilter>();
        });
        return builder;
    }
}
