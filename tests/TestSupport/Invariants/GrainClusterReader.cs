namespace CxCluster.TestSupport.Invariants;

/// <summary>Reads a tenant through its grains, each call straight or through <paramref name="retry"/>.</summary>
public sealed class GrainClusterReader(IGrainFactory grains, string tenant, ICallRetry? retry = null) : IClusterReader
{
    public Task<AgentDetails?> AgentAsync(string agentId) =>
        Call(() => grains.Agent(tenant, agentId).Get());

    public async Task<IReadOnlyList<string>?> OfferedAsync(string agentId) =>
        await Call(() => grains.Agent(tenant, agentId).GetOffers()) is { } offers ? [.. offers.Select(o => o.ConversationId)] : null;

    public Task<ConversationSnapshot?> ConversationAsync(string conversationId) =>
        Call(() => grains.Conversation(tenant, conversationId).GetSnapshot());

    /// <summary>The queues the tenant's pool directory names, as <c>GET /v1/queues</c> finds them.</summary>
    public async Task<IReadOnlyList<QueueStats>> QueuesAsync()
    {
        var names = await Call(() => grains.GetGrain<IAgentPoolDirectoryGrain>(tenant).List());
        return await Task.WhenAll(names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(async name =>
            await Call(() => grains.Pool(tenant, name).GetStats()) with { Name = name }));
    }

    private Task<T> Call<T>(Func<Task<T>> call) => retry is null ? call() : retry.CallAsync(call);
}
