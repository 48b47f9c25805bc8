using static CxCluster.Grains.Tests.Support.ConversationCalls;
using CxCluster.Grains.Conversations;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Conversations;

[Collection(ClusterCollection.Name)]
public sealed class ConversationGrainTests(ClusterFixture fixture)
{
    private IConversationGrain NewConversation(string tenant = ClusterFixture.Tenant) =>
        fixture.Grains.Conversation(tenant, $"c-{Guid.NewGuid():N}");

    [Fact]
    public async Task Start_answers_a_disclosure_for_the_channel_and_locale()
    {
        var result = await Send(NewConversation(), Started(Channel.Whatsapp, "id-ID"));

        var disclose = Assert.Single(result.Directives);
        Assert.Equal(DirectiveType.Disclose, disclose.Type);
        Assert.Equal(Channel.Whatsapp, disclose.AsDisclose().Channel);
        Assert.Equal("id-ID", disclose.AsDisclose().Locale);
        Assert.Contains("AI", disclose.TextOf());
        Assert.Contains("Acme", disclose.TextOf());
        Assert.Equal(ConversationStatus.Ai, result.Conversation!.Status);
        Assert.False(result.Conversation.Disclosure.Delivered);
        Assert.Single(result.Conversation.Disclosure.History);
    }

    [Fact]
    public async Task A_summary_answer_carries_no_snapshot_and_agrees_with_the_full_one()
    {
        var conversation = NewConversation();
        await Send(conversation, Started(Channel.Sms, "id-ID"));
        await Send(conversation, Signal("nlu.no_match", 1));

        var lean = await conversation.Apply(Customer("halo, paket saya belum sampai"), AnswerShape.Summary);
        var snapshot = await conversation.GetSnapshot();

        Assert.Null(lean.Result!.Conversation);
        Assert.Equal(ConversationSnapshots.Summarize(snapshot!), lean.Result.Summary);
        Assert.True(lean.Result.Summary.Version > 3, "each event recorded at least one fact");
        Assert.True(lean.Result.Summary.TrustScore < 100);
    }

    [Fact]
    public async Task Ai_message_before_disclosure_is_delivered_is_preceded_by_the_same_notice()
    {
        var conversation = NewConversation();
        var started = await Send(conversation, Started());
        var disclosureId = started.Directives[0].AsDisclose().DisclosureId;

        var first = await Send(conversation, Ai("How can I help?"));
        var second = await Send(conversation, Ai("Anything else?"));

        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], first.Types());
        Assert.Equal(disclosureId, first.Directives[0].AsDisclose().DisclosureId);
        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], second.Types());
        Assert.Equal(disclosureId, second.Directives[0].AsDisclose().DisclosureId);
    }

    [Fact]
    public async Task Once_delivered_ai_messages_are_allowed_alone()
    {
        var conversation = NewConversation();
        var started = await Send(conversation, Started());
        var delivered = await Send(conversation, Delivered(started.Directives[0].AsDisclose().DisclosureId!, Now.AddSeconds(1)));

        var reply = await Send(conversation, Ai("How can I help?"));

        Assert.Empty(delivered.Directives);
        Assert.Equal([DirectiveType.AllowAi], reply.Types());
        Assert.True(reply.Conversation!.Disclosure.Delivered);
        Assert.Equal(Now.AddSeconds(1), reply.Conversation.Disclosure.DeliveredAt);
        Assert.Equal(Speaker.Ai, reply.Conversation.Transcript[^1].From);
    }

    [Fact]
    public async Task A_channel_switch_discloses_again_on_the_new_channel()
    {
        var conversation = NewConversation();
        var started = await Send(conversation, Started(Channel.Chat));
        await Send(conversation, Delivered(started.Directives[0].AsDisclose().DisclosureId!));

        var switched = await Send(conversation, Switched(Channel.Voice));
        var reply = await Send(conversation, Ai("Hello on the phone"));

        var disclose = Assert.Single(switched.Directives);
        Assert.Equal(DirectiveType.Disclose, disclose.Type);
        Assert.Equal(Channel.Voice, disclose.AsDisclose().Channel);
        Assert.NotEqual(started.Directives[0].AsDisclose().DisclosureId, disclose.AsDisclose().DisclosureId);
        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], reply.Types());
        Assert.Equal(disclose.AsDisclose().DisclosureId, reply.Directives[0].AsDisclose().DisclosureId);
        Assert.Equal(2, reply.Conversation!.Disclosure.History.Count);
        Assert.NotNull(reply.Conversation.Disclosure.History[0].DeliveredAt);
    }

    [Fact]
    public async Task A_switch_to_the_same_channel_changes_nothing()
    {
        var conversation = NewConversation();
        await Send(conversation, Started(Channel.Chat));

        var switched = await Send(conversation, Switched(Channel.Chat));

        Assert.Empty(switched.Directives);
        Assert.Single(switched.Conversation!.Disclosure.History);
    }

    [Fact]
    public async Task A_first_event_without_start_starts_with_tenant_defaults_and_discloses_first()
    {
        var result = await Send(NewConversation(), Ai("Hi there"));

        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], result.Types());
        Assert.Equal(Channel.Chat, result.Conversation!.Channel);
        Assert.Equal("en-US", result.Conversation.Locale);
    }

    [Fact]
    public async Task Tenant_defaults_differ_per_tenant()
    {
        var result = await Send(NewConversation(ClusterFixture.OtherTenant), Customer("halo"));

        Assert.Equal("id-ID", result.Conversation!.Locale);
        Assert.Contains("asisten", result.Directives[0].TextOf());
    }

    [Fact]
    public async Task An_identity_question_gets_an_honest_answer_from_the_ai()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        var answer = await Send(conversation, Customer("wait, am I talking to a robot?"));

        var directive = Assert.Single(answer.Directives);
        Assert.Equal(DirectiveType.AnswerIdentity, directive.Type);
        Assert.Contains("AI", directive.TextOf());
    }

    [Fact]
    public async Task A_request_for_a_person_hands_off_at_once_whatever_the_score()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        var result = await Send(conversation, Customer("agent please"));

        var handoff = Assert.Single(result.Directives);
        Assert.Equal(DirectiveType.Handoff, handoff.Type);
        Assert.Equal("customer-request", handoff.ReasonOf());
        Assert.Equal(HandoffStatus.Queued, handoff.AsHandoff().Status);
        Assert.True(handoff.AsHandoff().QueuePosition >= 1);
        Assert.NotNull(handoff.TextOf());
        Assert.Equal(ConversationStatus.Queued, result.Conversation!.Status);
        Assert.Equal(handoff.AsHandoff().QueuePosition, result.Conversation.Handoff.QueuePosition);
        Assert.Equal(HandoffStatus.Queued, result.Conversation.Handoff.Status);
        Assert.True(result.Conversation.Trust.Score >= 60);
    }

    [Fact]
    public async Task A_waiting_customer_who_asks_how_long_is_told_their_place_and_wait_as_it_stands_now()
    {
        // Language "xw": nobody serves it, so both wait.
        var first = NewConversation();
        var second = NewConversation();
        foreach (var conversation in new[] { first, second })
        {
            await Send(conversation, Started(Channel.Chat, "xw-XX"));
            await Send(conversation, Customer("agent please"));
        }

        var asked = await Send(second, Customer("how long do I have to wait?"));

        var told = Assert.Single(asked.Directives).AsHandoff();
        Assert.Equal((HandoffStatus.Queued, 2), (told.Status, told.QueuePosition));
        Assert.Equal(asked.Conversation!.Handoff.HandoffId, told.HandoffId);
        Assert.False(string.IsNullOrWhiteSpace(told.Text));
        // A message about something else, while waiting, is answered with nothing, as before.
        Assert.Empty((await Send(second, Customer("my order number is 12345"))).Directives);

        await Send(first, Ended());
        var now = await Eventually.ReturnsAsync(
            async () => Assert.Single((await Send(second, Customer("berapa lama lagi kak?"))).Directives).AsHandoff(),
            h => h.QueuePosition == 1, TimeSpan.FromSeconds(30), "the place to move up once the one ahead left");
        Assert.Equal(HandoffStatus.Queued, now.Status);
    }

    [Fact]
    public async Task A_question_about_a_wait_while_the_ai_is_in_charge_hands_nothing_off()
    {
        // The AI is in charge again after a human finished: the handoff the conversation had is over, not asked about.
        var conversationId = $"c-{Guid.NewGuid():N}";
        var conversation = fixture.Grains.Conversation(ClusterFixture.Tenant, conversationId);
        var agent = fixture.Grains.Agent(ClusterFixture.Tenant, $"a-{Guid.NewGuid():N}");
        await agent.Register(new AgentProfile { DisplayName = "Vera", Languages = ["xv"], Channels = [Channel.Chat], Capacity = 1 });
        await agent.SetStatus(AgentStatus.Available);
        await Send(conversation, Started(Channel.Chat, "xv-XX"));
        await Send(conversation, Customer("agent please"));
        await Eventually.HoldsAsync(async () => (await conversation.GetSnapshot())!.Status == ConversationStatus.Human, TimeSpan.FromSeconds(30), "the agent to take it");
        Assert.Null((await agent.Complete(conversationId)).Refusal);
        await Eventually.HoldsAsync(async () => (await conversation.GetSnapshot())!.Status == ConversationStatus.Ai, TimeSpan.FromSeconds(30), "the AI to be in charge again");

        var result = await Send(conversation, Customer("how long is the wait for a refund?"));

        Assert.DoesNotContain(result.Directives, d => d.Type == DirectiveType.Handoff);
        Assert.Equal(ConversationStatus.Ai, result.Conversation!.Status);
    }

    [Fact]
    public async Task After_a_handoff_ai_messages_are_suppressed()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());
        await Send(conversation, Customer("I want to talk to a human"));

        var reply = await Send(conversation, Ai("Let me help you with that"));

        var suppress = Assert.Single(reply.Directives);
        Assert.Equal(DirectiveType.SuppressAi, suppress.Type);
        Assert.Equal("awaiting-human", suppress.ReasonOf());
        Assert.DoesNotContain(reply.Conversation!.Transcript, t => t.From == Speaker.Ai);
    }

    [Fact]
    public async Task Three_no_match_signals_offer_a_human_once_then_hand_off_on_the_threshold()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        var first = await Send(conversation, Signal("nlu.no_match", 1));
        var second = await Send(conversation, Signal("nlu.no_match", 1));
        var third = await Send(conversation, Signal("nlu.no_match", 1));

        Assert.Empty(first.Directives);
        Assert.Equal([DirectiveType.OfferHuman], second.Types());
        Assert.Equal(TrustBand.Warning, second.Conversation!.Trust.Band);
        var handoff = Assert.Single(third.Directives);
        Assert.Equal(DirectiveType.Handoff, handoff.Type);
        Assert.Equal("trust-threshold", handoff.ReasonOf());
        Assert.Equal(TrustBand.Breached, third.Conversation!.Trust.Band);
        Assert.True(third.Conversation.Trust.Score < 40);
        Assert.Equal(3, third.Conversation.Trust.Signals.Count);
    }

    /// <summary>A conversation whose trust fell into the warning band, so the cluster just offered a person.</summary>
    private async Task<IConversationGrain> OfferedAPerson()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());
        await Send(conversation, Signal("nlu.no_match", 1));
        Assert.Equal([DirectiveType.OfferHuman], (await Send(conversation, Signal("nlu.no_match", 1))).Types());
        return conversation;
    }

    /// <summary>A conversation whose customer asked whether it is a bot, so the answer ended with the mention of a person.</summary>
    private async Task<IConversationGrain> AnsweredWhoItIs()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());
        Assert.Contains((await Send(conversation, Customer("are you a bot?"))).Directives, d => d.Type == DirectiveType.AnswerIdentity);
        return conversation;
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes please!")]
    [InlineData("ok")]
    [InlineData("iya boleh kak")]
    [InlineData("mau")]
    [InlineData("\U0001F44D")]
    public async Task A_yes_to_the_offer_of_a_person_hands_off_at_the_customers_request(string yes)
    {
        var conversation = await OfferedAPerson();

        var answer = await Send(conversation, Customer(yes));

        var handoff = Assert.Single(answer.Directives, d => d.Type == DirectiveType.Handoff);
        Assert.Equal("customer-request", handoff.ReasonOf());
        Assert.Equal(ConversationStatus.Queued, answer.Conversation!.Status);
    }

    [Theory]
    [InlineData("no thanks")]
    [InlineData("ok thanks")]
    [InlineData("nanti aja")]
    [InlineData("yes, but first what is my balance?")]
    public async Task A_no_or_something_else_after_the_offer_of_a_person_keeps_the_ai(string reply)
    {
        var conversation = await OfferedAPerson();

        var answer = await Send(conversation, Customer(reply));

        Assert.DoesNotContain(answer.Directives, d => d.Type == DirectiveType.Handoff);
        Assert.Equal(ConversationStatus.Ai, answer.Conversation!.Status);
    }

    [Fact]
    public async Task Only_the_next_message_answers_the_offer_and_after_an_identity_answer_a_bare_ok_only_acknowledges_it()
    {
        var conversation = await OfferedAPerson();
        await Send(conversation, Customer("where is my parcel"));
        Assert.Equal(ConversationStatus.Ai, (await Send(conversation, Customer("yes"))).Conversation!.Status);

        var other = NewConversation();
        await Send(other, Started());
        Assert.Contains((await Send(other, Customer("are you a bot?"))).Directives, d => d.Type == DirectiveType.AnswerIdentity);
        Assert.Equal(ConversationStatus.Ai, (await Send(other, Customer("ok"))).Conversation!.Status);
        Assert.Contains((await Send(other, Customer("is this a bot?"))).Directives, d => d.Type == DirectiveType.AnswerIdentity);
        var yes = await Send(other, Customer("yes please"));
        Assert.Equal("customer-request", Assert.Single(yes.Directives, d => d.Type == DirectiveType.Handoff).ReasonOf());
    }

    [Theory]
    [InlineData("Would you like the tracking link for order 4471?", "yes please", false)]
    [InlineData("Anything else I can help with?", "ok", false)]
    [InlineData("Mau saya kirimkan nomor resinya?", "iya boleh", false)]
    [InlineData("Shall I connect you with a human agent now?", "yes", true)]
    public async Task A_yes_after_the_ai_has_moved_on_answers_the_ai_not_the_offer(string aiText, string yes, bool handsOff)
    {
        var conversation = await OfferedAPerson();
        Assert.Contains((await Send(conversation, Ai(aiText))).Directives, d => d.Type == DirectiveType.AllowAi);

        var answer = await Send(conversation, Customer(yes));

        Assert.Equal(handsOff, answer.Directives.Any(d => d.Type == DirectiveType.Handoff));
        Assert.Equal(handsOff ? ConversationStatus.Queued : ConversationStatus.Ai, answer.Conversation!.Status);
    }

    [Theory]
    [InlineData("The delivery person will arrive at 3pm. Would you like the tracking link?", "yes please", false)]
    [InlineData("Our agents can never see your card number. Shall I resend the OTP?", "yes", false)]
    [InlineData("Kurir kami (petugas J&T) akan datang jam 3. Mau saya kirim link lacak?", "boleh kak", false)]
    [InlineData("Shall I put you through to one of our representatives?", "yes please", true)]
    [InlineData("Mau saya hubungkan dengan admin kami kak?", "iya kak", true)]
    public async Task After_an_identity_answer_only_an_ai_message_that_offers_a_person_keeps_a_yes_for_one(string aiText, string yes, bool handsOff)
    {
        var conversation = await AnsweredWhoItIs();
        await Send(conversation, Ai(aiText));

        var answer = await Send(conversation, Customer(yes));

        Assert.Equal(handsOff, answer.Directives.Any(d => d.Type == DirectiveType.Handoff && d.ReasonOf() == "customer-request"));
    }

    [Fact]
    public async Task The_ais_own_offer_of_a_person_is_answered_by_a_yes()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());
        await Send(conversation, Ai("I can't change that here. Would you like me to connect you with one of our specialists?"));

        var answer = await Send(conversation, Customer("ok"));

        Assert.Equal("customer-request", Assert.Single(answer.Directives, d => d.Type == DirectiveType.Handoff).ReasonOf());
    }

    [Fact]
    public async Task Ok_to_each_new_answer_or_the_same_question_with_others_between_is_no_repetition()
    {
        var acknowledging = NewConversation();
        await Send(acknowledging, Started());
        foreach (var (ai, reply) in new[] { ("Your order shipped.", "ok"), ("It arrives Monday.", "ok"), ("Anything else?", "ok"), ("Have a nice day.", "oke kak") })
        {
            await Send(acknowledging, Ai(ai));
            var answer = await Send(acknowledging, Customer(reply));
            Assert.Empty(answer.Conversation!.Trust.Signals);
        }

        var asking = NewConversation();
        await Send(asking, Started());
        await Send(asking, Customer("where is my order?"));
        await Send(asking, Customer("can I change the address?"));
        var again = await Send(asking, Customer("where is my order?"));
        Assert.DoesNotContain(again.Conversation!.Trust.Signals, s => s.Name == CxCluster.Grains.Trust.TrustRules.Repetition);
        // Asked again right after: that is a repetition.
        var repeated = await Send(asking, Customer("where is my order?"));
        Assert.Contains(repeated.Conversation!.Trust.Signals, s => s.Name == CxCluster.Grains.Trust.TrustRules.Repetition);
    }

    [Fact]
    public async Task Signals_that_move_nothing_never_push_real_penalties_out()
    {
        var conversation = NewConversation();
        await Send(conversation, Started(Channel.Voice));
        await Send(conversation, Signal("nlu.no_match", 1));
        await Send(conversation, Signal("nlu.no_match", 1));
        for (var i = 0; i < 40; i++)
        {
            await Send(conversation, Signal(i % 2 == 0 ? "voice.silence_ms" : "agentAssist.confidence", i % 2 == 0 ? 1200 : 0.9));
        }

        var third = await Send(conversation, Signal("nlu.no_match", 1));

        Assert.Contains(third.Directives, d => d.Type == DirectiveType.Handoff && d.ReasonOf() == "trust-threshold");
    }

    [Fact]
    public async Task Slightly_negative_sentiment_every_turn_never_adds_up_to_a_handoff()
    {
        var conversation = NewConversation();
        await Send(conversation, Started(at: Now));

        EventResult? last = null;
        for (var i = 1; i <= 40; i++)
        {
            last = await Send(conversation, Signal("sentiment", i % 2 == 0 ? -0.1 : -0.2, Now.AddSeconds(30 * i)));
            Assert.DoesNotContain(last.Directives, d => d.Type is DirectiveType.Handoff or DirectiveType.OfferHuman);
        }

        Assert.Equal(100, last!.Conversation!.Trust.Score);
    }

    [Fact]
    public async Task After_an_identity_answer_a_yes_to_the_ais_next_question_keeps_the_ai()
    {
        var conversation = await AnsweredWhoItIs();
        await Send(conversation, Ai("I am. Would you like the tracking link for order 4471?"));

        var answer = await Send(conversation, Customer("yes please"));

        Assert.DoesNotContain(answer.Directives, d => d.Type == DirectiveType.Handoff);
        Assert.Equal(ConversationStatus.Ai, answer.Conversation!.Status);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(90)]
    [InlineData(120)]
    public async Task Three_misunderstandings_at_a_conversations_pace_hand_off(int secondsApart)
    {
        var conversation = NewConversation();
        await Send(conversation, Started(at: Now));

        await Send(conversation, Signal("nlu.no_match", 1, Now.AddSeconds(secondsApart)));
        await Send(conversation, Signal("nlu.no_match", 1, Now.AddSeconds(2 * secondsApart)));
        var third = await Send(conversation, Signal("nlu.no_match", 1, Now.AddSeconds(3 * secondsApart)));

        Assert.Contains(third.Directives, d => d.Type == DirectiveType.Handoff && d.ReasonOf() == "trust-threshold");
    }

    [Theory]
    [InlineData(60)]
    [InlineData(120)]
    public async Task Two_very_negative_sentiments_at_a_conversations_pace_hand_off(int secondsApart)
    {
        var conversation = NewConversation();
        await Send(conversation, Started(at: Now));

        await Send(conversation, Signal("sentiment", -0.7, Now.AddSeconds(secondsApart)));
        var second = await Send(conversation, Signal("sentiment", -0.7, Now.AddSeconds(2 * secondsApart)));

        Assert.Contains(second.Directives, d => d.Type == DirectiveType.Handoff && d.ReasonOf() == "trust-threshold");
    }

    [Fact]
    public async Task A_signal_sent_ten_minutes_late_fades_from_when_it_happened_as_the_same_signals_in_order_do()
    {
        var late = NewConversation();
        var inOrder = NewConversation();
        var start = Now.AddHours(-2);
        await Send(late, Started(at: start));
        await Send(inOrder, Started(at: start));

        // A backlog replayed: the recent trouble first, then trouble from ten minutes before it.
        await Send(late, Signal("sentiment", -0.8, Now.AddSeconds(-10)));
        var old = await Send(late, Signal("sentiment", -0.8, Now.AddMinutes(-10)));
        await Send(inOrder, Signal("sentiment", -0.8, Now.AddMinutes(-10)));
        var recent = await Send(inOrder, Signal("sentiment", -0.8, Now.AddSeconds(-10)));

        Assert.DoesNotContain(old.Directives, d => d.Type == DirectiveType.Handoff);
        Assert.DoesNotContain(recent.Directives, d => d.Type == DirectiveType.Handoff);
        Assert.Equal(recent.Conversation!.Trust.Score, old.Conversation!.Trust.Score);
        Assert.True(old.Conversation.Trust.Score > 40, $"score {old.Conversation.Trust.Score}");
        // Recorded at the conversation's latest time (its times never go backwards), weighed from when it happened.
        Assert.Equal(Now.AddMinutes(-10), ((await late.GetSnapshot())!.Trust.Signals).Single(s => s.At < Now.AddMinutes(-1)).At);
    }

    [Fact]
    public async Task The_same_message_three_times_two_minutes_apart_hands_off()
    {
        var conversation = NewConversation();
        await Send(conversation, Started(at: Now));

        await Send(conversation, Customer("My refund has not arrived", Now.AddMinutes(2)));
        await Send(conversation, Customer("my refund has not arrived.", Now.AddMinutes(4)));
        var third = await Send(conversation, Customer("My refund has not arrived", Now.AddMinutes(6)));

        Assert.Contains(third.Directives, d => d.Type == DirectiveType.Handoff && d.ReasonOf() == "trust-threshold");
    }

    [Fact]
    public async Task The_same_message_said_again_with_typos_and_words_of_repeating_hands_off_the_third_time()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        await Send(conversation, Customer("where is my order"));
        await Send(conversation, Ai("Let me check that for you."));
        var second = await Send(conversation, Customer("wher is my ordr??"));
        await Send(conversation, Ai("Could you give me the order number?"));
        var third = await Send(conversation, Customer("I said where is my order"));

        Assert.DoesNotContain(second.Directives, d => d.Type == DirectiveType.Handoff);
        Assert.Contains(third.Directives, d => d.Type == DirectiveType.Handoff && d.ReasonOf() == "trust-threshold");
    }

    [Fact]
    public async Task Three_different_questions_about_the_same_account_are_no_repetition()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        await Send(conversation, Customer("I want to check my order"));
        await Send(conversation, Customer("I want to check my balance"));
        var third = await Send(conversation, Customer("I want to check my refund"));

        Assert.DoesNotContain(third.Directives, d => d.Type == DirectiveType.Handoff);
        Assert.Equal(100, third.Conversation!.Trust.Score);
    }

    [Fact]
    public async Task Two_very_negative_sentiments_hand_off()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        await Send(conversation, Signal("sentiment", -0.7));
        var second = await Send(conversation, Signal("sentiment", -0.8));

        Assert.Contains(second.Directives, d => d.Type == DirectiveType.Handoff && d.ReasonOf() == "trust-threshold");
    }

    [Fact]
    public async Task The_same_message_three_times_hands_off()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        await Send(conversation, Customer("My refund has not arrived"));
        var second = await Send(conversation, Customer("my refund has not arrived."));
        var third = await Send(conversation, Customer("My refund has not arrived"));

        Assert.DoesNotContain(second.Directives, d => d.Type == DirectiveType.Handoff);
        Assert.Contains(third.Directives, d => d.Type == DirectiveType.Handoff && d.ReasonOf() == "trust-threshold");
    }

    [Fact]
    public async Task Old_trouble_weighs_less_than_new()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        await Send(conversation, Signal("nlu.no_match", 1, Now));
        await Send(conversation, Signal("nlu.no_match", 1, Now));
        var later = await Send(conversation, Signal("nlu.no_match", 1, Now.AddHours(1)));

        Assert.DoesNotContain(later.Directives, d => d.Type == DirectiveType.Handoff);
        Assert.Equal(ConversationStatus.Ai, later.Conversation!.Status);
    }

    [Fact]
    public async Task A_repeated_event_id_returns_the_first_answer_and_changes_nothing()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());
        var message = Customer("am I talking to a bot?");

        var first = await Send(conversation, message);
        var again = await Send(conversation, message with { Text = "something else entirely" });

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Directives, again.Directives);
        Assert.Equal(first.Conversation!.Transcript.Count, again.Conversation!.Transcript.Count);
        Assert.Equal(first.Conversation.Trust.Score, again.Conversation.Trust.Score);
    }

    [Fact]
    public async Task Events_after_the_end_are_refused_as_a_conflict_and_change_nothing()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());
        await Send(conversation, Ended());
        var before = await conversation.GetSnapshot();

        var outcome = await conversation.Apply(Customer("hello?"));
        var after = await conversation.GetSnapshot();

        Assert.Equal(RefusalKind.Conflict, outcome.Refusal?.Kind);
        Assert.Equal(ConversationStatus.Ended, after!.Status);
        Assert.Equal(before!.Transcript.Count, after.Transcript.Count);
    }

    [Fact]
    public async Task An_unknown_disclosure_id_is_refused_naming_the_field()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        var outcome = await conversation.Apply(Delivered("dsc-99"));

        Assert.Equal(RefusalKind.Invalid, outcome.Refusal?.Kind);
        Assert.Equal("disclosureId", outcome.Refusal?.Field);
    }

    [Fact]
    public async Task An_agent_not_assigned_cannot_write_into_the_conversation()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        var outcome = await conversation.Apply(Agent("stranger", "hello"));

        Assert.Equal(RefusalKind.Conflict, outcome.Refusal?.Kind);
        Assert.Equal("agentId", outcome.Refusal?.Field);
    }

    [Fact]
    public async Task The_transcript_is_redacted_and_bounded()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        var result = await Send(conversation, Customer("call me on +62 812-3456-7890 or mail budi@example.co.id"));
        for (var i = 0; i < 25; i++)
        {
            result = await Send(conversation, Customer($"message number {i}"));
        }

        Assert.Equal(20, result.Conversation!.Transcript.Count);
        var snapshot = await conversation.GetSnapshot();
        Assert.DoesNotContain(snapshot!.Transcript, t => t.Text.Contains("812") || t.Text.Contains("budi@"));
    }

    [Fact]
    public async Task The_personal_data_is_redacted_before_it_is_stored()
    {
        var conversation = NewConversation();
        await Send(conversation, Started());

        var result = await Send(conversation, Customer("my card is 4111 1111 1111 1111, NIK 3201234567890001"));

        var text = result.Conversation!.Transcript[^1].Text;
        Assert.Contains("[card]", text);
        Assert.DoesNotContain("4111", text);
        Assert.DoesNotContain("3201234567890001", text);
    }

    [Fact]
    public async Task Erasing_removes_personal_data_and_keeps_the_proof_of_disclosure()
    {
        var conversation = NewConversation();
        var started = await Send(conversation, Started());
        await Send(conversation, Delivered(started.Directives[0].AsDisclose().DisclosureId!));
        await Send(conversation, Customer("my name is Budi and I live in Bandung"));

        Assert.True(await conversation.Erase());
        var snapshot = await conversation.GetSnapshot();

        Assert.Empty(snapshot!.Transcript);
        Assert.Equal(ConversationStatus.Ended, snapshot.Status);
        var proof = Assert.Single(snapshot.Disclosure.History);
        Assert.Equal(started.Directives[0].AsDisclose().DisclosureId, proof.DisclosureId);
        Assert.NotNull(proof.DeliveredAt);
    }

    [Fact]
    public async Task A_conversation_never_started_has_no_snapshot_and_nothing_to_erase()
    {
        var conversation = NewConversation();

        Assert.Null(await conversation.GetSnapshot());
        Assert.False(await conversation.Erase());
        Assert.Null(await conversation.GetSnapshot());
    }

    [Fact]
    public async Task Tenants_never_share_a_conversation()
    {
        var id = $"c-{Guid.NewGuid():N}";
        var acme = fixture.Grains.Conversation(ClusterFixture.Tenant, id);
        var globex = fixture.Grains.Conversation(ClusterFixture.OtherTenant, id);

        await Send(acme, Customer("secret order 12345"));

        Assert.Null(await globex.GetSnapshot());
    }

    [Fact]
    public async Task A_batch_applies_in_order_and_each_event_stands_alone()
    {
        var conversation = NewConversation();
        var started = Started();

        var outcomes = await conversation.ApplyAll([started, Delivered("nope"), Ai("Hello"), Ended(), Customer("late")]);

        Assert.NotNull(outcomes[0].Result);
        Assert.Equal(RefusalKind.Invalid, outcomes[1].Refusal?.Kind);
        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], outcomes[2].Result!.Types());
        Assert.NotNull(outcomes[3].Result);
        Assert.Equal(RefusalKind.Conflict, outcomes[4].Refusal?.Kind);
    }
}
