namespace CxCluster.TestSupport.Invariants;

/// <summary>The queues against the conversations that say they are queued and the agents that could take them.</summary>
internal static class QueueChecks
{
    public static IEnumerable<string> Problems(IReadOnlyList<QueueStats> queues, int queued, IEnumerable<AgentDetails> agents)
    {
        var waiting = queues.Sum(q => q.Waiting);
        if (waiting != queued)
        {
            yield return $"the queues hold {waiting} ({string.Join(", ", queues.Where(q => q.Waiting > 0).Select(q => $"{q.Name}: {q.Waiting}"))}) " +
                $"but {queued} conversations are queued";
        }
        foreach (var queue in queues.Where(q => q.Waiting > 0))
        {
            // A pool is named language/channel (id/whatsapp).
            var (language, channel) = (queue.Name.Split('/')[0], queue.Name.Split('/')[1]);
            var free = agents
                .Where(a => a.Status == AgentStatus.Available && a.Conversations.Count < a.Profile.Capacity
                    && a.Profile.Languages.Contains(language) && a.Profile.Channels.Any(c => c.Name() == channel))
                .Select(a => a.AgentId)
                .ToList();
            if (free.Count > 0)
            {
                yield return $"{queue.Waiting} wait in {queue.Name} while available agents have a free slot: [{string.Join(", ", free)}]";
            }
        }
    }
}
