using CxCluster.Grains.Journal;
using CxCluster.Grains.Telemetry;
using CxCluster.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>Registers the silo's fact journal.</summary>
public static class JournalHostingExtensions
{
    /// <summary>
    /// The journal in PostgreSQL when <c>ConnectionStrings:CxCluster</c> is set (appends grouped as the section
    /// <c>Journal</c> of the host's settings says), otherwise in memory, like the rest of the embedded default.
    /// </summary>
    public static IServiceCollection AddCxClusterJournal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCxClusterSettings(configuration);
        return DatabaseDefaults.ConnectionString(configuration) is { } connectionString
            ? services.AddCxClusterPostgresJournal(connectionString)
            : services.AddMemoryFactJournal();
    }

    /// <summary>
    /// The journal in PostgreSQL on <paramref name="connectionString"/>, in place of any journal registered before:
    /// with PostgreSQL grain storage the conversations' facts must be as durable as the rest. Registering it again changes nothing.
    /// It groups appends as the host's <see cref="JournalSettings"/> say, and <see cref="CrashPointSettings.CrashBeforeCommitOfGroupWith"/>,
    /// for crash tests, arms <see cref="GroupCommitCrash"/>: both are taken from the services when the journal is built,
    /// so the host registers its settings (<see cref="SettingsServiceCollectionExtensions.AddCxClusterSettings"/>) before or after this.
    /// </summary>
    public static IServiceCollection AddCxClusterPostgresJournal(this IServiceCollection services, string connectionString)
    {
        if (services.Any(d => d.ServiceType == typeof(PostgresFactJournal)))
        {
            return services;
        }
        services.RemoveAll<IFactJournal>();
        services.AddCxClusterDataSource(connectionString);
        services.AddMetrics();
        services.TryAddSingleton<CxMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var journal = ActivatorUtilities.CreateInstance<PostgresFactJournal>(provider);
            // Crash tests only; unset, no hook is set and commits pay nothing.
            journal.BeforeCommit = GroupCommitCrash.Arm(provider.GetRequiredService<CrashPointSettings>().CrashBeforeCommitOfGroupWith);
            return journal;
        });
        services.AddSingleton<IFactJournal>(provider => provider.GetRequiredService<PostgresFactJournal>());
        return services;
    }
}
