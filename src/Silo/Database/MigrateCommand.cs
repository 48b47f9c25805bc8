namespace CxCluster.Silo.Database;

/// <summary>
/// The silo's <c>migrate</c> verb: <c>dotnet CxCluster.Silo.dll migrate</c> creates the database named by
/// <c>ConnectionStrings:CxCluster</c> (environment <c>ConnectionStrings__CxCluster</c>) if it is missing and applies the
/// schema. Exits 0 when the database is current; otherwise prints one line saying why and exits non-zero.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    /// <summary>The connection string the silo and this verb read.</summary>
    public const string ConnectionStringName = CxClusterSettings.ConnectionStringName;

    /// <summary>Runs the verb; <paramref name="args"/> are the arguments after it (configuration overrides).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = CommandLine.CancelOnCtrlC();

        // The same configuration sources as the silo itself: appsettings.json, environment, command line.
        var configuration = Host.CreateApplicationBuilder(args).Configuration;
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync(
                $"migrate failed: no database configured: set ConnectionStrings:{ConnectionStringName} (environment ConnectionStrings__{ConnectionStringName})");
            return 2;
        }

        SchemaMigrator migrator;
        try
        {
            migrator = new SchemaMigrator(connectionString, new ConsoleLogger());
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"migrate failed: invalid ConnectionStrings:{ConnectionStringName}: {e.Message}");
            return 2;
        }

        try
        {
            var report = await migrator.MigrateAsync(cancellation.Token);
            Console.WriteLine($"migrate: {migrator.Target} is current ({report.Scripts.Count} scripts applied{(report.Created ? ", database created" : "")})");
            return 0;
        }
        catch (Exception e)
        {
            // An operator's command: the reason in one line, never a stack trace.
            await Console.Error.WriteLineAsync($"migrate failed: {DatabaseFailure.Describe(e, migrator.Connection)}");
            return 1;
        }
    }

    /// <summary>Plain one-line messages on standard output: this is a command, not a service.</summary>
    private sealed class ConsoleLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Console.WriteLine($"migrate: {formatter(state, exception)}");
            }
        }
    }
}
