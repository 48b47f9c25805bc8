namespace CxCluster.Grains.Agents;

/// <summary>Which agents may take a conversation, best first: available, with free capacity, the one idle longest.</summary>
public static class AgentChoice
{
    /// <summary>
    /// The pool's roster is already one language and channel, so fitting means available with a free slot; ties in
    /// idle time go to the agent with more free slots, then by id so the order is stable.
    /// </summary>
    public static IEnumerable<AgentView> Rank(IEnumerable<AgentView> roster) => roster
        .Where(agent => agent.Status == AgentStatus.Available && agent.FreeCapacity > 0)
        .OrderBy(agent => agent.IdleSince)
        .ThenByDescending(agent => agent.FreeCapacity)
        .ThenBy(agent => agent.AgentId, StringComparer.Ordinal);

    /// <summary>Whether an agent with this profile serves a conversation in this language on this channel.</summary>
    public static bool Serves(AgentProfile profile, string language, Channel channel) =>
        profile.Channels.Contains(channel) && profile.Languages.Contains(language, StringComparer.OrdinalIgnoreCase);

    /// <summary>The pool partitions an agent belongs to: one per language and channel it serves.</summary>
    public static IEnumerable<string> Pools(AgentProfile profile) =>
        from language in profile.Languages.Distinct(StringComparer.OrdinalIgnoreCase)
        from channel in profile.Channels.Distinct()
        select GrainKeys.PoolName(language.ToLowerInvariant(), channel);

    /// <summary>The oldest waiting conversation among the heads of several queues (arrival time, then order of arrival).</summary>
    public static (string Pool, QueueHead Head)? Oldest(IEnumerable<(string Pool, QueueHead? Head)> heads) => heads
        .Where(h => h.Head is not null)
        .Select(h => (h.Pool, Head: h.Head!))
        .OrderBy(h => h.Head.EnqueuedAt)
        .ThenBy(h => h.Head.Sequence)
        .ThenBy(h => h.Pool, StringComparer.Ordinal)
        .Cast<(string, QueueHead)?>()
        .FirstOrDefault();
}
