namespace CxCluster.Settings;

/// <summary>The named steps of a handoff between which a silo can die; crash tests arm them one at a time.</summary>
public static class CrashPoint
{
    /// <summary>The agent stored a completion and has not told the conversation yet.</summary>
    public const string AgentCompleteStored = "agent.complete.stored";
    /// <summary>The conversation was told of a completion; the agent has not stored that it told it.</summary>
    public const string AgentCompleteTold = "agent.complete.told";
    /// <summary>The agent stored a conversation a pool offered it and has not answered the pool yet.</summary>
    public const string AgentTakeStored = "agent.take.stored";
    /// <summary>The agent stored a claim on a waiting conversation and has not asked the pool yet.</summary>
    public const string AgentClaimStored = "agent.claim.stored";
    /// <summary>The agent stored a conversation it claimed from a queue and has not told the conversation yet.</summary>
    public const string AgentClaimConfirmed = "agent.claim.confirmed";
    /// <summary>A pool heard that an agent took an offer and has not stored or told anyone yet.</summary>
    public const string PoolOfferAccepted = "pool.offer.accepted";
    /// <summary>The conversation stored a new handoff and has not asked the pool yet.</summary>
    public const string ConversationHandoffStored = "conversation.handoff.stored";
    /// <summary>The pool placed a handoff and the conversation has not stored the placement yet.</summary>
    public const string ConversationHandoffPlaced = "conversation.handoff.placed";
    /// <summary>The conversation stored that it ended (or was erased) and has not freed its queue place or agent yet.</summary>
    public const string ConversationReleaseStored = "conversation.release.stored";
    /// <summary>The conversation stored its erasure (and freed what it held) and has not removed its journal's personal data yet.</summary>
    public const string ConversationErasureStored = "conversation.erasure.stored";
    /// <summary>The agent stored a new status and has not told its pools yet.</summary>
    public const string AgentStatusStored = "agent.status.stored";
    /// <summary>A conversation's facts are in its journal, its state not stored yet.</summary>
    public const string ConversationFactsAppended = "conversation.facts.appended";
    /// <summary>The conversation stored that it took itself back from its agent and has not told the agent or its pool yet.</summary>
    public const string ConversationReclaimStored = "conversation.reclaim.stored";

    /// <summary>The agent stored that an offer was declined or expired and has not told its pool or the conversation yet.</summary>
    public const string AgentOfferEnded = "agent.offer.ended";

    public static IReadOnlyList<string> All { get; } =
    [
        AgentCompleteStored, AgentCompleteTold, AgentTakeStored, AgentClaimStored, AgentClaimConfirmed,
        PoolOfferAccepted, ConversationHandoffStored, ConversationHandoffPlaced, ConversationReleaseStored, AgentStatusStored,
        ConversationFactsAppended, ConversationReclaimStored, AgentOfferEnded, ConversationErasureStored,
    ];
}
