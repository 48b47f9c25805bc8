using CxCluster.Grains.Journal;
using CxCluster.TestSupport.Hosting;
using CxCluster.TestSupport.Invariants;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CxCluster.Grains.Tests.Handoffs;

/// <summary>
/// A two-silo cluster of its own whose silos fail a call at one armed step of a handoff (once per silo), as if the
/// silo had died there: the grain's memory is dropped and only what it stored remains. Reconciliation runs every second.
/// </summary>
public sealed class CrashCluster : IAsyncDisposable
{
    public const string Tenant = "acme";

    private CrashCluster(InProcessTestCluster cluster, MemoryFactJournal journal) => (Cluster, Journal) = (cluster, journal);

    public InProcessTestCluster Cluster { get; }

    /// <summary>The journal both silos append to.</summary>
    public MemoryFactJournal Journal { get; }

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>
    /// Starts the cluster with <paramref name="step"/> armed; <paramref name="firstReplySeconds"/> 0 takes no conversation
    /// back for silence, <paramref name="offerSeconds"/> 0 assigns without an offer; <paramref name="silo"/> adds to each silo
    /// (a call filter that loses words, say).
    /// </summary>
    public static async Task<CrashCluster> StartAsync(string? step, int firstReplySeconds = 0, int offerSeconds = 0, Action<ISiloBuilder>? silo = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Tenants:{Tenant}:BrandName"] = "Acme",
            [$"Tenants:{Tenant}:DefaultLocale"] = "id-ID",
            ["Routing:OfferTimeoutSeconds"] = offerSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Routing:FirstReplySeconds"] = firstReplySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Handoffs:ReconcileSeconds"] = "1",
            ["Testing:CrashMode"] = "throw",
            ["Testing:CrashAt"] = step,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var journal = new MemoryFactJournal();
        Action<InProcessTestClusterBuilder>? configure = silo is null ? null : builder => builder.ConfigureSilo((_, each) => silo(each));
        return new CrashCluster(await InProcessCluster.StartAsync(2, configuration, configure: configure, journal: journal), journal);
    }

    public async ValueTask DisposeAsync()
    {
        await ClusterStop.StopAsync(Cluster);
    }

    public IConversationGrain Conversation(string id) => Grains.Conversation(Tenant, id);

    public IAgentGrain Agent(string id) => Grains.Agent(Tenant, id);

    public IAgentPoolGrain Pool(string name = "id/chat") => Grains.Pool(Tenant, name);

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

    /// <summary>As <see cref="Retry{T}(Func{Task{T}})"/>, for calls answered as a <see cref="ValueTask{T}"/>.</summary>
    public static Task<T> Retry<T>(Func<ValueTask<T>> call) => Retry(() => call().AsTask());

    /// <summary>
    /// Waits, without any retry by a platform (the checker's reads are retried as <see cref="Retry{T}"/> retries), until
    /// these agents, conversations and the queues agree (<see cref="ClusterInvariants"/>); fails naming what still did not.
    /// </summary>
    public Task Converges(IReadOnlyList<string> agentIds, IReadOnlyList<string> conversationIds) =>
        ClusterInvariants.ConvergeAsync(
            new GrainClusterReader(Grains, Tenant, new RetriedCalls()),
            new ExpectedCluster([.. agentIds.Select(id => new RegisteredAgent(id))], [.. conversationIds.Select(id => new ExpectedConversation(id))]),
            TimeSpan.FromSeconds(30), "conversations, agents and the queue to agree");

    private sealed class RetriedCalls : ICallRetry
    {
        public Task<T> CallAsync<T>(Func<Task<T>> call) => Retry(call);
    }
}
