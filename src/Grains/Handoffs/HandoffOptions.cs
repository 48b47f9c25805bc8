namespace CxCluster.Grains.Handoffs;

/// <summary>How often conversations, agents and pools check each other (configuration section <c>Handoffs</c>).</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoffs";

    /// <summary>
    /// Seconds between reconciliation rounds of a conversation or agent in the middle of a handoff, and of a pool with
    /// a queue. A durable reminder with this period wakes them after a silo dies, so a disagreement left by a crash is
    /// repaired within about this long after the failure is detected, without any platform retry.
    /// </summary>
    public int ReconcileSeconds { get; set; } = 10;

    /// <summary>How many waiting conversations a pool asks per round whether they still wait.</summary>
    public int QueueChecksPerRound { get; set; } = 32;

    /// <summary>
    /// How many recent completions an agent keeps in its state, so a retried complete answers success (one its
    /// conversation has not heard of is never dropped; the agent's stream in the journal keeps every one).
    /// </summary>
    public int CompletionsKept { get; set; } = 64;

    public TimeSpan ReconcileInterval => TimeSpan.FromSeconds(ReconcileSeconds);
}
