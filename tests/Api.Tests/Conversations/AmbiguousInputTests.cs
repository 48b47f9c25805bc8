using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Conversations;

/// <summary>
/// Input that would undo a rule or mean two things: an <c>occurredAt</c> far ahead of the time received or before any
/// conversation could have happened, and a key sent twice. Each is a 400 naming the field that changes nothing; in a batch that event fails alone.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AmbiguousInputTests(ClusterFixture cluster)
{
    private ApiClient Acme => cluster.Acme;

    /// <summary>Each case: a body for <c>POST /v1/conversations/{id}/events</c> with a key twice, and the field the 400 must name.</summary>
    private static readonly Dictionary<string, (string Body, string Field)> RepeatedKeys = new()
    {
        ["id twice"] = ("""{ "id": "x1", "type": "customer.message", "text": "halo", "id": "x2" }""", "id"),
        ["id twice with the same value"] = ("""{ "id": "x1", "id": "x1", "type": "customer.message", "text": "halo" }""", "id"),
        ["text twice"] = ("""{ "id": "x1", "type": "customer.message", "text": "halo", "text": "saya mau bicara dengan CS" }""", "text"),
        ["type twice"] = ("""{ "id": "x1", "type": "ai.message", "type": "customer.message", "text": "halo" }""", "type"),
        ["occurredAt twice"] = ("""{ "id": "x1", "type": "ai.message", "text": "hi", "occurredAt": "2026-11-24T10:00:00Z", "occurredAt": "2026-11-24T11:00:00Z" }""", "occurredAt"),
        ["id twice, once escaped"] = ("""{ "id": "x1", "type": "ai.message", "text": "hi", "\u0069d": "x2" }""", "id"),
        ["a key twice inside an unknown field"] = ("""{ "id": "x1", "type": "ai.message", "text": "hi", "meta": { "a": 1, "a": 2 } }""", "meta.a"),
        ["a key twice in an array of an unknown field"] = ("""{ "id": "x1", "type": "ai.message", "text": "hi", "meta": [ { "b": 1 }, { "b": 1, "b": 2 } ] }""", "meta[1].b"),
        ["a key that is a lone surrogate"] = ("""{ "id": "x1", "type": "ai.message", "text": "hi", "\ud800": 1 }""", "\\ud800"),
    };

    public static TheoryData<string> RepeatedKeyCases => [.. RepeatedKeys.Keys];

    [Theory]
    [MemberData(nameof(RepeatedKeyCases))]
    public async Task A_key_twice_is_400_naming_it_and_changes_nothing(string caseName)
    {
        var (body, field) = RepeatedKeys[caseName];
        var id = await StartedConversationAsync();
        var before = await Acme.SnapshotAsync(id);

        using var response = await Acme.PostRawAsync(ApiClient.Events(id), body);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Json.Same(before, await Acme.SnapshotAsync(id));
        // The id was not taken: the event sent once, as meant, is applied.
        Assert.False((await Acme.SendAsync(id, Events.Ai("x1", "hi")))["duplicate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_single_event_naming_another_conversation_than_its_path_is_400_naming_conversationId_and_changes_nothing()
    {
        var id = await StartedConversationAsync();
        var other = Ids.New("conv");
        var before = await Acme.SnapshotAsync(id);
        var meant = Events.Customer("x1", "this message is for the other customer");
        meant["conversationId"] = other;
        var numbered = Events.Customer("x2", "halo");
        numbered["conversationId"] = 42;

        using var response = await Acme.PostAsync(ApiClient.Events(id), meant);
        using var notText = await Acme.PostAsync(ApiClient.Events(id), numbered);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "conversationId");
        await Json.ProblemAsync(notText, HttpStatusCode.BadRequest, "conversationId");
        Json.Same(before, await Acme.SnapshotAsync(id));
        using var unknown = await Acme.GetAsync($"/v1/conversations/{other}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // Naming its own conversation is allowed, and the id was not taken.
        var same = Events.Customer("x1", "halo");
        same["conversationId"] = id;
        Assert.False((await Acme.SendAsync(id, same))["duplicate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_occurredAt_an_hour_ahead_is_400_naming_occurredAt_and_changes_nothing()
    {
        var id = await StartedConversationAsync();
        var before = await Acme.SnapshotAsync(id);

        using var response = await Acme.PostAsync(ApiClient.Events(id), Events.Customer("x1", "halo").At(DateTimeOffset.UtcNow.AddHours(1)));

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "occurredAt");
        Assert.Contains("ahead", problem["errors"]!["occurredAt"]![0]!.GetValue<string>());
        Json.Same(before, await Acme.SnapshotAsync(id));
        Assert.False((await Acme.SendAsync(id, Events.Customer("x1", "halo")))["duplicate"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("1999-12-31T23:59:59.999999Z")]
    public async Task An_occurredAt_before_the_year_2000_is_400_naming_occurredAt_and_changes_nothing(string occurredAt)
    {
        var id = await StartedConversationAsync();
        var before = await Acme.SnapshotAsync(id);

        using var response = await Acme.PostRawAsync(ApiClient.Events(id), $$"""{ "id": "x1", "type": "customer.message", "text": "halo", "occurredAt": "{{occurredAt}}" }""");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "occurredAt");
        Assert.Contains("2000-01-01", problem["errors"]!["occurredAt"]![0]!.GetValue<string>());
        Json.Same(before, await Acme.SnapshotAsync(id));
        Assert.False((await Acme.SendAsync(id, Events.Customer("x1", "halo")))["duplicate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_occurredAt_of_the_first_moment_of_2000_is_recorded_as_sent()
    {
        // The conversation's first event: nothing recorded before it that a later stamp would have to follow.
        var id = Ids.New("conv");

        using var response = await Acme.PostRawAsync(ApiClient.Events(id), """{ "id": "x1", "type": "customer.message", "text": "halo", "occurredAt": "2000-01-01T00:00:00Z" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var snapshot = await Acme.SnapshotAsync(id);
        Assert.Contains(snapshot!["transcript"]!.AsArray(), turn => turn!["at"]!.GetValue<string>() == "2000-01-01T00:00:00Z");
    }

    [Fact]
    public async Task A_first_event_an_hour_ahead_starts_nothing()
    {
        var id = Ids.New("conv");

        using var response = await Acme.PostAsync(ApiClient.Events(id), Events.Started("x1", "chat", "en-US").At(DateTimeOffset.UtcNow.AddHours(1)));

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "occurredAt");
        Assert.Null(await Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task An_occurredAt_within_the_clock_skew_is_recorded_as_sent_and_the_threshold_still_holds()
    {
        var id = Ids.New("conv");
        var ahead = DateTimeOffset.UtcNow.AddMinutes(3);
        await Acme.SendAsync(id, Events.Started("e1", "chat", "en-US"));
        await Acme.SendAsync(id, Events.Signal("e2", "nlu.no_match", 1));

        var skewed = await Acme.SendAsync(id, Events.Customer("e3", "hello?").At(ahead));
        await Acme.SendAsync(id, Events.Signal("e4", "nlu.no_match", 1));
        var third = await Acme.SendAsync(id, Events.Signal("e5", "nlu.no_match", 1));

        Assert.Equal(ahead.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), skewed["conversation"]!["transcript"]!.AsArray()[^1].Text("at"));
        Assert.Equal("trust-threshold", third.Directive("handoff").Text("reason"));
    }

    [Fact]
    public async Task Batch_with_events_twice_is_400_naming_events_and_applies_none()
    {
        var first = Ids.New("conv");
        var second = Ids.New("conv");
        var body = $$"""
            { "events": [ { "conversationId": "{{first}}", "id": "a1", "type": "conversation.started", "channel": "chat", "locale": "en-US" } ],
              "events": [ { "conversationId": "{{second}}", "id": "b1", "type": "conversation.started", "channel": "chat", "locale": "en-US" } ] }
            """;

        using var response = await Acme.PostRawAsync(ApiClient.Batch, body);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "events");
        Assert.Null(await Acme.SnapshotAsync(first));
        Assert.Null(await Acme.SnapshotAsync(second));
    }

    [Fact]
    public async Task Batch_events_with_a_key_twice_or_an_occurredAt_far_ahead_fail_alone()
    {
        var id = Ids.New("conv");
        var future = DateTimeOffset.UtcNow.AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var body = $$"""
            { "events": [
              { "conversationId": "{{id}}", "id": "a1", "type": "conversation.started", "channel": "chat", "locale": "en-US" },
              { "conversationId": "{{id}}", "id": "a2", "id": "a3", "type": "customer.message", "text": "halo" },
              { "conversationId": "{{id}}", "id": "a4", "type": "customer.message", "text": "satu", "text": "dua" },
              { "conversationId": "{{id}}", "conversationId": "other", "id": "a5", "type": "customer.message", "text": "halo" },
              { "conversationId": "{{id}}", "id": "a6", "type": "customer.message", "text": "tiga", "occurredAt": "{{future}}" },
              { "conversationId": "{{id}}", "id": "a7", "type": "customer.message", "text": "empat" },
              { "conversationId": "{{id}}", "id": "a8", "type": "customer.message", "text": "lima", "\ud800": 1 }
            ] }
            """;

        using var response = await Acme.PostRawAsync(ApiClient.Batch, body);

        var results = (await Json.OkAsync(response))["results"]!.AsArray();
        Assert.Equal(7, results.Count);
        Assert.Equal("a1", results[0].Text("eventId"));
        Assert.Equal("a7", results[5].Text("eventId"));
        (int Slot, string? EventId, string Field)[] failed = 
        [
            (1, null, "id"), (2, "a4", "text"), (3, "a5", "conversationId"), (4, "a6", "occurredAt"), (6, "a8", "\\ud800"),
        ];
        foreach (var (slot, eventId, field) in failed)
        {
            Json.HasFields(results[slot], "eventId", "error");
            Assert.Equal(eventId, results[slot]!["eventId"]?.GetValue<string>());
            Assert.Equal(400, results[slot]!["error"]!["status"]!.GetValue<int>());
            Assert.NotNull(results[slot]!["error"]!["errors"]![field]);
        }
        var transcript = (await Acme.SnapshotAsync(id))!["transcript"]!.AsArray();
        Assert.Equal(["empat"], transcript.Select(t => t.Text("text")));
    }

    [Fact]
    public async Task Agent_bodies_with_a_key_twice_are_400_naming_it_and_change_nothing()
    {
        var agentId = Ids.New("agent");
        var agent = await Acme.RegisterAgentAsync(agentId, "Sari", ["nl"], ["chat"], 2);

        using var put = await Acme.Http.PutAsync($"/v1/agents/{agentId}", Body(
            """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2, "capacity": 50 }"""));
        using var status = await Acme.PostRawAsync($"/v1/agents/{agentId}/status", """{ "status": "available", "status": "away" }""");

        await Json.ProblemAsync(put, HttpStatusCode.BadRequest, "capacity");
        await Json.ProblemAsync(status, HttpStatusCode.BadRequest, "status");
        Json.Same(agent, await Acme.AgentAsync(agentId));
    }

    [Theory]
    [InlineData("""{ "status": "away", "statsu": "available" }""", "statsu")]
    [InlineData("""{ "status": "available", "Stauts": "away" }""", "Stauts")]
    public async Task A_status_change_with_a_misspelt_field_beside_the_status_is_400_naming_it_and_changes_nothing(string body, string field)
    {
        var agentId = Ids.New("agent");
        var agent = await Acme.RegisterAgentAsync(agentId, "Sari", ["nl"], ["chat"], 2);

        using var status = await Acme.PostRawAsync($"/v1/agents/{agentId}/status", body);

        await Json.ProblemAsync(status, HttpStatusCode.BadRequest, field);
        Json.Same(agent, await Acme.AgentAsync(agentId));
    }

    private static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private async Task<string> StartedConversationAsync()
    {
        var id = Ids.New("conv");
        var started = await Acme.SendAsync(id, Events.Started("s1", "whatsapp", "id-ID"));
        await Acme.SendAsync(id, Events.Customer("s2", "halo"));
        await Acme.SendAsync(id, Events.Delivered("s3", started.Directive("disclose").Text("disclosureId")));
        return id;
    }
}
