using static CxCluster.Grains.Tests.Support.ConversationCalls;
using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Conversations;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Tenants;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Conversations;

/// <summary>
/// A platform's clock that runs ahead, or an event sent late, never undoes the trust threshold nor the order of what
/// happened: events are recorded at their <c>occurredAt</c> (never before what the conversation already recorded) but
/// scored no later than now, and the conversation's clock only moves forward.
/// </summary>
public sealed class EventTimeRulesTests
{
    private readonly ConversationState _state = new();
    private readonly ManualClock _clock = new(Now);
    private readonly TenantPolicy _policy;
    private readonly ConversationDecider _decider;

    public EventTimeRulesTests()
    {
        var tenants = new TenantDirectory([new TenantPolicy { TenantId = "acme", BrandName = "Acme", DefaultLocale = "en-US" }]);
        _policy = tenants.Get("acme");
        _decider = new ConversationDecider("c1", _state, _policy, new CustomerTexts(tenants), new ConversationSettings());
    }

    private double Score => ConversationDecider.Trust(_state, _policy).Score;

    private Decision Apply(ConversationEvent e, TimeSpan? nowAfterStart = null)
    {
        _clock.Now = Now + (nowAfterStart ?? TimeSpan.Zero);
        var decision = _decider.Decide(e, _clock.GetUtcNow());
        Assert.Null(decision.Refusal);
        return decision;
    }

    [Fact]
    public void An_event_stamped_an_hour_ahead_does_not_switch_the_threshold_off()
    {
        Apply(Started(at: Now));
        Apply(Signal("nlu.no_match", 1, Now.AddSeconds(1)), TimeSpan.FromSeconds(1));
        var ahead = Apply(Customer("halo", Now.AddHours(1)), TimeSpan.FromSeconds(2));
        Apply(Signal("nlu.no_match", 1, Now.AddSeconds(3)), TimeSpan.FromSeconds(3));
        var third = Apply(Signal("nlu.no_match", 1, Now.AddSeconds(4)), TimeSpan.FromSeconds(4));

        Assert.Null(ahead.RequestedFor());
        Assert.Equal(ConversationDecider.TrustThreshold, third.RequestedFor());
        Assert.Equal(Now.AddSeconds(4), _state.Trust.Clock);
    }

    [Fact]
    public void Within_the_tolerance_an_event_is_recorded_at_its_time_but_scored_now()
    {
        Apply(Started(at: Now));
        Apply(Signal("nlu.no_match", 1, Now));

        Apply(Customer("halo", Now.AddMinutes(4)));
        Apply(Signal("voice.barge_in", 1, Now.AddMinutes(4)));

        Assert.Equal(Now.AddMinutes(4), _state.Transcript[^1].At);
        Assert.Equal(Now, _state.Trust.Clock);
        Assert.Equal(2, _state.Trust.Signals.Count);
        Assert.All(_state.Trust.Signals, s => Assert.Equal(Now, s.At));
        // Nothing faded: every penalty counts in full.
        Assert.Equal(100 + _state.Trust.Signals.Sum(s => s.Delta), Score, 9);
    }

    [Fact]
    public void Once_now_moves_on_a_penalty_fades_from_when_it_was_scored()
    {
        Apply(Started(at: Now));
        Apply(Signal("nlu.no_match", 1, Now.AddMinutes(4)));

        // Two minutes of full weight and one half-life after it was scored (at now, not at its stamp 4 minutes ahead).
        Apply(Customer("halo", Now.AddMinutes(7)), TimeSpan.FromMinutes(7));

        Assert.Equal(Now.AddMinutes(7), _state.Trust.Clock);
        Assert.Equal(100 + _state.Trust.Signals.Single().Delta / 2, Score, 9);
    }

    [Fact]
    public void An_old_event_sent_after_newer_ones_is_recorded_at_the_latest_time_and_fades_from_when_it_happened()
    {
        var later = TimeSpan.FromMinutes(10);
        Apply(Started(at: Now.AddMinutes(10)), later);

        var old = Apply(Signal("nlu.no_match", 1, Now), later);

        var signalled = Assert.Single(old.Facts.OfType<TrustSignalled>());
        Assert.Equal((Now.AddMinutes(10), Now), (signalled.At, signalled.HappenedAt));
        Assert.Equal(Now.AddMinutes(10), _state.Trust.Clock);
        Assert.Equal(Now, _state.Trust.Signals[^1].At);
        // Ten minutes old, it weighs what it would have weighed in order: a third of its delta, not all of it.
        Assert.InRange(Score, 100 + signalled.Delta * 0.4, 100 + signalled.Delta * 0.25);
        Assert.Null(Apply(Signal("nlu.no_match", 1, Now.AddMinutes(10)), later).RequestedFor());
        Assert.Null(Apply(Signal("nlu.no_match", 1, Now.AddMinutes(10)), later).RequestedFor());
        Assert.Equal(ConversationDecider.TrustThreshold, Apply(Signal("nlu.no_match", 1, Now.AddMinutes(10)), later).RequestedFor());
    }

    [Fact]
    public void An_event_stamped_before_what_the_conversation_recorded_is_recorded_at_its_latest_time()
    {
        var disclosureId = Apply(Started(at: Now)).Directives[0].AsDisclose().DisclosureId;

        var delivered = Apply(Delivered(disclosureId, Now.AddMinutes(-10)));
        var ai = Apply(Ai("Halo, ada yang bisa dibantu?", Now.AddMinutes(-5)));
        var customer = Apply(Customer("saya mau bicara dengan CS", Now.AddMinutes(-1)));

        Assert.All(delivered.Facts.Concat(ai.Facts).Concat(customer.Facts), fact => Assert.Equal(Now, fact.At));
        var notice = Assert.Single(_state.Disclosure.Issued);
        Assert.Equal((Now, Now), (notice.IssuedAt, notice.DeliveredAt));
        Assert.All(_state.Transcript, turn => Assert.Equal(Now, turn.At));
        Assert.Equal(Now, _state.Handoff!.RequestedAt);
        Assert.Equal(Now, _state.Trust.Clock);
    }

    [Fact]
    public void A_time_the_grain_recorded_on_its_own_holds_for_later_events_too()
    {
        Apply(Started(at: Now));
        _decider.OpenHandoff(ConversationDecider.CustomerRequest, Now.AddMinutes(2));
        _decider.TakeFacts();

        var barge = Apply(Signal("voice.barge_in", 1, Now.AddMinutes(1)), TimeSpan.FromMinutes(3));
        var later = Apply(Customer("halo?", Now.AddMinutes(3)), TimeSpan.FromMinutes(3));

        var signalled = Assert.Single(barge.Facts.OfType<TrustSignalled>());
        Assert.Equal((Now.AddMinutes(2), Now.AddMinutes(1)), (signalled.At, signalled.HappenedAt));
        Assert.All(later.Facts, fact => Assert.Equal(Now.AddMinutes(3), fact.At));
    }

    [Fact]
    public void A_notice_stamped_before_what_the_conversation_recorded_is_recorded_after_it()
    {
        Apply(Started(at: Now));
        var handoff = _decider.OpenHandoff(ConversationDecider.CustomerRequest, Now.AddSeconds(1));
        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 }, Now.AddSeconds(2));

        // The agent made the offer a moment before the pool's answer (the queue place) reached the conversation.
        _decider.OfferChanged(new HandoffOfferNotice
        {
            HandoffId = handoff.HandoffId, OfferId = "ofr-1", AgentId = "sari", ExpiresAt = Now.AddSeconds(30), At = Now.AddSeconds(1.5),
        }, Now.AddSeconds(2));

        var facts = _decider.TakeFacts();
        Assert.Equal(["handoff.requested", "handoff.queued", "handoff.offered"], facts.Select(f => f.Type));
        Assert.Equal(Now.AddSeconds(2), facts[^1].At);
        for (var i = 1; i < facts.Count; i++)
        {
            Assert.True(facts[i].At >= facts[i - 1].At, $"{facts[i].Type} at {facts[i].At:O} is before {facts[i - 1].Type} at {facts[i - 1].At:O}");
        }
    }

    [Fact]
    public void The_end_of_an_offer_whose_making_was_never_told_records_it_made_then_ended_in_order()
    {
        Apply(Started(at: Now));
        var handoff = _decider.OpenHandoff(ConversationDecider.CustomerRequest, Now.AddSeconds(1));
        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 }, Now.AddSeconds(2));
        _decider.TakeFacts();

        // The notice of sari's offer was lost; its expiry is the first the conversation hears of it.
        Assert.True(_decider.OfferChanged(new HandoffOfferNotice
        {
            HandoffId = handoff.HandoffId, OfferId = "ofr-1", AgentId = "sari", ExpiresAt = Now.AddSeconds(33), Outcome = OfferOutcome.Expired,
            At = Now.AddSeconds(33), OfferedAt = Now.AddSeconds(3),
        }, Now.AddSeconds(33)));

        var facts = _decider.TakeFacts();
        Assert.Equal(["handoff.offered", "handoff.expired"], facts.Select(f => f.Type));
        Assert.Equal((Now.AddSeconds(3), Now.AddSeconds(33)), (facts[0].At, facts[1].At));
        var (offered, expired) = (Assert.IsType<HandoffOffered>(facts[0]), Assert.IsType<HandoffExpired>(facts[1]));
        Assert.Equal(("ofr-1", "sari", "ofr-1", "sari"), (offered.OfferId, offered.AgentId, expired.OfferId, expired.AgentId));
        // Told again, nothing more.
        Assert.False(_decider.OfferChanged(new HandoffOfferNotice
        {
            HandoffId = handoff.HandoffId, OfferId = "ofr-1", AgentId = "sari", ExpiresAt = Now.AddSeconds(33), Outcome = OfferOutcome.Expired,
            At = Now.AddSeconds(33), OfferedAt = Now.AddSeconds(3),
        }, Now.AddSeconds(34)));
        Assert.Empty(_decider.TakeFacts());
    }

    [Fact]
    public void Behind_events_stamped_ahead_the_grains_own_facts_keep_the_silos_time_and_the_first_reply_is_due_from_it()
    {
        // The platform's clock runs four minutes ahead of the silo's.
        Apply(Started(at: Now.AddMinutes(4)));
        Assert.Equal(ConversationDecider.CustomerRequest, Apply(Customer("I want to talk to a real person please", Now.AddMinutes(4))).RequestedFor());

        _decider.Place(_state.Handoff!, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "sari", AgentDisplayName = "Sari" }, Now.AddSeconds(1));

        Assert.Equal(Now.AddSeconds(1), Assert.IsType<HandoffAssigned>(Assert.Single(_decider.TakeFacts())).At);
        Assert.Equal(Now.AddSeconds(1) + _policy.Routing.FirstReply, _decider.FirstReplyDue);
    }

    [Fact]
    public void A_notice_stamped_a_moment_before_the_last_fact_by_another_of_the_clusters_clocks_is_recorded_after_it()
    {
        // The request is stamped half a second ahead of the silo's now: within what the cluster's own clocks differ by.
        Apply(Started(at: Now));
        Assert.Equal(ConversationDecider.CustomerRequest, Apply(Customer("I want to talk to a real person please", Now.AddMilliseconds(500))).RequestedFor());

        _decider.Place(_state.Handoff!, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "sari", AgentDisplayName = "Sari" }, Now.AddMilliseconds(200));

        Assert.Equal(Now.AddMilliseconds(500), Assert.IsType<HandoffAssigned>(Assert.Single(_decider.TakeFacts())).At);
    }
}

/// <summary>The same through a conversation grain on the silo's own clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EventTimeGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_event_stamped_an_hour_ahead_still_lets_the_threshold_hand_off()
    {
        var conversation = fixture.Grains.Conversation(ClusterFixture.Tenant, $"c-{Guid.NewGuid():N}");
        var now = DateTimeOffset.UtcNow;

        await Send(conversation, Started(at: now));
        await Send(conversation, Signal("nlu.no_match", 1, now));
        var ahead = await Send(conversation, Customer("hello?", now.AddHours(1)));
        await Send(conversation, Signal("nlu.no_match", 1, now));
        var third = await Send(conversation, Signal("nlu.no_match", 1, now));

        // Recorded at its own time, to the microsecond its journal keeps.
        Assert.Equal(JournalTime.Cut(now.AddHours(1)), ahead.Conversation!.Transcript[^1].At);
        Assert.Contains(third.Directives, d => d.Type == DirectiveType.Handoff && d.ReasonOf() == ConversationDecider.TrustThreshold);
    }
}
