using CxCluster.Grains.Conversations;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Push;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using CxCluster.Grains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

namespace CxCluster.Grains;

/// <summary>Registers what the CxCluster grains need on a silo.</summary>
public static class GrainsHostingExtensions
{
    /// <summary>
    /// Adds the clock, tenant policies, customer texts, conversation bounds and metrics, all from the host's
    /// <see cref="CxClusterSettings"/>, read (and checked) here unless the host read them already.
    /// </summary>
    public static ISiloBuilder AddCxClusterGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        // Conversations score events no later than this clock's now; a host or a test may register its own first.
        silo.Services.TryAddSingleton(TimeProvider.System);
        var settings = silo.Services.AddCxClusterSettings(configuration);
        silo.Services.AddSingleton(new TenantDirectory(settings));
        silo.Services.AddSingleton<CustomerTexts>();
        silo.Services.AddSingleton<CxMetrics>();
        silo.Services.AddMetrics();
        // Idle conversations leave memory after their own idle time; Orleans' collector looks every minute, or twice per
        // idle time when that is shorter (it wants every idle time above its period).
        var idle = settings.Conversations.IdleAfter;
        silo.Services.AddOptions<GrainCollectionOptions>().Configure(collection =>
        {
            if (collection.CollectionQuantum >= idle)
            {
                collection.CollectionQuantum = idle / 2;
            }
            collection.ClassSpecificCollectionAge[typeof(ConversationGrain).FullName!] = idle;
        });
        // Reconciliation reminders tick at the handoffs' period, which may be shorter than Orleans' default minimum.
        AllowReminderPeriod(silo.Services, settings.Handoffs.ReconcileInterval);
        silo.Services.AddSingleton<StreamCursors>();
        silo.Services.AddSingleton<TenantFeeds>();
        silo.AddCxClusterWebhooks(settings.Webhooks);
        silo.Services.AddSingleton<CrashPoints>();
        silo.Services.AddSingleton<JsonEncoders>();
        silo.Services.AddSingleton<ConversationServices>();
        silo.Services.AddSingleton<RetentionSweeper>();
        silo.Services.AddHostedService(provider => provider.GetRequiredService<RetentionSweeper>());
        silo.AddIncomingGrainCallFilter<DropOnFailureFilter>();
        // The embedded default's journal, unless the host registers another (the silo's PostgreSQL journal).
        if (!silo.Services.Any(d => d.ServiceType == typeof(IFactJournal)))
        {
            silo.Services.AddMemoryFactJournal();
        }
        return silo;
    }

    /// <summary>
    /// The embedded default's in-memory grain storage. States are copied with Orleans' own binary format, not the
    /// provider's default JSON, which took a large share of the CPU per event.
    /// </summary>
    public static ISiloBuilder AddCxClusterMemoryStorage(this ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(CxStorage.Name, storage => storage.Configure<Orleans.Serialization.Serializer>((options, serializer) =>
            options.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer)));

    /// <summary>Lets reminders tick as often as <paramref name="period"/>, below Orleans' default minimum if need be.</summary>
    internal static void AllowReminderPeriod(IServiceCollection services, TimeSpan period) =>
        services.AddOptions<ReminderOptions>().Configure(reminders =>
        {
            if (period < reminders.MinimumReminderPeriod)
            {
                reminders.MinimumReminderPeriod = period;
            }
        });
}
