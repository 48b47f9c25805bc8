using CxCluster.TestSupport.Invariants;

namespace CxCluster.Grains.Tests.Support;

/// <summary>
/// The invariant checker the crash and load tests rely on, read from a cluster written by hand: it must see what is
/// wrong with offers in the picture (a slot an open offer takes, an offer no agent has, a conversation nobody was
/// offered next to a free agent) and must not see a problem in a declined or offered conversation that waits.
/// </summary>
public sealed class ClusterInvariantsTests
{
    [Fact]
    public async Task A_conversation_offered_to_no_one_beside_a_free_available_agent_is_a_problem()
    {
        var cluster = new HandWritten().Agent("a1", AgentStatus.Available).Waiting("c1", HandoffStatus.Queued);

        var check = await ClusterInvariants.CheckAsync(cluster, cluster.Expected());

        Assert.Contains(check.Problems, p => p.Contains("c1 waits (id, chat) while available agents have a free slot: [a1]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conversation_its_only_free_agent_declined_may_wait()
    {
        var cluster = new HandWritten().Agent("a1", AgentStatus.Available).Waiting("c1", HandoffStatus.Queued);

        var check = await ClusterInvariants.CheckAsync(cluster, cluster.Expected() with { Declined = new HashSet<(string, string)> { ("a1", "c1") } });

        Assert.Empty(check.Problems);
    }

    [Fact]
    public async Task A_conversation_offered_to_an_agent_waits_and_its_offer_takes_the_agents_slot()
    {
        var cluster = new HandWritten()
            .Agent("a1", AgentStatus.Available, offered: ["c1"])
            .Agent("a2", AgentStatus.Away)
            .Waiting("c1", HandoffStatus.Offered);

        var check = await ClusterInvariants.CheckAsync(cluster, cluster.Expected());

        Assert.Empty(check.Problems);
        Assert.Contains("offered 1", check.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_whose_conversations_and_open_offers_pass_its_capacity_is_a_problem()
    {
        var cluster = new HandWritten()
            .Agent("a1", AgentStatus.Available, holds: ["c1"], offered: ["c2"])
            .Human("c1", "a1")
            .Waiting("c2", HandoffStatus.Offered);

        var check = await ClusterInvariants.CheckAsync(cluster, cluster.Expected());

        Assert.Contains(check.Problems, p => p.StartsWith("agent a1 holds 1 conversations and 1 open offers, over its capacity of 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_offer_that_no_agent_has_or_that_two_agents_have_is_a_problem()
    {
        var alone = new HandWritten().Agent("a1", AgentStatus.Away).Waiting("c1", HandoffStatus.Offered);
        var twice = new HandWritten()
            .Agent("a1", AgentStatus.Available, offered: ["c1"])
            .Agent("a2", AgentStatus.Available, offered: ["c1"])
            .Waiting("c1", HandoffStatus.Offered);
        var moved = new HandWritten().Agent("a1", AgentStatus.Available, capacity: 2, holds: ["c1"], offered: ["c1"]).Human("c1", "a1");

        Assert.Contains((await ClusterInvariants.CheckAsync(alone, alone.Expected())).Problems, p => p == "c1 reads offered but no agent has its offer open");
        Assert.Contains((await ClusterInvariants.CheckAsync(twice, twice.Expected())).Problems, p => p == "c1 is offered by 2 agents: [a1, a2]");
        Assert.Contains((await ClusterInvariants.CheckAsync(moved, moved.Expected())).Problems, p => p == "c1 is offered by [a1] but is human (handoff assigned)");
    }

    /// <summary>A cluster of one tenant, as a reader would find it: Indonesian chat agents and conversations.</summary>
    private sealed class HandWritten : IClusterReader
    {
        private readonly Dictionary<string, (AgentDetails Agent, IReadOnlyList<string> Offered)> _agents = [];
        private readonly Dictionary<string, ConversationSnapshot> _conversations = [];

        public HandWritten Agent(string id, AgentStatus status, int capacity = 1, string[]? holds = null, string[]? offered = null)
        {
            var profile = new AgentProfile { DisplayName = id, Languages = ["id"], Channels = [Channel.Chat], Capacity = capacity };
            _agents[id] = (new AgentDetails { AgentId = id, Profile = profile, Status = status, Conversations = holds ?? [] }, offered ?? []);
            return this;
        }

        public HandWritten Waiting(string id, HandoffStatus handoff) =>
            Conversation(id, ConversationStatus.Queued, new HandoffSnapshot { Status = handoff, HandoffId = "hnd-1", QueuePosition = 1 });

        public HandWritten Human(string id, string agentId) =>
            Conversation(id, ConversationStatus.Human, new HandoffSnapshot { Status = HandoffStatus.Assigned, HandoffId = "hnd-1", AgentId = agentId });

        public ExpectedCluster Expected() => new(
            [.. _agents.Keys.Select(id => new RegisteredAgent(id))],
            [.. _conversations.Keys.Select(id => new ExpectedConversation(id))]);

        public Task<AgentDetails?> AgentAsync(string agentId) => Task.FromResult(_agents.TryGetValue(agentId, out var a) ? a.Agent : null);

        public Task<IReadOnlyList<string>?> OfferedAsync(string agentId) => Task.FromResult(_agents.TryGetValue(agentId, out var a) ? a.Offered : null);

        public Task<ConversationSnapshot?> ConversationAsync(string conversationId) => Task.FromResult(_conversations.GetValueOrDefault(conversationId));

        public Task<IReadOnlyList<QueueStats>> QueuesAsync()
        {
            var waiting = _conversations.Values.Count(c => c.Status == ConversationStatus.Queued);
            return Task.FromResult<IReadOnlyList<QueueStats>>(
                [new QueueStats { Name = "id/chat", Waiting = waiting, LongestWaitSeconds = 0, AvailableAgents = _agents.Values.Count(a => a.Agent.Status == AgentStatus.Available) }]);
        }

        private HandWritten Conversation(string id, ConversationStatus status, HandoffSnapshot handoff)
        {
            _conversations[id] = new ConversationSnapshot
            {
                Id = id,
                Status = status,
                Channel = Channel.Chat,
                Locale = "id-ID",
                Disclosure = new DisclosureSnapshot { Delivered = true, History = [] },
                Trust = new TrustSnapshot { Score = 100, Threshold = 40, Band = TrustBand.Healthy, Signals = [] },
                Handoff = handoff,
                Transcript = [],
                Version = 1,
            };
            return this;
        }
    }
}
