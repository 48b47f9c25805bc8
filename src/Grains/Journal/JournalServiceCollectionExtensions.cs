using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.Grains.Journal;

/// <summary>Registers the memory journal.</summary>
public static class JournalServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="IFactJournal"/> a <see cref="MemoryFactJournal"/>: <paramref name="shared"/> when given (the
    /// silos of a test cluster in one process then share one journal), otherwise one of this container's own.
    /// </summary>
    public static IServiceCollection AddMemoryFactJournal(this IServiceCollection services, MemoryFactJournal? shared = null)
    {
        if (shared is null)
        {
            services.AddSingleton(provider => new MemoryFactJournal(provider.GetService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton(shared);
        }
        services.AddSingleton<IFactJournal>(provider => provider.GetRequiredService<MemoryFactJournal>());
        return services;
    }
}
