using CxCluster.Grains.Tests.Support;
using CxCluster.Grains.Conversations;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Tenants;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Disclosure;

/// <summary>The disclosure rules on their own: the pure conversation rules, no cluster.</summary>
public sealed class DisclosureRulesTests
{
    /// <summary>The silo's now when each event is decided: after every event's time, so each is scored when it occurred.</summary>
    private static readonly DateTimeOffset Present = Now.AddYears(1);

    private readonly ConversationState _state = new();
    private readonly ConversationDecider _decider;

    public DisclosureRulesTests()
    {
        var tenants = new TenantDirectory([new TenantPolicy { TenantId = "acme", BrandName = "Acme", DefaultLocale = "id-ID" }]);
        _decider = new ConversationDecider("c1", _state, tenants.Get("acme"), new CustomerTexts(tenants), new ConversationSettings());
    }

    private IReadOnlyList<Directive> Apply(ConversationEvent e)
    {
        var decision = _decider.Decide(e, Present);
        Assert.Null(decision.Refusal);
        return decision.Directives;
    }

    [Fact]
    public void The_notice_always_goes_before_the_first_ai_message()
    {
        var directives = Apply(Ai("Halo, ada yang bisa dibantu?"));

        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], directives.Select(d => d.Type));
    }

    [Fact]
    public void An_end_as_the_first_event_starts_and_ends_the_conversation_with_no_notice()
    {
        var decision = _decider.Decide(Ended(), Present);

        Assert.Null(decision.Refusal);
        Assert.Empty(decision.Directives);
        Assert.Equal(["conversation.started", "conversation.ended"], decision.Facts.Select(f => f.Type));
        Assert.Equal(ConversationStatus.Ended, _state.Status);
        Assert.Empty(_state.Disclosure.Issued);
        // Its evidence shows no notice and no AI message, so nothing went before a notice.
        var evidence = new CxCluster.Grains.Evidence.EvidenceBuilder("c1");
        foreach (var fact in decision.Facts)
        {
            evidence.Add(fact);
        }
        var proof = evidence.Build();
        Assert.Empty(proof.Disclosures);
        Assert.Null(proof.FirstAiAllowedAt);
        Assert.True(proof.DisclosedBeforeFirstAi);
    }

    [Fact]
    public void The_notice_is_repeated_with_the_same_id_until_delivered()
    {
        var start = Apply(Started(Channel.Chat, "id-ID")).Single();

        var first = Apply(Ai("a"));
        var second = Apply(Ai("b"));
        Apply(Delivered(start.AsDisclose().DisclosureId!));
        var third = Apply(Ai("c"));

        Assert.Equal(start.AsDisclose().DisclosureId, first[0].AsDisclose().DisclosureId);
        Assert.Equal(start.AsDisclose().DisclosureId, second[0].AsDisclose().DisclosureId);
        Assert.Equal([DirectiveType.AllowAi], third.Select(d => d.Type));
    }

    [Fact]
    public void Delivery_of_an_old_notice_does_not_cover_the_new_channel()
    {
        var chat = Apply(Started(Channel.Chat, "id-ID")).Single();
        var voice = Apply(Switched(Channel.Voice)).Single();

        Apply(Delivered(chat.AsDisclose().DisclosureId!));
        var reply = Apply(Ai("halo"));

        Assert.Equal(DirectiveType.Disclose, reply[0].Type);
        Assert.Equal(voice.AsDisclose().DisclosureId, reply[0].AsDisclose().DisclosureId);
        Assert.False(_decider.DisclosureDelivered);
    }

    [Fact]
    public void The_voice_notice_is_worded_for_voice()
    {
        var chat = Apply(Started(Channel.Chat, "id-ID")).Single();
        var voice = Apply(Switched(Channel.Voice)).Single();

        Assert.NotEqual(chat.TextOf(), voice.TextOf());
        Assert.Contains("suara", voice.TextOf());
    }

    [Fact]
    public void While_a_human_is_in_charge_a_switch_discloses_nothing_and_the_takeover_discloses_on_the_new_channel()
    {
        var start = Apply(Started(Channel.Chat, "id-ID")).Single();
        Apply(Delivered(start.AsDisclose().DisclosureId!));
        var handoff = _decider.OpenHandoff("customer-request", Now);
        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" }, Now);

        var switched = Apply(Switched(Channel.Whatsapp));
        _decider.TakeOver(Now.AddMinutes(5));
        var next = Apply(Customer("halo lagi"));

        Assert.Empty(switched);
        var disclose = Assert.Single(next);
        Assert.Equal(DirectiveType.Disclose, disclose.Type);
        Assert.Equal(Channel.Whatsapp, disclose.AsDisclose().Channel);
        Assert.Equal(ConversationStatus.Ai, _state.Status);
    }

    /// <summary>
    /// A chat whose start notice was delivered, handed to agent Sam and then taken over by the AI again, so a new notice is
    /// pending; the start notice's directive.
    /// </summary>
    private Directive HandedBackAfterADeliveredStart()
    {
        var start = Apply(Started(Channel.Chat, "en-US")).Single();
        Apply(Delivered(start.AsDisclose().DisclosureId!));
        var handoff = _decider.OpenHandoff("customer-request", Now);
        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sam" }, Now);
        _decider.TakeOver(Now);
        return start;
    }

    [Fact]
    public void After_the_takeover_the_notice_is_announced_once_and_repeated_before_ai_messages_until_delivered()
    {
        var start = HandedBackAfterADeliveredStart();

        var first = Apply(Ai("I am back"));
        var second = Apply(Ai("Anything else?"));

        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], first.Select(d => d.Type));
        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], second.Select(d => d.Type));
        Assert.Equal(first[0].AsDisclose().DisclosureId, second[0].AsDisclose().DisclosureId);
        Assert.NotEqual(start.AsDisclose().DisclosureId, first[0].AsDisclose().DisclosureId);
    }

    [Fact]
    public void After_the_takeover_an_event_that_changes_nothing_leaves_the_notice_to_the_next_answer()
    {
        var start = HandedBackAfterADeliveredStart();

        var again = Apply(Delivered(start.AsDisclose().DisclosureId!));
        var next = Apply(Customer("thanks"));
        var after = Apply(Customer("one more thing"));

        Assert.Empty(again);
        var notice = Assert.Single(next);
        Assert.Equal(DirectiveType.Disclose, notice.Type);
        Assert.NotEqual(start.AsDisclose().DisclosureId, notice.AsDisclose().DisclosureId);
        Assert.Empty(after);
    }

    [Fact]
    public void After_the_takeover_the_platform_confirming_the_new_notice_is_not_told_to_deliver_it()
    {
        var start = HandedBackAfterADeliveredStart();
        var notice = _state.Disclosure.Current!.DisclosureId;
        Assert.NotEqual(start.AsDisclose().DisclosureId, notice);

        var confirmed = Apply(Delivered(notice));
        var ai = Apply(Ai("I am back"));

        Assert.Empty(confirmed);
        Assert.Equal([DirectiveType.AllowAi], ai.Select(d => d.Type));
    }

    [Fact]
    public void After_the_takeover_a_switch_of_channel_tells_only_the_new_channels_notice()
    {
        HandedBackAfterADeliveredStart();
        var pending = _state.Disclosure.Current!.DisclosureId;

        var switched = Apply(Switched(Channel.Voice));

        var notice = Assert.Single(switched, d => d.Type == DirectiveType.Disclose).AsDisclose();
        Assert.NotEqual(pending, notice.DisclosureId);
        Assert.Equal(Channel.Voice, notice.Channel);
        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], Apply(Ai("Hello on the phone")).Select(d => d.Type));
    }

    [Fact]
    public void After_the_takeover_an_end_of_the_contact_is_answered_without_the_notice()
    {
        HandedBackAfterADeliveredStart();

        var ended = Apply(Ended());

        Assert.DoesNotContain(ended, d => d.Type == DirectiveType.Disclose);
        Assert.Equal(ConversationStatus.Ended, _state.Status);
    }

    [Fact]
    public void The_identity_answer_names_the_human_agent_while_one_is_in_charge()
    {
        Apply(Started(Channel.Chat, "id-ID"));
        var handoff = _decider.OpenHandoff("customer-request", Now);
        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" }, Now);

        var answer = Apply(Customer("ini bot ya?")).Single();

        Assert.Equal(DirectiveType.AnswerIdentity, answer.Type);
        Assert.Contains("Sari", answer.TextOf());
        Assert.Contains("manusia", answer.TextOf());
    }

    [Fact]
    public void The_identity_answer_says_it_is_an_AI_and_never_opens_with_yes()
    {
        Apply(Started(Channel.Chat, "en-US"));

        var answer = Apply(Customer("are you a real person?")).Single();

        Assert.Equal(DirectiveType.AnswerIdentity, answer.Type);
        Assert.Contains("AI", answer.TextOf());
        Assert.Contains("not a human", answer.TextOf());
        Assert.False(answer.TextOf()!.StartsWith("Yes", StringComparison.OrdinalIgnoreCase), answer.TextOf());
    }

    [Fact]
    public void The_identity_answer_while_the_handoff_is_queued_names_the_AI_and_says_the_customer_is_waiting_for_a_human()
    {
        Apply(Started(Channel.Chat, "id-ID"));
        var handoff = _decider.OpenHandoff("customer-request", Now);
        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Queued }, Now);

        var decision = _decider.Decide(Customer("ini masih bot ya?"), Present);

        var answer = Assert.Single(decision.Directives, d => d.Type == DirectiveType.AnswerIdentity);
        Assert.Contains("AI", answer.TextOf());
        Assert.Contains("bukan dengan manusia", answer.TextOf());
        Assert.Contains("menunggu", answer.TextOf());
        // Not an offer of a person: one is on the way.
        Assert.DoesNotContain("Jika Anda mau", answer.TextOf());
        // What the evidence records is what the customer was told: the AI.
        Assert.Equal(CxCluster.Abstractions.Facts.IdentityAnswered.Ai, Assert.Single(decision.Facts.OfType<CxCluster.Abstractions.Facts.IdentityAnswered>()).AnsweredAs);
    }

    [Fact]
    public void A_message_that_asks_who_is_there_and_for_a_person_is_answered_without_an_offer_and_handed_off()
    {
        Apply(Started(Channel.Chat, "en-US"));

        var decision = _decider.Decide(Customer("is this a bot? get me a human please"), Present);

        var answer = Assert.Single(decision.Directives, d => d.Type == DirectiveType.AnswerIdentity);
        Assert.Contains("waiting for a human agent", answer.TextOf());
        Assert.DoesNotContain("If you like", answer.TextOf());
        Assert.Equal("customer-request", decision.RequestedFor());
    }

    [Fact]
    public void A_locale_without_texts_falls_back_to_its_language_then_to_the_tenant_default()
    {
        var british = Apply(Started(Channel.Chat, "en-GB")).Single();
        var other = new ConversationDecider("c1", new ConversationState(), new TenantPolicy { TenantId = "acme", BrandName = "Acme", DefaultLocale = "id-ID" },
            new CustomerTexts(new TenantDirectory([new TenantPolicy { TenantId = "acme", BrandName = "Acme", DefaultLocale = "id-ID" }])), new ConversationSettings());
        var french = other.Decide(Started(Channel.Chat, "fr-FR"), Present).Directives.Single();

        Assert.Contains("You are chatting", british.TextOf());
        Assert.Equal("en-GB", british.AsDisclose().Locale);
        Assert.Contains("Anda sedang berbicara", french.TextOf());
        // Told in the tenant's default language, and recorded so: the proof says which language the customer read.
        Assert.Equal("id-ID", french.AsDisclose().Locale);

        var japanese = new ConversationDecider("c2", new ConversationState(), new TenantPolicy { TenantId = "nihon", BrandName = "Nihon", DefaultLocale = "ja-JP" },
            new CustomerTexts(new TenantDirectory([new TenantPolicy { TenantId = "nihon", BrandName = "Nihon", DefaultLocale = "ja-JP" }])), new ConversationSettings());
        var lastResort = japanese.Decide(Started(Channel.Chat, "fr-FR"), Present).Directives.Single();
        Assert.Contains("You are chatting", lastResort.TextOf());
        Assert.Equal("en", lastResort.AsDisclose().Locale);
    }

    [Fact]
    public void A_tenant_text_overrides_the_built_in_one_for_its_locale_only()
    {
        var policy = new TenantPolicy
        {
            TenantId = "bank",
            BrandName = "Bank Nusantara",
            DefaultLocale = "id-ID",
            Texts = new Dictionary<string, CustomerTextSet>(StringComparer.OrdinalIgnoreCase)
            {
                ["id"] = new() { Disclosure = "{brand}: ini asisten AI." },
            },
        };
        var texts = new CustomerTexts(new TenantDirectory([policy]));

        Assert.Equal("Bank Nusantara: ini asisten AI.", texts.For("bank", "id-ID").Disclosure(Channel.Chat));
        Assert.Contains("Bank Nusantara", texts.For("bank", "en-US").Disclosure(Channel.Chat));
        Assert.StartsWith("Hi!", texts.For("bank", "en-US").Disclosure(Channel.Chat));
    }

    [Fact]
    public void A_refused_event_changes_nothing()
    {
        Apply(Started(Channel.Chat, "id-ID"));
        var before = (_state.Disclosure.Issued.Count, _state.Transcript.Count, _state.Status);

        var decision = _decider.Decide(Delivered("dsc-404"), Present);

        Assert.Equal("disclosureId", decision.Refusal?.Field);
        Assert.Equal(before, (_state.Disclosure.Issued.Count, _state.Transcript.Count, _state.Status));
    }

    [Fact]
    public void A_new_handoff_awaits_its_pool_until_a_placement_is_recorded()
    {
        Apply(Started(Channel.Chat, "id-ID"));
        var handoff = _decider.OpenHandoff("customer-request", Now);

        Assert.True(handoff.AwaitingPool);
        Assert.Equal(ConversationStatus.Queued, _state.Status);

        _decider.Place(handoff, HandoffPlacement.Unknown, Now);
        Assert.True(handoff.AwaitingPool);

        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 2 }, Now);
        Assert.False(handoff.AwaitingPool);
        Assert.Equal(2, handoff.QueuePosition);
    }

    [Fact]
    public void Leaving_an_assigned_handoff_notes_the_agent_to_free()
    {
        Apply(Started(Channel.Chat, "id-ID"));
        var handoff = _decider.OpenHandoff("customer-request", Now);
        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" }, Now);

        _decider.LeaveHandoff(Now);

        Assert.Equal(new PendingRelease { HandoffId = handoff.HandoffId, PoolName = "id/chat", AgentId = "a1" }, _state.Release);
        Assert.Equal(HandoffStatus.Completed, handoff.Status);
    }

    [Fact]
    public void Leaving_a_waiting_handoff_notes_its_queue_place_and_no_agent()
    {
        Apply(Started(Channel.Chat, "id-ID"));
        var handoff = _decider.OpenHandoff("customer-request", Now);

        _decider.LeaveHandoff(Now);

        Assert.Equal(new PendingRelease { HandoffId = handoff.HandoffId, PoolName = "id/chat", AgentId = null }, _state.Release);
        Assert.False(handoff.AwaitingPool);
    }

    [Fact]
    public void Leaving_without_a_handoff_under_way_frees_nothing()
    {
        Apply(Started(Channel.Chat, "id-ID"));

        _decider.LeaveHandoff(Now);

        Assert.Null(_state.Release);
    }
}
