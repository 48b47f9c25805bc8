namespace CxCluster.Abstractions.Facts;

/// <summary>The conversation asked for a human.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.HandoffRequested")]
public sealed record HandoffRequested : Fact
{
    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string Reason { get; init; }
    /// <summary>0 (lowest) to 9 (highest), the conversation's: its queue serves higher priority first.</summary>
    [Id(2)] public required int Priority { get; init; }
    /// <summary>The pool partition it waits in, e.g. <c>id/chat</c>.</summary>
    [Id(3)] public required string Queue { get; init; }
    public override string Type => "handoff.requested";
}

/// <summary>The handoff waits in its queue.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.HandoffQueued")]
public sealed record HandoffQueued : Fact
{
    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string Queue { get; init; }
    [Id(2)] public required int Position { get; init; }
    [Id(3)] public int? EstimatedWaitSeconds { get; init; }
    public override string Type => "handoff.queued";
}

/// <summary>An agent took the conversation.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.HandoffAssigned")]
public sealed record HandoffAssigned : Fact
{
    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string AgentId { get; init; }
    [Id(2)] public required string AgentDisplayName { get; init; }
    /// <summary>What to tell the customer, in their language.</summary>
    [Id(3)] public required string Text { get; init; }
    public override string Type => "handoff.assigned";
}

/// <summary>The agent finished (or the conversation left the handoff).</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.HandoffCompleted")]
public sealed record HandoffCompleted : Fact
{
    [Id(0)] public required string HandoffId { get; init; }
    /// <summary>The agent who held it; null when it ended while still waiting.</summary>
    [Id(1)] public string? AgentId { get; init; }
    public override string Type => "handoff.completed";
}

/// <summary>The conversation was offered to an agent, who counts it against capacity until they answer or the offer expires.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.HandoffOffered")]
public sealed record HandoffOffered : Fact
{
    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string OfferId { get; init; }
    [Id(2)] public required string AgentId { get; init; }
    [Id(3)] public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>
    /// The context packet as the offered agent reads it at the moment of the offer: told in the fact's data as
    /// <c>context</c>. Personal (the customer's words and id), so it is kept in the fact's personal part and erased with
    /// it; nothing decides from it, so a fact read back from the journal does not carry it.
    /// </summary>
    [Id(4)] public HandoffContext? Context { get; init; }

    public override string Type => "handoff.offered";
}

/// <summary>
/// The offer was declined; the conversation goes to the next agent. An agent who declined it is never offered this
/// handoff again; one the cluster declined it for (gone offline, or no longer fit for it) may be once back or fit again,
/// so a customer whom nobody else serves is not left waiting for good.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.fact.HandoffDeclined")]
public sealed record HandoffDeclined : Fact
{
    /// <summary>The reason of an offer declined for its agent because the agent went offline.</summary>
    public const string AgentOffline = "agent-offline";
    /// <summary>The reason of an offer declined for its agent because the agent no longer speaks its language, serves its channel or has room for it under a lowered capacity.</summary>
    public const string AgentIneligible = "agent-ineligible";
    /// <summary>The reason of an offer withdrawn because its conversation ended or was erased while the offer was open.</summary>
    public const string Withdrawn = "withdrawn";
    /// <summary>
    /// The reason of an offer declined for its agent because the agent was taken off duty for not responding (another
    /// offer expired, or an assignment went without a first reply): the customer does not wait out this offer too.
    /// </summary>
    public const string AgentNotResponding = "agent-not-responding";
    /// <summary>
    /// The reason of an offer declined for its agent because the agent went away: an agent away takes no new
    /// conversation, so the customer goes to the next agent instead of waiting out the offer.
    /// </summary>
    public const string AgentAway = "agent-away";

    /// <summary>Whether an offer declined with <paramref name="reason"/> was the agent's own choice, which passes on the handoff for good.</summary>
    public static bool IsTheAgentsChoice(string? reason) => reason is not (AgentOffline or AgentIneligible or Withdrawn or AgentNotResponding or AgentAway);

    /// <summary>
    /// Whether an agent's reason would read as one of the cluster's own to a reader that trims, folds case or spells the
    /// hyphen as an underscore or a space (" Withdrawn", "AGENT_AWAY", "agent offline"): an agent may not give it.
    /// </summary>
    public static bool ReadsAsTheClusters(string reason)
    {
        var folded = new System.Text.StringBuilder(reason.Length);
        foreach (var c in reason)
        {
            if (char.IsLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
            else if (folded.Length > 0 && folded[^1] != '-')
            {
                // Any run of spaces, tabs, underscores or dashes of any kind reads as the code's hyphen.
                folded.Append('-');
            }
        }
        return !IsTheAgentsChoice(folded.ToString().TrimEnd('-'));
    }

    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string OfferId { get; init; }
    [Id(2)] public required string AgentId { get; init; }
    [Id(3)] public string? Reason { get; init; }
    public override string Type => "handoff.declined";
}

/// <summary>The agent did not answer the offer in time; the conversation goes to the next agent, keeping its place.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.HandoffExpired")]
public sealed record HandoffExpired : Fact
{
    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string OfferId { get; init; }
    [Id(2)] public required string AgentId { get; init; }
    public override string Type => "handoff.expired";
}

/// <summary>The assigned agent lost the conversation (no first reply in time); it waits again at the head of its queue.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.HandoffReclaimed")]
public sealed record HandoffReclaimed : Fact
{
    public const string NoFirstReply = "no-first-reply";
    public const string AgentOffline = "agent-offline";

    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string AgentId { get; init; }
    [Id(2)] public required string Reason { get; init; }
    /// <summary>What to tell the customer, in their language: another agent is being found.</summary>
    [Id(3)] public required string Text { get; init; }
    public override string Type => "handoff.reclaimed";
}

/// <summary>The handoff's wait widened to the next routing step: it waits in another queue, keeping its seniority.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.HandoffEscalated")]
public sealed record HandoffEscalated : Fact
{
    [Id(0)] public required string HandoffId { get; init; }
    /// <summary>The step's index in the tenant's routing steps (0 is where every handoff starts).</summary>
    [Id(1)] public required int Step { get; init; }
    /// <summary>The pool partition it waits in now, e.g. <c>id/any</c>.</summary>
    [Id(2)] public required string Queue { get; init; }
    public override string Type => "handoff.escalated";
}
