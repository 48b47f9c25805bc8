using System.Text.Json;
using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Conversations;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Tenants;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Handoffs;

/// <summary>The context packet built from a conversation's state: who may read it and what it tells them, with no cluster.</summary>
public sealed class HandoffContextBuilderTests
{
    /// <summary>The silo's now when each event is decided: after every event's time, so each is scored when it occurred.</summary>
    private static readonly DateTimeOffset Present = Now.AddYears(1);

    private static readonly TenantPolicy Policy =
        new TenantDirectory([new TenantPolicy { TenantId = "acme", BrandName = "Acme", DefaultLocale = "en-US" }]).Get("acme");

    private readonly ConversationState _state = new();
    private readonly ConversationDecider _decider;
    private readonly List<Fact> _facts = [];

    public HandoffContextBuilderTests() =>
        _decider = new ConversationDecider("c1", _state, Policy, new CustomerTexts(new TenantDirectory([Policy])), new ConversationSettings());

    /// <summary>Decides the event as the grain does; a handoff it asks for goes straight to agent <c>a1</c> when <paramref name="assign"/>.</summary>
    private void Send(ConversationEvent e, bool assign = true)
    {
        var decision = _decider.Decide(e, Present);
        Assert.Null(decision.Refusal);
        _facts.AddRange(decision.Facts);
        if (decision.Handoff == HandoffStep.Request)
        {
            _decider.Place(_state.Handoff!, assign
                ? new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" }
                : new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 }, e.OccurredAt.AddSeconds(42));
        }
        _facts.AddRange(_decider.TakeFacts());
    }

    /// <summary>The customer asked for a person and waits, offered to agent <c>a2</c> until 35 s past the start.</summary>
    private HandoffRecord OfferedToA2()
    {
        Send(Started());
        Send(Customer("agent please", Now.AddSeconds(5)), assign: false);
        var handoff = _state.Handoff!;
        handoff.OfferId = "off-1";
        handoff.OfferedAgentId = "a2";
        handoff.OfferExpiresAt = Now.AddSeconds(35);
        return handoff;
    }

    private HandoffContext? Context(string agentId, DateTimeOffset? now = null) =>
        HandoffContextBuilder.Build("c1", _state, Policy, agentId, now ?? Present);

    [Fact]
    public void Nobody_may_read_the_context_before_a_handoff()
    {
        Send(Started());
        Send(Customer("where is my parcel?"));

        Assert.Null(Context("a1"));
    }

    [Fact]
    public void The_assigned_agent_reads_the_context_and_no_other_agent_does()
    {
        Send(Started(Channel.Whatsapp, "en-GB") with { CustomerId = "cust-7" });
        Send(Customer("agent please", Now.AddSeconds(5)));

        var context = Context("a1");

        Assert.NotNull(context);
        Assert.Equal(("c1", "hnd-1", "customer-request", 5), (context.ConversationId, context.HandoffId, context.Reason, context.Priority));
        Assert.Equal((Channel.Whatsapp, "en-GB", "cust-7"), (context.Channel, context.Locale, context.CustomerId));
        Assert.Null(Context("a2"));
        Assert.Null(Context("A1"));
    }

    [Fact]
    public void The_offered_agent_reads_it_while_the_offer_is_open_and_not_once_it_has_expired()
    {
        var handoff = OfferedToA2();

        var open = Context("a2", Now.AddSeconds(20));

        Assert.NotNull(open);
        Assert.Equal(15, open.WaitedSeconds);
        Assert.Null(Context("a3", Now.AddSeconds(20)));
        Assert.Null(Context("a2", Now.AddSeconds(35)));
        handoff.OfferId = null;
        handoff.OfferedAgentId = null;
        Assert.Null(Context("a2", Now.AddSeconds(20)));
    }

    [Fact]
    public void An_offer_past_its_recorded_time_is_the_agents_to_vouch_for_and_nobody_elses()
    {
        var handoff = OfferedToA2();

        Assert.Null(HandoffContextBuilder.OfferPastItsTime(_state, "a2", Now.AddSeconds(20)));
        Assert.Equal("off-1", HandoffContextBuilder.OfferPastItsTime(_state, "a2", Now.AddSeconds(35)));
        Assert.Null(HandoffContextBuilder.OfferPastItsTime(_state, "a3", Now.AddSeconds(40)));
        handoff.OfferId = null;
        Assert.Null(HandoffContextBuilder.OfferPastItsTime(_state, "a2", Now.AddSeconds(40)));
    }

    [Fact]
    public void The_pools_placement_gives_the_context_to_the_agent_it_offered_or_gave_it_to_before_the_conversation_heard()
    {
        Send(Started());
        Send(Customer("agent please", Now.AddSeconds(5)), assign: false);
        var offered = new HandoffPlacement { Status = HandoffStatus.Queued, OfferId = "ofr-1", OfferedAgentId = "a2", OfferExpiresAt = Now.AddSeconds(35) };

        Assert.True(HandoffContextBuilder.Holds(offered, "a2", Now.AddSeconds(20)));
        Assert.False(HandoffContextBuilder.Holds(offered, "a3", Now.AddSeconds(20)));
        Assert.False(HandoffContextBuilder.Holds(offered, "a2", Now.AddSeconds(35)));
        Assert.False(HandoffContextBuilder.Holds(offered with { MovedTo = "en/any", Step = 1 }, "a2", Now.AddSeconds(20)));
        Assert.True(HandoffContextBuilder.Holds(new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a2" }, "a2", Now));
        Assert.False(HandoffContextBuilder.Holds(new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a2" }, "a1", Now));
        Assert.False(HandoffContextBuilder.Holds(HandoffPlacement.Unknown, "a2", Now));
        Assert.Null(Context("a2", Now.AddSeconds(20)));

        var held = HandoffContextBuilder.Build("c1", _state, Policy, "a2", Now.AddSeconds(20), heldElsewhere: true);
        Assert.Equal(("c1", "hnd-1", 15), (held!.ConversationId, held.HandoffId, held.WaitedSeconds));
        // Not while the conversation does not wait (the pool's answer is about a handoff it has left).
        Send(Ended(Now.AddSeconds(10)));
        Assert.Null(HandoffContextBuilder.Build("c1", _state, Policy, "a2", Now.AddSeconds(20), heldElsewhere: true));
    }

    [Fact]
    public void Once_the_agent_is_done_or_the_conversation_ends_nobody_reads_it()
    {
        Send(Started());
        Send(Customer("agent please"));
        Assert.NotNull(Context("a1"));

        _decider.TakeOver(Now.AddMinutes(5));
        Assert.Null(Context("a1"));

        Send(Customer("agent please", Now.AddMinutes(6)));
        Assert.Equal("hnd-2", Context("a1")!.HandoffId);
        Send(Ended(Now.AddMinutes(7)));
        Assert.Null(Context("a1"));
    }

    [Fact]
    public void The_wait_runs_from_the_request_to_the_assignment_and_to_now_while_the_customer_waits()
    {
        Send(Started());
        Send(Customer("agent please", Now.AddSeconds(10)));

        Assert.Equal(42, Context("a1", Present)!.WaitedSeconds);
        var waiting = new HandoffRecord { HandoffId = "hnd-9", Reason = "trust-threshold", RequestedAt = Now, PoolName = "en/chat" };
        Assert.Equal(90, HandoffContextBuilder.WaitedSeconds(waiting, Now.AddSeconds(90.7)));
        Assert.Equal(0, HandoffContextBuilder.WaitedSeconds(waiting, Now.AddSeconds(-3)));
    }

    [Fact]
    public void The_trust_trajectory_follows_the_signals_down_to_the_handoff()
    {
        Send(Started());
        Send(Signal("nlu.no_match", 1, Now.AddSeconds(10)));
        Send(Signal("sentiment", -0.8, Now.AddSeconds(20)));
        Send(Signal("nlu.no_match", 1, Now.AddSeconds(30)));

        var trust = Context("a1")!.Trust;

        Assert.Equal("trust-threshold", Context("a1")!.Reason);
        Assert.Equal(
            [(Now, 100), (Now.AddSeconds(10), 78), (Now.AddSeconds(20), 42), (Now.AddSeconds(30), 20)],
            trust.Trajectory.Select(p => (p.At, p.Score)));
        Assert.Equal((20, TrustBand.Breached), (trust.Score, trust.Band));
        Assert.Equal(["sentiment", "nlu.no_match", "nlu.no_match"], trust.Signals.Select(s => s.Name));
        Assert.Equal(Now.AddSeconds(30), trust.Signals[1].At);
    }

    [Fact]
    public void The_strongest_signals_are_the_largest_penalties_first_and_a_handful_of_them()
    {
        List<TrustSignal> signals =
        [
            new() { Name = "praise", Delta = 8, At = Now },
            new() { Name = "nlu.no_match", Delta = -22, At = Now.AddSeconds(1) },
            new() { Name = "repeated", Delta = -40, At = Now.AddSeconds(2) },
            new() { Name = "doubt", Delta = -5, At = Now.AddSeconds(3) },
            new() { Name = "nlu.no_match", Delta = -22, At = Now.AddSeconds(4) },
            new() { Name = "sentiment", Delta = -31.5, At = Now.AddSeconds(5) },
            new() { Name = "silence", Delta = -3, At = Now.AddSeconds(6) },
            new() { Name = "barge-in", Delta = -4, At = Now.AddSeconds(7) },
        ];

        var strongest = HandoffContextBuilder.Strongest(signals);

        Assert.Equal(
            [("repeated", -40.0), ("sentiment", -31.5), ("nlu.no_match", -22.0), ("nlu.no_match", -22.0), ("doubt", -5.0)],
            strongest.Select(s => (s.Name, s.Delta)));
        Assert.Equal(Now.AddSeconds(4), strongest[2].At);
    }

    [Fact]
    public void The_summary_counts_what_each_side_said_and_keeps_the_last_and_the_repeated_message()
    {
        Send(Started(at: Now));
        Send(Customer("hello, my number is +62 812-3456-7890", Now.AddSeconds(30)));
        Send(Ai("Happy to help.", Now.AddSeconds(31)));
        Send(Customer("My refund has not arrived", Now.AddSeconds(40)));
        Send(Ai("Let me check.", Now.AddSeconds(41)));
        Send(Customer("my refund has not arrived.", Now.AddSeconds(50)));
        Send(Customer("am I talking to a robot?", Now.AddSeconds(60)));
        Send(Customer("agent please", Now.AddSeconds(70)));
        Send(Ai("Still here?", Now.AddSeconds(71)));

        var summary = Context("a1")!.Summary;

        Assert.Equal((5, 2, 1), (summary.CustomerMessages, summary.AiMessages, summary.IdentityQuestions));
        Assert.Equal(Now.AddSeconds(30), summary.FirstContactAt);
        Assert.Equal("agent please", summary.LastCustomerMessage);
        Assert.Equal("my refund has not arrived.", summary.RepeatedMessage);
    }

    [Fact]
    public void A_customer_who_wrote_nothing_was_first_in_contact_when_the_conversation_started()
    {
        Send(Started(at: Now));
        Send(Signal("sentiment", -0.9, Now.AddSeconds(5)));
        Send(Signal("sentiment", -0.9, Now.AddSeconds(6)));

        var summary = Context("a1")!.Summary;

        Assert.Equal((0, Now, null, null), (summary.CustomerMessages, summary.FirstContactAt, summary.LastCustomerMessage, summary.RepeatedMessage));
    }

    [Fact]
    public void The_transcript_is_the_snapshots_redacted_transcript()
    {
        Send(Started());
        Send(Customer("my card 4111 1111 1111 1111 was charged twice, mail budi@example.co.id", Now.AddSeconds(1)));
        Send(Customer("agent please", Now.AddSeconds(2)));

        var context = Context("a1")!;

        var snapshot = ConversationSnapshots.Build("c1", _state, Policy, new ConversationSettings());
        Assert.Equal(snapshot.Transcript, context.Transcript);
        Assert.DoesNotContain(context.Transcript, t => t.Text.Contains("4111") || t.Text.Contains("budi@"));
        Assert.DoesNotContain("4111 1111", JsonSerializer.Serialize(context));
    }

    [Fact]
    public void The_platforms_attributes_are_shown_as_a_copy_when_there_are_any()
    {
        Send(Started());
        Send(Customer("agent please"));
        Assert.Null(Context("a1")!.Attributes);

        _state.Attributes = new() { ["tier"] = "gold", ["orderId"] = "A-1009" };
        var shown = Context("a1")!.Attributes;
        _state.Attributes["tier"] = "silver";

        Assert.Equal(new Dictionary<string, string> { ["tier"] = "gold", ["orderId"] = "A-1009" }, shown);
    }

    [Fact]
    public void Erasure_leaves_none_of_the_customers_words_and_nobody_may_read_the_context()
    {
        Send(Started() with { CustomerId = "cust-7" });
        Send(Customer("My refund has not arrived", Now.AddSeconds(1)));
        Send(Customer("My refund has not arrived", Now.AddSeconds(2)));
        Send(Customer("agent please", Now.AddSeconds(3)));

        _decider.Erase(Now.AddMinutes(1));

        Assert.Null(Context("a1"));
        Assert.Equal((null, null, null), (_state.LastCustomerMessage, _state.RepeatedMessage, _state.CustomerId));
        Assert.Equal(3, _state.CustomerMessages);
    }

    [Fact]
    public void The_context_is_the_same_from_the_state_rebuilt_from_the_facts()
    {
        Send(Started(Channel.Chat, "en-US") with { CustomerId = "cust-7" });
        Send(Customer("My refund has not arrived", Now.AddSeconds(1)));
        Send(Signal("nlu.no_match", 1, Now.AddSeconds(2)));
        Send(Customer("my refund has not arrived", Now.AddSeconds(3)));
        Send(Customer("is this a bot?", Now.AddSeconds(4)));
        Send(Customer("agent please", Now.AddSeconds(5)));

        var rebuilt = new ConversationState();
        foreach (var fact in _facts)
        {
            ConversationEvolution.Apply(rebuilt, fact, Policy, new ConversationSettings());
        }

        // Two nulls would agree as well: the live conversation has a context to compare.
        Assert.NotNull(Context("a1"));
        Assert.Equal(
            JsonSerializer.Serialize(Context("a1")),
            JsonSerializer.Serialize(HandoffContextBuilder.Build("c1", rebuilt, Policy, "a1", Present)));
    }
}
