using CxCluster.Grains.Journal;
using CxCluster.Grains.Tests.Support;
using CxCluster.TestSupport;
using CxCluster.TestSupport.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Agents;

[Collection(ClusterCollection.Name)]
public sealed class AgentPoolTests(ClusterFixture fixture)
{
    // Each test has a tenant of its own, so its pools start empty; unknown tenants get the default policy (id-ID, chat).
    private readonly string _tenant = $"t{Guid.NewGuid():N}";

    private IConversationGrain Conversation(string id) => fixture.Grains.Conversation(_tenant, id);

    private IAgentGrain Agent(string id) => fixture.Grains.Agent(_tenant, id);

    private IAgentPoolGrain Pool(string name) => fixture.Grains.Pool(_tenant, name);

    private async Task<IAgentGrain> Online(string id, int capacity, string[]? languages = null, Channel[]? channels = null)
    {
        var agent = Agent(id);
        await agent.Register(new AgentProfile
        {
            DisplayName = $"Agent {id}",
            Languages = languages ?? ["id"],
            Channels = channels ?? [Channel.Chat],
            Capacity = capacity,
        });
        var outcome = await agent.SetStatus(AgentStatus.Available);
        Assert.Null(outcome.Refusal);
        return agent;
    }

    private async Task<Directive> AskForPerson(string conversationId, string locale = "id-ID", int priority = HandoffPriority.Default)
    {
        var conversation = Conversation(conversationId);
        await conversation.Apply(Started(Channel.Chat, locale) with { Priority = priority });
        var outcome = await conversation.Apply(Customer("saya mau bicara dengan CS dong"));
        return outcome.Result!.Directives.Single(d => d.Type == DirectiveType.Handoff);
    }

    [Fact]
    public async Task Two_hundred_requests_against_ten_agents_of_three_assign_thirty_and_queue_the_rest_in_order()
    {
        var agents = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Online($"a{i}", 3)));

        var handoffs = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i => (Id: $"c{i}", Handoff: await AskForPerson($"c{i}"))));

        var assigned = handoffs.Where(h => h.Handoff.AsHandoff().Status == HandoffStatus.Assigned).ToArray();
        var queued = handoffs.Where(h => h.Handoff.AsHandoff().Status == HandoffStatus.Queued).ToArray();
        Assert.Equal(30, assigned.Length);
        Assert.Equal(170, queued.Length);
        Assert.Equal(Enumerable.Range(1, 170), queued.Select(h => h.Handoff.AsHandoff().QueuePosition!.Value).Order());

        var holdings = await Task.WhenAll(agents.Select(a => a.Get()));
        Assert.All(holdings, h => Assert.Equal(3, h!.Conversations.Count));
        var held = holdings.SelectMany(h => h!.Conversations).ToArray();
        Assert.Equal(30, held.Distinct().Count());
        Assert.Equal(assigned.Select(h => h.Id).Order(), held.Order());
        Assert.All(assigned, h => Assert.Contains(holdings, a => a!.AgentId == h.Handoff.AsHandoff().AgentId && a.Conversations.Contains(h.Id)));

        var stats = await Pool("id/chat").GetStats();
        Assert.Equal(170, stats.Waiting);

        // Completing one frees a slot, and the head of the queue takes it.
        var head = queued.Single(h => h.Handoff.AsHandoff().QueuePosition == 1).Id;
        var second = queued.Single(h => h.Handoff.AsHandoff().QueuePosition == 2).Id;
        var freed = holdings[0]!;
        var completed = await agents[0].Complete(freed.Conversations[0]);

        Assert.Null(completed.Refusal);
        Assert.Contains(head, completed.Agent!.Conversations);
        var headSnapshot = await Conversation(head).GetSnapshot();
        Assert.Equal(ConversationStatus.Human, headSnapshot!.Status);
        Assert.Equal(freed.AgentId, headSnapshot.Handoff.AgentId);
        var secondSnapshot = await Conversation(second).GetSnapshot();
        Assert.Equal(1, secondSnapshot!.Handoff.QueuePosition);
        Assert.Equal(169, (await Pool("id/chat").GetStats()).Waiting);
    }

    [Fact]
    public async Task The_wait_told_is_the_place_in_the_queue_over_the_capacity_of_the_agents_available()
    {
        // Two agents with room for one each, both taken: each conversation after them waits for one of the two to end,
        // the default handling time (4 minutes) per two conversations.
        await Online("a1", 1);
        await Online("a2", 1);
        Assert.Equal(HandoffStatus.Assigned, (await AskForPerson("c1")).AsHandoff().Status);
        Assert.Equal(HandoffStatus.Assigned, (await AskForPerson("c2")).AsHandoff().Status);

        var waits = new List<(int?, int?, string?)>();
        foreach (var id in new[] { "c3", "c4", "c5" })
        {
            var handoff = await AskForPerson(id);
            waits.Add((handoff.AsHandoff().QueuePosition, handoff.AsHandoff().EstimatedWaitSeconds, handoff.TextOf()));
        }

        Assert.Equal([(1, 120), (2, 240), (3, 360)], waits.Select(w => (w.Item1, w.Item2)));
        Assert.Contains("sekitar 2 menit", waits[0].Item3);
        Assert.Contains("sekitar 6 menit", waits[2].Item3);
    }

    [Fact]
    public async Task An_agent_over_a_lowered_capacity_has_no_room_and_the_next_customer_is_told_a_wait_in_minutes()
    {
        var hans = await Online("hans", 3);
        foreach (var id in new[] { "c1", "c2", "c3" })
        {
            Assert.Equal(HandoffStatus.Assigned, (await AskForPerson(id)).AsHandoff().Status);
        }
        await hans.Register(new AgentProfile { DisplayName = "Agent hans", Languages = ["id"], Channels = [Channel.Chat], Capacity = 1 });

        var directive = await AskForPerson("c4");

        // Three conversations must end before hans has room for one: three handling times (4 minutes each) over his one place.
        Assert.Equal((1, 720), (directive.AsHandoff().QueuePosition, directive.AsHandoff().EstimatedWaitSeconds));
        Assert.Contains("12 menit", directive.TextOf());
    }

    [Fact]
    public async Task Assignment_goes_to_the_agent_idle_longest()
    {
        var first = await Online("first", 2);
        await Online("second", 2);

        var handoff = await AskForPerson("c1");

        Assert.Equal(HandoffStatus.Assigned, handoff.AsHandoff().Status);
        Assert.Equal("first", handoff.AsHandoff().AgentId);
        Assert.Contains("Agent first", handoff.TextOf());
        var next = await AskForPerson("c2");
        Assert.Equal("second", next.AsHandoff().AgentId);
        Assert.Single((await first.Get())!.Conversations);
    }

    [Fact]
    public async Task Only_agents_who_speak_the_language_and_serve_the_channel_are_chosen()
    {
        await Online("english-chat", 5, ["en"], [Channel.Chat]);
        await Online("indonesian-voice", 5, ["id"], [Channel.Voice]);

        var handoff = await AskForPerson("c1", "id-ID");

        Assert.Equal(HandoffStatus.Queued, handoff.AsHandoff().Status);
        Assert.Null(handoff.AsHandoff().EstimatedWaitSeconds);
        var english = await AskForPerson("c2", "en-GB");
        Assert.Equal("english-chat", english.AsHandoff().AgentId);
    }

    [Fact]
    public async Task An_agent_away_takes_no_new_conversation_and_becoming_available_pulls_the_waiting_in_order()
    {
        var agent = Agent("late");
        await agent.Register(new AgentProfile { DisplayName = "Late", Languages = ["id"], Channels = [Channel.Chat], Capacity = 2 });
        await agent.SetStatus(AgentStatus.Away);

        var first = await AskForPerson("c1");
        await AskForPerson("c2");
        await AskForPerson("c3");
        Assert.Equal(HandoffStatus.Queued, first.AsHandoff().Status);

        var available = await agent.SetStatus(AgentStatus.Available);

        Assert.Equal(["c1", "c2"], available.Agent!.Conversations);
        Assert.Equal(ConversationStatus.Human, (await Conversation("c1").GetSnapshot())!.Status);
        Assert.Equal(1, (await Conversation("c3").GetSnapshot())!.Handoff.QueuePosition);
    }

    [Fact]
    public async Task An_agent_serving_two_queues_takes_the_longest_waiting_of_both()
    {
        var agent = Agent("both");
        await agent.Register(new AgentProfile { DisplayName = "Both", Languages = ["id", "en"], Channels = [Channel.Chat], Capacity = 1 });

        await AskForPerson("english-first", "en-US");
        await AskForPerson("indonesian-second", "id-ID");
        var available = await agent.SetStatus(AgentStatus.Available);

        Assert.Equal(["english-first"], available.Agent!.Conversations);
        var next = await agent.Complete("english-first");
        Assert.Equal(["indonesian-second"], next.Agent!.Conversations);
    }

    [Fact]
    public async Task A_higher_priority_conversation_that_arrives_later_waits_ahead_and_is_assigned_first_when_an_agent_frees()
    {
        var agent = await Online("solo", 1);
        await AskForPerson("busy");
        var normal = await AskForPerson("normal", priority: 5);

        var urgent = await AskForPerson("urgent", priority: 9);

        Assert.Equal(1, normal.AsHandoff().QueuePosition);
        Assert.Equal(1, urgent.AsHandoff().QueuePosition);
        Assert.Equal(2, (await Conversation("normal").GetSnapshot())!.Handoff.QueuePosition);
        var head = await Pool("id/chat").PeekHead("anyone");
        Assert.Equal(("urgent", 9), (head?.ConversationId, head?.Priority));

        var completed = await agent.Complete("busy");

        Assert.Equal(["urgent"], completed.Agent!.Conversations);
        Assert.Equal(ConversationStatus.Human, (await Conversation("urgent").GetSnapshot())!.Status);
        Assert.Equal(1, (await Conversation("normal").GetSnapshot())!.Handoff.QueuePosition);
    }

    [Fact]
    public async Task An_agent_serving_two_queues_takes_the_higher_priority_head_before_the_longer_waiting()
    {
        var agent = Agent("both");
        await agent.Register(new AgentProfile { DisplayName = "Both", Languages = ["id", "en"], Channels = [Channel.Chat], Capacity = 1 });

        await AskForPerson("english-first", "en-US", priority: 3);
        await AskForPerson("indonesian-urgent", "id-ID", priority: 8);
        var available = await agent.SetStatus(AgentStatus.Available);

        Assert.Equal(["indonesian-urgent"], available.Agent!.Conversations);
    }

    [Fact]
    public async Task Completing_gives_the_conversation_back_to_the_ai_which_discloses_again()
    {
        var agent = await Online("solo", 1);
        await AskForPerson("c1");
        var conversation = Conversation("c1");
        var identity = await conversation.Apply(Customer("ini bot ya?"));
        Assert.Contains("Agent solo", identity.Result!.Directives.Single().TextOf()!);

        var completed = await agent.Complete("c1");
        var reply = (await conversation.Apply(Ai("Ada lagi yang bisa saya bantu?"))).Result!;

        Assert.Empty(completed.Agent!.Conversations);
        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], reply.Types());
        Assert.Equal(ConversationStatus.Ai, reply.Conversation!.Status);
        Assert.Equal(HandoffStatus.Completed, reply.Conversation.Handoff.Status);
        Assert.Equal(2, reply.Conversation.Disclosure.History.Count);
    }

    [Fact]
    public async Task Completing_a_conversation_the_agent_does_not_hold_is_refused()
    {
        var agent = await Online("busy", 1);
        await Conversation("elsewhere").Apply(Started(Channel.Chat, "en-US"));

        var outcome = await agent.Complete("elsewhere");
        var never = await agent.Complete("nobody");
        var unknown = await Agent("ghost").Complete("nobody");

        Assert.Equal(RefusalKind.Conflict, outcome.Refusal?.Kind);
        Assert.Equal("conversationId", outcome.Refusal?.Field);
        Assert.Equal(RefusalKind.NotFound, never.Refusal?.Kind);
        Assert.Equal(RefusalKind.NotFound, unknown.Refusal?.Kind);
    }

    [Fact]
    public async Task Ending_while_queued_leaves_the_queue_and_ending_while_assigned_frees_the_agent()
    {
        var agent = await Online("one", 1);
        await AskForPerson("assigned");
        await AskForPerson("gives-up");
        await AskForPerson("waits");

        await Conversation("gives-up").Apply(Ended());
        Assert.Equal(1, (await Conversation("waits").GetSnapshot())!.Handoff.QueuePosition);

        await Conversation("assigned").Apply(Ended());

        var holding = await agent.Get();
        Assert.Equal(["waits"], holding!.Conversations);
        // The agent that took it tells the conversation without waiting (it may be taken by a pull already under way
        // when the slot freed), so the conversation hears of it a moment later.
        await Eventually.ReturnsAsync(async () => (await Conversation("waits").GetSnapshot())!.Status, status => status == ConversationStatus.Human,
            TimeSpan.FromSeconds(10), "waits to be with the agent");
        Assert.Equal(0, (await Pool("id/chat").GetStats()).Waiting);
    }

    [Fact]
    public async Task Under_concurrent_requests_completions_and_status_changes_no_invariant_breaks()
    {
        var languages = new[] { "id", "en" };
        var agents = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Online($"a{i}", 2, languages)));
        var ids = Enumerable.Range(0, 80).Select(i => $"c{i}").ToArray();

        var requests = ids.Select((id, i) => AskForPerson(id, i % 2 == 0 ? "id-ID" : "en-US"));
        var churn = agents.Select(async (agent, i) =>
        {
            for (var round = 0; round < 5; round++)
            {
                var held = (await agent.Get())!.Conversations;
                if (held.Count > 0)
                {
                    await agent.Complete(held[0]);
                }
                await agent.SetStatus(round % 2 == 0 ? AgentStatus.Away : AgentStatus.Available);
            }
            await agent.SetStatus(AgentStatus.Available);
        });
        await Task.WhenAll(requests.Concat(churn));

        // An agent's pull may still run after the call that started it answered (a pull already under way takes the new
        // free slot in its next turn): what must hold, holds once those pulls are done.
        await Eventually.ReturnsAsync(() => ProblemsAsync(agents, ids), problems => problems.Length == 0, TimeSpan.FromSeconds(15),
            "every agent, conversation and queue to agree once the churn is done");
    }

    /// <summary>
    /// What breaks an invariant now, one line each: an agent over capacity, a conversation held twice, one with a human
    /// its agent does not hold, one queued without a place or held, one back with the AI whose handoff is not completed or
    /// that is held, a queue count that is not the queued conversations, or someone waiting while an agent has a free slot.
    /// </summary>
    private async Task<string> ProblemsAsync(IAgentGrain[] agents, string[] ids)
    {
        var problems = new List<string>();
        var holdings = (await Task.WhenAll(agents.Select(a => a.Get()))).Select(h => h!).ToArray();
        problems.AddRange(holdings.Where(h => h.Conversations.Count > h.Profile.Capacity).Select(h => $"{h.AgentId} over capacity"));
        var held = holdings.SelectMany(h => h.Conversations).ToArray();
        problems.AddRange(held.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"{g.Key} held twice"));

        var snapshots = await Task.WhenAll(ids.Select(id => Conversation(id).GetSnapshot()));
        var waiting = (await Pool("id/chat").GetStats()).Waiting + (await Pool("en/chat").GetStats()).Waiting;
        foreach (var snapshot in snapshots.Select(s => s!))
        {
            var problem = snapshot.Status switch
            {
                ConversationStatus.Human when !holdings.Any(h => h.AgentId == snapshot.Handoff.AgentId && h.Conversations.Contains(snapshot.Id)) =>
                    $"{snapshot.Id} is with {snapshot.Handoff.AgentId}, who does not hold it",
                ConversationStatus.Queued when snapshot.Handoff.QueuePosition is null || held.Contains(snapshot.Id) =>
                    $"{snapshot.Id} is queued at {snapshot.Handoff.QueuePosition?.ToString() ?? "no place"} and held by {held.Count(h => h == snapshot.Id)}",
                ConversationStatus.Ai when snapshot.Handoff.Status != HandoffStatus.Completed || held.Contains(snapshot.Id) =>
                    $"{snapshot.Id} is back with the AI, its handoff {snapshot.Handoff.Status}, held by {held.Count(h => h == snapshot.Id)}",
                ConversationStatus.Human or ConversationStatus.Queued or ConversationStatus.Ai => null,
                _ => $"{snapshot.Id} is {snapshot.Status}",
            };
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }
        var queued = snapshots.Count(s => s!.Status == ConversationStatus.Queued);
        if (queued != waiting)
        {
            problems.Add($"{queued} conversations queued, the pools count {waiting}");
        }
        // Every agent is available with free slots only if nobody waits: no conversation is stranded.
        if (waiting > 0)
        {
            problems.AddRange(holdings.Where(h => h.Conversations.Count < h.Profile.Capacity)
                .Select(h => $"{waiting} wait while {h.AgentId} holds {h.Conversations.Count} of {h.Profile.Capacity}"));
        }
        return string.Join("; ", problems);
    }
}

/// <summary>
/// A long queue on a cluster of its own whose pools never ask their waiting conversations whether they still wait: the
/// conversations queued here are made up, and would withdraw on the first such round.
/// </summary>
public sealed class LongQueueTests(LongQueueTests.QuietPoolCluster fixture) : IClassFixture<LongQueueTests.QuietPoolCluster>
{
    private const string Tenant = "acme";

    public sealed class QuietPoolCluster : IAsyncLifetime
    {
        public InProcessTestCluster Cluster { get; private set; } = null!;

        public IGrainFactory Grains => Cluster.Client;

        public MemoryFactJournal Journal { get; } = new();

        public async Task InitializeAsync()
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Handoffs:ReconcileSeconds"] = "3600" })
                .Build();
            Cluster = await InProcessCluster.StartAsync(1, configuration, journal: Journal);
        }

        public async Task DisposeAsync()
        {
            await ClusterStop.StopAsync(Cluster);
        }
    }

    [Fact]
    public async Task A_long_queue_keeps_every_place_across_a_deactivation_and_its_changes_are_small_records()
    {
        var pool = fixture.Grains.Pool(Tenant, "id/chat");
        var requests = Enumerable.Range(0, 2_000).Select(i => new HandoffRequest
        {
            ConversationId = $"c{i}",
            HandoffId = $"c{i}-h1",
            Reason = "customer-request",
            RequestedAt = DateTimeOffset.UtcNow,
        }).ToArray();
        foreach (var request in requests)
        {
            Assert.Equal(HandoffStatus.Queued, (await pool.Request(request)).Status);
        }
        for (var i = 100; i < 2_000; i += 100)
        {
            await pool.Cancel($"c{i}", $"c{i}-h1");
        }

        await fixture.Cluster.DeactivateAsync((IAddressable)pool);

        Assert.Equal(1, (await pool.Locate("c0", "c0-h1")).QueuePosition);
        Assert.Equal(100, (await pool.Locate("c99", "c99-h1")).QueuePosition);
        Assert.Equal(101, (await pool.Locate("c101", "c101-h1")).QueuePosition);
        Assert.Equal(1_981, (await pool.Locate("c1999", "c1999-h1")).QueuePosition);
        Assert.Equal(HandoffStatus.None, (await pool.Locate("c100", "c100-h1")).Status);
        Assert.Equal(1_981, (await pool.GetStats()).Waiting);
        // One small record per change: the stream holds no copy of the queue, only the checkpoints do.
        var records = await fixture.Journal.ReadStreamAsync(CxCluster.Grains.Agents.Pool.PoolJournal.Stream(Tenant, "id/chat"), 0, 10_000);
        Assert.InRange(records.Count, 2_019, 2_030);
        Assert.All(records, r => Assert.True(r.Data.Length < 300, $"{r.Type} holds {r.Data.Length} bytes"));
    }
}
