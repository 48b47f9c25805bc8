using System.Text.Json.Nodes;
using CxCluster.Abstractions.Facts;
using CxCluster.Abstractions.Push;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Push;
using static CxCluster.TestSupport.Journal.JournalSamples;

namespace CxCluster.Grains.Tests.Push;

/// <summary>Journal facts as the cluster tells them.</summary>
public sealed class FactWireTests
{
    private static TenantFact Recorded(string streamId, long seq, Fact fact, long position = 7)
    {
        var (data, personal) = FactCodec.Encode(fact);
        return new TenantFact(new StreamKey("acme", streamId), position, new JournalFact(seq, fact.Type, fact.At, data, personal));
    }

    [Fact]
    public void A_conversation_fact_is_the_contracts_Fact_with_a_stable_id_and_its_data_as_recorded()
    {
        var fact = Recorded("c/c-1:x", 4, new HandoffAssigned
        {
            At = Noon, HandoffId = "h-1", AgentId = "ayu", AgentDisplayName = "Ayu", Text = "Ayu akan membantu Anda.",
        });

        var told = FactWire.Project(fact)!;

        Assert.Equal("c:c-1:x:4", told.Id);
        Assert.Equal(("handoff.assigned", "c-1:x", "ayu", 4L, 7L), (told.Type, told.ConversationId, told.AgentId, told.Seq, told.Position));
        var json = JsonNode.Parse(told.Json)!.AsObject();
        Assert.Equal(["id", "type", "at", "seq", "conversationId", "agentId", "data"], json.Select(p => p.Key));
        Assert.Equal("c:c-1:x:4", (string?)json["id"]);
        Assert.Equal(Noon.ToUniversalTime(), DateTimeOffset.Parse((string)json["at"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("Z", (string)json["at"]!, StringComparison.Ordinal);
        Assert.Equal("Ayu", (string?)json["data"]!["agentDisplayName"]);
        Assert.Equal("h-1", (string?)json["data"]!["handoffId"]);
    }

    [Fact]
    public void A_recorded_message_is_told_without_its_text_and_a_conversation_fact_naming_no_agent_has_no_agent()
    {
        var message = FactWire.Project(Recorded("c/c-2", 3, new MessageRecorded { At = Noon, From = Speaker.Customer, Text = "nomor saya 0812-3456-7890" }))!;
        var started = FactWire.Project(Recorded("c/c-2", 1, new ConversationStarted { At = Noon, Channel = Channel.Whatsapp, Locale = "id-ID", Priority = 5, CustomerId = "cust-9", Attributes = new Dictionary<string, string> { ["vip"] = "secret-tier" } }))!;

        Assert.DoesNotContain("0812-3456", System.Text.Encoding.UTF8.GetString(message.Json));
        Assert.DoesNotContain("cust-9", System.Text.Encoding.UTF8.GetString(started.Json));
        Assert.DoesNotContain("secret-tier", System.Text.Encoding.UTF8.GetString(started.Json));
        Assert.Equal(5, (int?)JsonNode.Parse(started.Json)!["data"]!["priority"]);
        Assert.Null(message.AgentId);
        Assert.Null(JsonNode.Parse(started.Json)!["agentId"]);
        Assert.Equal("whatsapp", (string?)JsonNode.Parse(started.Json)!["data"]!["channel"]);
    }

    [Fact]
    public void When_an_event_ahead_of_the_silo_s_clock_was_scored_is_never_told_nor_that_a_repeated_start_named_the_customer_who()
    {
        var ahead = new MessageRecorded { At = Noon.AddMinutes(4), ScoredAt = Noon, From = Speaker.Customer, Text = "halo" };

        var message = JsonNode.Parse(FactWire.Project(Recorded("c/c-4", 5, ahead))!.Json)!;
        var identified = FactWire.Project(Recorded("c/c-4", 6, new CustomerIdentified { At = Noon, CustomerId = "cust-9" }))!;

        Assert.Equal("""{"from":"customer"}""", message["data"]!.ToJsonString());
        Assert.Equal(Noon.AddMinutes(4), DateTimeOffset.Parse((string)message["at"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("customer.identified", identified.Type);
        Assert.Equal("{}", JsonNode.Parse(identified.Json)!["data"]!.ToJsonString());
        Assert.DoesNotContain("cust-9", System.Text.Encoding.UTF8.GetString(identified.Json));
        // A repeated start stamped ahead: its fact's data is the scoring time alone, and none of it is told.
        var identifiedAhead = FactWire.Project(Recorded("c/c-4", 7, new CustomerIdentified { At = Noon.AddMinutes(4), ScoredAt = Noon, CustomerId = "cust-9" }))!;
        Assert.Equal("{}", JsonNode.Parse(identifiedAhead.Json)!["data"]!.ToJsonString());
    }

    [Fact]
    public void A_handoff_that_ended_while_it_still_waited_is_told_completed_with_a_null_agent_and_names_none()
    {
        var completed = FactWire.Project(Recorded("c/c-3", 9, new HandoffCompleted { At = Noon, HandoffId = "hnd-1" }))!;

        var json = JsonNode.Parse(completed.Json)!.AsObject();
        Assert.Null(completed.AgentId);
        Assert.False(json.ContainsKey("agentId"));
        var data = json["data"]!.AsObject();
        Assert.Equal(["handoffId", "agentId"], data.Select(p => p.Key));
        Assert.Null(data["agentId"]);
    }

    [Fact]
    public void An_agents_status_change_is_told_in_lower_case_with_the_status_it_left_and_the_rest_of_its_records_are_not()
    {
        var status = new TenantFact(new StreamKey("acme", "a/ayu"), 9,
            new JournalFact(2, "agent.status", Noon, Bytes("{\"status\":\"Available\",\"previousStatus\":\"Offline\"}"), null));
        var registered = new TenantFact(new StreamKey("acme", "a/ayu"), 8,
            new JournalFact(1, "agent.registered", Noon, Bytes("{\"displayName\":\"Ayu\"}"), null));
        var pool = new TenantFact(new StreamKey("acme", "p/id/chat"), 10, new JournalFact(1, "pool.queued", Noon, Bytes("{}"), null));

        var told = FactWire.Project(status)!;

        Assert.Equal(("a:ayu:2", "agent.status.changed", "ayu", (string?)null), (told.Id, told.Type, told.AgentId, told.ConversationId));
        var data = JsonNode.Parse(told.Json)!["data"]!;
        Assert.Equal(("available", "offline"), ((string?)data["status"], (string?)data["previousStatus"]));
        Assert.Null(FactWire.Project(registered));
        Assert.Null(FactWire.Project(pool));
    }

    [Fact]
    public void An_agents_status_changes_are_numbered_among_themselves_so_its_told_facts_have_no_gaps()
    {
        // The agent's stream holds other records between its status changes; the told facts still run 1, 2, 3.
        var third = new TenantFact(new StreamKey("acme", "a/ayu"), 40,
            new JournalFact(17, "agent.status", Noon, Bytes("{\"status\":\"Away\",\"previousStatus\":\"Available\",\"number\":3}"), null));

        var told = FactWire.Project(third)!;

        Assert.Equal(("a:ayu:3", 3L), (told.Id, told.Seq));
        var json = JsonNode.Parse(told.Json)!;
        Assert.Equal(3, (long)json["seq"]!);
        Assert.Null(json["data"]!["number"]);
    }

    [Fact]
    public void A_filter_passes_facts_by_type_conversation_and_agent()
    {
        var assigned = FactWire.Project(Recorded("c/c-3", 5, new HandoffAssigned { At = Noon, HandoffId = "h", AgentId = "ayu", AgentDisplayName = "Ayu", Text = "." }))!;

        Assert.True(FeedFilter.All.Passes(assigned));
        Assert.True(new FeedFilter(["ai.allowed", "handoff.assigned"]).Passes(assigned));
        Assert.False(new FeedFilter(["ai.allowed"]).Passes(assigned));
        Assert.True(new FeedFilter(ConversationId: "c-3").Passes(assigned));
        Assert.False(new FeedFilter(ConversationId: "c-30").Passes(assigned));
        Assert.True(new FeedFilter(AgentId: "ayu").Passes(assigned));
        Assert.False(new FeedFilter(AgentId: "budi").Passes(assigned));
    }

    [Fact]
    public void Every_type_the_conversations_record_is_a_known_type()
    {
        var recorded = typeof(Fact).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Fact)) && !t.IsAbstract)
            .Select(t => ((Fact)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)).Type)
            .ToList();

        Assert.NotEmpty(recorded);
        Assert.All(recorded, type => Assert.True(FactTypes.IsKnown(type), $"{type} is recorded but not a known type"));
    }

    [Fact]
    public void An_offer_is_told_with_its_context_last_in_its_data_and_without_it_to_a_reader_who_may_not_see_it_or_once_erased()
    {
        var offer = new HandoffOffered { At = Noon, HandoffId = "hnd-2", OfferId = "ofr-1", AgentId = "ayu", ExpiresAt = Noon.AddSeconds(30) };
        var recorded = Recorded("c/c-1", 6, offer with { Context = CxCluster.TestSupport.Handoffs.ContextSamples.Full() });
        var erased = recorded with { Fact = recorded.Fact with { Personal = null } };

        var told = FactWire.Project(recorded)!;
        var plain = FactWire.Project(Recorded("c/c-1", 6, offer))!;

        var data = JsonNode.Parse(told.Json)!["data"]!.AsObject();
        Assert.Equal(["handoffId", "offerId", "agentId", "expiresAt", "context"], data.Select(p => p.Key));
        Assert.Equal("cust-9", (string?)data["context"]!["customerId"]);
        Assert.Equal("ayu", told.AgentId);
        Assert.True(told.PersonalAt > 0);
        var without = told.WithoutPersonal(erased: false);
        Assert.Equal(0, without.PersonalAt);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(plain.Json), JsonNode.Parse(without.Json)), System.Text.Encoding.UTF8.GetString(without.Json));
        Assert.Equal((told.Id, told.Position, told.Seq), (without.Id, without.Position, without.Seq));
        Assert.Same(plain, plain.WithoutPersonal(erased: true));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(plain.Json), System.Text.Encoding.UTF8.GetString(FactWire.Project(erased)!.Json));
        Assert.Equal(0, FactWire.Project(erased)!.PersonalAt);
    }

    [Fact]
    public void A_reason_in_words_is_told_last_in_its_data_and_left_out_for_a_reader_who_may_not_see_it_or_once_erased()
    {
        const string words = "customer Bu Kartini Wulandari closed the ticket";
        var ended = Recorded("c/c-1", 9, new ConversationEnded { At = Noon, Reason = words });
        var declined = Recorded("c/c-1", 8, new HandoffDeclined { At = Noon, HandoffId = "h-1", OfferId = "o-1", AgentId = "ayu", Reason = words });

        var toldEnd = FactWire.Project(ended)!;
        var toldDecline = FactWire.Project(declined)!;

        Assert.Equal(words, (string?)JsonNode.Parse(toldEnd.Json)!["data"]!["reason"]);
        Assert.Equal(["handoffId", "offerId", "agentId", "reason"], JsonNode.Parse(toldDecline.Json)!["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal(words, (string?)JsonNode.Parse(toldDecline.Json)!["data"]!["reason"]);

        foreach (var without in new[] { toldEnd.WithoutPersonal(erased: true), FactWire.Project(ended with { Fact = ended.Fact with { Personal = null } })! })
        {
            Assert.Equal("{\"reason\":\"erased\"}", JsonNode.Parse(without.Json)!["data"]!.ToJsonString());
            Assert.DoesNotContain("Kartini", System.Text.Encoding.UTF8.GetString(without.Json), StringComparison.Ordinal);
        }
        // Not told to a reader who may not see it, though kept: it was not erased, and the reason says so.
        var withheld = toldEnd.WithoutPersonal(erased: false);
        Assert.Equal("{\"reason\":\"withheld\"}", JsonNode.Parse(withheld.Json)!["data"]!.ToJsonString());
        Assert.DoesNotContain("Kartini", System.Text.Encoding.UTF8.GetString(withheld.Json), StringComparison.Ordinal);
        foreach (var without in new[] { toldDecline.WithoutPersonal(erased: false), toldDecline.WithoutPersonal(erased: true), FactWire.Project(declined with { Fact = declined.Fact with { Personal = null } })! })
        {
            Assert.Equal(["handoffId", "offerId", "agentId"], JsonNode.Parse(without.Json)!["data"]!.AsObject().Select(p => p.Key));
        }
        Assert.Equal("resolved", (string?)JsonNode.Parse(FactWire.Project(Recorded("c/c-1", 9, new ConversationEnded { At = Noon, Reason = "resolved" }))!.Json)!["data"]!["reason"]);
    }
}
