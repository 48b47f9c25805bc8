namespace CxCluster.Settings;

/// <summary>Cluster-wide bounds on what a conversation keeps (configuration section <c>Conversations</c>; silos).</summary>
public sealed class ConversationSettings
{
    public const string Section = "Conversations";

    /// <summary>The transcript keeps the most recent this many turns.</summary>
    public int TranscriptTurns { get; init; } = 50;

    /// <summary>
    /// How many recent answers an active conversation keeps in memory, so a retry is answered without a read; an
    /// older event id is found in the journal however old it is.
    /// </summary>
    public int RecentAnswers { get; init; } = 16;

    /// <summary>A checkpoint of the conversation's state is written, off the answer's path, once this many facts were appended after the last one.</summary>
    public int CheckpointEvery { get; init; } = 64;

    /// <summary>How often each silo removes, for every tenant with a message retention, the message texts that outlived it.</summary>
    public int RetentionSweepMinutes { get; init; } = 60;

    /// <summary>How many recent trust signals a snapshot shows.</summary>
    public int SignalsShown { get; init; } = 10;

    /// <summary>
    /// Seconds a conversation stays in a silo's memory without an event or a call; then it leaves (a checkpoint is
    /// written first) and its next event brings it back from its checkpoint and the facts after it. One whose agent's
    /// first-reply deadline runs stays until the deadline; one a human holds is kept in by its reconciliation reminder
    /// while that ticks more often than this.
    /// </summary>
    public int IdleSeconds { get; init; } = 300;

    /// <summary>The shortest idle time taken: Orleans' collector then looks every second.</summary>
    public const int MinIdleSeconds = 2;

    public TimeSpan IdleAfter => TimeSpan.FromSeconds(IdleSeconds);

    internal static ConversationSettings Read(IConfiguration configuration, SettingsReader reader)
    {
        var section = configuration.GetSection(Section);
        var defaults = new ConversationSettings();
        reader.OnlyKnown(section, "a conversation setting",
            nameof(TranscriptTurns), nameof(RecentAnswers), nameof(CheckpointEvery), nameof(RetentionSweepMinutes), nameof(SignalsShown), nameof(IdleSeconds));
        return new ConversationSettings
        {
            TranscriptTurns = reader.Int(section, nameof(TranscriptTurns), defaults.TranscriptTurns, 1, 10_000),
            RecentAnswers = reader.Int(section, nameof(RecentAnswers), defaults.RecentAnswers, 1, 100_000),
            CheckpointEvery = reader.Int(section, nameof(CheckpointEvery), defaults.CheckpointEvery, 1, 1_000_000),
            RetentionSweepMinutes = reader.Int(section, nameof(RetentionSweepMinutes), defaults.RetentionSweepMinutes, 1, 10_080),
            SignalsShown = reader.Int(section, nameof(SignalsShown), defaults.SignalsShown, 0, 1_000),
            IdleSeconds = reader.Int(section, nameof(IdleSeconds), defaults.IdleSeconds, MinIdleSeconds, 604_800),
        };
    }
}
