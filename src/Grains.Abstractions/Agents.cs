namespace CxCluster.Abstractions;

/// <summary>What an operator says about a human agent when registering or updating it.</summary>
[GenerateSerializer, Immutable, Alias("cx.AgentProfile")]
public sealed record AgentProfile
{
    [Id(0)] public required string DisplayName { get; init; }
    /// <summary>Language codes, lower case (<c>id</c>, <c>en</c>).</summary>
    [Id(1)] public required IReadOnlyList<string> Languages { get; init; }
    [Id(2)] public required IReadOnlyList<Channel> Channels { get; init; }
    [Id(3)] public required int Capacity { get; init; }
}

/// <summary>A human agent as <c>GET /v1/agents/{agentId}</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("cx.AgentDetails")]
public sealed record AgentDetails
{
    [Id(0)] public required string AgentId { get; init; }
    [Id(1)] public required AgentProfile Profile { get; init; }
    [Id(2)] public required AgentStatus Status { get; init; }
    /// <summary>Ids of the conversations assigned to the agent now.</summary>
    [Id(3)] public required IReadOnlyList<string> Conversations { get; init; }
}

/// <summary>Either an agent's details or why the command was refused.</summary>
[GenerateSerializer, Immutable, Alias("cx.AgentOutcome")]
public sealed record AgentOutcome
{
    [Id(0)] public AgentDetails? Agent { get; init; }
    [Id(1)] public Refusal? Refusal { get; init; }

    public static AgentOutcome Accepted(AgentDetails agent) => new() { Agent = agent };

    public static AgentOutcome Refused(RefusalKind kind, string detail, string? field = null) =>
        new() { Refusal = new Refusal { Kind = kind, Detail = detail, Field = field } };
}

/// <summary>What a pool partition knows of one agent: enough to choose, never authoritative.</summary>
[GenerateSerializer, Immutable, Alias("cx.AgentView")]
public sealed record AgentView
{
    [Id(0)] public required string AgentId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public required AgentStatus Status { get; init; }
    [Id(3)] public required int Capacity { get; init; }
    /// <summary>Conversations held plus slots reserved while pulling from a queue.</summary>
    [Id(4)] public required int Load { get; init; }
    /// <summary>When the agent last took, finished or was freed of a conversation, or became available; the longest idle is chosen first.</summary>
    [Id(5)] public required DateTimeOffset IdleSince { get; init; }
    /// <summary>Increases with every change, so a partition can drop an update older than what it has.</summary>
    [Id(6)] public required long Version { get; init; }

    public int FreeCapacity => Math.Max(0, Capacity - Load);
}

/// <summary>A conversation's request to be moved to a human agent.</summary>
[GenerateSerializer, Immutable, Alias("cx.HandoffRequest")]
public sealed record HandoffRequest
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required string Reason { get; init; }
    [Id(3)] public required DateTimeOffset RequestedAt { get; init; }
    /// <summary>0 (lowest) to 9 (highest): a queue serves higher priority first, then first come, first served.</summary>
    [Id(4)] public int Priority { get; init; } = HandoffPriority.Default;
    /// <summary>Its agent lost it (no first reply in time): it goes back to the head of its queue, not the back.</summary>
    [Id(5)] public bool Front { get; init; }
    /// <summary>Agents never to be given this handoff (they declined it).</summary>
    [Id(6)] public IReadOnlyList<string> Excluded { get; init; } = [];
    /// <summary>When it began to wait, if in another queue before this one (its wait widened): it keeps its seniority.</summary>
    [Id(7)] public DateTimeOffset? WaitingSince { get; init; }
    /// <summary>
    /// With <see cref="Front"/>: the agent it was just taken back from. A pool that still lists it as that agent's lets
    /// it wait again; that agent may be given it again once back on duty.
    /// </summary>
    [Id(8)] public string? TakenFrom { get; init; }
    /// <summary>
    /// An agent the pool lists it with by an acceptance older than the conversation's taking it back from that agent: the
    /// pool lets it wait again, at the head, whoever it was taken from last.
    /// </summary>
    [Id(9)] public string? StaleAgentId { get; init; }
}

/// <summary>The priority scale of conversations and their handoffs.</summary>
public static class HandoffPriority
{
    public const int Lowest = 0;
    public const int Highest = 9;
    public const int Default = 5;
}

/// <summary>Where a handoff request stands in its pool: assigned to an agent, waiting, or not known there.</summary>
[GenerateSerializer, Immutable, Alias("cx.HandoffPlacement")]
public sealed record HandoffPlacement
{
    /// <summary><see cref="HandoffStatus.Assigned"/>, <see cref="HandoffStatus.Queued"/>, or <see cref="HandoffStatus.None"/> when the pool does not hold it.</summary>
    [Id(0)] public required HandoffStatus Status { get; init; }
    [Id(1)] public string? AgentId { get; init; }
    [Id(2)] public string? AgentDisplayName { get; init; }
    [Id(3)] public int? QueuePosition { get; init; }
    [Id(4)] public int? EstimatedWaitSeconds { get; init; }
    /// <summary>While waiting: the open offer of it to an agent, if any.</summary>
    [Id(5)] public string? OfferId { get; init; }
    [Id(6)] public string? OfferedAgentId { get; init; }
    [Id(7)] public DateTimeOffset? OfferExpiresAt { get; init; }
    /// <summary>It no longer waits here: its wait widened and it waits in this pool now.</summary>
    [Id(8)] public string? MovedTo { get; init; }
    /// <summary>With <see cref="MovedTo"/>: the routing step (its index in the tenant's steps) it widened to.</summary>
    [Id(9)] public int? Step { get; init; }
    /// <summary>
    /// While waiting: the last offer of it that was declined or expired, and its agent. That agent tells the conversation
    /// with a one-way message; if that word was lost, the conversation asks the agent how it ended.
    /// </summary>
    [Id(10)] public string? EndedOfferId { get; init; }
    [Id(11)] public string? EndedOfferAgentId { get; init; }

    public static HandoffPlacement Unknown { get; } = new() { Status = HandoffStatus.None };
}

/// <summary>A pool partition asks an agent to take a conversation.</summary>
[GenerateSerializer, Immutable, Alias("cx.AssignmentOffer")]
public sealed record AssignmentOffer
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required string PoolName { get; init; }
}

/// <summary>The agent's answer to an offer, with its current view either way.</summary>
[GenerateSerializer, Immutable, Alias("cx.AssignmentAnswer")]
public sealed record AssignmentAnswer
{
    /// <summary>The agent took it: assigned at once, or (with <see cref="Offer"/>) offered until it answers.</summary>
    [Id(0)] public required bool Accepted { get; init; }
    [Id(1)] public required AgentView Agent { get; init; }
    /// <summary>With offers on: the open offer the agent now holds.</summary>
    [Id(2)] public AgentOffer? Offer { get; init; }
}

/// <summary>Tells a conversation which agent took it.</summary>
[GenerateSerializer, Immutable, Alias("cx.AgentAssignment")]
public sealed record AgentAssignment
{
    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string AgentId { get; init; }
    [Id(2)] public required string AgentDisplayName { get; init; }
    [Id(3)] public required DateTimeOffset AssignedAt { get; init; }
    /// <summary>
    /// The offer the agent accepted to take it, or null when the agent took it without one. The agent's notice of that
    /// offer goes out without waiting and may arrive after this: the conversation then records the offer first.
    /// </summary>
    [Id(4)] public HandoffOfferNotice? Offer { get; init; }
    /// <summary>The queue (pool partition) it was taken from (null from a sender that did not say).</summary>
    [Id(5)] public string? Queue { get; init; }
}

/// <summary>The waiting conversation a pool partition serves next: the earliest of its highest priority.</summary>
[GenerateSerializer, Immutable, Alias("cx.QueueHead")]
public sealed record QueueHead
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required DateTimeOffset EnqueuedAt { get; init; }
    /// <summary>Arrival order within the partition, to break ties between equal times.</summary>
    [Id(3)] public required long Sequence { get; init; }
    /// <summary>0 (lowest) to 9 (highest): an agent takes the highest priority among the heads of its pools first.</summary>
    [Id(4)] public int Priority { get; init; } = HandoffPriority.Default;
}

/// <summary>One queue as <c>GET /v1/queues</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("cx.QueueStats")]
public sealed record QueueStats
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required int Waiting { get; init; }
    [Id(2)] public required int LongestWaitSeconds { get; init; }
    [Id(3)] public required int AvailableAgents { get; init; }
}

/// <summary>
/// How many conversations wait in a pool at each priority (index 0 to 9), and how many of those an agent holds an
/// offer of: what a narrower pool counts as ahead of its own when their agents serve this pool too.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.QueueDepth")]
public sealed record QueueDepth
{
    [Id(0)] public required int[] Waiting { get; init; }
    [Id(1)] public required int[] Offered { get; init; }

    /// <summary>Those waiting at <paramref name="priority"/> or above, and how many of them are under an offer.</summary>
    public (int Waiting, int Offered) AtOrAbove(int priority)
    {
        var (waiting, offered) = (0, 0);
        for (var level = Math.Max(priority, 0); level < Waiting.Length; level++)
        {
            waiting += Waiting[level];
            offered += Offered[level];
        }
        return (waiting, offered);
    }
}

/// <summary>How an offer to an agent ended.</summary>
[GenerateSerializer, Alias("cx.OfferOutcome")]
public enum OfferOutcome
{
    Accepted,
    Declined,
    /// <summary>Not answered in time.</summary>
    Expired,
    /// <summary>The conversation moved on (it ended, or was erased) before the agent answered.</summary>
    Withdrawn,
}

/// <summary>An offer to an agent, as the agent's side of the API lists it.</summary>
[GenerateSerializer, Immutable, Alias("cx.AgentOffer")]
public sealed record AgentOffer
{
    [Id(0)] public required string OfferId { get; init; }
    [Id(1)] public required string ConversationId { get; init; }
    [Id(2)] public required string HandoffId { get; init; }
    [Id(3)] public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>An agent's answer to an offer: the offer it was, or why it cannot be answered so.</summary>
[GenerateSerializer, Immutable, Alias("cx.OfferAnswer")]
public sealed record OfferAnswer
{
    [Id(0)] public AgentOffer? Offer { get; init; }
    [Id(1)] public Refusal? Refusal { get; init; }

    public static OfferAnswer Done(AgentOffer offer) => new() { Offer = offer };

    public static OfferAnswer Refused(RefusalKind kind, string detail, string? field = null) =>
        new() { Refusal = new Refusal { Kind = kind, Detail = detail, Field = field } };
}

/// <summary>An agent tells the pool of a conversation how its offer ended (the agent decides; the pool follows).</summary>
[GenerateSerializer, Immutable, Alias("cx.OfferSettlement")]
public sealed record OfferSettlement
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required string OfferId { get; init; }
    [Id(3)] public required OfferOutcome Outcome { get; init; }
    /// <summary>The agent as it stands after the offer ended.</summary>
    [Id(4)] public required AgentView Agent { get; init; }
    /// <summary>
    /// Why it was declined, when it was: the agent's own words, or <see cref="Facts.HandoffDeclined.AgentOffline"/> /
    /// <see cref="Facts.HandoffDeclined.AgentIneligible"/> / <see cref="Facts.HandoffDeclined.AgentNotResponding"/> when
    /// the cluster declined it for the agent.
    /// </summary>
    [Id(5)] public string? Reason { get; init; }
}

/// <summary>Tells a conversation an offer of its handoff was made (no outcome) or ended.</summary>
[GenerateSerializer, Immutable, Alias("cx.HandoffOfferNotice")]
public sealed record HandoffOfferNotice
{
    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string OfferId { get; init; }
    [Id(2)] public required string AgentId { get; init; }
    [Id(3)] public required DateTimeOffset ExpiresAt { get; init; }
    /// <summary>Null while the offer is open.</summary>
    [Id(4)] public OfferOutcome? Outcome { get; init; }
    [Id(5)] public string? Reason { get; init; }
    [Id(6)] public required DateTimeOffset At { get; init; }
    /// <summary>When the offer was made (null from a sender that did not say).</summary>
    [Id(7)] public DateTimeOffset? OfferedAt { get; init; }
    /// <summary>The queue (pool partition) the offer was made from (null from a sender that did not say).</summary>
    [Id(8)] public string? Queue { get; init; }
}
