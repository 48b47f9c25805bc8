using CxCluster.Grains.Agents;

namespace CxCluster.Grains.Tests.Agents;

public sealed class AgentChoiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static AgentView Agent(string id, AgentStatus status = AgentStatus.Available, int capacity = 3, int load = 0, int idleMinutesAgo = 0) => new()
    {
        AgentId = id,
        DisplayName = id,
        Status = status,
        Capacity = capacity,
        Load = load,
        IdleSince = T0.AddMinutes(-idleMinutesAgo),
        Version = 1,
    };

    [Fact]
    public void The_agent_idle_longest_comes_first()
    {
        var ranked = AgentChoice.Rank([Agent("recent", idleMinutesAgo: 1), Agent("longest", idleMinutesAgo: 30), Agent("middle", idleMinutesAgo: 10)]);

        Assert.Equal(["longest", "middle", "recent"], ranked.Select(a => a.AgentId));
    }

    [Fact]
    public void Agents_away_offline_or_full_are_never_chosen()
    {
        var ranked = AgentChoice.Rank([
            Agent("away", AgentStatus.Away, idleMinutesAgo: 60),
            Agent("offline", AgentStatus.Offline, idleMinutesAgo: 60),
            Agent("full", capacity: 2, load: 2, idleMinutesAgo: 60),
            Agent("free", capacity: 2, load: 1),
        ]);

        Assert.Equal(["free"], ranked.Select(a => a.AgentId));
    }

    [Fact]
    public void Equal_idle_time_prefers_more_free_slots_then_the_id()
    {
        var ranked = AgentChoice.Rank([Agent("b", load: 2), Agent("c"), Agent("a")]);

        Assert.Equal(["a", "c", "b"], ranked.Select(a => a.AgentId));
    }

    [Fact]
    public void An_agent_belongs_to_one_pool_per_language_and_channel()
    {
        var pools = AgentChoice.Pools(new AgentProfile { DisplayName = "x", Languages = ["id", "EN"], Channels = [Channel.Chat, Channel.Voice], Capacity = 1 });

        Assert.Equal(["id/chat", "id/voice", "en/chat", "en/voice"], pools);
    }

    [Fact]
    public void The_oldest_head_across_queues_is_taken_first_with_arrival_order_breaking_ties()
    {
        QueueHead Head(string id, int minute, long sequence) => new() { ConversationId = id, HandoffId = "h", EnqueuedAt = T0.AddMinutes(minute), Sequence = sequence };

        var oldest = AgentChoice.Oldest([("id/chat", Head("late", 5, 1)), ("en/chat", null), ("en/voice", Head("early", 2, 9)), ("id/voice", Head("tie", 2, 3))]);

        Assert.Equal("tie", oldest?.Head.ConversationId);
        Assert.Null(AgentChoice.Oldest([("id/chat", null)]));
    }

    [Fact]
    public void A_language_of_a_locale_is_its_first_subtag()
    {
        Assert.Equal("id", GrainKeys.Language("id-ID"));
        Assert.Equal("en", GrainKeys.Language("EN_us"));
        Assert.Equal("jv", GrainKeys.Language("jv"));
    }
}
