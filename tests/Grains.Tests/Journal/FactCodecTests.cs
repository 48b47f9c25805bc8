using System.Text;
using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Journal;

namespace CxCluster.Grains.Tests.Journal;

/// <summary>Facts in the journal: the contract's data shapes, the personal part apart, and back again.</summary>
public sealed class FactCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 15, 0, TimeSpan.Zero);

    public static TheoryData<Fact, string> EveryFact => new()
    {
        { new ConversationStarted { At = At, Channel = Channel.Whatsapp, Locale = "id-ID", Priority = 5, CustomerId = "cust-1" }, """{"channel":"whatsapp","locale":"id-ID","priority":5}""" },
        { new ConversationEnded { At = At, Reason = "resolved" }, """{"reason":"resolved"}""" },
        { new ConversationErased { At = At }, "{}" },
        { new CustomerIdentified { At = At, CustomerId = "cust-2" }, "{}" },
        { new ConversationDescribed { At = At, Priority = 9 }, """{"priority":9}""" },
        { new ChannelSwitched { At = At, Channel = Channel.Voice, Locale = "en-US" }, """{"channel":"voice","locale":"en-US"}""" },
        { new MessageRecorded { At = At, From = Speaker.Agent, AgentId = "a1", Text = "Halo, saya Sari" }, """{"from":"agent","agentId":"a1"}""" },
        { new DisclosureIssued { At = At, DisclosureId = "dsc-1", Channel = Channel.Chat, Locale = "en-US", Text = "You are chatting with an AI.", Reason = "start" }, """{"disclosureId":"dsc-1","channel":"chat","locale":"en-US","text":"You are chatting with an AI.","reason":"start"}""" },
        { new DisclosureDelivered { At = At, DisclosureId = "dsc-1" }, """{"disclosureId":"dsc-1"}""" },
        { new AiAllowed { At = At, DisclosureId = "dsc-2" }, """{"disclosureId":"dsc-2"}""" },
        { new AiSuppressed { At = At, Reason = "human-in-charge" }, """{"reason":"human-in-charge"}""" },
        { new IdentityAnswered { At = At, AnsweredAs = "human", AgentId = "a1" }, """{"answeredAs":"human","agentId":"a1"}""" },
        { new AiResumed { At = At, HandoffId = "hnd-1" }, """{"handoffId":"hnd-1"}""" },
        { new TrustSignalled { At = At, Name = "nlu.no_match", Delta = -22.5 }, """{"name":"nlu.no_match","delta":-22.5}""" },
        { new TrustChanged { At = At, Score = 56, Band = TrustBand.Warning, PreviousBand = TrustBand.Healthy }, """{"score":56,"band":"warning","previousBand":"healthy"}""" },
        { new HumanOffered { At = At, Score = 56 }, """{"score":56}""" },
        { new HandoffRequested { At = At, HandoffId = "hnd-1", Reason = "customer-request", Priority = 5, Queue = "id/chat" }, """{"handoffId":"hnd-1","reason":"customer-request","priority":5,"queue":"id/chat"}""" },
        { new HandoffQueued { At = At, HandoffId = "hnd-1", Queue = "id/chat", Position = 3, EstimatedWaitSeconds = 90 }, """{"handoffId":"hnd-1","queue":"id/chat","position":3,"estimatedWaitSeconds":90}""" },
        { new HandoffQueued { At = At, HandoffId = "hnd-1", Queue = "fr/email", Position = 1 }, """{"handoffId":"hnd-1","queue":"fr/email","position":1,"estimatedWaitSeconds":null}""" },
        { new HandoffAssigned { At = At, HandoffId = "hnd-1", AgentId = "a1", AgentDisplayName = "Sari", Text = "Sari will help you now." }, """{"handoffId":"hnd-1","agentId":"a1","agentDisplayName":"Sari","text":"Sari will help you now."}""" },
        { new HandoffCompleted { At = At, HandoffId = "hnd-1", AgentId = "a1" }, """{"handoffId":"hnd-1","agentId":"a1"}""" },
        { new HandoffCompleted { At = At, HandoffId = "hnd-1" }, """{"handoffId":"hnd-1","agentId":null}""" },
        { new AgentStatusChanged { At = At, Status = AgentStatus.Available, PreviousStatus = AgentStatus.Offline }, """{"status":"available","previousStatus":"offline"}""" },
        { new AgentStatusChanged { At = At, Status = AgentStatus.Away, PreviousStatus = AgentStatus.Available, Reason = "not-responding" }, """{"status":"away","previousStatus":"available","reason":"not-responding"}""" },
    };

    [Theory]
    [MemberData(nameof(EveryFact))]
    public void Every_fact_is_written_as_the_contract_spells_its_data_and_read_back_unchanged(Fact fact, string data)
    {
        var (encoded, personal) = FactCodec.Encode(fact);

        Assert.Equal(data, Encoding.UTF8.GetString(encoded));
        Assert.Equal(fact, FactCodec.Decode(fact.Type, fact.At, encoded, personal));
    }

    [Fact]
    public void Personal_words_and_ids_stay_out_of_the_data()
    {
        var message = new MessageRecorded { At = At, From = Speaker.Customer, Text = "my email is [email]", Fingerprint = ulong.MaxValue - 7 };
        var started = new ConversationStarted { At = At, Channel = Channel.Chat, Locale = "en-US", Priority = 5, CustomerId = "cust-9" };

        var (messageData, messagePersonal) = FactCodec.Encode(message);
        var (startedData, startedPersonal) = FactCodec.Encode(started);

        Assert.DoesNotContain("email", Encoding.UTF8.GetString(messageData));
        Assert.Contains("my email is [email]", Encoding.UTF8.GetString(messagePersonal!));
        Assert.Equal(message, FactCodec.Decode(message.Type, At, messageData, messagePersonal));
        Assert.DoesNotContain("cust-9", Encoding.UTF8.GetString(startedData));
        Assert.Null(FactCodec.Encode(started with { CustomerId = null }).Personal);
        Assert.Null(FactCodec.Encode(new AiAllowed { At = At, DisclosureId = "dsc-1" }).Personal);
    }

    [Fact]
    public void A_customer_id_named_on_a_repeated_start_is_personal_and_erased_with_it()
    {
        var identified = new CustomerIdentified { At = At, CustomerId = "cust-2" };

        var (data, personal) = FactCodec.Encode(identified);

        Assert.Equal("""{"customerId":"cust-2"}""", Encoding.UTF8.GetString(personal!));
        Assert.Null(Assert.IsType<CustomerIdentified>(FactCodec.Decode(identified.Type, At, data, default)).CustomerId);
    }

    [Fact]
    public void Attributes_a_repeated_start_gave_are_personal_and_erased_with_it()
    {
        var described = new ConversationDescribed { At = At, Priority = 9, Attributes = new Dictionary<string, string> { ["tier"] = "platinum" } };

        var (data, personal) = FactCodec.Encode(described);

        Assert.Equal("""{"priority":9}""", Encoding.UTF8.GetString(data));
        Assert.Equal("""{"attributes":{"tier":"platinum"}}""", Encoding.UTF8.GetString(personal!));
        Assert.Equal("platinum", Assert.IsType<ConversationDescribed>(FactCodec.Decode(described.Type, At, data, personal)).Attributes!["tier"]);
        var erased = Assert.IsType<ConversationDescribed>(FactCodec.Decode(described.Type, At, data, default));
        Assert.Equal((9, null), (erased.Priority, erased.Attributes));
    }

    [Fact]
    public void When_an_event_ahead_of_the_silo_s_clock_was_scored_is_kept_last_in_the_data_and_read_back()
    {
        var allowed = new AiAllowed { At = At, DisclosureId = "dsc-2", ScoredAt = At.AddSeconds(-41.5) };

        var (data, personal) = FactCodec.Encode(allowed);

        Assert.Equal("""{"disclosureId":"dsc-2","scoredAt":"2026-11-30T10:14:18.5Z"}""", Encoding.UTF8.GetString(data));
        Assert.Null(personal);
        Assert.Equal(allowed, FactCodec.Decode(allowed.Type, At, data, personal ?? default));
        Assert.Equal("""{"disclosureId":"dsc-2"}""".Length - 1, FactCodec.OwnPartAt(data));
        Assert.Equal(-1, FactCodec.OwnPartAt(FactCodec.Encode(allowed with { ScoredAt = null }).Data));
        var identified = FactCodec.Encode(new CustomerIdentified { At = At, ScoredAt = At.AddSeconds(-1), CustomerId = "c" }).Data;
        Assert.Equal(1, FactCodec.OwnPartAt(identified));
        Assert.Equal(At.AddSeconds(-1), FactCodec.Decode("customer.identified", At, identified, default).ScoredAt);
    }

    [Fact]
    public void A_fact_whose_personal_part_was_erased_reads_as_erased()
    {
        var (data, _) = FactCodec.Encode(new MessageRecorded { At = At, From = Speaker.Customer, Text = "call me on 0812 3456 789", Fingerprint = 42 });
        var (startedData, _) = FactCodec.Encode(new ConversationStarted { At = At, Channel = Channel.Sms, Locale = "id-ID", Priority = 5, CustomerId = "cust-1" });

        var message = Assert.IsType<MessageRecorded>(FactCodec.Decode("message.recorded", At, data, default));
        var started = Assert.IsType<ConversationStarted>(FactCodec.Decode("conversation.started", At, startedData, default));

        Assert.Equal(("", null), (message.Text, message.Fingerprint));
        Assert.Null(started.CustomerId);
        Assert.Equal(Channel.Sms, started.Channel);
    }

    [Theory]
    [InlineData("resolved")]
    [InlineData("customer-left")]
    [InlineData("agent_closed")]
    [InlineData("timeout.idle")]
    public void A_reason_given_as_a_code_stays_with_the_non_personal_facts(string reason)
    {
        var (ended, endedPersonal) = FactCodec.Encode(new ConversationEnded { At = At, Reason = reason });
        var (declined, declinedPersonal) = FactCodec.Encode(new HandoffDeclined { At = At, HandoffId = "h-1", OfferId = "o-1", AgentId = "ayu", Reason = reason });

        Assert.Null(endedPersonal);
        Assert.Null(declinedPersonal);
        Assert.Equal(reason, Assert.IsType<ConversationEnded>(FactCodec.Decode("conversation.ended", At, ended, default)).Reason);
        Assert.Equal(reason, Assert.IsType<HandoffDeclined>(FactCodec.Decode("handoff.declined", At, declined, default)).Reason);
    }

    [Theory]
    [InlineData("customer Bu Kartini Wulandari closed the ticket")]
    [InlineData("I know this customer personally")]
    [InlineData("Budi Santoso")]
    [InlineData("?? not mine")]
    public void A_reason_given_in_words_is_personal_read_back_whole_and_erased_with_the_conversation(string reason)
    {
        var (ended, endedPersonal) = FactCodec.Encode(new ConversationEnded { At = At, Reason = reason });
        var (declined, declinedPersonal) = FactCodec.Encode(new HandoffDeclined { At = At, HandoffId = "h-1", OfferId = "o-1", AgentId = "ayu", Reason = reason });

        Assert.DoesNotContain(reason, System.Text.Encoding.UTF8.GetString(ended), StringComparison.Ordinal);
        Assert.DoesNotContain(reason, System.Text.Encoding.UTF8.GetString(declined), StringComparison.Ordinal);
        Assert.Equal(reason, Assert.IsType<ConversationEnded>(FactCodec.Decode("conversation.ended", At, ended, endedPersonal)).Reason);
        Assert.Equal(reason, Assert.IsType<HandoffDeclined>(FactCodec.Decode("handoff.declined", At, declined, declinedPersonal)).Reason);

        Assert.Equal(FactCodec.ErasedReason, Assert.IsType<ConversationEnded>(FactCodec.Decode("conversation.ended", At, ended, default)).Reason);
        var erasedDecline = Assert.IsType<HandoffDeclined>(FactCodec.Decode("handoff.declined", At, declined, default));
        Assert.Equal(("h-1", "o-1", "ayu", null), (erasedDecline.HandoffId, erasedDecline.OfferId, erasedDecline.AgentId, erasedDecline.Reason));
    }

    [Fact]
    public void A_start_s_attributes_are_personal_kept_apart_from_the_data_and_erased_with_it()
    {
        var started = new ConversationStarted
        {
            At = At, Channel = Channel.Chat, Locale = "en-US", Priority = 7,
            Attributes = new Dictionary<string, string> { ["tier"] = "gold", ["email"] = "ana@example.com" },
        };

        var (data, personal) = FactCodec.Encode(started);
        var decoded = Assert.IsType<ConversationStarted>(FactCodec.Decode(started.Type, At, data, personal));
        var erased = Assert.IsType<ConversationStarted>(FactCodec.Decode(started.Type, At, data, default));

        Assert.Equal("""{"channel":"chat","locale":"en-US","priority":7}""", Encoding.UTF8.GetString(data));
        Assert.Equal("""{"attributes":{"tier":"gold","email":"ana@example.com"}}""", Encoding.UTF8.GetString(personal!));
        Assert.Equal(started.Attributes, decoded.Attributes);
        Assert.Equal((7, null), (erased.Priority, erased.Attributes));
    }

    [Theory]
    [InlineData("conversation.started", """{"channel":"chat","locale":"en-US","priority":"normal"}""")]
    [InlineData("handoff.requested", """{"handoffId":"hnd-1","reason":"customer-request","priority":"normal","queue":"en/chat"}""")]
    public void Journals_written_when_every_priority_was_normal_read_as_the_default_priority(string type, string data)
    {
        var fact = FactCodec.Decode(type, At, Encoding.UTF8.GetBytes(data), default);

        Assert.Equal(HandoffPriority.Default, fact switch { ConversationStarted s => s.Priority, HandoffRequested r => r.Priority, _ => -1 });
    }

    [Theory]
    [InlineData("conversation.started", """{"channel":"chat","locale":"en","priority":"urgent"}""")]
    [InlineData("handoff.teleported", "{}")]
    [InlineData("ai.allowed", "{}")]
    [InlineData("trust.changed", """{"score":50,"band":"purple","previousBand":"healthy"}""")]
    [InlineData("conversation.started", """{"channel":"fax","locale":"en","priority":"normal"}""")]
    public void Data_that_does_not_fit_its_type_is_refused(string type, string data)
    {
        Assert.Throws<FormatException>(() => FactCodec.Decode(type, At, Encoding.UTF8.GetBytes(data), default));
    }

    [Fact]
    public void An_offers_context_is_kept_in_its_personal_part_as_the_contract_spells_it_and_is_not_read_back()
    {
        var offer = new HandoffOffered { At = At, HandoffId = "hnd-2", OfferId = "ofr-1", AgentId = "ayu", ExpiresAt = At.AddSeconds(30) };
        var withContext = offer with { Context = CxCluster.TestSupport.Handoffs.ContextSamples.Full() };

        var (data, personal) = FactCodec.Encode(withContext);

        Assert.Equal(Encoding.UTF8.GetString(FactCodec.Encode(offer).Data), Encoding.UTF8.GetString(data));
        Assert.Null(FactCodec.Encode(offer).Personal);
        var context = System.Text.Json.Nodes.JsonNode.Parse(personal!)!["context"]!;
        Assert.Equal(("c-1", "hnd-2", "whatsapp", "cust-9", "breached"),
            (context["conversationId"]!.GetValue<string>(), context["handoffId"]!.GetValue<string>(), context["channel"]!.GetValue<string>(),
                context["customerId"]!.GetValue<string>(), context["trust"]!["band"]!.GetValue<string>()));
        Assert.Equal("saldo belum masuk, nomor saya [phone]", context["transcript"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(offer, FactCodec.Decode(offer.Type, At, data, personal));
    }
}
