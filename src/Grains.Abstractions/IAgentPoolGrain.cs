namespace CxCluster.Abstractions;

/// <summary>
/// One partition of a tenant's supervisor pool (key: <c>{tenant}/{language}/{channel}</c>): the agents who serve that
/// language and channel and the conversations waiting for one, first come, first served.
/// </summary>
public interface IAgentPoolGrain : IGrainWithStringKey
{
    /// <summary>Assigns the conversation to the longest-idle fitting agent, or queues it.</summary>
    Task<HandoffPlacement> Request(HandoffRequest request);

    /// <summary>Where a request stands now (its queue position moves as others are served).</summary>
    Task<HandoffPlacement> Locate(string conversationId, string handoffId);

    /// <summary>Withdraws a waiting request; answers where it stood (an agent may have taken it just before).</summary>
    Task<HandoffPlacement> Cancel(string conversationId, string handoffId);

    /// <summary>The first waiting request this agent may be given (nobody holds an offer of it, the agent did not pass on it), or null.</summary>
    Task<QueueHead?> PeekHead(string agentId);

    /// <summary>
    /// An agent with a reserved free slot takes a waiting request, or (with <paramref name="offer"/>) holds an offer of it;
    /// false if it is no longer waiting or no longer the agent's to take.
    /// </summary>
    Task<bool> Claim(string conversationId, string handoffId, AgentView agent, AgentOffer? offer);

    /// <summary>An agent tells how an offer ended; false when the request no longer waits here (it moved on).</summary>
    Task<bool> SettleOffer(OfferSettlement settlement);

    /// <summary>Adds or refreshes an agent in the roster and serves the queue if it can take work.</summary>
    Task UpsertAgent(AgentView agent);

    /// <summary>Takes an agent out of the roster (it no longer serves this language or channel).</summary>
    Task RemoveAgent(string agentId);

    /// <summary>Refreshes the roster's view of an agent after a change elsewhere.</summary>
    [OneWay]
    Task AgentChanged(AgentView agent);

    /// <summary>Feeds the average handling time that wait estimates use.</summary>
    [OneWay]
    Task RecordHandled(TimeSpan handlingTime);

    /// <summary>The queue's figures for <c>GET /v1/queues</c>.</summary>
    Task<QueueStats> GetStats();

    /// <summary>How many wait here at each priority; answered between other calls, as it only reads.</summary>
    [AlwaysInterleave]
    Task<QueueDepth> GetDepth();

    /// <summary>The agents who serve this partition, as the partition last saw them (the agents themselves are the authority).</summary>
    Task<IReadOnlyList<AgentView>> GetRoster();
}

/// <summary>The names of one tenant's pool partitions (key: the tenant id), written only when a partition is first used.</summary>
public interface IAgentPoolDirectoryGrain : IGrainWithStringKey
{
    Task Register(string poolName);

    Task<IReadOnlyList<string>> List();
}

/// <summary>A cheap call that proves the cluster answers (for readiness checks).</summary>
public interface IClusterProbeGrain : IGrainWithIntegerKey
{
    Task<DateTimeOffset> Ping();
}
