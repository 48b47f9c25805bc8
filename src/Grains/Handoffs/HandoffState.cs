namespace CxCluster.Grains.Handoffs;

/// <summary>The handoff's slice of a conversation's state: the current (or last) move to a human, and what a left one still holds.</summary>
[GenerateSerializer, Alias("cx.HandoffState")]
public sealed class HandoffState
{
    /// <summary>The current or last move to a human.</summary>
    [Id(0)] public HandoffRecord? Current { get; set; }

    /// <summary>How many handoffs were requested; numbers the next handoff id.</summary>
    [Id(1)] public int Count { get; set; }

    /// <summary>The conversation left a handoff (ended or erased) and must still free its queue place or agent.</summary>
    [Id(2)] public PendingRelease? Release { get; set; }
}

/// <summary>The current or last move to a human.</summary>
[GenerateSerializer, Alias("cx.HandoffRecord")]
public sealed class HandoffRecord
{
    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string Reason { get; init; }
    [Id(2)] public required DateTimeOffset RequestedAt { get; init; }
    /// <summary>The pool partition it waits in (another one once its wait widened).</summary>
    [Id(3)] public required string PoolName { get; set; }
    [Id(4)] public HandoffStatus Status { get; set; }
    [Id(5)] public string? AgentId { get; set; }
    [Id(6)] public string? AgentDisplayName { get; set; }
    [Id(7)] public int? QueuePosition { get; set; }
    [Id(8)] public int? EstimatedWaitSeconds { get; set; }
    [Id(9)] public DateTimeOffset? AssignedAt { get; set; }
    /// <summary>Stored before the pool is asked and cleared once its answer is stored: the request must be (re)sent.</summary>
    [Id(10)] public bool AwaitingPool { get; set; }
    /// <summary>The open offer of this handoff to an agent, if one is open now.</summary>
    [Id(11)] public string? OfferId { get; set; }
    /// <summary>The agent the open offer was made to: with the assigned agent, the only one who may read the context.</summary>
    [Id(12)] public string? OfferedAgentId { get; set; }
    [Id(13)] public DateTimeOffset? OfferExpiresAt { get; set; }
    /// <summary>The assigned agent has written to the customer (or no first reply was due).</summary>
    [Id(14)] public bool Replied { get; set; }
    /// <summary>An agent lost it: it goes back to the head of its queue, not the back.</summary>
    [Id(15)] public bool Reclaimed { get; set; }
    /// <summary>Agents who declined it: never offered it again.</summary>
    [Id(16)] public List<string> Passed { get; set; } = [];
    /// <summary>The routing step it is at (its index in the tenant's steps).</summary>
    [Id(17)] public int Step { get; set; }
    /// <summary>
    /// The offers of it that expired (<see cref="OfferKey"/>), so a repeated notice of one is no news. An agent who let
    /// an offer expire is off duty meanwhile and may be offered it again once back.
    /// </summary>
    [Id(18)] public List<string> ExpiredOffers { get; set; } = [];
    /// <summary>
    /// Agents it was taken back from (no first reply, or gone offline first), and when. Like one who let an offer expire,
    /// such an agent may be given it again once back on duty; word of an assignment to them from before that is stale.
    /// </summary>
    [Id(19)] public Dictionary<string, DateTimeOffset> Lost { get; set; } = [];
    /// <summary>
    /// Offers of it (<see cref="OfferKey"/>) that a later offer replaced while no word of their end had come: word of
    /// their making is no news, word of their end still is.
    /// </summary>
    [Id(20)] public List<string> Superseded { get; set; } = [];
    /// <summary>
    /// Queues it moved away from while it waited (its channel or language changed) that may still list it: each is left,
    /// with any offer made there, then dropped from here. Never the queue it waits in now.
    /// </summary>
    [Id(21)] public List<string> PoolsLeft { get; set; } = [];
    /// <summary>It moved to another queue while it waited: it keeps its seniority there, waiting since <see cref="QueuedAt"/>.</summary>
    [Id(22)] public bool Moved { get; set; }
    /// <summary>When it first took a place in a queue (its first <c>handoff.queued</c>, by the cluster's clock).</summary>
    [Id(23)] public DateTimeOffset? QueuedAt { get; set; }
    /// <summary>
    /// Every queue its conversation moved it away from while it waited (a channel or language changed), as its facts
    /// tell: an offer or an assignment made there and heard of late is ended by the move, never taken.
    /// </summary>
    [Id(24)] public List<string> MovedFrom { get; set; } = [];
    /// <summary>
    /// When the customer last wrote more than thanks, an acknowledgement or a greeting since the assigned agent's latest
    /// message: from then the customer waits for that agent's answer. Null when the agent spoke last.
    /// </summary>
    [Id(25)] public DateTimeOffset? CustomerWroteAt { get; set; }
    /// <summary>How many such messages the customer wrote since the assignment: what the customer wrote after a moment is counted, not timed.</summary>
    [Id(26)] public int CustomerWrites { get; set; }

    /// <summary>Whether <paramref name="queue"/> is one it was moved away from and does not wait in now.</summary>
    public bool LeftQueue(string? queue) => queue is not null && queue != PoolName && MovedFrom.Contains(queue);

    /// <summary>While it waits again after being taken back: the agent it was taken from last, for its pool.</summary>
    public string? TakenFrom => Reclaimed && Lost.Count > 0 ? Lost.MaxBy(lost => lost.Value).Key : null;

    /// <summary>Whether word that this agent holds it is older than when it was taken back from them.</summary>
    public bool LostBy(string agentId, DateTimeOffset assignedAt) => Lost.TryGetValue(agentId, out var lostAt) && assignedAt <= lostAt;

    /// <summary>How an offer (an expired or a replaced one) is told apart: offer ids are numbered per agent.</summary>
    public static string OfferKey(string agentId, string offerId) => $"{agentId}/{offerId}";

    /// <summary>The agent of an offer's <see cref="OfferKey"/> (offer ids hold no slash, agent ids may).</summary>
    public static string AgentOfKey(string key) => key[..key.LastIndexOf('/')];

    /// <summary>
    /// The agents other than <paramref name="assignee"/> it was offered to whose offer's end was never heard: the open
    /// offer and those a later offer replaced. Each may still hold its offer open.
    /// </summary>
    public IEnumerable<string> OthersOffered(string assignee) =>
        Superseded.Select(AgentOfKey).Append(OfferedAgentId).OfType<string>().Where(agentId => agentId != assignee).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Whether its pool showed an open offer of it when last asked (a read asks), or null when no pool was asked since
    /// the recorded offers last changed. Never stored: what the pool shows is not a fact, and an agent's word of an offer
    /// made or ended may reach the conversation after the pool already shows it.
    /// </summary>
    [field: NonSerialized] public bool? PoolShowsOffer { get; set; }

    /// <summary>
    /// As the snapshot shows it: offered while an offer is open (as its pool last showed, or else as recorded), otherwise
    /// the status.
    /// </summary>
    public HandoffStatus ShownStatus => Status == HandoffStatus.Queued && (PoolShowsOffer ?? OfferedAgentId is not null) ? HandoffStatus.Offered : Status;

    /// <summary>The offer is no longer open.</summary>
    public void CloseOffer()
    {
        OfferId = null;
        OfferedAgentId = null;
        OfferExpiresAt = null;
        PoolShowsOffer = null;
    }
}

/// <summary>A handoff the conversation left, whose queue place or agent has not been freed yet.</summary>
[GenerateSerializer, Immutable, Alias("cx.PendingRelease")]
public sealed record PendingRelease
{
    [Id(0)] public required string HandoffId { get; init; }
    [Id(1)] public required string PoolName { get; init; }
    /// <summary>The agent the conversation was with, if any; the pool names one that took it meanwhile.</summary>
    [Id(2)] public string? AgentId { get; init; }
}
