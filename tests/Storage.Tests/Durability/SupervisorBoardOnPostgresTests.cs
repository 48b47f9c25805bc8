using CxCluster.Abstractions.Supervision;
using CxCluster.TestSupport.Hosting;
using Orleans.TestingHost;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>
/// The supervisor board keeps agents from their records in the journal, on real PostgreSQL: it follows their changes
/// while it runs, and a board built by a cluster started anew (nothing kept in memory) reads every agent back from its
/// checkpoint and the records after it.
/// </summary>
public sealed class SupervisorBoardOnPostgresTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string?> Settings = new() { ["Routing:OfferTimeoutSeconds"] = "120" };

    /// <summary>The same service on both starts, so the second finds the grain state the first stored, as a restart does.</summary>
    private const string ServiceId = "board-on-postgres";

    private PostgresDatabase _database = null!;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _cluster = await DurableCluster.StartAsync(_database.ConnectionString, silos: 1, Settings, ServiceId);
    }

    public async Task DisposeAsync()
    {
        await ClusterStop.StopAsync(_cluster);
        await _database.DisposeAsync();
    }

    private ISupervisorBoardGrain Board => _cluster.GrainFactory.SupervisorBoard(DurableCluster.Tenant);

    private static (string, AgentStatus, int, int, int) Standing(BoardAgent agent) => (agent.AgentId, agent.Status, agent.Load, agent.Capacity, agent.Offers);

    [Fact]
    public async Task Agents_follow_their_records_live_and_come_back_the_same_on_a_cluster_started_anew()
    {
        var grains = _cluster.GrainFactory;
        var ana = grains.Agent(DurableCluster.Tenant, "ana");
        await ana.Register(new AgentProfile { DisplayName = "Ana", Languages = ["id"], Channels = [Channel.Chat], Capacity = 2 });
        // More status changes than records between checkpoints, so a rebuild starts from a checkpoint.
        for (var i = 0; i < 40; i++)
        {
            await ana.SetStatus(AgentStatus.Away);
            await ana.SetStatus(AgentStatus.Offline);
        }
        await ana.SetStatus(AgentStatus.Available);
        var board = await Board.Get(0);
        Assert.Equal(("ana", AgentStatus.Available, 0, 2, 0), Standing(Assert.Single(board.Agents)));

        // An offer counts on the board as it does on the agent; so does its accept.
        var conversation = grains.Conversation(DurableCluster.Tenant, "c1");
        await conversation.Apply(Started(Channel.Chat, "id-ID"));
        await conversation.Apply(Customer("saya mau bicara dengan CS"));
        await Eventually.ReturnsAsync(() => Board.Get(0), b => b.Agents.Single().Offers == 1, Patience, "ana's offer on the board");
        Assert.Equal(("ana", AgentStatus.Available, 1, 2, 1), Standing(Assert.Single((await Board.Get(0)).Agents)));
        var offers = await ana.GetOffers();
        Assert.Null((await ana.AcceptOffer(Assert.Single(offers!).OfferId)).Refusal);
        await Eventually.ReturnsAsync(() => Board.Get(0), b => b.Agents.Single().Offers == 0, Patience, "the accept on the board");
        Assert.Equal(("ana", AgentStatus.Available, 1, 2, 0), Standing(Assert.Single((await Board.Get(0)).Agents)));

        // An agent who registers after the board was built shows too.
        var budi = grains.Agent(DurableCluster.Tenant, "budi");
        await budi.Register(new AgentProfile { DisplayName = "Budi", Languages = ["id"], Channels = [Channel.Whatsapp], Capacity = 1 });
        await budi.SetStatus(AgentStatus.Away);
        var live = await Eventually.ReturnsAsync(() => Board.Get(0), b => b.Agents.Count == 2 && b.Agents[1].Status == AgentStatus.Away, Patience, "budi on the board");

        // Every silo goes; a new cluster on the same database builds the board from the journal alone.
        await ClusterStop.StopAsync(_cluster);
        _cluster = await DurableCluster.StartAsync(_database.ConnectionString, silos: 1, Settings, ServiceId);
        var rebuilt = await Board.Get(0);

        Assert.Equal(live.Agents, rebuilt.Agents);
        Assert.Equal(
            [("ana", AgentStatus.Available, 1, 2, 0), ("budi", AgentStatus.Away, 0, 1, 0)],
            rebuilt.Agents.Select(Standing));
    }
}
