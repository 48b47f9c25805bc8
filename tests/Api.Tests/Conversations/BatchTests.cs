using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Conversations;

[Collection(ClusterCollection.Name)]
public sealed class BatchTests(ClusterFixture cluster)
{
    private ApiClient Acme => cluster.Acme;

    [Fact]
    public async Task Batch_answers_one_result_per_event_in_order_and_one_bad_event_fails_alone()
    {
        var first = Ids.New("conv");
        var second = Ids.New("conv");
        var batch = Events.BatchOf(
        [
            Events.Started("a1", "chat", "id-ID").In(first),
            Events.Started("b1", "sms", "en-US").In(second),
            Events.Customer("a2", "satu").In(first),
            new JsonObject { ["id"] = "a3", ["type"] = "customer.shouted", ["conversationId"] = first },
            Events.Customer("b2", "one").In(second),
            Events.Customer("a4", "dua").In(first),
            Events.Customer("a5", "tiga").In(first),
        ]);

        using var response = await Acme.PostAsync(ApiClient.Batch, batch);

        var body = await Json.OkAsync(response);
        Json.HasFields(body, "results");
        var results = body["results"]!.AsArray();
        Assert.Equal(7, results.Count);
        string[] expected = ["a1", "b1", "a2", "a3", "b2", "a4", "a5"];
        string[] conversations = [first, second, first, first, second, first, first];
        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal(expected[i], results[i].Text("eventId"));
            if (i == 3)
            {
                continue;
            }
            Json.HasFields(results[i], "conversationId", "eventId", "duplicate", "directives", "conversation");
            Assert.Equal(conversations[i], results[i].Text("conversationId"));
        }

        var failed = results[3]!;
        Json.HasFields(failed, "eventId", "error");
        Json.HasFields(failed["error"], "type", "title", "status", "detail", "errors");
        Assert.Equal(400, failed["error"]!["status"]!.GetValue<int>());
        Assert.NotNull(failed["error"]!["errors"]!["type"]);

        Assert.Equal(["disclose"], results[0]!.DirectiveTypes());
        Assert.Equal("sms", results[1]!.Directive("disclose").Text("channel"));
        var transcript = (await Acme.SnapshotAsync(first))!["transcript"]!.AsArray();
        Assert.Equal(["satu", "dua", "tiga"], transcript.Select(t => t.Text("text")));
        Assert.Single((await Acme.SnapshotAsync(second))!["transcript"]!.AsArray());
    }

    [Fact]
    public async Task Batch_event_without_a_valid_id_or_conversation_has_a_null_eventId_and_names_the_field()
    {
        var id = Ids.New("conv");
        var batch = Events.BatchOf(
        [
            new JsonObject { ["type"] = "ai.message", ["text"] = "hi", ["conversationId"] = id },
            Events.Ai("x2", "hi"),
            Events.Ai("x3", "hi").In("bad/id"),
            JsonValue.Create(42),
        ]);

        using var response = await Acme.PostAsync(ApiClient.Batch, batch);

        var results = (await Json.OkAsync(response))["results"]!.AsArray();
        Assert.Equal(4, results.Count);
        Json.HasFields(results[0], "eventId", "error");
        Assert.Null(results[0]!["eventId"]);
        Assert.NotNull(results[0]!["error"]!["errors"]!["id"]);
        Assert.Equal("x2", results[1].Text("eventId"));
        Assert.NotNull(results[1]!["error"]!["errors"]!["conversationId"]);
        Assert.NotNull(results[2]!["error"]!["errors"]!["conversationId"]);
        Assert.Null(results[3]!["eventId"]);
        Assert.NotNull(results[3]!["error"]!["errors"]!["event"]);
        Assert.Null(await Acme.SnapshotAsync(id));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Batch_event_for_a_conversation_a_URL_cannot_name_fails_alone_naming_conversationId(string conversationId)
    {
        var id = Ids.New("conv");

        using var response = await Acme.PostAsync(ApiClient.Batch, Events.BatchOf(
        [
            Events.Customer("d1", "my e-mail is rini@example.com").In(conversationId),
            Events.Customer("d2", "halo").In(id),
        ]));

        var results = (await Json.OkAsync(response))["results"]!.AsArray();
        Assert.Equal("d1", results[0].Text("eventId"));
        Assert.NotNull(results[0]!["error"]!["errors"]!["conversationId"]);
        Assert.Equal("d2", results[1].Text("eventId"));
        Assert.NotNull(await Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Batch_slot_of_a_refused_event_carries_the_grains_problem()
    {
        var ended = Ids.New("conv");
        await Acme.SendAsync(ended, Events.Started("e1", "chat", "id-ID"));
        await Acme.SendAsync(ended, Events.Ended("e2"));
        var open = Ids.New("conv");

        using var response = await Acme.PostAsync(ApiClient.Batch, Events.BatchOf(
        [
            Events.Customer("e3", "halo?").In(ended),
            Events.Started("o1", "chat", "id-ID").In(open),
            Events.Delivered("o2", "no-such-disclosure").In(open),
        ]));

        var results = (await Json.OkAsync(response))["results"]!.AsArray();
        Assert.Equal(409, results[0]!["error"]!["status"]!.GetValue<int>());
        Assert.Equal("o1", results[1].Text("eventId"));
        Assert.Equal(400, results[2]!["error"]!["status"]!.GetValue<int>());
        Assert.NotNull(results[2]!["error"]!["errors"]!["disclosureId"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Batch_of_0_or_more_than_1000_events_is_400_naming_events_and_applies_none(int count)
    {
        var id = Ids.New("conv");
        var batch = Events.BatchOf(Enumerable.Range(0, count).Select(i => (JsonNode)Events.Ai($"x{i}", "hi").In(id)));

        using var response = await Acme.PostAsync(ApiClient.Batch, batch);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "events");
        Assert.Null(await Acme.SnapshotAsync(id));
    }

    [Theory]
    [InlineData("""{ "events": { "id": "x1" } }""", "events")]
    [InlineData("""{ "items": [] }""", "events")]
    [InlineData("""[ { "id": "x1" } ]""", "body")]
    [InlineData("""{ "events": [ """, "body")]
    [InlineData("""{ "events": [ { "id": "x1", "conversationId": "c-evnts", "type": "conversation.started", "channel": "chat", "locale": "en-US" } ], "evnts": [] }""", "evnts")]
    public async Task Batch_that_is_not_an_object_with_an_events_array_is_400(string body, string field)
    {
        using var response = await Acme.PostRawAsync(ApiClient.Batch, body);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Batch_over_8_MiB_is_413_and_applies_none()
    {
        var id = Ids.New("conv");
        var text = new string('t', 15_000);
        var events = Enumerable.Range(0, 600).Select(i => (JsonNode)Events.Customer($"x{i}", text).In(id));

        using var response = await Acme.PostAsync(ApiClient.Batch, Events.BatchOf(events));

        await Json.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Null(await Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Batch_larger_than_a_single_event_limit_but_under_8_MiB_is_accepted()
    {
        var id = Ids.New("conv");
        var text = new string('t', 15_000);
        var events = Enumerable.Range(0, 40).Select(i => (JsonNode)Events.Customer($"x{i}", $"{i} {text}").In(id));

        using var response = await Acme.PostAsync(ApiClient.Batch, Events.BatchOf(events));

        var results = (await Json.OkAsync(response))["results"]!.AsArray();
        Assert.Equal(40, results.Count);
        Assert.All(results, r => Assert.Null(r!["error"]));
    }
}
