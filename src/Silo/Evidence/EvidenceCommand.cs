using CxCluster.Abstractions;
using CxCluster.Grains.Evidence;
using CxCluster.Grains.Journal;
using CxCluster.Silo.Database;
using CxCluster.Silo.Storage.Journal;
using Npgsql;

namespace CxCluster.Silo.Evidence;

/// <summary>
/// The silo's <c>evidence</c> verb, for compliance officers: exports a tenant's evidence straight from the PostgreSQL
/// journal named by <c>ConnectionStrings:CxCluster</c>, with the same code as <c>GET /v1/evidence</c>, or checks a saved
/// export. Exit codes: 0 done (or intact), 1 failed (or not intact), 2 wrong arguments or no database configured. A
/// tenant is checked against the configured ones (<c>Tenants</c>) or, with none configured, must have facts in the
/// journal.
/// </summary>
public static class EvidenceCommand
{
    public const string Verb = "evidence";

    public const string Usage =
        "usage: evidence --tenant <id> --from <RFC 3339> --to <RFC 3339> [--conversation <id>] [--out <file>]\n" +
        "       evidence verify <file>";

    /// <summary>Runs the verb with the silo's configuration (appsettings.json, environment); <paramref name="args"/> follow the verb.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = CommandLine.CancelOnCtrlC();
        var configuration = Host.CreateApplicationBuilder([]).Configuration;
        await using var standardOutput = Console.OpenStandardOutput();
        return await RunAsync(args, configuration, standardOutput, Console.Out, Console.Error, cancellation.Token);
    }

    /// <summary>Runs the verb; an export without <c>--out</c> goes to <paramref name="standardOutput"/>, messages to <paramref name="output"/> and <paramref name="error"/>.</summary>
    internal static async Task<int> RunAsync(
        string[] args, IConfiguration configuration, Stream standardOutput, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (args is ["verify", var path])
        {
            return await VerifyAsync(path, output, error, ct);
        }
        if (Parse(args, out var tenantId, out var query, out var outPath) is { } wrong)
        {
            await error.WriteLineAsync($"evidence: {wrong}\n{Usage}");
            return 2;
        }
        if (CxClusterSettings.ConnectionStringFrom(configuration) is not { } connectionString)
        {
            await error.WriteLineAsync(
                $"evidence failed: no database configured: set ConnectionStrings:{CxClusterSettings.ConnectionStringName} (environment ConnectionStrings__{CxClusterSettings.ConnectionStringName})");
            return 2;
        }
        var tenants = configuration.GetSection("Tenants").GetChildren().Select(t => t.Key).ToList();
        if (tenants.Count > 0 && !tenants.Contains(tenantId, StringComparer.Ordinal))
        {
            await error.WriteLineAsync($"evidence: the tenant '{tenantId}' is not configured (tenants: {string.Join(", ", tenants)})");
            return 2;
        }
        // With no tenants configured, the journal is what knows them: a tenant it has no fact of was never used, and an
        // export of it would be an empty one that verifies, as if the tenant had had no conversations.
        return await ExportAsync(connectionString, tenantId, query, outPath, mustHaveFacts: tenants.Count == 0, standardOutput, output, error, ct);
    }

    private static async Task<int> ExportAsync(
        string connectionString, string tenantId, EvidenceQuery query, string? outPath, bool mustHaveFacts,
        Stream standardOutput, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var provider = new ServiceCollection().AddLogging()
            // The export only reads: the journal's default grouping, no crash point.
            .AddSingleton(new JournalSettings())
            .AddSingleton(new CrashPointSettings())
            .AddCxClusterPostgresJournal(connectionString)
            .BuildServiceProvider();
        IFactJournal journal;
        try
        {
            journal = provider.GetRequiredService<IFactJournal>();
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"evidence failed: invalid ConnectionStrings:{CxClusterSettings.ConnectionStringName}: {e.Message}");
            return 2;
        }
        // A file is written beside its destination and moved there once complete, so no half export is ever left under its name.
        var partial = outPath is null ? null : $"{outPath}.{Guid.NewGuid():N}.partial";
        try
        {
            if (mustHaveFacts && !await journal.TenantHasFactsAsync(tenantId, ct))
            {
                await error.WriteLineAsync($"evidence: the tenant '{tenantId}' has no facts in the journal: no such tenant (ids are case-sensitive)");
                return 2;
            }
            long bytes = 0;
            await using (var file = partial is null ? null : File.Create(partial))
            {
                var target = file ?? standardOutput;
                await foreach (var page in EvidenceExport.ReadAllAsync(journal, tenantId, query, ct))
                {
                    await target.WriteAsync(page.Lines, ct);
                    await target.FlushAsync(ct);
                    bytes += page.Lines.Length;
                }
            }
            if (partial is not null)
            {
                File.Move(partial, outPath!, overwrite: true);
                await output.WriteLineAsync($"evidence: {outPath} written ({bytes} bytes); check it with: evidence verify {outPath}");
            }
            return 0;
        }
        catch (Exception e) when (e is JournalUnavailableException or NpgsqlException or IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            if (partial is not null)
            {
                File.Delete(partial);
            }
            var reason = e is NpgsqlException ? DatabaseFailure.Describe(e, new NpgsqlConnectionStringBuilder(connectionString)) : e.Message;
            await error.WriteLineAsync($"evidence failed: {reason}");
            return 1;
        }
    }

    private static async Task<int> VerifyAsync(string path, TextWriter output, TextWriter error, CancellationToken ct)
    {
        EvidenceVerdict verdict;
        try
        {
            await using var file = File.OpenRead(path);
            verdict = await EvidenceFile.VerifyAsync(file, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"evidence verify: cannot read {path}: {e.Message}");
            return 1;
        }
        await (verdict.Intact ? output : error).WriteLineAsync($"evidence verify: {path}: {verdict.Reason}");
        return verdict.Intact ? 0 : 1;
    }

    /// <summary>Reads the export's options; returns what is wrong with them, or null.</summary>
    private static string? Parse(string[] args, out string tenantId, out EvidenceQuery query, out string? outPath)
    {
        tenantId = "";
        query = null!;
        outPath = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--tenant" or "--from" or "--to" or "--conversation" or "--out"))
            {
                return $"unknown argument '{args[i]}'";
            }
            if (i + 1 >= args.Length)
            {
                return $"{args[i]} needs a value";
            }
            if (!options.TryAdd(args[i], args[i + 1]))
            {
                return $"{args[i]} is given twice";
            }
        }
        if (!options.TryGetValue("--tenant", out var tenant) || !GrainKeys.IsValidId(tenant))
        {
            return "--tenant must name the tenant (letters, digits, '-', '_', '.')";
        }
        if (Timestamp(options, "--from") is not { } from || Timestamp(options, "--to") is not { } to)
        {
            return "--from and --to must be RFC 3339 timestamps such as 2026-11-01T00:00:00Z";
        }
        tenantId = tenant;
        query = new EvidenceQuery { From = from, To = to, ConversationId = options.GetValueOrDefault("--conversation") };
        outPath = options.GetValueOrDefault("--out");
        return query.Problem() is { } problem ? $"--{(problem.Field == "conversationId" ? "conversation" : problem.Field)}: {problem.Message}" : null;
    }

    /// <summary>A bound of the period, read as the API reads one: a time between two ticks is the next tick.</summary>
    private static DateTimeOffset? Timestamp(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && Rfc3339.TryParseBound(value, out var at) ? at : null;
}
