using CxCluster.Grains.Tests.Support;
using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Conversations;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Tenants;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Conversations;

/// <summary>Every decision of the conversation's rules is recorded as a fact, in order, with no I/O.</summary>
public sealed class ConversationFactsTests
{
    /// <summary>The silo's now when each event is decided: after every event's time, so each is scored when it occurred.</summary>
    private static readonly DateTimeOffset Present = Now.AddYears(1);

    private readonly ConversationState _state = new();
    private readonly ConversationDecider _decider;

    public ConversationFactsTests()
    {
        var tenants = new TenantDirectory([new TenantPolicy { TenantId = "acme", BrandName = "Acme", DefaultLocale = "id-ID" }]);
        _decider = new ConversationDecider("c1", _state, tenants.Get("acme"), new CustomerTexts(tenants), new ConversationSettings());
    }

    private Decision Apply(ConversationEvent e)
    {
        var decision = _decider.Decide(e, Present);
        Assert.Null(decision.Refusal);
        return decision;
    }

    private static string[] Types(IEnumerable<Fact> facts) => [.. facts.Select(f => f.Type)];

    [Fact]
    public void A_name_given_in_one_message_is_replaced_where_a_later_one_uses_it_alone()
    {
        Apply(Started(Channel.Chat, "en-US") with { Attributes = new Dictionary<string, string> { ["customerName"] = "Rina Wijaya" } });

        var introduced = Apply(Customer("Hi, I'm John Smith, ordering for my wife"));
        var later = Apply(Customer("John again: can Rina collect it, or must Smith sign?"));
        var ai = Apply(Ai("Rina can collect it, John."));

        Assert.Equal("Hi, I'm [name], ordering for my wife", introduced.Facts.OfType<MessageRecorded>().Single().Text);
        Assert.Equal("[name] again: can [name] collect it, or must [name] sign?", later.Facts.OfType<MessageRecorded>().Single().Text);
        Assert.Equal("[name] can collect it, [name].", ai.Facts.OfType<MessageRecorded>().Single().Text);
    }

    [Fact]
    public void The_AI_keeps_its_own_introduction_in_the_transcript_while_a_customers_name_and_all_personal_data_are_replaced()
    {
        Apply(Started(Channel.Chat, "en-US"));

        var ai = Apply(Ai("Hi, I'm Ava, your virtual assistant. Is budi@example.com still your e-mail?"));
        var customer = Apply(Customer("Hi, I'm John Smith, yes it is"));

        Assert.Equal("Hi, I'm Ava, your virtual assistant. Is [email] still your e-mail?", ai.Facts.OfType<MessageRecorded>().Single().Text);
        Assert.Equal("Hi, I'm [name], yes it is", customer.Facts.OfType<MessageRecorded>().Single().Text);
    }

    [Fact]
    public void The_platforms_reason_for_ending_is_told_with_its_personal_data_redacted()
    {
        Apply(Started(Channel.Chat, "en-US"));

        var decision = Apply(Ended() with { Reason = "call back on 0812-3456-7890 or budi@example.com" });

        var ended = Assert.IsType<ConversationEnded>(decision.Facts.Single(f => f is ConversationEnded));
        Assert.Equal("call back on [phone] or [email]", ended.Reason);
    }

    [Fact]
    public void A_start_records_the_conversation_and_its_disclosure()
    {
        var decision = Apply(Started(Channel.Whatsapp, "en-GB") with { CustomerId = "cust-7" });

        Assert.Equal(["conversation.started", "disclosure.issued"], Types(decision.Facts));
        var started = Assert.IsType<ConversationStarted>(decision.Facts[0]);
        Assert.Equal((Channel.Whatsapp, "en-GB", 5, "cust-7"), (started.Channel, started.Locale, started.Priority, started.CustomerId));
        var issued = Assert.IsType<DisclosureIssued>(decision.Facts[1]);
        Assert.Equal(decision.Directives[0].AsDisclose().DisclosureId, issued.DisclosureId);
        Assert.Equal(decision.Directives[0].TextOf(), issued.Text);
        Assert.Equal(DisclosureIssued.Start, issued.Reason);
        Assert.Equal(Now, issued.At);
    }

    [Fact]
    public void An_allowed_ai_message_names_the_disclosure_it_came_after_and_joins_the_transcript()
    {
        var disclosureId = Apply(Started()).Directives[0].AsDisclose().DisclosureId;

        var decision = Apply(Ai("Hello, how can I help?"));

        Assert.Equal(["ai.allowed", "message.recorded"], Types(decision.Facts));
        Assert.Equal(disclosureId, Assert.IsType<AiAllowed>(decision.Facts[0]).DisclosureId);
        var message = Assert.IsType<MessageRecorded>(decision.Facts[1]);
        Assert.Equal((Speaker.Ai, "Hello, how can I help?"), (message.From, message.Text));
    }

    [Fact]
    public void A_customer_message_is_recorded_redacted_with_the_signals_it_gave()
    {
        Apply(Started());

        var decision = Apply(Customer("this is useless, my card 4111 1111 1111 1111 was charged twice"));

        var message = Assert.IsType<MessageRecorded>(decision.Facts[0]);
        Assert.Equal(Speaker.Customer, message.From);
        Assert.DoesNotContain("4111 1111 1111 1111", message.Text);
        Assert.Contains(decision.Facts, f => f is TrustSignalled { Delta: < 0 });
        Assert.Equal(_state.Transcript[^1].Text, message.Text);
    }

    [Fact]
    public void Falling_into_the_warning_band_records_the_change_and_the_offer_once()
    {
        Apply(Started());

        var first = Apply(Signal("nlu.no_match", 1));
        var second = Apply(Signal("nlu.no_match", 1));

        Assert.DoesNotContain(first.Facts, f => f is TrustChanged);
        var changed = Assert.Single(second.Facts.OfType<TrustChanged>());
        Assert.Equal((TrustBand.Warning, TrustBand.Healthy), (changed.Band, changed.PreviousBand));
        var offered = Assert.Single(second.Facts.OfType<HumanOffered>());
        Assert.Equal(changed.Score, offered.Score);
        Assert.Contains(second.Directives, d => d.Type == DirectiveType.OfferHuman);
    }

    [Fact]
    public void Breaching_the_threshold_records_the_band_and_asks_for_a_human()
    {
        Apply(Started());
        Apply(Signal("nlu.no_match", 1));
        Apply(Signal("nlu.no_match", 1));

        var third = Apply(Signal("nlu.no_match", 1));

        var changed = Assert.Single(third.Facts.OfType<TrustChanged>());
        Assert.Equal((TrustBand.Breached, TrustBand.Warning), (changed.Band, changed.PreviousBand));
        Assert.Equal(ConversationDecider.TrustThreshold, third.RequestedFor());
    }

    [Fact]
    public void While_a_handoff_is_under_way_the_band_is_still_recorded_as_it_moves_but_nothing_is_offered_or_asked_again()
    {
        Apply(Started(Channel.Chat, "en-US"));
        Apply(Customer("I want to talk to a human agent"));
        Assert.NotEqual(ConversationStatus.Ai, _state.Status);

        var first = Apply(Signal("nlu.no_match", 1));
        var second = Apply(Signal("nlu.no_match", 1));
        var third = Apply(Signal("nlu.no_match", 1));

        Assert.DoesNotContain(first.Facts, f => f is TrustChanged);
        var warning = Assert.Single(second.Facts.OfType<TrustChanged>());
        Assert.Equal((TrustBand.Warning, TrustBand.Healthy), (warning.Band, warning.PreviousBand));
        var breached = Assert.Single(third.Facts.OfType<TrustChanged>());
        Assert.Equal((TrustBand.Breached, TrustBand.Warning), (breached.Band, breached.PreviousBand));
        Assert.DoesNotContain(second.Facts.Concat(third.Facts), f => f is HumanOffered or HandoffRequested);
        Assert.DoesNotContain(second.Directives.Concat(third.Directives), d => d.Type == DirectiveType.OfferHuman);
        Assert.Null(third.RequestedFor());
    }

    [Fact]
    public void A_request_for_a_person_that_breaks_trust_records_the_breach_before_it_hands_off_for_the_request()
    {
        Apply(Started(Channel.Chat, "id-ID"));
        Apply(Customer("ini bot ya?"));
        Apply(Signal("nlu.no_match", 1));
        Apply(Signal("nlu.no_match", 1));

        var request = Apply(Customer("saya mau bicara dengan CS"));

        var changed = Assert.Single(request.Facts.OfType<TrustChanged>());
        Assert.Equal((TrustBand.Breached, TrustBand.Warning), (changed.Band, changed.PreviousBand));
        Assert.Equal(ConversationDecider.CustomerRequest, request.RequestedFor());
        Assert.DoesNotContain(request.Facts, f => f is HumanOffered);
    }

    [Fact]
    public void An_identity_question_records_who_answered()
    {
        Apply(Started());

        var decision = Apply(Customer("am I talking to a bot?"));

        Assert.Equal("ai", Assert.Single(decision.Facts.OfType<IdentityAnswered>()).AnsweredAs);
    }

    [Fact]
    public void Calling_the_bot_names_lowers_trust_and_owes_no_identity_answer()
    {
        Apply(Started(Channel.Chat, "en-US"));

        var decision = Apply(Customer("this bot is dumb"));

        Assert.DoesNotContain(decision.Directives, d => d.Type == DirectiveType.AnswerIdentity);
        Assert.Empty(decision.Facts.OfType<IdentityAnswered>());
        Assert.Contains(decision.Facts.OfType<TrustSignalled>(), s => s.Delta < 0);
    }

    [Fact]
    public void A_handoff_records_its_request_its_place_its_agent_and_the_ai_resuming()
    {
        Apply(Started(Channel.Chat, "id-ID"));

        var handoff = _decider.OpenHandoff(ConversationDecider.CustomerRequest, Now);
        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 3, EstimatedWaitSeconds = 120 }, Now);
        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 2, EstimatedWaitSeconds = 80 }, Now);
        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" }, Now.AddMinutes(1));
        var facts = _decider.TakeFacts().ToList();
        var suppressed = Apply(Ai("still here"));
        _decider.TakeOver(Now.AddMinutes(9));
        facts.AddRange(_decider.TakeFacts());

        Assert.Equal(["handoff.requested", "handoff.queued", "handoff.assigned", "handoff.completed", "ai.resumed", "disclosure.issued"], Types(facts));
        var requested = Assert.IsType<HandoffRequested>(facts[0]);
        Assert.Equal((handoff.HandoffId, "customer-request", "id/chat"), (requested.HandoffId, requested.Reason, requested.Queue));
        Assert.Equal(3, Assert.IsType<HandoffQueued>(facts[1]).Position);
        var assigned = Assert.IsType<HandoffAssigned>(facts[2]);
        Assert.Equal(("a1", "Sari"), (assigned.AgentId, assigned.AgentDisplayName));
        Assert.Contains("Sari", assigned.Text);
        Assert.Equal("a1", Assert.IsType<HandoffCompleted>(facts[3]).AgentId);
        Assert.Equal(DisclosureIssued.AiResumed, Assert.IsType<DisclosureIssued>(facts[5]).Reason);
        Assert.Equal("human-in-charge", Assert.IsType<AiSuppressed>(Assert.Single(suppressed.Facts)).Reason);
        Assert.Empty(_decider.TakeFacts());
    }

    [Fact]
    public void A_start_s_priority_and_attributes_are_recorded_carried_by_its_handoffs_and_erased_with_it()
    {
        var attributes = new Dictionary<string, string> { ["tier"] = "gold", ["orderId"] = "ord-77" };
        var started = Assert.IsType<ConversationStarted>(Apply(Started() with { Priority = 8, Attributes = attributes }).Facts[0]);

        var requested = _decider.OpenHandoff(ConversationDecider.CustomerRequest, Now);
        _decider.Erase(Now.AddHours(1));

        Assert.Equal(8, started.Priority);
        Assert.Equal(attributes, started.Attributes);
        Assert.Equal(8, Assert.IsType<HandoffRequested>(_decider.TakeFacts()[0]).Priority);
        Assert.Equal(8, _state.Priority);
        Assert.Null(_state.Attributes);
    }

    [Fact]
    public void A_start_s_attribute_values_are_redacted_before_they_are_recorded()
    {
        var attributes = new Dictionary<string, string>
        {
            ["note"] = "email saya budi@gmail.com hp 081234567890",
            ["card"] = "4111 1111 1111 1111",
            ["tier"] = "gold",
            ["customerName"] = "Budi Santoso",
            ["username"] = "budi_santoso99",
            ["productName"] = "Kopi Susu",
        };

        var started = Assert.IsType<ConversationStarted>(Apply(Started() with { Attributes = attributes }).Facts[0]);

        Assert.Equal("email saya [email] hp [phone]", started.Attributes!["note"]);
        Assert.DoesNotContain("4111 1111", started.Attributes["card"], StringComparison.Ordinal);
        Assert.Equal("gold", started.Attributes["tier"]);
        Assert.Equal(("[name]", "[handle]", "Kopi Susu"), (started.Attributes["customerName"], started.Attributes["username"], started.Attributes["productName"]));
        Assert.Equal(started.Attributes["note"], _state.Attributes!["note"]);
    }

    [Fact]
    public void A_repeated_start_raises_the_priority_but_keeps_the_first_start_s_attributes()
    {
        Apply(Started() with { Priority = 2, Attributes = new Dictionary<string, string> { ["tier"] = "basic" } });

        var again = Apply(Started() with { Priority = 9, Attributes = new Dictionary<string, string> { ["tier"] = "gold" } });

        Assert.Equal((9, "basic"), (_state.Priority, _state.Attributes!["tier"]));
        var described = Assert.Single(again.Facts.OfType<ConversationDescribed>());
        Assert.Null(described.Attributes);
    }

    [Fact]
    public void A_start_after_the_first_message_gives_its_priority_and_attributes_and_a_start_never_lowers_the_priority()
    {
        Apply(Customer("hello"));

        var late = Apply(Started() with { Priority = 9, Attributes = new Dictionary<string, string> { ["tier"] = "platinum", ["note"] = "mail budi@example.com" } });
        var lower = Apply(Started() with { Priority = 3 });

        var described = Assert.Single(late.Facts.OfType<ConversationDescribed>());
        Assert.Equal(9, described.Priority);
        Assert.Equal("mail [email]", described.Attributes!["note"]);
        Assert.DoesNotContain(lower.Facts, f => f is ConversationDescribed);
        Assert.Equal((9, "platinum"), (_state.Priority, _state.Attributes!["tier"]));
        _decider.TakeFacts();
        _decider.OpenHandoff(ConversationDecider.CustomerRequest, Now);
        Assert.Equal(9, _decider.TakeFacts().OfType<HandoffRequested>().Single().Priority);
    }

    [Fact]
    public void A_start_while_a_handoff_waits_moves_neither_its_priority_nor_its_attributes()
    {
        Apply(Started() with { Priority = 2 });
        _decider.OpenHandoff(ConversationDecider.CustomerRequest, Now);
        _decider.TakeFacts();

        var again = Apply(Started() with { Priority = 9, Attributes = new Dictionary<string, string> { ["tier"] = "gold" } });

        Assert.DoesNotContain(again.Facts, f => f is ConversationDescribed);
        Assert.Equal(2, _state.Priority);
        Assert.Null(_state.Attributes);
    }

    [Fact]
    public void A_conversation_started_by_another_event_has_the_default_priority_and_no_attributes()
    {
        var started = Assert.IsType<ConversationStarted>(Apply(Customer("halo")).Facts[0]);

        Assert.Equal((HandoffPriority.Default, null), (started.Priority, started.Attributes));
    }

    [Fact]
    public void Erasure_records_the_end_and_the_erasure_once()
    {
        Apply(Started());

        _decider.Erase(Now.AddHours(1));
        _decider.Erase(Now.AddHours(2));

        Assert.Equal(["conversation.ended", "conversation.erased"], Types(_decider.TakeFacts()));
    }

    [Fact]
    public void An_event_that_changes_nothing_records_nothing_and_moves_nothing_not_even_the_trust_clock()
    {
        var disclosureId = Apply(Started()).Directives[0].AsDisclose().DisclosureId!;
        Apply(Delivered(disclosureId));
        Apply(Signal("nlu.no_match", 1));
        var before = WholeState.Json(_state);

        Assert.Empty(Apply(Delivered(disclosureId, Now.AddMinutes(30))).Facts);
        Assert.Empty(Apply(Switched(Channel.Chat, Now.AddMinutes(31))).Facts);
        Assert.Empty(Apply(Started(Channel.Chat, "en-US", Now.AddMinutes(32))).Facts);
        WholeState.AssertSame(before, WholeState.Json(_state));
    }

    [Fact]
    public void A_repeated_start_that_names_the_customer_records_it_once_and_personal()
    {
        Apply(Customer("halo"));

        var named = Apply(Started(Channel.Chat, "id-ID") with { CustomerId = "cust-7" });
        var again = Apply(Started(Channel.Chat, "id-ID") with { CustomerId = "cust-7" });
        var unnamed = Apply(Started(Channel.Chat, "id-ID"));

        var identified = Assert.IsType<CustomerIdentified>(Assert.Single(named.Facts));
        Assert.Equal(("cust-7", Now), (identified.CustomerId, identified.At));
        Assert.Empty(again.Facts);
        Assert.Empty(unnamed.Facts);
        Assert.Equal("cust-7", _state.CustomerId);
    }

    /// <summary>
    /// A conversation rebuilt from its facts alone is the live one in every field, through what was once decided beside
    /// the facts: the trust clock moved by events that record no signal (one stamped ahead of the silo's clock, one that
    /// changes nothing), the notice announced after a human, and a customer id given only on a repeated start.
    /// </summary>
    [Fact]
    public void A_conversation_rebuilt_from_its_facts_is_the_live_one_in_every_field()
    {
        var facts = new List<Fact>();
        Decision Decide(ConversationEvent e, DateTimeOffset now)
        {
            var decision = _decider.Decide(e, now);
            Assert.Null(decision.Refusal);
            facts.AddRange(decision.Facts);
            facts.AddRange(_decider.TakeFacts());
            return decision;
        }

        var first = Decide(Started(Channel.Chat, "en-US", Now), Now).Directives[0].AsDisclose().DisclosureId!;
        Decide(Delivered(first, Now.AddSeconds(10)), Now.AddSeconds(10));
        Decide(Signal("sentiment", -0.8, Now.AddMinutes(1)), Now.AddMinutes(1));
        Decide(Ai("Let me check that for you.", Now.AddMinutes(3)), Now.AddMinutes(3));
        // Stamped two minutes ahead of the silo's clock.
        Decide(Customer("where is my order?", Now.AddMinutes(6)), Now.AddMinutes(4));
        Decide(Started(Channel.Chat, "en-US", Now.AddMinutes(5)) with { CustomerId = "cust-9" }, Now.AddMinutes(5));
        Decide(Customer("agent please", Now.AddMinutes(6)), Now.AddMinutes(6));
        _decider.Place(_state.Handoff!, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" }, Now.AddMinutes(7));
        facts.AddRange(_decider.TakeFacts());
        Decide(Agent("a1", "Hi, Sari here.", Now.AddMinutes(8)), Now.AddMinutes(8));
        _decider.TakeOver(Now.AddMinutes(10));
        facts.AddRange(_decider.TakeFacts());
        // A confirmation of the first notice again: it changes nothing.
        Decide(Delivered(first, Now.AddMinutes(11)), Now.AddMinutes(11));

        Assert.Equal("cust-9", _state.CustomerId);
        AssertRebuildsTheSameState(facts);
    }

    /// <summary>
    /// Whatever the order of events, every allowed AI message comes after a disclosure issued on the channel the
    /// customer is on at that moment, as the facts tell it.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void No_sequence_of_events_lets_an_ai_message_through_before_a_disclosure_on_its_channel(int seed)
    {
        var random = new Random(seed);
        var channels = Enum.GetValues<Channel>();
        var facts = new List<Fact>();
        for (var i = 0; i < 400 && _state.Status != ConversationStatus.Ended; i++)
        {
            var at = Now.AddSeconds(i);
            ConversationEvent? e = random.Next(9) switch
            {
                0 => Started(channels[random.Next(channels.Length)], random.Next(2) == 0 ? "id-ID" : "en-US", at),
                1 => Switched(channels[random.Next(channels.Length)], at),
                2 or 3 => Ai("reply", at),
                4 => Customer(random.Next(4) == 0 ? "saya mau bicara dengan CS" : "where is my order", at),
                5 => Signal("nlu.no_match", 1, at),
                6 when _state.Disclosure.Issued.Count > 0 => Delivered(_state.Disclosure.Issued[random.Next(_state.Disclosure.Issued.Count)].DisclosureId, at),
                7 when _state.Handoff is { Status: HandoffStatus.Queued } waiting => null,
                8 when _state.Status == ConversationStatus.Human => null,
                _ => Ai("again", at),
            };
            if (e is null)
            {
                // The grain's side: an agent takes the waiting conversation, or the agent hands it back to the AI.
                if (_state.Status == ConversationStatus.Human)
                {
                    _decider.TakeOver(at);
                }
                else if (_state.Handoff!.AwaitingPool || random.Next(2) == 0)
                {
                    _decider.Place(_state.Handoff, new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = random.Next(1, 9), EstimatedWaitSeconds = 60 }, at);
                }
                else
                {
                    _decider.Place(_state.Handoff, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" }, at);
                }
                facts.AddRange(_decider.TakeFacts());
                continue;
            }
            var decision = _decider.Decide(e, Present);
            facts.AddRange(decision.Facts);
            facts.AddRange(_decider.TakeFacts());
        }

        AssertRebuildsTheSameState(facts);

        var channel = (Channel?)null;
        var issued = new Dictionary<string, Channel>();
        var allowed = 0;
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case ConversationStarted started:
                    channel = started.Channel;
                    break;
                case ChannelSwitched switched:
                    channel = switched.Channel;
                    break;
                case DisclosureIssued disclosure:
                    issued[disclosure.DisclosureId] = disclosure.Channel;
                    break;
                case AiAllowed ai:
                    allowed++;
                    Assert.True(issued.TryGetValue(ai.DisclosureId, out var on), $"ai.allowed after {ai.DisclosureId}, which was never issued");
                    Assert.Equal(channel, on);
                    break;
            }
        }
        Assert.True(allowed > 0);
    }

    /// <summary>Applying the facts alone to a fresh state gives the state the rules reached live, every field of it.</summary>
    private void AssertRebuildsTheSameState(IEnumerable<Fact> facts)
    {
        var tenants = new TenantDirectory([new TenantPolicy { TenantId = "acme", BrandName = "Acme", DefaultLocale = "id-ID" }]);
        var rebuilt = new ConversationState();
        foreach (var fact in facts)
        {
            ConversationEvolution.Apply(rebuilt, fact, tenants.Get("acme"), new ConversationSettings());
        }
        WholeState.AssertSame(_state, rebuilt);
    }
}
