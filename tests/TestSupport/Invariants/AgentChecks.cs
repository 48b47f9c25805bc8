namespace CxCluster.TestSupport.Invariants;

/// <summary>Each agent's profile and load, and who holds which conversation.</summary>
internal static class AgentChecks
{
    public static IEnumerable<string> Problems(RegisteredAgent registered, AgentDetails agent)
    {
        if (registered.Profile is { } profile && Describe(profile) != Describe(agent.Profile))
        {
            yield return $"agent {registered.Id} shows {Describe(agent.Profile)}, registered with {Describe(profile)}";
        }
        if (agent.Conversations.Count > agent.Profile.Capacity)
        {
            yield return $"agent {registered.Id} holds {agent.Conversations.Count} conversations, over its capacity of {agent.Profile.Capacity}: " +
                $"[{string.Join(", ", agent.Conversations)}]";
        }
    }

    /// <summary>For each conversation some agent holds, the agents that hold it.</summary>
    public static Dictionary<string, List<string>> Holders(IEnumerable<(string Id, AgentDetails Agent)> agents)
    {
        var holders = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (id, agent) in agents)
        {
            foreach (var conversation in agent.Conversations)
            {
                (holders.TryGetValue(conversation, out var list) ? list : holders[conversation] = []).Add(id);
            }
        }
        return holders;
    }

    public static IEnumerable<string> HolderProblems(Dictionary<string, List<string>> holders, IReadOnlySet<string> started)
    {
        foreach (var (conversation, agents) in holders.Where(h => h.Value.Count > 1))
        {
            yield return $"{conversation} is held by {agents.Count} agents: [{string.Join(", ", agents)}]";
        }
        foreach (var (conversation, agents) in holders.Where(h => !started.Contains(h.Key)))
        {
            yield return $"[{string.Join(", ", agents)}] hold {conversation}, which was never started";
        }
    }

    private static string Describe(AgentProfile profile) =>
        $"capacity {profile.Capacity}, languages [{string.Join(", ", profile.Languages)}], channels [{string.Join(", ", profile.Channels.Select(c => c.Name()))}]";
}
