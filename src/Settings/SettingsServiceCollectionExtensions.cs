using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.Settings;

/// <summary>Registers the settings a host runs with.</summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Reads and checks the settings the first time a host asks, and registers them with each of their sections (a
    /// service takes the section it uses); later calls on the same services with the same configuration return what was
    /// read then, so each host reads its configuration once. A later call with another configuration throws: its values
    /// would otherwise be ignored without a word.
    /// </summary>
    public static CxClusterSettings AddCxClusterSettings(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(ReadFrom))?.ImplementationInstance is ReadFrom read)
        {
            return ReferenceEquals(read.Configuration, configuration)
                ? read.Settings
                : throw new InvalidOperationException(
                    "The settings of this host were already read from another configuration; read them once, from the configuration the host runs with.");
        }
        var settings = CxClusterSettings.Read(configuration);
        services.AddSingleton(new ReadFrom(configuration, settings));
        services.AddSingleton(settings);
        services.AddSingleton(settings.Cluster);
        services.AddSingleton(settings.Conversations);
        services.AddSingleton(settings.Handoffs);
        services.AddSingleton(settings.Push);
        services.AddSingleton(settings.Webhooks);
        services.AddSingleton(settings.Journal);
        services.AddSingleton(settings.Testing);
        return settings;
    }

    /// <summary>Which configuration a host's settings were read from.</summary>
    private sealed record ReadFrom(IConfiguration Configuration, CxClusterSettings Settings);
}
