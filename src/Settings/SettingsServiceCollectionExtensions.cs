using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.Settings;

/// <summary>Registers the settings a host runs with.</summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Reads and checks the settings the first time a host asks, and registers them (with their <see cref="ClusterSettings"/>);
    /// later calls on the same services return what was read then, so each host reads its configuration once.
    /// </summary>
    public static CxClusterSettings AddCxClusterSettings(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(CxClusterSettings))?.ImplementationInstance is CxClusterSettings read)
        {
            return read;
        }
        var settings = CxClusterSettings.Read(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Cluster);
        return settings;
    }
}
