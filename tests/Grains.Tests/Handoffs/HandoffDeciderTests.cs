using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Tenants;

namespace CxCluster.Grains.Tests.Handoffs;

/// <summary>The handoff decider over its own slice of state: pure functions, no conversation or pool around them.</summary>
public sealed class HandoffDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static readonly LocalizedTexts Texts =
        new CustomerTexts(new TenantDirectory([new TenantPolicy { TenantId = "acme", BrandName = "Acme", DefaultLocale = "en-US" }])).For("acme", "en-US");

    private readonly HandoffState _state = new();

    private HandoffRecord Open(string reason = "customer-request")
    {
        HandoffDecider.Evolve(_state, HandoffDecider.Open(_state, reason, HandoffPriority.Default, "en/chat", Now));
        return _state.Current!;
    }

    private void Place(HandoffPlacement placement, DateTimeOffset? at = null)
    {
        if (HandoffDecider.Place(_state.Current!, placement, Texts, at ?? Now) is { } fact)
        {
            HandoffDecider.Evolve(_state, fact);
        }
    }

    [Fact]
    public void Handoffs_are_numbered_per_conversation_and_wait_for_their_pool_until_placed()
    {
        var first = Open();
        Assert.Equal(("hnd-1", "customer-request", "en/chat", HandoffStatus.Queued, true), (first.HandoffId, first.Reason, first.PoolName, first.Status, first.AwaitingPool));

        var second = HandoffDecider.Open(_state, "trust-threshold", 8, "en/chat", Now);
        Assert.Equal(("hnd-2", 8), (second.HandoffId, second.Priority));
    }

    [Fact]
    public void The_first_place_in_the_queue_is_a_fact_and_later_places_only_say_where_it_stands_now()
    {
        var handoff = Open();
        var queued = HandoffDecider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 3, EstimatedWaitSeconds = 90 }, Texts, Now);
        Assert.Equal((3, 90, "en/chat"), (((HandoffQueued)queued!).Position, ((HandoffQueued)queued).EstimatedWaitSeconds, ((HandoffQueued)queued).Queue));
        HandoffDecider.Evolve(_state, queued);
        Assert.False(handoff.AwaitingPool);

        Assert.Null(HandoffDecider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1, EstimatedWaitSeconds = 30 }, Texts, Now));
        Assert.Equal((1, 30), (handoff.QueuePosition, handoff.EstimatedWaitSeconds));
        // A pool that does not know it changes nothing here: the grain asks it again.
        Assert.Null(HandoffDecider.Place(handoff, HandoffPlacement.Unknown, Texts, Now));
        Assert.Equal(HandoffStatus.Queued, handoff.Status);
    }

    [Fact]
    public void What_the_pool_tells_is_news_without_changing_anything_and_its_place_is_shown_apart()
    {
        var handoff = Open();
        Place(new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 3, EstimatedWaitSeconds = 90 });
        var offered = new HandoffPlacement
        {
            Status = HandoffStatus.Queued, QueuePosition = 2, EstimatedWaitSeconds = 60, OfferId = "ofr-1", OfferedAgentId = "a1", OfferExpiresAt = Now.AddSeconds(30),
        };

        Assert.IsType<HandoffOffered>(HandoffDecider.News(handoff, offered, Texts, Now));
        Assert.IsType<HandoffAssigned>(HandoffDecider.News(handoff, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1" }, Texts, Now));
        Assert.IsType<HandoffEscalated>(HandoffDecider.News(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, MovedTo = "en/any", Step = 1 }, Texts, Now));
        // Telling news changed nothing: the offer, the agent and even the place are as before.
        Assert.Equal((HandoffStatus.Queued, null, null, 3, 90), (handoff.Status, handoff.OfferId, handoff.AgentId, handoff.QueuePosition, handoff.EstimatedWaitSeconds));
        Assert.Null(HandoffDecider.News(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 }, Texts, Now));
        // An offer already past its time, or to the same pool again, is no news.
        Assert.Null(HandoffDecider.News(handoff, offered with { OfferExpiresAt = Now.AddSeconds(-1) }, Texts, Now));
        Assert.Null(HandoffDecider.News(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, MovedTo = "en/chat", Step = 0 }, Texts, Now));

        Assert.True(HandoffDecider.Stand(handoff, offered));
        Assert.Equal((2, 60, null), (handoff.QueuePosition, handoff.EstimatedWaitSeconds, handoff.OfferId));
        Assert.False(HandoffDecider.Stand(handoff, offered));
        Assert.False(HandoffDecider.Stand(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, MovedTo = "en/any", Step = 1, QueuePosition = 9 }));
        Assert.False(HandoffDecider.Stand(handoff, HandoffPlacement.Unknown));
        Assert.Equal(2, handoff.QueuePosition);
    }

    [Fact]
    public void An_assignment_is_recorded_once_with_the_agent_and_the_words_for_the_customer()
    {
        var handoff = Open();
        var assigned = (HandoffAssigned)HandoffDecider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" }, Texts, Now)!;
        Assert.Equal(("a1", "Sari"), (assigned.AgentId, assigned.AgentDisplayName));
        Assert.Contains("Sari", assigned.Text);
        HandoffDecider.Evolve(_state, assigned);

        Assert.Equal((HandoffStatus.Assigned, "a1", Now), (handoff.Status, handoff.AgentId, handoff.AssignedAt));
        Assert.Null(HandoffDecider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a2" }, Texts, Now));
    }

    [Fact]
    public void Leaving_frees_the_queue_place_or_the_agent_and_only_once()
    {
        Open();
        var left = Assert.IsType<HandoffCompleted>(Assert.Single(HandoffDecider.Leave(_state, Now)));
        Assert.Null(left.AgentId);
        HandoffDecider.Evolve(_state, left);
        Assert.Equal(new PendingRelease { HandoffId = "hnd-1", PoolName = "en/chat", AgentId = null }, _state.Release);
        Assert.Empty(HandoffDecider.Leave(_state, Now));

        Open();
        Place(new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" });
        var ended = Assert.IsType<HandoffCompleted>(Assert.Single(HandoffDecider.Leave(_state, Now)));
        Assert.Equal("a1", ended.AgentId);
    }

    [Fact]
    public void Leaving_with_an_offer_open_withdraws_it_for_its_agent_first()
    {
        Open();
        Place(new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 });
        HandoffDecider.Evolve(_state, new HandoffOffered { At = Now, HandoffId = "hnd-1", OfferId = "off-1", AgentId = "a1", ExpiresAt = Now.AddSeconds(30) });
        Assert.Equal(("off-1", "a1"), (_state.Current!.OfferId, _state.Current.OfferedAgentId));

        var facts = HandoffDecider.Leave(_state, Now).ToList();

        var withdrawn = Assert.IsType<HandoffDeclined>(facts[0]);
        Assert.Equal(("hnd-1", "off-1", "a1", HandoffDeclined.Withdrawn), (withdrawn.HandoffId, withdrawn.OfferId, withdrawn.AgentId, withdrawn.Reason));
        Assert.False(HandoffDeclined.IsTheAgentsChoice(withdrawn.Reason));
        Assert.Null(Assert.IsType<HandoffCompleted>(facts[1]).AgentId);
    }

    [Fact]
    public void Handing_back_completes_the_handoff_without_anything_to_free()
    {
        Assert.Throws<InvalidOperationException>(() => HandoffDecider.HandBack(_state, Now));
        Open();
        Place(new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" });

        var (completed, resumed) = HandoffDecider.HandBack(_state, Now.AddMinutes(5));
        HandoffDecider.Evolve(_state, completed);
        HandoffDecider.Evolve(_state, resumed);

        Assert.Equal(("hnd-1", "a1"), (completed.HandoffId, completed.AgentId));
        Assert.Equal(HandoffStatus.Completed, _state.Current!.Status);
        Assert.Null(_state.Release);
    }

    [Fact]
    public void The_directive_says_where_the_handoff_stands()
    {
        var handoff = Open();
        Place(new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 2, EstimatedWaitSeconds = 60 });
        var queued = HandoffDecider.Directive(handoff, Texts);
        Assert.Equal((HandoffStatus.Queued, 2, 60, (string?)null), (queued.Status, queued.QueuePosition, queued.EstimatedWaitSeconds, queued.AgentId));
        Assert.Equal(Texts.HandoffQueued(2, 60), queued.Text);

        Place(new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" });
        var assigned = HandoffDecider.Directive(handoff, Texts);
        Assert.Equal((HandoffStatus.Assigned, "a1", (int?)null, "customer-request"), (assigned.Status, assigned.AgentId, assigned.QueuePosition, assigned.Reason));
        Assert.Equal(Texts.HandoffAssigned("Sari"), assigned.Text);
    }

    [Fact]
    public void Two_agents_offers_with_the_same_id_are_told_apart_by_their_agent()
    {
        var handoff = Open();
        Place(new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 });
        // Offer ids are numbered per agent: ana's first offer and budi's first offer may both be ofr-4.
        HandoffOfferNotice Notice(string agentId, OfferOutcome? outcome) => new()
        {
            HandoffId = handoff.HandoffId, OfferId = "ofr-4", AgentId = agentId, ExpiresAt = Now.AddSeconds(30), Outcome = outcome, At = Now,
        };
        HandoffDecider.Evolve(_state, HandoffDecider.Offer(handoff, Notice("ana", null), Now)!);

        // Budi's offer told before ana's expiry (two agents' notices may cross): it is a new offer, not ana's again.
        var budiOffered = Assert.IsType<HandoffOffered>(HandoffDecider.Offer(handoff, Notice("budi", null), Now));
        Assert.Equal("budi", budiOffered.AgentId);

        var anaExpired = Assert.IsType<HandoffExpired>(HandoffDecider.Offer(handoff, Notice("ana", OfferOutcome.Expired), Now));
        HandoffDecider.Evolve(_state, anaExpired);
        HandoffDecider.Evolve(_state, budiOffered);

        // Ana's end told again once budi's offer is open is no news, and never closes budi's offer.
        Assert.Null(HandoffDecider.Offer(handoff, Notice("ana", OfferOutcome.Expired), Now));
        Assert.Null(HandoffDecider.Offer(handoff, Notice("ana", OfferOutcome.Declined), Now));
        Assert.Equal(("ofr-4", "budi", HandoffStatus.Offered), (handoff.OfferId, handoff.OfferedAgentId, handoff.ShownStatus));
        // Ana let hers expire: no pass, so she may be offered it again once back on duty, but that offer is over.
        Assert.DoesNotContain("ana", handoff.Passed);
        Assert.Contains(HandoffRecord.OfferKey("ana", "ofr-4"), handoff.ExpiredOffers);
        Assert.Null(HandoffDecider.Offer(handoff, Notice("ana", null), Now));
        Assert.DoesNotContain("budi", handoff.Passed);
    }

    [Fact]
    public void An_offer_the_handoff_never_recorded_is_made_once_stamped_when_made_and_never_after_it_ended()
    {
        var handoff = Open();
        Place(new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 });
        HandoffOfferNotice Told(string agentId, string offerId, OfferOutcome? outcome = null) => new()
        {
            HandoffId = handoff.HandoffId, OfferId = offerId, AgentId = agentId, ExpiresAt = Now.AddSeconds(30), Outcome = outcome,
            At = Now, OfferedAt = Now.AddSeconds(-2),
        };

        // News of the offer (accepted, or its end) came before the agent's notice of it: it is made, when it was.
        var offered = Assert.IsType<HandoffOffered>(HandoffDecider.Unrecorded(handoff, Told("ana", "ofr-2")));
        Assert.Equal((handoff.HandoffId, "ofr-2", "ana", Now.AddSeconds(-2), Now.AddSeconds(30)),
            (offered.HandoffId, offered.OfferId, offered.AgentId, offered.At, offered.ExpiresAt));
        Assert.Equal(Now, HandoffDecider.Unrecorded(handoff, Told("ana", "ofr-2") with { OfferedAt = null })!.At);
        HandoffDecider.Evolve(_state, offered);
        // Recorded (from the notice or from the news): never again, whichever comes second.
        Assert.Null(HandoffDecider.Unrecorded(handoff, Told("ana", "ofr-2")));
        Assert.Null(HandoffDecider.Offer(handoff, Told("ana", "ofr-2"), Now));
        // Another agent's offer with the same number is another offer; an offer of another handoff is none.
        Assert.IsType<HandoffOffered>(HandoffDecider.Unrecorded(handoff, Told("budi", "ofr-2")));
        Assert.Null(HandoffDecider.Unrecorded(handoff, Told("budi", "ofr-2") with { HandoffId = "hnd-9" }));

        // An offer recorded as expired, or any offer to an agent who passed, is never made again.
        HandoffDecider.Evolve(_state, HandoffDecider.Offer(handoff, Told("ana", "ofr-2", OfferOutcome.Expired), Now)!);
        Assert.Null(HandoffDecider.Unrecorded(handoff, Told("ana", "ofr-2")));
        HandoffDecider.Evolve(_state, HandoffDecider.Offer(handoff, Told("budi", "ofr-5", OfferOutcome.Declined), Now)!);
        Assert.Null(HandoffDecider.Unrecorded(handoff, Told("budi", "ofr-6")));

        // Once an agent holds it, an offer is no news.
        Place(new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "cici", AgentDisplayName = "Cici" });
        Assert.Null(HandoffDecider.Unrecorded(handoff, Told("cici", "ofr-3")));
    }

    [Fact]
    public void An_open_offer_its_pool_no_longer_shows_is_gone_and_reads_expired_only_once_its_deadline_passed()
    {
        var handoff = Open();
        var queued = new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 };
        // Waiting with no offer, or before its pool placed it: nothing is gone.
        Assert.False(HandoffDecider.OfferGone(handoff, queued));
        Place(queued);
        Assert.False(HandoffDecider.OfferGone(handoff, queued));
        Assert.Null(HandoffDecider.Forgotten(handoff, Now.AddHours(1)));

        HandoffDecider.Evolve(_state, HandoffDecider.Offer(handoff, new HandoffOfferNotice
        {
            HandoffId = handoff.HandoffId, OfferId = "ofr-2", AgentId = "ana", ExpiresAt = Now.AddSeconds(30), At = Now,
        }, Now)!);
        var shown = queued with { OfferId = "ofr-2", OfferedAgentId = "ana", OfferExpiresAt = Now.AddSeconds(30) };

        // The pool shows the same offer: nothing gone. No offer, another agent's offer of the same number, or another offer: gone.
        Assert.False(HandoffDecider.OfferGone(handoff, shown));
        Assert.True(HandoffDecider.OfferGone(handoff, queued));
        Assert.True(HandoffDecider.OfferGone(handoff, shown with { OfferedAgentId = "budi" }));
        Assert.True(HandoffDecider.OfferGone(handoff, shown with { OfferId = "ofr-3" }));
        // Placed with an agent, moved to a wider pool, or unknown there: another repair's business.
        Assert.False(HandoffDecider.OfferGone(handoff, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "ana" }));
        Assert.False(HandoffDecider.OfferGone(handoff, queued with { MovedTo = "en/any", Step = 1 }));
        Assert.False(HandoffDecider.OfferGone(handoff, HandoffPlacement.Unknown));

        // Nobody remembers it: not over before its deadline; expired from then on, stamped when found.
        Assert.Null(HandoffDecider.Forgotten(handoff, Now.AddSeconds(29)));
        var forgotten = HandoffDecider.Forgotten(handoff, Now.AddSeconds(31))!;
        Assert.Equal((OfferOutcome.Expired, "ofr-2", "ana", Now.AddSeconds(31)), (forgotten.Outcome, forgotten.OfferId, forgotten.AgentId, forgotten.At));
        var expired = Assert.IsType<HandoffExpired>(HandoffDecider.Offer(handoff, forgotten, Now.AddSeconds(31)));
        HandoffDecider.Evolve(_state, expired);
        Assert.Equal(HandoffStatus.Queued, handoff.ShownStatus);
        Assert.False(HandoffDecider.OfferGone(handoff, queued));
    }

    [Fact]
    public void An_offer_replaced_before_its_end_was_told_is_not_made_again_by_late_word_and_its_end_is_still_news()
    {
        var handoff = Open();
        Place(new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 });
        HandoffOfferNotice Made(string agentId) => new()
        {
            HandoffId = handoff.HandoffId, OfferId = "ofr-2", AgentId = agentId, ExpiresAt = Now.AddSeconds(30), At = Now, OfferedAt = Now,
        };
        HandoffDecider.Evolve(_state, HandoffDecider.Offer(handoff, Made("ana"), Now)!);
        // Budi's offer is heard of before ana's end: ana's is replaced.
        HandoffDecider.Evolve(_state, HandoffDecider.Offer(handoff, Made("budi"), Now.AddSeconds(1))!);
        Assert.Equal(("ofr-2", "budi"), (handoff.OfferId, handoff.OfferedAgentId));

        // Ana's late word of her offer is no news, nor is its making told again by the word of its end; the end is.
        Assert.Null(HandoffDecider.Offer(handoff, Made("ana"), Now.AddSeconds(2)));
        var declined = Made("ana") with { Outcome = OfferOutcome.Declined, At = Now.AddSeconds(2) };
        Assert.Null(HandoffDecider.Unrecorded(handoff, declined));
        HandoffDecider.Evolve(_state, Assert.IsType<HandoffDeclined>(HandoffDecider.Offer(handoff, declined, Now.AddSeconds(2))));
        // Budi's offer stays open.
        Assert.Equal(("ofr-2", "budi"), (handoff.OfferId, handoff.OfferedAgentId));
    }

    [Fact]
    public void An_offer_heard_of_before_the_pools_answer_tells_that_the_handoff_was_queued_first_and_only_then()
    {
        var handoff = Open();
        // The pool's answer never came: the offer says it was queued, first in line, with no wait.
        var queued = HandoffDecider.QueuedBeforeOffer(handoff, Now.AddSeconds(1))!;
        Assert.Equal((handoff.HandoffId, handoff.PoolName, 1, (int?)0, Now.AddSeconds(1)), (queued.HandoffId, queued.Queue, queued.Position, queued.EstimatedWaitSeconds, queued.At));
        HandoffDecider.Evolve(_state, queued);
        Assert.False(handoff.AwaitingPool);
        // Once the pool's answer (or this) was recorded, or with nothing waiting, an offer tells nothing more of it.
        Assert.Null(HandoffDecider.QueuedBeforeOffer(handoff, Now.AddSeconds(2)));
        Assert.Null(HandoffDecider.QueuedBeforeOffer(null, Now));
    }

    [Fact]
    public void An_ended_offer_its_pool_names_is_untold_until_the_handoff_recorded_it_open_declined_or_expired()
    {
        var handoff = Open();
        var queued = new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 };
        var named = queued with { EndedOfferId = "ofr-2", EndedOfferAgentId = "ana" };
        // Before its pool placed it, or with no ended offer named: nothing untold.
        Assert.False(HandoffDecider.EndedOfferUntold(handoff, named));
        Place(queued);
        Assert.False(HandoffDecider.EndedOfferUntold(handoff, queued));
        Assert.True(HandoffDecider.EndedOfferUntold(handoff, named));
        // Placed with an agent, moved to a wider pool: another repair's business.
        Assert.False(HandoffDecider.EndedOfferUntold(handoff, named with { Status = HandoffStatus.Assigned, AgentId = "budi" }));
        Assert.False(HandoffDecider.EndedOfferUntold(handoff, named with { MovedTo = "en/any", Step = 1 }));

        // Learnt from the agent: made, then declined. Told once, it is no longer untold; another agent's offer of the
        // same number still is.
        var declined = new HandoffOfferNotice
        {
            HandoffId = handoff.HandoffId, OfferId = "ofr-2", AgentId = "ana", ExpiresAt = Now.AddSeconds(30), At = Now.AddSeconds(5),
            OfferedAt = Now, Outcome = OfferOutcome.Declined,
        };
        var made = HandoffDecider.Unrecorded(handoff, declined)!;
        Assert.Equal((Now, "ofr-2", "ana"), (made.At, made.OfferId, made.AgentId));
        HandoffDecider.Evolve(_state, made);
        // Recorded as open: the offer that is gone is OfferGone's business, not this one's.
        Assert.False(HandoffDecider.EndedOfferUntold(handoff, named));
        HandoffDecider.Evolve(_state, Assert.IsType<HandoffDeclined>(HandoffDecider.Offer(handoff, declined, Now.AddSeconds(6))));
        Assert.False(HandoffDecider.EndedOfferUntold(handoff, named));
        Assert.True(HandoffDecider.EndedOfferUntold(handoff, named with { EndedOfferAgentId = "budi" }));

        // An expiry recorded is told too.
        var expired = declined with { AgentId = "budi", Outcome = OfferOutcome.Expired, Reason = null };
        HandoffDecider.Evolve(_state, HandoffDecider.Unrecorded(handoff, expired)!);
        HandoffDecider.Evolve(_state, Assert.IsType<HandoffExpired>(HandoffDecider.Offer(handoff, expired, Now.AddSeconds(6))));
        Assert.False(HandoffDecider.EndedOfferUntold(handoff, named with { EndedOfferAgentId = "budi" }));
    }

    [Fact]
    public void A_read_shows_an_offer_open_as_its_pool_shows_it_until_the_offers_recorded_change()
    {
        var handoff = Open();
        var queued = new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 };
        var shown = queued with { OfferId = "ofr-2", OfferedAgentId = "ana", OfferExpiresAt = Now.AddSeconds(30) };
        Place(queued);

        // The pool offered it before the agent's word came: shown offered, nothing recorded.
        Assert.True(HandoffDecider.Stand(handoff, shown));
        Assert.Equal((HandoffStatus.Offered, null), (handoff.ShownStatus, handoff.OfferId));
        // The agent's word recorded: shown as recorded.
        HandoffDecider.Evolve(_state, HandoffDecider.Offer(handoff, new HandoffOfferNotice
        {
            HandoffId = handoff.HandoffId, OfferId = "ofr-2", AgentId = "ana", ExpiresAt = Now.AddSeconds(30), At = Now,
        }, Now)!);
        Assert.Equal((HandoffStatus.Offered, (bool?)null), (handoff.ShownStatus, handoff.PoolShowsOffer));
        Assert.False(HandoffDecider.Stand(handoff, shown));

        // The pool no longer shows it and the word of its end has not come: shown queued, the offer still recorded open.
        Assert.True(HandoffDecider.Stand(handoff, queued));
        Assert.Equal((HandoffStatus.Queued, "ofr-2"), (handoff.ShownStatus, handoff.OfferId));
        Assert.False(HandoffDecider.Stand(handoff, queued));
        // Its end recorded: shown as recorded again.
        HandoffDecider.Evolve(_state, new HandoffDeclined { At = Now, HandoffId = handoff.HandoffId, OfferId = "ofr-2", AgentId = "ana" });
        Assert.Equal((HandoffStatus.Queued, (bool?)null), (handoff.ShownStatus, handoff.PoolShowsOffer));
    }

    [Fact]
    public void An_agent_it_was_taken_back_from_may_have_it_again_but_older_word_of_their_assignment_is_stale()
    {
        var handoff = Open();
        Place(new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "ana", AgentDisplayName = "Ana" });
        var lostAt = Now.AddMinutes(2);

        HandoffDecider.Evolve(_state, HandoffDecider.Reclaim(handoff, HandoffReclaimed.NoFirstReply, Texts, lostAt));

        Assert.Equal((HandoffStatus.Queued, true, true, "ana"), (handoff.Status, handoff.Reclaimed, handoff.AwaitingPool, handoff.TakenFrom));
        Assert.DoesNotContain("ana", handoff.Passed);
        Assert.True(handoff.LostBy("ana", Now));
        Assert.True(handoff.LostBy("ana", lostAt));
        Assert.False(handoff.LostBy("ana", lostAt.AddSeconds(5)));
        Assert.False(handoff.LostBy("budi", Now));

        // Given to ana again once she is back: it is hers, and no longer waits as one taken from her.
        Place(new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "ana", AgentDisplayName = "Ana" }, lostAt.AddMinutes(1));
        Assert.Equal((HandoffStatus.Assigned, "ana", false, (string?)null), (handoff.Status, handoff.AgentId, handoff.Reclaimed, handoff.TakenFrom));
    }
}
