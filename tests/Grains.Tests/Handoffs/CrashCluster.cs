using CxCluster.Grains;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CxCluster.Grains.Tests.Handoffs;

/// <summary>
/// A two-silo cluster of its own whose silos fail a call at one armed step of a handoff (once per silo), as if the
/// silo had died there: the grain's memory is dropped and only what it stored remains. Reconciliation runs every second.
/// </summary>
public sealed class CrashCluster : IAsyncDisposable
{
    public const string Tenant = "acme";

    private CrashCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public static async Task<CrashCluster> StartAsync(string? step)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Tenants:{Tenant}:BrandName"] = "Acme",
            [$"Tenants:{Tenant}:DefaultLocale"] = "id-ID",
            ["Handoffs:ReconcileSeconds"] = "1",
            ["Testing:CrashMode"] = "throw",
            ["Testing:CrashAt"] = step,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCxClusterMemoryStorage();
            silo.UseInMemoryReminderService();
            silo.AddCxClusterGrains(configuration);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new CrashCluster(cluster);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    public IConversationGrain Conversation(string id) => Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(Tenant, id));

    public IAgentGrain Agent(string id) => Grains.GetGrain<IAgentGrain>(GrainKeys.Agent(Tenant, id));

    public IAgentPoolGrain Pool(string name = "id/chat") => Grains.GetGrain<IAgentPoolGrain>(GrainKeys.Pool(Tenant, name));

    /// <summary>
    /// Calls until answered, as a platform retries: an armed step fires once in each silo, so recovery itself may meet
    /// it once more in the other silo.
    /// </summary>
    public static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 100 * attempt)));
            }
        }
    }

    /// <summary>
    /// What is wrong between these conversations, agents and the <c>id/chat</c> queue: a conversation with a human its
    /// agent does not hold (or the reverse), one held twice, an agent over capacity, a queue count that does not match.
    /// </summary>
    public async Task<string> FindProblems(IReadOnlyList<string> agentIds, IReadOnlyList<string> conversationIds)
    {
        var problems = new List<string>();
        var agents = (await Task.WhenAll(agentIds.Select(id => Retry(() => Agent(id).Get())))).OfType<AgentDetails>().ToArray();
        var held = agents.SelectMany(a => a.Conversations.Select(c => (Agent: a.AgentId, Conversation: c))).ToArray();
        problems.AddRange(agents.Where(a => a.Conversations.Count > a.Profile.Capacity).Select(a => $"{a.AgentId} is over capacity"));
        problems.AddRange(held.GroupBy(h => h.Conversation).Where(g => g.Count() > 1).Select(g => $"{g.Key} is held by {g.Count()} agents"));
        var queued = 0;
        foreach (var id in conversationIds)
        {
            var snapshot = await Retry(() => Conversation(id).GetSnapshot());
            var holders = held.Where(h => h.Conversation == id).Select(h => h.Agent).ToArray();
            if (snapshot is null)
            {
                problems.Add($"{id} is lost");
                continue;
            }
            if (snapshot.Status == ConversationStatus.Human && !holders.SequenceEqual([snapshot.Handoff.AgentId!]))
            {
                problems.Add($"{id} is with {snapshot.Handoff.AgentId} but held by [{string.Join(", ", holders)}]");
            }
            else if (snapshot.Status != ConversationStatus.Human && holders.Length > 0)
            {
                problems.Add($"{id} is {snapshot.Status} but held by [{string.Join(", ", holders)}]");
            }
            queued += snapshot.Status == ConversationStatus.Queued ? 1 : 0;
        }
        var waiting = (await Retry(() => Pool().GetStats())).Waiting;
        if (waiting != queued)
        {
            problems.Add($"the queue has {waiting} waiting but {queued} conversations are queued");
        }
        return string.Join("; ", problems);
    }

    /// <summary>Waits, without any retry by a platform, until nothing is wrong; fails naming what still was.</summary>
    public Task Converges(IReadOnlyList<string> agentIds, IReadOnlyList<string> conversationIds) =>
        Eventually.ReturnsAsync(() => FindProblems(agentIds, conversationIds), p => p.Length == 0, TimeSpan.FromSeconds(30),
            "conversations, agents and the queue to agree");
}
