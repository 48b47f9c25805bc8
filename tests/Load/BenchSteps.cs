namespace CxCluster.Load;

/// <summary>Steps the agent-side benchmarks share: agents coming on duty and customers asking for a person.</summary>
internal static class BenchSteps
{
    /// <summary>Runs <paramref name="work"/> for 0 to <paramref name="count"/> - 1, <paramref name="concurrency"/> at a time.</summary>
    public static Task ForEachAsync(int count, int concurrency, Func<int, Task> work) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await work(i));

    /// <summary>Agent <paramref name="agentId"/> registers (English, chat) with <paramref name="capacity"/> and becomes available.</summary>
    public static async Task RegisterAvailableAsync(IGrainFactory grains, string tenant, string agentId, string displayName, int capacity)
    {
        var agent = grains.Agent(tenant, agentId);
        await agent.Register(new AgentProfile { DisplayName = displayName, Languages = ["en"], Channels = [Channel.Chat], Capacity = capacity });
        await agent.SetStatus(AgentStatus.Available);
    }

    /// <summary>A conversation starts (English, chat) and its customer asks for a person; true if the answer hands it off.</summary>
    public static async Task<bool> AskForPersonAsync(IGrainFactory grains, string tenant, string conversationId)
    {
        var conversation = grains.Conversation(tenant, conversationId);
        var now = DateTimeOffset.UtcNow;
        await conversation.Apply(new ConversationStartedEvent { Id = $"{conversationId}-0", OccurredAt = now, Channel = Channel.Chat, Locale = "en-US" }, AnswerShape.Summary);
        var outcome = await conversation.Apply(new CustomerMessageEvent { Id = $"{conversationId}-1", OccurredAt = now, Text = "I want to talk to a human agent" }, AnswerShape.Summary);
        return outcome.Result?.Directives.OfType<HandoffDirective>().Any() == true;
    }
}
