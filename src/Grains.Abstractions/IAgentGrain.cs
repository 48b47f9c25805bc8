namespace CxCluster.Abstractions;

/// <summary>One human agent of one tenant (key: <c>{tenant}/{agentId}</c>); the only authority on its status and capacity.</summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the agent; a new agent starts offline.</summary>
    Task<AgentDetails> Register(AgentProfile profile);

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
}
