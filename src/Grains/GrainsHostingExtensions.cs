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
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;

namespace CxCluster.Grains;

/// <summary>Registers what the CxCluster grains need on a silo.</summary>
public static class GrainsHostingExtensions
{
    /// <summary>
    /// Adds the clock, tenant policies, customer texts, conversation bounds and metrics, read from configuration; the
    /// tenants come from the host's <see cref="CxClusterSettings"/>, read here unless the host read them already.
    /// </summary>
    public static ISiloBuilder AddCxClusterGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        // Conversations score events no later than this clock's now; a host or a test may register its own first.
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton(new TenantDirectory(silo.Services.AddCxClusterSettings(configuration)));
        silo.Services.AddSingleton<CustomerTexts>();
        silo.Services.AddSingleton<CxMetrics>();
        silo.Services.AddMetrics();
        const string conversationSection = ConversationOptions.Section, handoffSection = HandoffOptions.Section;
        silo.Services.AddOptions<ConversationOptions>().Bind(configuration.GetSection(conversationSection)).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<ConversationOptions>>(new InRange<ConversationOptions>(o =>
        [
            Range(conversationSection, nameof(o.TranscriptTurns), o.TranscriptTurns, 1, 10_000),
            Range(conversationSection, nameof(o.RecentAnswers), o.RecentAnswers, 1, 100_000),
            Range(conversationSection, nameof(o.CheckpointEvery), o.CheckpointEvery, 1, 1_000_000),
            Range(conversationSection, nameof(o.SignalsShown), o.SignalsShown, 0, 1_000),
            Range(conversationSection, nameof(o.RetentionSweepMinutes), o.RetentionSweepMinutes, 1, 10_080),
            Range(conversationSection, nameof(o.IdleSeconds), o.IdleSeconds, ConversationOptions.MinIdleSeconds, 604_800),
        ]));
        // Idle conversations leave memory after their own idle time; Orleans' collector looks every minute, or twice per
        // idle time when that is shorter (it wants every idle time above its period).
        silo.Services.AddOptions<GrainCollectionOptions>().Configure<IOptions<ConversationOptions>>((collection, conversations) =>
        {
            if (conversations.Value.IdleSeconds < ConversationOptions.MinIdleSeconds)
            {
                // Out of range: the conversation options' own check stops the silo with the setting's name.
                return;
            }
            var idle = conversations.Value.IdleAfter;
            if (collection.CollectionQuantum >= idle)
            {
                collection.CollectionQuantum = idle / 2;
            }
            collection.ClassSpecificCollectionAge[typeof(ConversationGrain).FullName!] = idle;
        });
        silo.Services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(handoffSection)).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<HandoffOptions>>(new InRange<HandoffOptions>(o =>
        [
            Range(handoffSection, nameof(o.ReconcileSeconds), o.ReconcileSeconds, 1, 3_600),
            Range(handoffSection, nameof(o.QueueChecksPerRound), o.QueueChecksPerRound, 0, 10_000),
            Range(handoffSection, nameof(o.CompletionsKept), o.CompletionsKept, 1, 10_000),
        ]));
        // Reconciliation reminders tick at the handoff options' period, which may be shorter than Orleans' default minimum.
        AllowReminderPeriod<HandoffOptions>(silo.Services, o => o.ReconcileInterval);
        const string pushSection = PushOptions.Section;
        silo.Services.AddOptions<PushOptions>().Bind(configuration.GetSection(pushSection)).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<PushOptions>>(new InRange<PushOptions>(o =>
        [
            Range(pushSection, nameof(o.PollMilliseconds), o.PollMilliseconds, 1, 60_000),
            Range(pushSection, nameof(o.RecentFacts), o.RecentFacts, 16, 10_000_000),
            Range(pushSection, nameof(o.IdleSeconds), o.IdleSeconds, 1, 86_400),
        ]));
        silo.Services.AddSingleton<TenantFeeds>();
        silo.AddCxClusterWebhooks(configuration);
        const string testingSection = CrashPointOptions.Section;
        silo.Services.AddOptions<CrashPointOptions>().Bind(configuration.GetSection(testingSection)).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<CrashPointOptions>>(new InRange<CrashPointOptions>(o =>
        [
            Range(testingSection, nameof(o.CrashBeforeCommitOfGroupWith), o.CrashBeforeCommitOfGroupWith, 0, 10_000),
        ]));
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

    /// <summary>Lets reminders tick as often as <paramref name="period"/> of the options asks, below Orleans' default minimum if need be.</summary>
    internal static void AllowReminderPeriod<T>(IServiceCollection services, Func<T, TimeSpan> period)
        where T : class =>
        services.AddOptions<ReminderOptions>().Configure<IOptions<T>>((reminders, options) =>
        {
            if (period(options.Value) < reminders.MinimumReminderPeriod)
            {
                reminders.MinimumReminderPeriod = period(options.Value);
            }
        });

    private static string? Range(string section, string name, int value, int min, int max) =>
        value >= min && value <= max ? null : $"{section}:{name} must be between {min} and {max}, not {value}";

    /// <summary>Fails the start naming every setting of the section out of its range.</summary>
    private sealed class InRange<T>(Func<T, IEnumerable<string?>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problems(options).OfType<string>().ToList() is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
    }
}
