using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Telemetry;
using CxCluster.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>Registers the silo's fact journal.</summary>
public static class JournalHostingExtensions
{
    /// <summary>
    /// The journal in PostgreSQL when <c>ConnectionStrings:CxCluster</c> is set (appends grouped as the section
    /// <c>Journal</c> says, validated at start), otherwise in memory, like the rest of the embedded default.
    /// </summary>
    public static IServiceCollection AddCxClusterJournal(this IServiceCollection services, IConfiguration configuration)
    {
        if (DatabaseDefaults.ConnectionString(configuration) is { } connectionString)
        {
            return services.AddCxClusterPostgresJournal(connectionString, configuration);
        }
        AddOptions(services, configuration);
        return services.AddMemoryFactJournal();
    }

    /// <summary>
    /// The journal in PostgreSQL on <paramref name="connectionString"/>, in place of any journal registered before:
    /// with PostgreSQL grain storage the conversations' facts must be as durable as the rest. Registering it again changes nothing.
    /// <c>Testing:CrashBeforeCommitOfGroupWith</c>, for crash tests, arms <see cref="GroupCommitCrash"/>.
    /// </summary>
    public static IServiceCollection AddCxClusterPostgresJournal(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(PostgresFactJournal)))
        {
            return services;
        }
        AddOptions(services, configuration);
        services.RemoveAll<IFactJournal>();
        services.AddCxClusterDataSource(connectionString);
        services.AddMetrics();
        services.TryAddSingleton<CxMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CrashPointOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrashPointOptions>, CrashWithinGroups>());
        services.AddSingleton(provider =>
        {
            var journal = ActivatorUtilities.CreateInstance<PostgresFactJournal>(provider);
            // Crash tests only; unset, no hook is set and commits pay nothing.
            journal.BeforeCommit = GroupCommitCrash.Arm(provider.GetRequiredService<IOptions<CrashPointOptions>>().Value.CrashBeforeCommitOfGroupWith);
            return journal;
        });
        services.AddSingleton<IFactJournal>(provider => provider.GetRequiredService<PostgresFactJournal>());
        return services;
    }

    private static void AddOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JournalOptions>()
            .Bind(configuration.GetSection(JournalOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JournalOptions>, OptionsInRange>());
    }

    /// <summary>Fails the start when <c>Testing:CrashBeforeCommitOfGroupWith</c> asks for a group larger than any the journal forms.</summary>
    private sealed class CrashWithinGroups(IOptions<JournalOptions> journal) : IValidateOptions<CrashPointOptions>
    {
        public ValidateOptionsResult Validate(string? name, CrashPointOptions options) =>
            GroupCommitCrash.Problem(options.CrashBeforeCommitOfGroupWith, journal.Value) is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success;
    }

    /// <summary>Fails the start, naming each setting out of range.</summary>
    private sealed class OptionsInRange : IValidateOptions<JournalOptions>
    {
        public ValidateOptionsResult Validate(string? name, JournalOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
