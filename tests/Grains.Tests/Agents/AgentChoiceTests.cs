using CxCluster.Grains.Agents;

namespace CxCluster.Grains.Tests.Agents;

/// <summary>Who takes a conversation: lowest share in use, then longest idle; and which head an agent takes: highest priority, then longest waiting.</summary>
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
    public void The_lowest_share_of_capacity_in_use_comes_before_the_longest_idle()
    {
        var ranked = AgentChoice.Rank([
            Agent("half-busy", capacity: 2, load: 1, idleMinutesAgo: 60),
            Agent("quarter-busy", capacity: 4, load: 1, idleMinutesAgo: 1),
            Agent("idle-now", capacity: 1, load: 0, idleMinutesAgo: 0),
        ]);

        Assert.Equal(["idle-now", "quarter-busy", "half-busy"], ranked.Select(a => a.AgentId));
    }

    [Fact]
    public void Equal_shares_in_use_are_equal_as_fractions_then_the_longest_idle_then_the_id_decide()
    {
        var ranked = AgentChoice.Rank([
            Agent("a", capacity: 3, load: 1, idleMinutesAgo: 5),
            Agent("c", capacity: 3, load: 1, idleMinutesAgo: 10),
            Agent("b", capacity: 6, load: 2, idleMinutesAgo: 10),
            Agent("d", capacity: 50, load: 17, idleMinutesAgo: 90),
        ]);

        Assert.Equal(["b", "c", "a", "d"], ranked.Select(a => a.AgentId));
    }

    [Fact]
    public void An_agent_belongs_to_one_pool_per_language_and_channel()
    {
        var pools = AgentChoice.Pools(new AgentProfile { DisplayName = "x", Languages = ["id", "EN"], Channels = [Channel.Chat, Channel.Voice], Capacity = 1 });

        Assert.Equal(["id/chat", "id/voice", "en/chat", "en/voice"], pools);
    }

    [Fact]
    public void An_agent_takes_the_highest_priority_head_of_its_pools_first_then_the_one_waiting_longest()
    {
        QueueHead Head(string id, int minute, long sequence, int priority = HandoffPriority.Default) =>
            new() { ConversationId = id, HandoffId = "h", EnqueuedAt = T0.AddMinutes(minute), Sequence = sequence, Priority = priority };

        var urgent = AgentChoice.Next([("id/chat", Head("old", 1, 1)), ("en/chat", Head("urgent-late", 9, 2, priority: 9)), ("id/voice", Head("urgent-later", 10, 1, priority: 9))]);
        var oldest = AgentChoice.Next([("id/chat", Head("late", 5, 1)), ("en/chat", null), ("en/voice", Head("early", 2, 9)), ("id/voice", Head("tie", 2, 3))]);
        var sameEverything = AgentChoice.Next([("id/voice", Head("v", 2, 3)), ("id/chat", Head("c", 2, 3))]);

        Assert.Equal("urgent-late", urgent?.Head.ConversationId);
        Assert.Equal("tie", oldest?.Head.ConversationId);
        Assert.Equal("id/chat", sameEverything?.Pool);
        Assert.Null(AgentChoice.Next([("id/chat", null)]));
    }

    [Fact]
    public void A_language_of_a_locale_is_its_first_subtag()
    {
        Assert.Equal("id", GrainKeys.Language("id-ID"));
        Assert.Equal("en", GrainKeys.Language("EN_us"));
        Assert.Equal("jv", GrainKeys.Language("jv"));
    }
}
