namespace CxCluster.Grains.Agents;

/// <summary>The names of one tenant's pool partitions; written only when a partition is first used.</summary>
internal sealed class AgentPoolDirectoryGrain(
    [PersistentState("pools", CxStorage.Name)] IPersistentState<AgentPoolDirectoryState> store) : Grain, IAgentPoolDirectoryGrain
{
    async Task IAgentPoolDirectoryGrain.Register(string poolName)
    {
        if (store.State.Pools.Add(poolName))
        {
            await store.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<string>> IAgentPoolDirectoryGrain.List() => Task.FromResult<IReadOnlyList<string>>(store.State.Pools.ToArray());
}
