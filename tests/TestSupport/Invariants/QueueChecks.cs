namespace CxCluster.TestSupport.Invariants;

/// <summary>The queues against the conversations that say they are queued, and those against the agents that could take them.</summary>
internal static class QueueChecks
{
    /// <summary>The queues' counts against the conversations that say they are queued.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<QueueStats> queues, int queued)
    {
        var waiting = queues.Sum(q => q.Waiting);
        if (waiting != queued)
        {
            yield return $"the queues hold {waiting} ({string.Join(", ", queues.Where(q => q.Waiting > 0).Select(q => $"{q.Name}: {q.Waiting}"))}) " +
                $"but {queued} conversations are queued";
        }
    }

    /// <summary>
    /// No conversation waits, offered to no one, while an available agent who speaks its language and serves its channel
    /// has a free slot (its conversations and open offers below its capacity) and has not declined it. Each agent comes
    /// with how many open offers it has.
    /// </summary>
    public static IEnumerable<string> WaitingProblems(
        IEnumerable<ConversationSnapshot> conversations, IReadOnlyList<(AgentDetails Agent, int Offered)> agents, IReadOnlySet<(string AgentId, string ConversationId)> declined)
    {
        foreach (var waiting in conversations.Where(c => c is { Status: ConversationStatus.Queued, Handoff.Status: HandoffStatus.Queued }))
        {
            var language = GrainKeys.Language(waiting.Locale);
            var free = agents
                .Where(a => a.Agent.Status == AgentStatus.Available && a.Agent.Conversations.Count + a.Offered < a.Agent.Profile.Capacity
                    && a.Agent.Profile.Languages.Contains(language) && a.Agent.Profile.Channels.Contains(waiting.Channel)
                    && !declined.Contains((a.Agent.AgentId, waiting.Id)))
                .Select(a => a.Agent.AgentId)
                .ToList();
            if (free.Count > 0)
            {
                yield return $"{waiting.Id} waits ({language}, {waiting.Channel.Name()}) while available agents have a free slot: [{string.Join(", ", free)}]";
            }
        }
    }
}
