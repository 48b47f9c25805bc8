using Orleans.Runtime;

namespace CxCluster.Silo.Health;

/// <summary>Adds the silo's health endpoints on <c>Cluster:HealthPort</c>.</summary>
public static class SiloHealthExtensions
{
    /// <summary>
    /// Serves <c>/health/live</c>, <c>/health/startup</c> and <c>/health/ready</c> on <c>Cluster:HealthPort</c> (0: not at
    /// all), in a silo or a process that is silo and API alike. Call after <see cref="SiloHostingExtensions.AddCxClusterSilo"/>.
    /// </summary>
    public static IHostApplicationBuilder AddCxClusterSiloHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SiloHealth>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<SiloHealth>());
        builder.Services.AddSingleton<SiloHealthServer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SiloHealthServer>());
        return builder;
    }

    /// <summary>Starts the health listener now, if the host has one, so it answers while the silo still waits for its database.</summary>
    internal static async Task<string?> StartSiloHealthAsync(this IServiceProvider services)
    {
        if (services.GetService<SiloHealthServer>() is not { } health)
        {
            return null;
        }
        try
        {
            await health.StartAsync(CancellationToken.None);
            return null;
        }
        catch (IOException bad)
        {
            return $"{ClusterSettings.Section}:HealthPort {health.Port} cannot be used: {bad.Message}";
        }
    }
}
