namespace CxCluster.Abstractions;

/// <summary>One human agent of one tenant (key: <c>{tenant}/{agentId}</c>); the only authority on its status and capacity.</summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the agent; a new agent starts offline.</summary>
    Task<AgentDetails> Register(AgentProfile profile);

    /// <summary>Creates the agent only if it was never registered (<c>If-None-Match: *</c>); null, changing nothing, if it was.</summary>
    Task<AgentDetails?> RegisterNew(AgentProfile profile);

    /// <summary>Changes the status; becoming available pulls waiting conversations.</summary>
    Task<AgentOutcome> SetStatus(AgentStatus status);

    /// <summary>The agent as it stands, or null if it was never registered.</summary>
    Task<AgentDetails?> Get();

    /// <summary>
    /// The agent is done with a conversation: its capacity frees, the conversation goes back to the AI and the
    /// longest-waiting match is pulled. Safe to retry: a completion already made answers as accepted again.
    /// </summary>
    Task<AgentOutcome> Complete(string conversationId);

    /// <summary>A pool partition offers a conversation; accepted only within status and capacity.</summary>
    Task<AssignmentAnswer> Offer(AssignmentOffer offer);

    /// <summary>The conversation ended or was erased while assigned: free its slot.</summary>
    Task Release(string conversationId, string handoffId);

    /// <summary>How the agent stands now, for a pool re-reading its roster; null if never registered.</summary>
    Task<AgentView?> GetView();

    /// <summary>Whether the agent holds, or has completed, a conversation's handoff (a conversation checking on it).</summary>
    Task<AgentHold> Holds(string conversationId, string handoffId);

    /// <summary>Since when the agent is offline; null while it is on duty (available or away), or if that time is not known.</summary>
    Task<DateTimeOffset?> OfflineSince();

    /// <summary>The offers the agent has not answered yet, oldest first; null if never registered.</summary>
    Task<IReadOnlyList<AgentOffer>?> GetOffers();

    /// <summary>
    /// The agent takes an offered conversation. Refused as a conflict when the offer expired, was declined or was
    /// withdrawn; a repeated accept answers as the first.
    /// </summary>
    Task<OfferAnswer> AcceptOffer(string offerId);

    /// <summary>The agent turns an offer down: it goes to the next agent, never back to this one for this handoff.</summary>
    Task<OfferAnswer> DeclineOffer(string offerId, string? reason);

    /// <summary>
    /// How the agent's offer of a conversation's handoff stands: its notice while open, with how it ended once it did,
    /// or null when the agent has no memory of it. A conversation asks when its pool no longer shows an offer it
    /// recorded as open and no word of its end came (that word is one-way).
    /// </summary>
    Task<HandoffOfferNotice?> GetOffer(string conversationId, string handoffId, string offerId);

    /// <summary>
    /// The offer of a conversation's handoff that the agent accepted, with its outcome, or null when it accepted none it
    /// remembers. A conversation asks when its pool places it with this agent before the agent's own word of the
    /// assignment (which names the offer) came, so its facts show the offer before the assignment.
    /// </summary>
    Task<HandoffOfferNotice?> GetAcceptedOffer(string conversationId, string handoffId);

    /// <summary>
    /// Whether the agent's offer <paramref name="offerId"/> of the conversation may still be answered: open, and before
    /// its deadline, which is later than the recorded one for an offer open when the agent came back into memory.
    /// </summary>
    Task<bool> MayAnswer(string conversationId, string offerId);

    /// <summary>
    /// Ends the offers whose deadline passed (a pool's nudge, should the agent's timer have died with its silo); also the
    /// agent's own nudge to its next activation when its silo stops, which pulls waiting conversations as it starts.
    /// </summary>
    [OneWay]
    Task CheckOffers();

    /// <summary>
    /// The conversation took itself back from the agent (no first reply in time): the slot frees and the agent, silent,
    /// moves to the tenant's not-responding status.
    /// </summary>
    /// <remarks>Kept for silos of the previous version during a rolling upgrade, which tell no reason.</remarks>
    Task Reclaim(string conversationId, string handoffId);

    /// <summary>
    /// The conversation took itself back from the agent for <paramref name="reason"/> (a <c>handoff.reclaimed</c>
    /// reason): the slot frees; only an agent who let the first reply time out moves to the not-responding status, one
    /// taken back because it went offline keeps whatever status it has chosen since.
    /// </summary>
    Task Reclaim(string conversationId, string handoffId, string reason);
}
