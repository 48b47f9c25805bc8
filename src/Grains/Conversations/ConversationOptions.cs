namespace CxCluster.Grains.Conversations;

/// <summary>Cluster-wide bounds on what a conversation keeps (configuration section <c>Conversations</c>).</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>The transcript keeps the most recent this many turns.</summary>
    public int TranscriptTurns { get; set; } = 50;

    /// <summary>
    /// How many recent answers an active conversation keeps in memory, so a retry is answered without a read; an
    /// older event id is found in the journal however old it is.
    /// </summary>
    public int RecentAnswers { get; set; } = 16;

    /// <summary>A checkpoint of the conversation's state is written, off the answer's path, once this many facts were appended after the last one.</summary>
    public int CheckpointEvery { get; set; } = 64;

    /// <summary>How often each silo removes, for every tenant with a message retention, the message texts that outlived it.</summary>
    public int RetentionSweepMinutes { get; set; } = 60;

    /// <summary>How many recent trust signals a snapshot shows.</summary>
    public int SignalsShown { get; set; } = 10;

    /// <summary>
    /// Seconds a conversation stays in a silo's memory without an event or a call; then it leaves (a checkpoint is
    /// written first) and its next event brings it back from its checkpoint and the facts after it. One whose agent's
    /// first-reply deadline runs stays until the deadline; one a human holds is kept in by its reconciliation reminder
    /// while that ticks more often than this.
    /// </summary>
    public int IdleSeconds { get; set; } = 300;

    /// <summary>The shortest idle time taken: Orleans' collector then looks every second.</summary>
    public const int MinIdleSeconds = 2;

    public TimeSpan IdleAfter => TimeSpan.FromSeconds(IdleSeconds);
}
