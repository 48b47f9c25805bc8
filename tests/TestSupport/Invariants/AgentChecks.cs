namespace CxCluster.TestSupport.Invariants;

/// <summary>Each agent's profile and load, and who holds which conversation.</summary>
internal static class AgentChecks
{
    /// <summary>The agent's profile as registered, and its conversations and open offers (each takes a slot) within its capacity.</summary>
    public static IEnumerable<string> Problems(RegisteredAgent registered, AgentDetails agent, IReadOnlyList<string> offered)
    {
        if (registered.Profile is { } profile && Describe(profile) != Describe(agent.Profile))
        {
            yield return $"agent {registered.Id} shows {Describe(agent.Profile)}, registered with {Describe(profile)}";
        }
        if (agent.Conversations.Count + offered.Count > agent.Profile.Capacity)
        {
            yield return $"agent {registered.Id} holds {agent.Conversations.Count} conversations and {offered.Count} open offers, over its capacity of " +
                $"{agent.Profile.Capacity}: [{string.Join(", ", agent.Conversations)}], offered [{string.Join(", ", offered)}]";
        }
    }

    /// <summary>For each conversation in some agent's list (held, or offered), the agents whose list has it.</summary>
    public static Dictionary<string, List<string>> Holders(IEnumerable<(string Id, IReadOnlyList<string> Conversations)> agents)
    {
        var holders = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (id, conversations) in agents)
        {
            foreach (var conversation in conversations)
            {
                (holders.TryGetValue(conversation, out var list) ? list : holders[conversation] = []).Add(id);
            }
        }
        return holders;
    }

    /// <summary>
    /// No conversation in two agents' lists, nor one never started; the list's verb names it: ("held", "hold") or
    /// ("offered", "offer").
    /// </summary>
    public static IEnumerable<string> HolderProblems(Dictionary<string, List<string>> holders, IReadOnlySet<string> started, string done, string doing)
    {
        foreach (var (conversation, agents) in holders.Where(h => h.Value.Count > 1))
        {
            yield return $"{conversation} is {done} by {agents.Count} agents: [{string.Join(", ", agents)}]";
        }
        foreach (var (conversation, agents) in holders.Where(h => !started.Contains(h.Key)))
        {
            yield return $"[{string.Join(", ", agents)}] {doing} {conversation}, which was never started";
        }
    }

    private static string Describe(AgentProfile profile) =>
        $"capacity {profile.Capacity}, languages [{string.Join(", ", profile.Languages)}], channels [{string.Join(", ", profile.Channels.Select(c => c.Name()))}]";
}
