namespace CxCluster.Grains.Agents;

/// <summary>
/// Which agents may take a conversation, best first: available, with free capacity, the lowest share of capacity in
/// use, then the one idle longest; and which waiting conversation an agent takes first.
/// </summary>
public static class AgentChoice
{
    /// <summary>
    /// The pool's roster is already one language and channel, so fitting means available with a free slot; then the
    /// lowest share of capacity in use, the longest idle, and the id so the order is stable.
    /// </summary>
    /// <remarks>
    /// Lazy, best first: a heap is built in one pass and only as many agents are taken off it as are asked for, so
    /// choosing among ten thousand agents costs a pass, not a sort.
    /// </remarks>
    public static IEnumerable<AgentView> Rank(IEnumerable<AgentView> roster)
    {
        var heap = new PriorityQueue<AgentView, AgentView>(
            roster.Where(CanTake).Select(agent => (agent, agent)), BestFirst);
        while (heap.TryDequeue(out var agent, out _))
        {
            yield return agent;
        }
    }

    /// <summary>Available with a free slot.</summary>
    public static bool CanTake(AgentView agent) => agent.Status == AgentStatus.Available && agent.FreeCapacity > 0;

    /// <summary>The lowest share of capacity in use, then the longest idle, then the id.</summary>
    private static readonly Comparer<AgentView> BestFirst = Comparer<AgentView>.Create((a, b) =>
    {
        // Load/Capacity compared exactly, by cross-multiplying: 1/3 and 2/6 are equal, as fractions are.
        var byShare = ((long)a.Load * b.Capacity).CompareTo((long)b.Load * a.Capacity);
        if (byShare != 0)
        {
            return byShare;
        }
        var byIdle = a.IdleSince.CompareTo(b.IdleSince);
        return byIdle != 0 ? byIdle : string.CompareOrdinal(a.AgentId, b.AgentId);
    });


    /// <summary>Whether an agent with this profile serves a conversation in this language on this channel.</summary>
    public static bool Serves(AgentProfile profile, string language, Channel channel) =>
        profile.Channels.Contains(channel) && profile.Languages.Contains(language, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The pool partitions an agent belongs to: one per language and channel it serves, and one per language where
    /// conversations wait whose wait widened to any channel (when the tenant's steps widen so).
    /// </summary>
    public static IEnumerable<string> Pools(AgentProfile profile, bool widens = false)
    {
        var languages = profile.Languages.Select(l => l.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        var pools = from language in languages
                    from channel in profile.Channels.Distinct()
                    select GrainKeys.PoolName(language, channel);
        return widens ? pools.Concat(languages.Select(GrainKeys.LanguagePoolName)) : pools;
    }

    /// <summary>
    /// The waiting conversation an agent takes next among the heads of its pools: the highest priority, then the one
    /// that waited longest (arrival time, then order of arrival), then the pool's name so the choice is stable.
    /// </summary>
    public static (string Pool, QueueHead Head)? Next(IEnumerable<(string Pool, QueueHead? Head)> heads) => heads
        .Where(h => h.Head is not null)
        .Select(h => (h.Pool, Head: h.Head!))
        .OrderByDescending(h => h.Head.Priority)
        .ThenBy(h => h.Head.EnqueuedAt)
        .ThenBy(h => h.Head.Sequence)
        .ThenBy(h => h.Pool, StringComparer.Ordinal)
        .Cast<(string, QueueHead)?>()
        .FirstOrDefault();
}
