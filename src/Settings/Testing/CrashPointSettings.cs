namespace CxCluster.Settings;

/// <summary>
/// Crash tests only: where a silo dies on purpose (configuration section <c>Testing</c>; nothing is armed unless
/// configured). Never set in production.
/// </summary>
public sealed class CrashPointSettings
{
    public const string Section = "Testing";

    /// <summary>Comma-separated <see cref="CrashPoint"/> names to fail at, e.g. <c>Testing__CrashAt=agent.complete.stored</c>.</summary>
    public string? CrashAt { get; init; }

    /// <summary>The steps <see cref="CrashAt"/> names (each one of <see cref="CrashPoint.All"/>, checked as read).</summary>
    public IReadOnlyList<string> Armed => Steps(CrashAt);

    private static string[] Steps(string? crashAt) =>
        (crashAt ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary><c>kill</c> (default): the silo process kills itself, as SIGKILL would; <c>throw</c>: the call fails once, for in-process tests.</summary>
    public string CrashMode { get; init; } = Kill;

    /// <summary>
    /// The PostgreSQL journal's first group commit holding at least this many appends kills the silo process after the
    /// group's statements were sent and before its COMMIT is (0, the default: never), e.g.
    /// <c>Testing__CrashBeforeCommitOfGroupWith=4</c>; <see cref="CrashMode"/> does not apply. It may not be above
    /// <c>Journal:MaxGroupSize</c>: no group would ever hold that many appends.
    /// </summary>
    public int CrashBeforeCommitOfGroupWith { get; init; }

    public const string Kill = "kill", Throw = "throw";

    internal static CrashPointSettings Read(IConfiguration configuration, JournalSettings journal, SettingsReader reader)
    {
        var section = configuration.GetSection(Section);
        reader.OnlyKnown(section, "a testing setting", nameof(CrashAt), nameof(CrashMode), nameof(CrashBeforeCommitOfGroupWith));
        var mode = SettingsReader.Text(section, nameof(CrashMode)) ?? Kill;
        if (!mode.Equals(Kill, StringComparison.OrdinalIgnoreCase) && !mode.Equals(Throw, StringComparison.OrdinalIgnoreCase))
        {
            reader.Problem($"{SettingsReader.Key(section, nameof(CrashMode))} must be {Kill} or {Throw}, not '{mode}'");
        }
        var crashAt = SettingsReader.Text(section, nameof(CrashAt));
        if (Steps(crashAt).Except(CrashPoint.All).ToArray() is { Length: > 0 } unknown)
        {
            reader.Problem($"{SettingsReader.Key(section, nameof(CrashAt))} names unknown steps: {string.Join(", ", unknown)} (known: {string.Join(", ", CrashPoint.All)})");
        }
        var groupSize = reader.Int(section, nameof(CrashBeforeCommitOfGroupWith), 0, 0, 10_000);
        if (groupSize > journal.MaxGroupSize)
        {
            reader.Problem($"{SettingsReader.Key(section, nameof(CrashBeforeCommitOfGroupWith))} ({groupSize}) is above " +
                $"{JournalSettings.Section}:{nameof(JournalSettings.MaxGroupSize)} ({journal.MaxGroupSize}): no group would ever hold that many appends");
        }
        return new CrashPointSettings
        {
            CrashAt = crashAt,
            CrashMode = mode.ToLowerInvariant(),
            CrashBeforeCommitOfGroupWith = groupSize,
        };
    }
}
