using Orleans.TestingHost;
using CxCluster.TestSupport.Hosting;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>
/// A deadline outlives the silo that set it, on real PostgreSQL: the silo holding an agent with an open offer, or a
/// conversation waiting for its agent's first reply, is killed, and the deadline is still kept on another silo.
/// </summary>
public sealed class DeadlineSurvivalTests : IAsyncLifetime
{
    private const string OfferSeconds = "3";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private PostgresDatabase _database = null!;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _cluster = await DurableCluster.StartAsync(_database.ConnectionString, silos: 3, new Dictionary<string, string?>
        {
            ["Routing:OfferTimeoutSeconds"] = OfferSeconds,
            ["Routing:FirstReplySeconds"] = "4",
            ["Handoffs:ReconcileSeconds"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        await ClusterStop.StopAsync(_cluster);
        await _database.DisposeAsync();
    }

    private IAgentGrain Agent(string id) => _cluster.GrainFactory.Agent(DurableCluster.Tenant, id);

    private IConversationGrain Conversation(string id) => _cluster.GrainFactory.Conversation(DurableCluster.Tenant, id);

    private async Task<IAgentGrain> Online(string id)
    {
        var agent = Agent(id);
        await agent.Register(new AgentProfile { DisplayName = id, Languages = ["id"], Channels = [Channel.Chat], Capacity = 1 });
        await agent.SetStatus(AgentStatus.Available);
        return agent;
    }

    private async Task AskForPerson(string conversationId)
    {
        await Conversation(conversationId).Apply(Started(Channel.Chat, "id-ID"));
        await Conversation(conversationId).Apply(Customer("saya mau bicara dengan CS"));
    }

    /// <summary>Kills the silo the grain lives on.</summary>
    private async Task KillHostOf(IAddressable grain)
    {
        var host = await _cluster.GrainFactory.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        await _cluster.KillSiloAsync(_cluster.Silos.Single(s => s.SiloAddress.Equals(host)));
    }

    private static async Task<T> Reachable<T>(Func<Task<T>> read, Func<T, bool> accept, string what) =>
        (await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    return (Ok: true, Value: await read().WaitAsync(TimeSpan.FromSeconds(5)));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return (Ok: false, Value: default(T)!);
                }
            },
            r => r.Ok && accept(r.Value), Patience, what)).Value;

    [Fact]
    public async Task An_open_offer_expires_after_the_silo_that_made_it_died()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var offer = (await Eventually.ReturnsAsync(() => ana.GetOffers(), o => o!.Count == 1, Patience, "ana's offer"))![0];

        await KillHostOf((IAddressable)ana);

        var after = await Reachable(() => ana.Get(), a => a!.Status == AgentStatus.Away, "ana to be away once her offer expired");
        Assert.Empty(after!.Conversations);
        Assert.Empty((await ana.GetOffers())!);
        Assert.Equal(RefusalKind.Conflict, (await ana.AcceptOffer(offer.OfferId)).Refusal!.Kind);
        var snapshot = await Reachable(() => Conversation("c1").GetSnapshot(), s => s!.Handoff.Status == HandoffStatus.Queued, "c1 to wait again");
        Assert.Equal(1, snapshot!.Handoff.QueuePosition);
        // Nothing was lost from the queue: the next agent gets it.
        var budi = await Online("budi");
        await Reachable(() => budi.GetOffers(), o => o!.Count == 1 && o[0].ConversationId == "c1", "budi to be offered c1");
    }

    [Fact]
    public async Task A_first_reply_deadline_is_kept_after_the_silo_of_the_conversation_died()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var offer = (await Eventually.ReturnsAsync(() => ana.GetOffers(), o => o!.Count == 1, Patience, "ana's offer"))![0];
        Assert.Null((await ana.AcceptOffer(offer.OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation("c1").GetSnapshot())!.Status == ConversationStatus.Human, Patience, "c1 to be with ana");

        await KillHostOf((IAddressable)Conversation("c1"));

        var snapshot = await Reachable(() => Conversation("c1").GetSnapshot(), s => s!.Status == ConversationStatus.Queued, "c1 to be taken back from ana");
        Assert.Null(snapshot!.Handoff.AgentId);
        await Reachable(() => ana.Get(), a => a!.Conversations.Count == 0, "ana's slot to be free");
    }
}
