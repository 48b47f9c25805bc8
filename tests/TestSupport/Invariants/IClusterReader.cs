namespace CxCluster.TestSupport.Invariants;

/// <summary>How the invariant checker reads one tenant of the cluster: through the grains, or over HTTP as a platform does.</summary>
public interface IClusterReader
{
    /// <summary>The agent, or null when the cluster does not know it.</summary>
    Task<AgentDetails?> AgentAsync(string agentId);

    /// <summary>The conversations offered to the agent now (open offers, not yet answered), or null when the cluster does not know it.</summary>
    Task<IReadOnlyList<string>?> OfferedAsync(string agentId);

    /// <summary>The conversation, or null when the cluster does not know it.</summary>
    Task<ConversationSnapshot?> ConversationAsync(string conversationId);

    /// <summary>Every queue of the tenant.</summary>
    Task<IReadOnlyList<QueueStats>> QueuesAsync();
}

/// <summary>Makes a call to the cluster, retried as the caller's platform retries.</summary>
public interface ICallRetry
{
    Task<T> CallAsync<T>(Func<Task<T>> call);
}
