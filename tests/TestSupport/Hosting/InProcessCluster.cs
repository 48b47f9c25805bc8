using CxCluster.Grains;
using CxCluster.Grains.Journal;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CxCluster.TestSupport.Hosting;

/// <summary>
/// A multi-silo Orleans cluster in this process with the CxCluster grains and in-memory reminders, on memory storage
/// unless <c>storage</c> says otherwise.
/// </summary>
public static class InProcessCluster
{
    /// <summary>Starts <paramref name="silos"/> silos and a client; <paramref name="configure"/> sees the builder first.</summary>
    public static async Task<InProcessTestCluster> StartAsync(
        short silos, IConfiguration configuration, Action<ISiloBuilder>? storage = null, Action<InProcessTestClusterBuilder>? configure = null,
        MemoryFactJournal? journal = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        configure?.Invoke(builder);
        // One journal for every silo of the process, as one database would be.
        journal ??= new MemoryFactJournal();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddMemoryFactJournal(journal);
            if (storage is null)
            {
                silo.AddCxClusterMemoryStorage();
            }
            else
            {
                storage(silo);
            }
            silo.UseInMemoryReminderService();
            silo.AddCxClusterGrains(configuration);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            // Silos already started would outlive the failed start and keep the test process from ending.
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }
}
