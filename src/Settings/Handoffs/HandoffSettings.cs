namespace CxCluster.Settings;

/// <summary>How often conversations, agents and pools check each other (configuration section <c>Handoffs</c>; silos).</summary>
public sealed class HandoffSettings
{
    public const string Section = "Handoffs";

    /// <summary>
    /// Seconds between reconciliation rounds of a conversation or agent in the middle of a handoff, and of a pool with
    /// a queue. A durable reminder with this period wakes them after a silo dies, so a disagreement left by a crash is
    /// repaired within about this long after the failure is detected, without any platform retry.
    /// </summary>
    public int ReconcileSeconds { get; init; } = 10;

    /// <summary>How many waiting conversations a pool asks per round whether they still wait.</summary>
    public int QueueChecksPerRound { get; init; } = 32;

    /// <summary>
    /// How many recent completions an agent keeps in its state, so a retried complete answers success (one its
    /// conversation has not heard of is never dropped; the agent's stream in the journal keeps every one).
    /// </summary>
    public int CompletionsKept { get; init; } = 64;

    public TimeSpan ReconcileInterval => TimeSpan.FromSeconds(ReconcileSeconds);

    internal static HandoffSettings Read(IConfiguration configuration, SettingsReader reader)
    {
        var section = configuration.GetSection(Section);
        var defaults = new HandoffSettings();
        reader.OnlyKnown(section, "a handoff setting", nameof(ReconcileSeconds), nameof(QueueChecksPerRound), nameof(CompletionsKept));
        return new HandoffSettings
        {
            ReconcileSeconds = reader.Int(section, nameof(ReconcileSeconds), defaults.ReconcileSeconds, 1, 3_600),
            QueueChecksPerRound = reader.Int(section, nameof(QueueChecksPerRound), defaults.QueueChecksPerRound, 0, 10_000),
            CompletionsKept = reader.Int(section, nameof(CompletionsKept), defaults.CompletionsKept, 1, 10_000),
        };
    }
}
