using CxCluster.Grains.Conversations;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Hosting;

namespace CxCluster.Grains;

/// <summary>Registers what the CxCluster grains need on a silo.</summary>
public static class GrainsHostingExtensions
{
    /// <summary>Adds the clock, tenant policies, customer texts, conversation bounds and metrics, read from configuration.</summary>
    public static ISiloBuilder AddCxClusterGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        // Conversations score events no later than this clock's now; a host or a test may register its own first.
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton(TenantDirectory.FromConfiguration(configuration));
        silo.Services.AddSingleton<CustomerTexts>();
        silo.Services.AddSingleton<CxMetrics>();
        silo.Services.AddMetrics();
        silo.Services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.Section))
            .Validate(o => o.TranscriptTurns is >= 1 and <= 10_000, $"{ConversationOptions.Section}:TranscriptTurns must be 1..10000.")
            .Validate(o => o.RecentAnswers is >= 1 and <= 100_000, $"{ConversationOptions.Section}:RecentAnswers must be 1..100000.")
            .Validate(o => o.CheckpointEvery is >= 1 and <= 1_000_000, $"{ConversationOptions.Section}:CheckpointEvery must be 1..1000000.")
            .Validate(o => o.SignalsShown is >= 0 and <= 1_000, $"{ConversationOptions.Section}:SignalsShown must be 0..1000.")
            .Validate(o => o.RetentionSweepMinutes is >= 1 and <= 10_080, $"{ConversationOptions.Section}:RetentionSweepMinutes must be 1..10080.")
            .ValidateOnStart();
        silo.Services.AddOptions<HandoffOptions>()
            .Bind(configuration.GetSection(HandoffOptions.Section))
            .Validate(o => o.ReconcileSeconds is >= 1 and <= 3_600, $"{HandoffOptions.Section}:ReconcileSeconds must be 1..3600.")
            .Validate(o => o.QueueChecksPerRound is >= 0 and <= 10_000, $"{HandoffOptions.Section}:QueueChecksPerRound must be 0..10000.")
            .Validate(o => o.CompletionsKept is >= 1 and <= 10_000, $"{HandoffOptions.Section}:CompletionsKept must be 1..10000.")
            .ValidateOnStart();
        // Reconciliation reminders tick at the handoff options' period, which may be shorter than Orleans' default minimum.
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<HandoffOptions>>((reminders, handoffs) =>
        {
            if (handoffs.Value.ReconcileInterval < reminders.MinimumReminderPeriod)
            {
                reminders.MinimumReminderPeriod = handoffs.Value.ReconcileInterval;
            }
        });
        silo.Services.Configure<CrashPointOptions>(configuration.GetSection(CrashPointOptions.Section));
        silo.Services.AddSingleton<CrashPoints>();
        silo.Services.AddSingleton<JsonEncoders>();
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
}
