using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Conversations;

[Collection(ClusterCollection.Name)]
public sealed class ConversationEndpointsTests(ClusterFixture cluster)
{
    private ApiClient Acme => cluster.Acme;

    [Fact]
    public async Task Started_event_answers_an_EventResult_with_exactly_the_contract_fields()
    {
        var id = Ids.New("conv");

        var result = await Acme.SendAsync(id, Events.Started("e1", "whatsapp", "id-ID").At("2026-11-24T17:00:00+07:00"));

        Json.HasFields(result, "conversationId", "eventId", "duplicate", "directives", "conversation");
        Assert.Equal(id, result.Text("conversationId"));
        Assert.Equal("e1", result.Text("eventId"));
        Assert.False(result["duplicate"]!.GetValue<bool>());

        var disclose = Assert.Single(result.Directives());
        Json.HasFields(disclose, "type", "disclosureId", "text", "channel", "locale");
        Assert.Equal("disclose", disclose.Text("type"));
        Assert.Equal("whatsapp", disclose.Text("channel"));
        Assert.Equal("id-ID", disclose.Text("locale"));
        Assert.False(string.IsNullOrWhiteSpace(disclose.Text("text")));

        var conversation = result["conversation"]!;
        Json.HasFields(conversation, "id", "status", "channel", "locale", "version", "disclosure", "trust", "handoff", "transcript");
        Assert.Equal(id, conversation.Text("id"));
        Assert.Equal("ai", conversation.Text("status"));
        Assert.Equal("whatsapp", conversation.Text("channel"));
        Assert.Equal("id-ID", conversation.Text("locale"));

        var disclosure = conversation["disclosure"]!;
        Json.HasFields(disclosure, "delivered", "disclosureId", "channel", "locale", "text", "history");
        Assert.False(disclosure["delivered"]!.GetValue<bool>());
        Assert.Equal(disclose.Text("disclosureId"), disclosure.Text("disclosureId"));
        var issued = Assert.Single(disclosure["history"]!.AsArray());
        Json.HasFields(issued, "disclosureId", "channel", "locale", "issuedAt");
        Assert.Equal("2026-11-24T10:00:00Z", issued.Text("issuedAt"));

        var trust = conversation["trust"]!;
        Json.HasFields(trust, "score", "threshold", "band", "signals");
        Assert.Equal(100, trust["score"]!.GetValue<int>());
        Assert.Equal(40, trust["threshold"]!.GetValue<int>());
        Assert.Equal("healthy", trust.Text("band"));
        Assert.Empty(trust["signals"]!.AsArray());

        Json.HasFields(conversation["handoff"], "status");
        Assert.Equal("none", conversation["handoff"].Text("status"));
        Assert.Empty(conversation["transcript"]!.AsArray());
    }

    [Fact]
    public async Task Snapshot_shows_delivery_transcript_and_signals_with_utc_timestamps()
    {
        var id = Ids.New("conv");
        var started = await Acme.SendAsync(id, Events.Started("e1", "chat", "id-ID").At("2026-11-24T10:00:00Z"));
        var disclosureId = started.Directive("disclose").Text("disclosureId");
        await Acme.SendAsync(id, Events.Delivered("e2", disclosureId).At("2026-11-24T10:00:01Z"));
        await Acme.SendAsync(id, Events.Customer("e3", "halo, saya mau tanya soal tagihan").At("2026-11-24T10:00:05Z"));
        await Acme.SendAsync(id, Events.Signal("e4", "sentiment", -0.3).At("2026-11-24T10:00:06Z"));

        var snapshot = await Acme.SnapshotAsync(id);

        Json.HasFields(snapshot, "id", "status", "channel", "locale", "version", "disclosure", "trust", "handoff", "transcript");
        var disclosure = snapshot!["disclosure"]!;
        Json.HasFields(disclosure, "delivered", "disclosureId", "deliveredAt", "channel", "locale", "text", "history");
        Assert.True(disclosure["delivered"]!.GetValue<bool>());
        Assert.Equal("2026-11-24T10:00:01Z", disclosure.Text("deliveredAt"));
        var record = Assert.Single(disclosure["history"]!.AsArray());
        Json.HasFields(record, "disclosureId", "channel", "locale", "issuedAt", "deliveredAt");
        Assert.Equal("2026-11-24T10:00:00Z", record.Text("issuedAt"));

        var turn = Assert.Single(snapshot["transcript"]!.AsArray());
        Json.HasFields(turn, "from", "text", "at");
        Assert.Equal("customer", turn.Text("from"));
        Assert.Equal("2026-11-24T10:00:05Z", turn.Text("at"));

        foreach (var signal in snapshot["trust"]!["signals"]!.AsArray())
        {
            Json.HasFields(signal, "name", "delta", "at");
            Json.IsUtcTimestamp(signal!["at"]);
        }
    }

    [Fact]
    public async Task Unknown_conversation_is_404()
    {
        using var response = await Acme.GetAsync($"/v1/conversations/{Ids.New("never")}");

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task First_event_of_a_never_started_conversation_starts_it_with_the_tenant_defaults()
    {
        var acme = await Acme.SendAsync(Ids.New("conv"), Events.Customer("e1", "halo"));
        var globex = await cluster.Globex.SendAsync(Ids.New("conv"), Events.Customer("e1", "hello"));

        Assert.Equal("disclose", acme.DirectiveTypes()[0]);
        Assert.Equal(("chat", "id-ID"), (acme.Directive("disclose").Text("channel"), acme.Directive("disclose").Text("locale")));
        Assert.Equal("en-US", globex.Directive("disclose").Text("locale"));
    }

    [Fact]
    public async Task An_end_as_the_first_event_starts_and_ends_the_conversation_with_no_notice_to_deliver()
    {
        var id = Ids.New("conv");

        var ended = await Acme.SendAsync(id, Events.Ended("e1"));

        Assert.Empty(ended.Directives());
        var conversation = ended["conversation"]!;
        Assert.Equal("ended", conversation.Text("status"));
        Assert.False(conversation["disclosure"]!["delivered"]!.GetValue<bool>());
        Assert.Empty(conversation["disclosure"]!["history"]!.AsArray());
        using var late = await Acme.PostAsync(ApiClient.Events(id), Events.Ai("e2", "Ada yang bisa saya bantu?"));
        await Json.ProblemAsync(late, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Repeated_event_id_answers_the_first_directives_with_duplicate_true_and_changes_nothing()
    {
        var id = Ids.New("conv");
        await Acme.SendAsync(id, Events.Started("e1", "chat", "id-ID"));
        var first = await Acme.SendAsync(id, Events.Ai("e2", "Ada yang bisa saya bantu?"));
        var before = await Acme.SnapshotAsync(id);

        var again = await Acme.SendAsync(id, Events.Ai("e2", "Ada yang bisa saya bantu?"));

        Assert.True(again["duplicate"]!.GetValue<bool>());
        Assert.False(first["duplicate"]!.GetValue<bool>());
        Json.Same(first["directives"], again["directives"]);
        Json.Same(before, await Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task A_repeated_event_id_answers_its_first_result_whole_after_later_events()
    {
        var id = Ids.New("conv");
        await Acme.SendAsync(id, Events.Started("e1", "chat", "en-US"));
        var first = await Acme.SendAsync(id, Events.Customer("e2", "is this a bot? where is my parcel"));
        await Acme.SendAsync(id, Events.Signal("e3", "nlu.no_match", 1));
        await Acme.SendAsync(id, Events.Ai("e4", "Let me check."));
        var before = await Acme.SnapshotAsync(id);
        Assert.NotEqual(first["conversation"]!["version"]!.GetValue<long>(), before!["version"]!.GetValue<long>());

        var again = await Acme.SendAsync(id, Events.Customer("e2", "is this a bot? where is my parcel"));

        Assert.True(again["duplicate"]!.GetValue<bool>());
        first["duplicate"] = true;
        Json.Same(first, again);
        Json.Same(before, await Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Delete_erases_personal_data_keeps_the_proof_of_disclosure_and_ends_the_conversation()
    {
        var id = Ids.New("conv");
        var started = await Acme.SendAsync(id, Events.Started("e1", "chat", "id-ID"));
        await Acme.SendAsync(id, Events.Customer("e2", "nama saya Budi, nomor saya 0812-3456-7890"));

        using (var deleted = await Acme.DeleteAsync($"/v1/conversations/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Empty(await deleted.Content.ReadAsByteArrayAsync());
        }

        var erased = await Acme.SnapshotAsync(id);
        Assert.Equal("ended", erased.Text("status"));
        Assert.Empty(erased!["transcript"]!.AsArray());
        var proof = Assert.Single(erased["disclosure"]!["history"]!.AsArray());
        Assert.Equal(started.Directive("disclose").Text("disclosureId"), proof.Text("disclosureId"));

        using var late = await Acme.PostAsync(ApiClient.Events(id), Events.Customer("e3", "halo?"));
        await Json.ProblemAsync(late, HttpStatusCode.Conflict);
        Json.Same(erased, await Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Delete_of_a_conversation_that_never_existed_is_404()
    {
        using var response = await Acme.DeleteAsync($"/v1/conversations/{Ids.New("never")}");

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Event_on_an_ended_conversation_is_409_and_changes_nothing()
    {
        var id = Ids.New("conv");
        await Acme.SendAsync(id, Events.Started("e1", "chat", "id-ID"));
        await Acme.SendAsync(id, Events.Ended("e2"));
        var before = await Acme.SnapshotAsync(id);

        using var response = await Acme.PostAsync(ApiClient.Events(id), Events.Customer("e3", "halo?"));

        await Json.ProblemAsync(response, HttpStatusCode.Conflict);
        Json.Same(before, await Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Delivery_of_a_disclosure_never_issued_is_400_naming_disclosureId()
    {
        var id = Ids.New("conv");
        await Acme.SendAsync(id, Events.Started("e1", "chat", "id-ID"));
        var before = await Acme.SnapshotAsync(id);

        using var response = await Acme.PostAsync(ApiClient.Events(id), Events.Delivered("e2", "no-such-disclosure"));

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "disclosureId");
        Json.Same(before, await Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Message_from_an_agent_not_assigned_to_the_conversation_is_409()
    {
        var id = Ids.New("conv");
        await Acme.SendAsync(id, Events.Started("e1", "chat", "id-ID"));
        var before = await Acme.SnapshotAsync(id);

        using var response = await Acme.PostAsync(ApiClient.Events(id), Events.Agent("e2", Ids.New("agent"), "Halo, saya Sari."));

        await Json.ProblemAsync(response, HttpStatusCode.Conflict);
        Json.Same(before, await Acme.SnapshotAsync(id));
    }
}
