using CxCluster.Abstractions.Supervision;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Supervision;

[Collection(ClusterCollection.Name)]
public sealed class SupervisorBoardGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // A tenant of its own: its board, pools and counts start empty (unknown tenants get the default policy).
    private readonly string _tenant = $"t{Guid.NewGuid():N}";

    private ISupervisorBoardGrain Board => fixture.Grains.SupervisorBoard(_tenant);

    [Fact]
    public async Task Board_shows_conversations_at_risk_and_waiting_queues_agents_and_todays_counts_and_is_the_same_after_deactivation()
    {
        // One conversation falls into the warning band; another asks for a person while nobody serves English chat.
        var atRisk = fixture.Grains.Conversation(_tenant, "risky");
        await atRisk.Apply(Started(Channel.Chat, "id-ID", DateTimeOffset.UtcNow));
        await atRisk.Apply(Signal("nlu.no_match", 1, DateTimeOffset.UtcNow));
        await atRisk.Apply(Signal("nlu.no_match", 1, DateTimeOffset.UtcNow));
        var waiting = fixture.Grains.Conversation(_tenant, "waiting");
        await waiting.Apply(Started(Channel.Chat, "en-US", DateTimeOffset.UtcNow));
        await waiting.Apply(Customer("I want to talk to a real person please", DateTimeOffset.UtcNow));

        var board = await Board.Get(0);

        var risky = Assert.Single(board.Conversations, c => c.ConversationId == "risky");
        Assert.Equal((ConversationStatus.Ai, TrustBand.Warning), (risky.Status, risky.Band));
        Assert.InRange(risky.Score, 40, 59);
        var queued = Assert.Single(board.Conversations, c => c.ConversationId == "waiting");
        Assert.Equal((ConversationStatus.Queued, "en/chat"), (queued.Status, queued.Queue));
        Assert.NotNull(queued.WaitingSince);
        Assert.Equal(1, board.Today.Handoffs);
        Assert.Equal(1, Assert.Single(board.Today.HandoffsByReason).Value);
        Assert.Equal(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd"), board.Today.Day);
        var queue = Assert.Single(board.Queues);
        Assert.Equal(("en/chat", 1, 0), (queue.Name, queue.Waiting, queue.AvailableAgents));

        // An English agent comes on shift and takes it: it leaves the board, the wait is counted.
        var agent = fixture.Grains.Agent(_tenant, "morgan");
        await agent.Register(new AgentProfile { DisplayName = "Morgan", Languages = ["en"], Channels = [Channel.Chat], Capacity = 2 });
        await agent.SetStatus(AgentStatus.Available);
        board = await Eventually.ReturnsAsync(() => Board.Get(0), b => b.Today.Assigned == 1, Patience, "the assignment to be counted");

        Assert.DoesNotContain(board.Conversations, c => c.ConversationId == "waiting");
        Assert.NotNull(board.Today.MedianWaitSeconds);
        var morgan = Assert.Single(board.Agents);
        Assert.Equal(("morgan", "Morgan", AgentStatus.Available, 1, 2, 0), (morgan.AgentId, morgan.DisplayName, morgan.Status, morgan.Load, morgan.Capacity, morgan.Offers));
        Assert.Equal(0, Assert.Single(board.Queues, q => q.Name == "en/chat").Waiting);

        // Deactivated, the board is rebuilt from the journal and tells the same.
        await fixture.Cluster.DeactivateAsync((IAddressable)Board);
        var rebuilt = await Board.Get(0);

        Assert.Equal(board.Conversations, rebuilt.Conversations);
        Assert.Equal(
            (board.Today.Day, board.Today.Handoffs, board.Today.Assigned, board.Today.OffersExpired, board.Today.MedianWaitSeconds),
            (rebuilt.Today.Day, rebuilt.Today.Handoffs, rebuilt.Today.Assigned, rebuilt.Today.OffersExpired, rebuilt.Today.MedianWaitSeconds));
        Assert.Equal(board.Today.HandoffsByReason, rebuilt.Today.HandoffsByReason);
        Assert.Equal(board.Cursor, rebuilt.Cursor);
    }

    [Fact]
    public async Task A_conversation_at_risk_shows_its_score_as_it_stands_not_as_it_was_when_its_band_changed()
    {
        var risky = fixture.Grains.Conversation(_tenant, "risky");
        await risky.Apply(Started(Channel.Chat, "id-ID", DateTimeOffset.UtcNow));
        await risky.Apply(Signal("nlu.no_match", 1, DateTimeOffset.UtcNow));
        await risky.Apply(Signal("nlu.no_match", 1, DateTimeOffset.UtcNow));
        var entered = Assert.Single((await Board.Get(0)).Conversations, c => c.ConversationId == "risky");

        // A slightly kinder moment moves the score but not the band: no fact says so, the board still shows it.
        await risky.Apply(Signal("sentiment", 0.2, DateTimeOffset.UtcNow));
        var trust = (await risky.GetSnapshot())!.Trust;
        Assert.Equal(TrustBand.Warning, trust.Band);
        Assert.NotEqual(entered.Score, trust.Score);

        var now = Assert.Single((await Board.Get(0)).Conversations, c => c.ConversationId == "risky");
        Assert.Equal((trust.Score, TrustBand.Warning), (now.Score, now.Band));
    }

    [Fact]
    public async Task A_conversation_waiting_for_a_person_in_the_healthy_band_shows_its_score_as_it_stands()
    {
        // One misunderstanding costs points without leaving the healthy band, then the customer asks for a person: no fact
        // told the score, yet the board shows it, not the score every conversation starts with.
        var waiting = fixture.Grains.Conversation(_tenant, "waiting");
        await waiting.Apply(Started(Channel.Chat, "en-US", DateTimeOffset.UtcNow));
        await waiting.Apply(Signal("nlu.no_match", 1, DateTimeOffset.UtcNow));
        await waiting.Apply(Customer("I want to talk to a real person please", DateTimeOffset.UtcNow));
        var trust = (await waiting.GetSnapshot())!.Trust;
        Assert.Equal(TrustBand.Healthy, trust.Band);
        Assert.True(trust.Score < 100, $"score {trust.Score}");

        var shown = Assert.Single((await Board.Get(0)).Conversations, c => c.ConversationId == "waiting");

        Assert.Equal((ConversationStatus.Queued, trust.Score, TrustBand.Healthy, "en/chat"), (shown.Status, shown.Score, shown.Band, shown.Queue));
    }

    [Fact]
    public async Task Board_follows_facts_appended_after_it_was_rebuilt_without_counting_any_twice()
    {
        var first = fixture.Grains.Conversation(_tenant, "first");
        await first.Apply(Started(Channel.Chat, "id-ID", DateTimeOffset.UtcNow));
        await first.Apply(Customer("saya mau bicara dengan CS", DateTimeOffset.UtcNow));
        Assert.Equal(1, (await Board.Get(0)).Today.Handoffs);
        await fixture.Cluster.DeactivateAsync((IAddressable)Board);

        // Rebuilt on this call, then more facts of the same conversation and of a new one come.
        Assert.Equal(1, (await Board.Get(0)).Today.Handoffs);
        await first.Apply(Ended(DateTimeOffset.UtcNow));
        var second = fixture.Grains.Conversation(_tenant, "second");
        await second.Apply(Started(Channel.Chat, "id-ID", DateTimeOffset.UtcNow));
        await second.Apply(Customer("saya mau bicara dengan CS", DateTimeOffset.UtcNow));

        var board = await Board.Get(0);

        Assert.Equal(2, board.Today.Handoffs);
        Assert.Equal(["second"], board.Conversations.Select(c => c.ConversationId));
    }

    [Fact]
    public async Task An_agent_registered_after_the_board_was_built_shows_its_status_and_load_as_they_change()
    {
        Assert.Empty((await Board.Get(0)).Agents);

        var agent = fixture.Grains.Agent(_tenant, "ria");
        await agent.Register(new AgentProfile { DisplayName = "Ria", Languages = ["en"], Channels = [Channel.Chat], Capacity = 2 });
        await agent.SetStatus(AgentStatus.Available);

        var ria = Assert.Single((await Board.Get(0)).Agents);
        Assert.Equal(("ria", "Ria", AgentStatus.Available, 0, 2, 0), (ria.AgentId, ria.DisplayName, ria.Status, ria.Load, ria.Capacity, ria.Offers));

        var conversation = fixture.Grains.Conversation(_tenant, "asks");
        await conversation.Apply(Started(Channel.Chat, "en-US", DateTimeOffset.UtcNow));
        await conversation.Apply(Customer("I want to talk to a real person please", DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => Board.Get(0), b => b.Agents.Single().Load == 1, Patience, "the assignment to count on Ria's load");

        await agent.SetStatus(AgentStatus.Away);
        ria = Assert.Single((await Board.Get(0)).Agents);
        Assert.Equal((AgentStatus.Away, 1), (ria.Status, ria.Load));

        await agent.Complete("asks");
        ria = Assert.Single((await Board.Get(0)).Agents);
        Assert.Equal((AgentStatus.Away, 0), (ria.Status, ria.Load));
    }

    [Fact]
    public async Task A_rebuilt_board_reads_agents_from_their_records_without_waking_them()
    {
        var agent = fixture.Grains.Agent(_tenant, "sam");
        await agent.Register(new AgentProfile { DisplayName = "Sam", Languages = ["id"], Channels = [Channel.Whatsapp], Capacity = 3 });
        await agent.SetStatus(AgentStatus.Away);
        var before = Assert.Single((await Board.Get(0)).Agents);

        // The agent and the board both go; the board comes back and tells the same without asking the agent.
        await fixture.Cluster.DeactivateAsync((IAddressable)agent);
        await fixture.Cluster.DeactivateAsync((IAddressable)Board);
        var agentId = ((GrainReference)(object)agent).GrainId;
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await Eventually.ReturnsAsync<List<GrainId>>(() => management.GetActiveGrains(agentId.Type).AsTask(), a => !a.Contains(agentId), Patience, "the agent to be gone");

        var after = Assert.Single((await Board.Get(0)).Agents);

        Assert.Equal(before, after);
        Assert.Equal(("sam", "Sam", AgentStatus.Away, 0, 3, 0), (after.AgentId, after.DisplayName, after.Status, after.Load, after.Capacity, after.Offers));
        Assert.DoesNotContain(agentId, await management.GetActiveGrains(agentId.Type));
    }
}
