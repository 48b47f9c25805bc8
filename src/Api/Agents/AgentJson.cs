namespace CxCluster.Api.Agents;

/// <summary>The body of <c>PUT /v1/agents/{agentId}</c>.</summary>
public sealed record AgentProfileJson(
    string DisplayName,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Channels,
    int Capacity);

/// <summary>The body of <c>POST /v1/agents/{agentId}/status</c>: available, away or offline.</summary>
public sealed record AgentStatusJson(string Status);

/// <summary>A human agent: its profile, its status and the conversations assigned to it now.</summary>
public sealed record AgentJson(
    string AgentId,
    string DisplayName,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Channels,
    int Capacity,
    string Status,
    IReadOnlyList<string> Conversations)
{
    public static AgentJson Of(AgentDetails agent) => new(
        agent.AgentId,
        agent.Profile.DisplayName,
        agent.Profile.Languages,
        agent.Profile.Channels.Select(c => c.Name()).ToList(),
        agent.Profile.Capacity,
        agent.Status.Name(),
        agent.Conversations);
}
