using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Supervision;

namespace CxCluster.Grains.Tests.Supervision;

public sealed class BoardProjectionTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_conversation_is_shown_while_at_risk_or_waiting_and_not_once_it_is_with_the_ai_again_in_good_standing()
    {
        var board = new BoardProjection(Day);

        board.Apply("c1", new TrustChanged { At = Morning, Score = 55, Band = TrustBand.Warning, PreviousBand = TrustBand.Healthy });
        var atRisk = Assert.Single(board.Conversations());
        Assert.Equal(("c1", ConversationStatus.Ai, TrustBand.Warning, 55), (atRisk.ConversationId, atRisk.Status, atRisk.Band, atRisk.Score));

        board.Apply("c2", Requested("h2", "customer-request", "id/chat", Morning.AddSeconds(10)));
        var waiting = Assert.Single(board.Conversations(), c => c.ConversationId == "c2");
        Assert.Equal((ConversationStatus.Queued, TrustBand.Healthy, "id/chat", Morning.AddSeconds(10)), (waiting.Status, waiting.Band, waiting.Queue, waiting.WaitingSince));

        board.Apply("c2", new HandoffAssigned { At = Morning.AddSeconds(40), HandoffId = "h2", AgentId = "a1", AgentDisplayName = "A", Text = "t" });
        board.Apply("c1", new TrustChanged { At = Morning.AddSeconds(50), Score = 65, Band = TrustBand.Healthy, PreviousBand = TrustBand.Warning });

        Assert.Empty(board.Conversations());
        Assert.Equal(1, board.Tracked); // c2 is with its agent: tracked, not shown
        board.Apply("c2", new HandoffCompleted { At = Morning.AddSeconds(90), HandoffId = "h2", AgentId = "a1" });
        Assert.Equal(0, board.Tracked);
    }

    [Fact]
    public void Todays_counts_take_handoffs_by_reason_waits_and_expired_offers_of_today_only()
    {
        var board = new BoardProjection(Day);
        var yesterday = Morning.AddDays(-1);

        board.Apply("old", Requested("h0", "trust-threshold", "id/chat", yesterday));
        board.Apply("c1", Requested("h1", "customer-request", "id/chat", Morning));
        board.Apply("c2", Requested("h2", "customer-request", "id/chat", Morning));
        board.Apply("c3", Requested("h3", "trust-threshold", "en/chat", Morning));
        board.Apply("c1", new HandoffOffered { At = Morning.AddSeconds(1), HandoffId = "h1", OfferId = "o1", AgentId = "a1", ExpiresAt = Morning.AddSeconds(31) });
        Assert.Equal("a1", board.Conversations().Single(c => c.ConversationId == "c1").AgentId);
        board.Apply("c1", new HandoffExpired { At = Morning.AddSeconds(31), HandoffId = "h1", OfferId = "o1", AgentId = "a1" });
        Assert.Null(board.Conversations().Single(c => c.ConversationId == "c1").AgentId);
        board.Apply("old", new HandoffAssigned { At = Morning.AddSeconds(100), HandoffId = "h0", AgentId = "a2", AgentDisplayName = "B", Text = "t" });
        board.Apply("c1", new HandoffAssigned { At = Morning.AddSeconds(20), HandoffId = "h1", AgentId = "a2", AgentDisplayName = "B", Text = "t" });
        board.Apply("c2", new HandoffAssigned { At = Morning.AddSeconds(60), HandoffId = "h2", AgentId = "a3", AgentDisplayName = "C", Text = "t" });

        var today = board.Today();
        Assert.Equal("2026-12-01", today.Day);
        Assert.Equal(3, today.Handoffs);
        Assert.Equal(new Dictionary<string, int> { ["customer-request"] = 2, ["trust-threshold"] = 1 }, today.HandoffsByReason);
        Assert.Equal(1, today.OffersExpired);
        Assert.Equal(3, today.Assigned);
        // Waits of 20 s, 60 s and (for the one asked for yesterday) a day and 100 s: the middle one is 60 s.
        Assert.Equal(60, today.MedianWaitSeconds);

        board.Roll(Day.AddDays(1));
        var tomorrow = board.Today();
        Assert.Equal(("2026-12-02", 0, 0, 0, (int?)null), (tomorrow.Day, tomorrow.Handoffs, tomorrow.OffersExpired, tomorrow.Assigned, tomorrow.MedianWaitSeconds));
        Assert.Single(board.Conversations()); // c3 still waits
    }

    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 7 }, 7)]
    [InlineData(new[] { 9, 1, 5 }, 5)]
    [InlineData(new[] { 4, 1, 2, 3 }, 3)]
    public void Median_is_the_middle_wait(int[] waits, int? median) => Assert.Equal(median, BoardProjection.Median(waits));

    [Fact]
    public void An_ended_conversation_leaves_the_board()
    {
        var board = new BoardProjection(Day);
        board.Apply("c1", new TrustChanged { At = Morning, Score = 30, Band = TrustBand.Breached, PreviousBand = TrustBand.Warning });
        board.Apply("c1", Requested("h1", "trust-threshold", "id/chat", Morning));
        Assert.Single(board.Conversations());

        board.Apply("c1", new ConversationEnded { At = Morning.AddMinutes(1), Reason = "customer-left" });

        Assert.Empty(board.Conversations());
        Assert.Equal(0, board.Tracked);
    }

    [Fact]
    public void A_handoff_taken_back_from_its_agent_waits_from_its_request_and_counts_once_with_the_wait_to_the_agent_who_holds_it()
    {
        var board = new BoardProjection(Day);
        board.Apply("c1", Requested("h1", "customer-request", "id/chat", Morning));
        board.Apply("c1", new HandoffAssigned { At = Morning.AddSeconds(7), HandoffId = "h1", AgentId = "sari", AgentDisplayName = "Sari", Text = "t" });

        board.Apply("c1", new HandoffReclaimed { At = Morning.AddSeconds(127), HandoffId = "h1", AgentId = "sari", Reason = HandoffReclaimed.NoFirstReply, Text = "t" });

        Assert.Equal(Morning, Assert.Single(board.Conversations()).WaitingSince);
        Assert.Equal((0, (int?)null), (board.Today().Assigned, board.Today().MedianWaitSeconds));

        board.Apply("c1", new HandoffAssigned { At = Morning.AddSeconds(414), HandoffId = "h1", AgentId = "budi", AgentDisplayName = "Budi", Text = "t" });

        Assert.Equal((1, (int?)414), (board.Today().Assigned, board.Today().MedianWaitSeconds));
    }

    [Fact]
    public void A_handoff_taken_back_from_its_agent_shows_the_queue_it_waits_in_again_and_one_with_an_agent_shows_none()
    {
        var board = new BoardProjection(Day);
        board.Apply("c1", Requested("h1", "customer-request", "id/chat", Morning));
        board.Apply("c1", new HandoffQueued { At = Morning, HandoffId = "h1", Queue = "id/chat", Position = 1 });
        board.Apply("c1", new HandoffEscalated { At = Morning.AddSeconds(60), HandoffId = "h1", Step = 1, Queue = "id/any" });
        board.Apply("c1", new HandoffAssigned { At = Morning.AddSeconds(70), HandoffId = "h1", AgentId = "sari", AgentDisplayName = "Sari", Text = "t" });
        board.Apply("c1", new TrustChanged { At = Morning.AddSeconds(80), Score = 50, Band = TrustBand.Warning, PreviousBand = TrustBand.Healthy });

        var held = Assert.Single(board.Conversations());
        Assert.Equal((ConversationStatus.Human, (string?)null, "sari"), (held.Status, held.Queue, held.AgentId));

        board.Apply("c1", new HandoffReclaimed { At = Morning.AddSeconds(190), HandoffId = "h1", AgentId = "sari", Reason = HandoffReclaimed.AgentOffline, Text = "t" });

        var waiting = Assert.Single(board.Conversations());
        Assert.Equal((ConversationStatus.Queued, "id/any", (string?)null), (waiting.Status, waiting.Queue, waiting.AgentId));

        board.Apply("c1", new HandoffQueued { At = Morning.AddSeconds(190), HandoffId = "h1", Queue = "id/chat", Position = 1 });
        Assert.Equal("id/chat", Assert.Single(board.Conversations()).Queue);
    }

    private static HandoffRequested Requested(string handoffId, string reason, string queue, DateTimeOffset at) =>
        new() { At = at, HandoffId = handoffId, Reason = reason, Priority = 5, Queue = queue };
}
