using System.Text;
using CxCluster.Api.Tests.Infrastructure;
using CxCluster.Grains.Evidence;

namespace CxCluster.Api.Tests.Evidence;

/// <summary><c>GET /v1/evidence</c> over real HTTP, after real events: the proof a compliance officer downloads.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EvidenceEndpointsTests(ClusterFixture cluster)
{
    private static string Period(DateTimeOffset from, DateTimeOffset to, string? conversationId = null) =>
        $"/v1/evidence?from={Uri.EscapeDataString(Rfc3339(from))}&to={Uri.EscapeDataString(Rfc3339(to))}" +
        (conversationId is null ? "" : $"&conversationId={conversationId}");

    private static string Rfc3339(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    /// <summary>The hour around now: every event sent without occurredAt happens in it.</summary>
    private static string AroundNow(string? conversationId = null) =>
        Period(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), conversationId);

    /// <summary>The export's lines, after checking it is NDJSON, every line ends with a newline and the file verifies.</summary>
    private static async Task<(List<JsonNode> Conversations, JsonNode Summary)> ExportAsync(ApiClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((byte)'\n', bytes[^1]);
        var verdict = await EvidenceFile.VerifyAsync(new MemoryStream(bytes));
        Assert.True(verdict.Intact, verdict.Reason);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n')[..^1].Select(l => JsonNode.Parse(l)!).ToList();
        Json.HasFields(lines[^1], "summary", "sha256");
        return (lines[..^1], lines[^1]["summary"]!);
    }

    [Fact]
    public async Task A_supervisor_key_exports_the_same_evidence_as_the_tenants_key()
    {
        var id = Ids.New("ev");
        var started = await cluster.Acme.SendAsync(id, Events.Started("e1", "chat", "en-US"));
        await cluster.Acme.SendAsync(id, Events.Delivered("e2", started.Directive("disclose").Text("disclosureId")));
        await cluster.Acme.SendAsync(id, Events.Ai("e3", "Hi! How can I help?"));

        var (byTenant, _) = await ExportAsync(cluster.Acme, AroundNow(id));
        var (bySupervisor, _) = await ExportAsync(cluster.AcmeSupervisor, AroundNow(id));

        Json.Same(Assert.Single(byTenant), Assert.Single(bySupervisor));
        Assert.True(bySupervisor[0]!["disclosedBeforeFirstAi"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_conversation_told_through_the_api_is_proved_line_by_line_and_summed_up()
    {
        var id = Ids.New("ev");
        var agentId = Ids.New("agent");
        var started = await cluster.Acme.SendAsync(id, Events.Started("e1", "chat", "id-ID"));
        var disclosureId = started.Directive("disclose").Text("disclosureId");
        await cluster.Acme.SendAsync(id, Events.Delivered("e2", disclosureId));
        await cluster.Acme.SendAsync(id, Events.Ai("e3", "Halo! Ada yang bisa saya bantu?"));
        await cluster.Acme.SendAsync(id, Events.Customer("e4", "ini bot ya? nomor saya 0812-3456-7890"));
        await cluster.Acme.RegisterAgentAsync(agentId, "Sari Wulandari", ["id"], ["chat"], 2);
        await cluster.Acme.SetAgentStatusAsync(agentId, "available");
        var handoff = (await cluster.Acme.SendAsync(id, Events.Customer("e5", "saya mau bicara dengan CS"))).Directive("handoff");
        await cluster.Acme.SendAsync(id, Events.Agent("e6", handoff.Text("agentId"), "Halo, saya Sari, ada yang bisa dibantu?"));

        var (conversations, summary) = await ExportAsync(cluster.Acme, AroundNow(id));

        var line = Assert.Single(conversations);
        Json.HasFields(line, "conversationId", "channelHistory", "disclosures", "firstAiAllowedAt", "disclosedBeforeFirstAi",
            "identityAnswers", "handoffs", "agentMessagesScored");
        Assert.Equal(id, line.Text("conversationId"));
        Assert.Equal("chat", Assert.Single(line["channelHistory"]!.AsArray())!.Text("channel"));
        var disclosure = Assert.Single(line["disclosures"]!.AsArray())!;
        Json.HasFields(disclosure, "disclosureId", "channel", "locale", "textSha256", "issuedAt", "deliveredAt", "reason");
        Assert.Equal((disclosureId, "id-ID", "start"), (disclosure.Text("disclosureId"), disclosure.Text("locale"), disclosure.Text("reason")));
        Assert.Equal(EvidenceBuilder.Sha256(started.Directive("disclose").Text("text")), disclosure.Text("textSha256"));
        Json.IsUtcTimestamp(disclosure["deliveredAt"]);
        Assert.True(line["disclosedBeforeFirstAi"]!.GetValue<bool>());
        Assert.Equal("ai", Assert.Single(line["identityAnswers"]!.AsArray())!.Text("answeredAs"));
        var handoffLine = Assert.Single(line["handoffs"]!.AsArray())!;
        Assert.Equal((handoff.Text("handoffId"), "customer-request", handoff.Text("agentId")),
            (handoffLine.Text("handoffId"), handoffLine.Text("reason"), handoffLine.Text("agentId")));
        Assert.True(handoffLine["waitedSeconds"]!.GetValue<long>() >= 0);
        Assert.Equal(0, line["agentMessagesScored"]!.GetValue<int>());
        Json.Same(JsonNode.Parse("""{"conversations":1,"disclosedBeforeFirstAi":1,"aiMessagesAllowed":1,"identityQuestions":1,"handoffsByReason":{"customer-request":1},"erasures":0}"""), summary);
        var text = line.ToJsonString();
        foreach (var personal in new[] { "0812", "[phone]", "ini bot", "Sari Wulandari", "Halo" })
        {
            Assert.DoesNotContain(personal, text);
        }
    }

    [Fact]
    public async Task Events_stamped_before_what_the_conversation_recorded_keep_its_evidence_and_snapshot_in_order()
    {
        var id = Ids.New("ev");
        var now = DateTimeOffset.UtcNow;
        var started = await cluster.Acme.SendAsync(id, Events.Started("e1", "chat", "en-US").At(now));
        var disclosureId = started.Directive("disclose").Text("disclosureId");

        await cluster.Acme.SendAsync(id, Events.Delivered("e2", disclosureId).At(now.AddMinutes(-10)));
        var ai = await cluster.Acme.SendAsync(id, Events.Ai("e3", "Hello, how can I help?").At(now.AddMinutes(-5)));

        Assert.Equal(["allow-ai"], ai.DirectiveTypes());
        var (conversations, _) = await ExportAsync(cluster.Acme, AroundNow(id));
        var line = Assert.Single(conversations);
        var disclosure = Assert.Single(line["disclosures"]!.AsArray())!;
        var (issuedAt, deliveredAt, firstAi) = (Time(disclosure, "issuedAt"), Time(disclosure, "deliveredAt"), Time(line, "firstAiAllowedAt"));
        Assert.True(issuedAt <= deliveredAt && deliveredAt <= firstAi, $"issued {issuedAt:O}, delivered {deliveredAt:O}, first AI message {firstAi:O}");
        Assert.True(line["disclosedBeforeFirstAi"]!.GetValue<bool>());
        var snapshot = await cluster.Acme.SnapshotAsync(id);
        var notice = Assert.Single(snapshot!["disclosure"]!["history"]!.AsArray())!;
        Assert.True(Time(notice, "issuedAt") <= Time(notice, "deliveredAt"));
        Assert.Equal(Time(notice, "issuedAt"), Time(Assert.Single(snapshot["transcript"]!.AsArray()), "at"));
    }

    [Fact]
    public async Task An_end_as_the_first_event_is_proved_with_no_notice_and_nothing_before_one()
    {
        var id = Ids.New("ev");
        await cluster.Acme.SendAsync(id, Events.Ended("e1"));

        var (conversations, _) = await ExportAsync(cluster.Acme, AroundNow(id));

        var line = Assert.Single(conversations);
        Assert.Empty(line["disclosures"]!.AsArray());
        Assert.Null(line["firstAiAllowedAt"]);
        Assert.True(line["disclosedBeforeFirstAi"]!.GetValue<bool>());
    }

    private static DateTimeOffset Time(JsonNode? node, string name) =>
        DateTimeOffset.Parse(node.Text(name), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_ai_message_before_the_notice_was_confirmed_is_not_proof_and_erasure_keeps_the_evidence_with_erasedAt()
    {
        var id = Ids.New("ev");
        await cluster.Acme.SendAsync(id, Events.Started("e1", "whatsapp", "id-ID"));
        await cluster.Acme.SendAsync(id, Events.Ai("e2", "Halo!"));
        var (before, _) = await ExportAsync(cluster.Acme, AroundNow(id));

        using (var erase = await cluster.Acme.DeleteAsync($"/v1/conversations/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        }
        var (after, summary) = await ExportAsync(cluster.Acme, AroundNow(id));

        Assert.False(before[0]["disclosedBeforeFirstAi"]!.GetValue<bool>());
        Assert.Null(before[0]["erasedAt"]);
        var erased = after[0].AsObject();
        Json.IsUtcTimestamp(erased["erasedAt"]);
        erased.Remove("erasedAt");
        Json.Same(before[0], erased);
        Assert.Equal(1, summary["erasures"]!.GetValue<int>());
        Assert.Equal(0, summary["disclosedBeforeFirstAi"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_conversations_even_under_the_same_id()
    {
        var shared = Ids.New("ev");
        var acmeOnly = Ids.New("ev");
        await cluster.Acme.SendAsync(shared, Events.Started("e1", "voice", "id-ID"));
        await cluster.Acme.SendAsync(acmeOnly, Events.Started("e1", "chat", "id-ID"));
        await cluster.Globex.SendAsync(shared, Events.Started("e1", "sms", "en-US"));

        var (acme, acmeSummary) = await ExportAsync(cluster.Acme, AroundNow());
        var (globex, _) = await ExportAsync(cluster.Globex, AroundNow());
        var (globexAsked, _) = await ExportAsync(cluster.Globex, AroundNow(acmeOnly));

        Assert.Equal("voice", acme.Single(l => l.Text("conversationId") == shared)["channelHistory"]![0].Text("channel"));
        Assert.Contains(acme, l => l.Text("conversationId") == acmeOnly);
        Assert.Equal(acme.Count, acmeSummary["conversations"]!.GetValue<int>());
        Assert.Equal("sms", globex.Single(l => l.Text("conversationId") == shared)["channelHistory"]![0].Text("channel"));
        Assert.DoesNotContain(globex, l => l.Text("conversationId") == acmeOnly);
        Assert.Empty(globexAsked);
    }

    [Fact]
    public async Task An_export_longer_than_a_page_streams_every_conversation_once()
    {
        var ids = Enumerable.Range(0, EvidenceExport.ConversationsPerPage * 2 + 50).Select(_ => Ids.New("ev")).ToList();
        using (var batch = await cluster.Globex.PostAsync(ApiClient.Batch, Events.BatchOf(ids.Select(id => Events.Started("e1", "chat", "en-US").In(id)))))
        {
            await Json.OkAsync(batch);
        }

        var (conversations, summary) = await ExportAsync(cluster.Globex, AroundNow());

        var exported = conversations.Select(l => l.Text("conversationId")).ToList();
        Assert.Equal(exported.Count, exported.Distinct().Count());
        Assert.Empty(ids.Except(exported));
        Assert.Equal(exported.Count, summary["conversations"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_period_with_no_activity_is_just_the_summary_of_nothing()
    {
        var (conversations, summary) = await ExportAsync(cluster.Acme, Period(new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2020, 2, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Empty(conversations);
        Json.Same(JsonNode.Parse("""{"conversations":0,"disclosedBeforeFirstAi":0,"aiMessagesAllowed":0,"identityQuestions":0,"handoffsByReason":{},"erasures":0}"""), summary);
    }

    [Fact]
    public async Task A_bound_between_two_ticks_is_read_as_the_next_tick_so_a_fact_on_the_tick_before_is_in_the_period_it_ends_and_not_in_the_one_it_starts()
    {
        var id = Ids.New("ev");
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        at = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        await cluster.Acme.SendAsync(id, Events.Started("e1", "chat", "en-US").At(at));
        var justAfter = Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss") + ".000000001Z");
        var hourBefore = Uri.EscapeDataString(Rfc3339(at.AddHours(-1)));
        var hourAfter = Uri.EscapeDataString(Rfc3339(at.AddHours(1)));

        var (startingJustAfter, _) = await ExportAsync(cluster.Acme, $"/v1/evidence?from={justAfter}&to={hourAfter}&conversationId={id}");
        var (endingJustAfter, _) = await ExportAsync(cluster.Acme, $"/v1/evidence?from={hourBefore}&to={justAfter}&conversationId={id}");

        Assert.Empty(startingJustAfter);
        Assert.Equal(at, Time(Assert.Single(endingJustAfter)["channelHistory"]![0], "at"));
    }

    [Theory]
    [InlineData("/v1/evidence?to=2026-12-01T00:00:00Z", "from")]
    [InlineData("/v1/evidence?from=2026-11-01T00:00:00Z", "to")]
    [InlineData("/v1/evidence?from=2026-11-01&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("/v1/evidence?from=yesterday&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("/v1/evidence?from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    [InlineData("/v1/evidence?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    [InlineData("/v1/evidence?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("/v1/evidence?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&conversationId=a%2Fb", "conversationId")]
    [InlineData("/v1/evidence?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&conversationId=", "conversationId")]
    [InlineData("/v1/evidence?from=2026-11-01T00:00:00Z&from=2026-11-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("/v1/evidence?from=0001-01-01T00:00:00Z&to=0001-02-01T00:00:00Z", "from")]
    [InlineData("/v1/evidence?from=1970-01-01T00:00:00Z&to=1970-01-02T00:00:00Z", "from")]
    [InlineData("/v1/evidence?from=9999-01-01T00:00:00Z&to=9999-02-01T00:00:00Z", "from")]
    public async Task A_bad_period_or_conversation_id_is_a_400_naming_the_field(string path, string field)
    {
        using var response = await cluster.Acme.GetAsync(path);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_conversationId_given_twice_is_named_for_that_alone()
    {
        using var response = await cluster.Acme.GetAsync(
            "/v1/evidence?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&conversationId=a&conversationId=b");

        // Not also "may only contain letters...": the two values joined by a comma are nothing the client sent.
        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "conversationId");
        Assert.Equal(["conversationId must be given once."], problem["errors"]!["conversationId"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task The_openapi_document_names_the_export_its_parameters_and_its_media_type()
    {
        using var response = await cluster.Anonymous.GetAsync("/openapi/v1.json");

        var get = (await Json.OkAsync(response))["paths"]!["/v1/evidence"]!["get"]!;
        Assert.Equal(["conversationId", "from", "to"], get["parameters"]!.AsArray().Select(p => p.Text("name")).Order(StringComparer.Ordinal));
        Assert.NotNull(get["responses"]!["200"]!["content"]!["application/x-ndjson"]);
        Assert.NotNull(get["responses"]!["400"]);
    }

    [Fact]
    public async Task Without_a_key_there_is_no_evidence()
    {
        using var response = await cluster.Anonymous.GetAsync(AroundNow());

        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
