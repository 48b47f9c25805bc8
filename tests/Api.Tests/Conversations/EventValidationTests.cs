using System.Globalization;
using System.Text;
using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Conversations;

/// <summary>Bad input gets a 400 (or 413, 415) problem naming the field, and never changes the conversation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EventValidationTests(ClusterFixture cluster)
{
    private static readonly string LongText = new('a', 16_001);
    private static readonly string LongId = new('i', 129);

    /// <summary>Each case: the body sent to <c>POST /v1/conversations/{id}/events</c> and the field the 400 must name.</summary>
    private static readonly Dictionary<string, (string Body, string Field)> Cases = new()
    {
        ["malformed JSON"] = ("""{ "id": "x1", "type": """, "body"),
        ["JSON that is an array"] = ("""[ { "id": "x1", "type": "ai.message", "text": "hi" } ]""", "body"),
        ["JSON that is a string"] = ("\"ai.message\"", "body"),
        ["empty body"] = ("", "body"),
        ["unknown event type"] = ("""{ "id": "x1", "type": "customer.shouted", "text": "hi" }""", "type"),
        ["missing type"] = ("""{ "id": "x1", "text": "hi" }""", "type"),
        ["type of the wrong JSON type"] = ("""{ "id": "x1", "type": 7 }""", "type"),
        ["missing id"] = ("""{ "type": "ai.message", "text": "hi" }""", "id"),
        ["id with bad characters"] = ("""{ "id": "x 1/!", "type": "ai.message", "text": "hi" }""", "id"),
        ["id over 128 characters"] = ($$"""{ "id": "{{LongId}}", "type": "ai.message", "text": "hi" }""", "id"),
        ["empty id"] = ("""{ "id": "", "type": "ai.message", "text": "hi" }""", "id"),
        ["id that is a number"] = ("""{ "id": 17, "type": "ai.message", "text": "hi" }""", "id"),
        ["agentId that is a dot segment"] = ("""{ "id": "x1", "type": "agent.message", "agentId": ".", "text": "hi" }""", "agentId"),
        ["text over 16,000 characters"] = ($$"""{ "id": "x1", "type": "customer.message", "text": "{{LongText}}" }""", "text"),
        ["missing text"] = ("""{ "id": "x1", "type": "customer.message" }""", "text"),
        ["empty text"] = ("""{ "id": "x1", "type": "ai.message", "text": "  " }""", "text"),
        ["text of zero-width characters only"] = ("""{ "id": "x1", "type": "customer.message", "text": "\u200b\u200d\ufeff" }""", "text"),
        ["text with a lone surrogate"] = ("""{ "id": "x1", "type": "customer.message", "text": "a\ud800b" }""", "text"),
        ["id with a lone surrogate"] = ("""{ "id": "\udc00", "type": "ai.message", "text": "hi" }""", "id"),
        ["conversationId with a lone surrogate"] = ("""{ "id": "x1", "type": "customer.message", "text": "hi", "conversationId": "\ud800" }""", "conversationId"),
        ["attribute key with a C1 control character"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "tier\u0085": "gold" } }""", "attributes"),
        ["text with a NUL character"] = ("""{ "id": "x1", "type": "customer.message", "text": "a\u0000b" }""", "text"),
        ["attribute with a NUL character"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "tier": "gold\u0000" } }""", "attributes.tier"),
        ["signal value beyond double"] = ("""{ "id": "x1", "type": "signal", "name": "voice.silence_ms", "value": 1e400 }""", "value"),
        ["JSON nested too deep"] = (new string('[', 100) + new string(']', 100), "body"),
        ["text that is a number"] = ("""{ "id": "x1", "type": "ai.message", "text": 42 }""", "text"),
        ["bad channel"] = ("""{ "id": "x1", "type": "channel.switched", "channel": "pigeon" }""", "channel"),
        ["missing channel"] = ("""{ "id": "x1", "type": "conversation.started", "locale": "id-ID" }""", "channel"),
        ["garbage locale"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "english!!" }""", "locale"),
        ["one-letter locale"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "x" }""", "locale"),
        ["occurredAt that is no timestamp"] = ("""{ "id": "x1", "type": "ai.message", "text": "hi", "occurredAt": "yesterday" }""", "occurredAt"),
        ["occurredAt without time zone"] = ("""{ "id": "x1", "type": "ai.message", "text": "hi", "occurredAt": "2026-11-24 10:00:00" }""", "occurredAt"),
        ["sentiment out of range"] = ("""{ "id": "x1", "type": "signal", "name": "sentiment", "value": -1.5 }""", "value"),
        ["nlu.no_match other than 1"] = ("""{ "id": "x1", "type": "signal", "name": "nlu.no_match", "value": 2 }""", "value"),
        ["csat of 6"] = ("""{ "id": "x1", "type": "signal", "name": "csat", "value": 6 }""", "value"),
        ["csat not whole"] = ("""{ "id": "x1", "type": "signal", "name": "csat", "value": 2.5 }""", "value"),
        ["negative silence"] = ("""{ "id": "x1", "type": "signal", "name": "voice.silence_ms", "value": -1 }""", "value"),
        ["silence longer than a day"] = ("""{ "id": "x1", "type": "signal", "name": "voice.silence_ms", "value": 1e300 }""", "value"),
        ["signal of another name beyond any measure"] = ("""{ "id": "x1", "type": "signal", "name": "x.custom", "value": 1e308 }""", "value"),
        ["signal of another name far below any measure"] = ("""{ "id": "x1", "type": "signal", "name": "order.total", "value": -2e15 }""", "value"),
        ["attribute key of spaces alone"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "   ": "v" } }""", "attributes"),
        ["signal value that is a string"] = ("""{ "id": "x1", "type": "signal", "name": "sentiment", "value": "low" }""", "value"),
        ["signal without value"] = ("""{ "id": "x1", "type": "signal", "name": "sentiment" }""", "value"),
        ["signal name with a space"] = ("""{ "id": "x1", "type": "signal", "name": "Bad Name", "value": 1 }""", "name"),
        ["signal name over 64 characters"] = ($$"""{ "id": "x1", "type": "signal", "name": "{{new string('n', 65)}}", "value": 1 }""", "name"),
        ["csat of 6 in capitals"] = ("""{ "id": "x1", "type": "signal", "name": "CSAT", "value": 6 }""", "value"),
        ["sentiment out of range in another case"] = ("""{ "id": "x1", "type": "signal", "name": "Sentiment", "value": -1.5 }""", "value"),
        ["agent message without agentId"] = ("""{ "id": "x1", "type": "agent.message", "text": "hi" }""", "agentId"),
        ["disclosureId with a slash"] = ("""{ "id": "x1", "type": "disclosure.delivered", "disclosureId": "a/b" }""", "disclosureId"),
        ["customerId over 128 characters"] = ($$"""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "customerId": "{{new string('c', 129)}}" }""", "customerId"),
        ["customerId that is a number"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "customerId": 62812 }""", "customerId"),
        ["priority that is a string"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "priority": "high" }""", "priority"),
        ["priority that is a digit in a string"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "priority": "5" }""", "priority"),
        ["priority with a fraction"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "priority": 4.5 }""", "priority"),
        ["priority above 9"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "priority": 10 }""", "priority"),
        ["priority below 0"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "priority": -1 }""", "priority"),
        ["priority beyond any integer"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "priority": 1e300 }""", "priority"),
        ["priority that is true"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "priority": true }""", "priority"),
        ["attributes that are an array"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": ["vip"] }""", "attributes"),
        ["attributes that are a string"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": "vip" }""", "attributes"),
        ["attribute value that is a number"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "tier": 3 } }""", "attributes.tier"),
        ["attribute value that is an object"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "order": { "id": "o1" } } }""", "attributes.order"),
        ["attribute value that is null"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "tier": null } }""", "attributes.tier"),
        ["attribute value over 1,024 characters"] = ($$"""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "note": "{{new string('n', 1_025)}}" } }""", "attributes.note"),
        ["attribute key over 64 characters"] = ($$"""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "{{new string('k', 65)}}": "v" } }""", "attributes"),
        ["attribute key with a NUL character"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "k\u0000": "v" } }""", "attributes"),
        ["attribute key with a line break"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "tier\nvip": "v" } }""", "attributes"),
        ["attribute key that is empty"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "": "v" } }""", "attributes"),
        ["attribute key twice"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { "vip": "yes", "vip": "no" } }""", "attributes.vip"),
        // A misspelt optional field would be dropped without a word: the event stamped with the time received.
        ["occurredAt misspelt"] = ("""{ "id": "x1", "type": "customer.message", "text": "hi", "ocurredAt": "2026-11-24T10:00:00Z" }""", "ocurredAt"),
        ["occurredAt in other capitals"] = ("""{ "id": "x1", "type": "customer.message", "text": "hi", "OccurredAt": "2026-11-24T10:00:00Z" }""", "OccurredAt"),
        ["customerId in other capitals"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "customerID": "c-1" }""", "customerID"),
        ["priority misspelt"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "prority": 9 }""", "prority"),
        ["attributes misspelt"] = ("""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "atributes": { "tier": "gold" } }""", "atributes"),
        ["reason misspelt"] = ("""{ "id": "x1", "type": "conversation.ended", "reasn": "resolved" }""", "reasn"),
        ["more than 20 attributes"] = ($$"""{ "id": "x1", "type": "conversation.started", "channel": "chat", "locale": "id-ID", "attributes": { {{string.Join(", ", Enumerable.Range(0, 21).Select(i => $"\"k{i}\": \"v\""))}} } }""", "attributes"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_event_is_400_naming_the_field_and_changes_nothing(string caseName)
    {
        var (body, field) = Cases[caseName];
        var id = await StartedConversationAsync();
        var before = await cluster.Acme.SnapshotAsync(id);

        using var response = await cluster.Acme.PostRawAsync(ApiClient.Events(id), body);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Json.Same(before, await cluster.Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task A_body_of_hundreds_of_misspelt_fields_gets_a_problem_of_bounded_size_that_says_it_lists_not_all()
    {
        var id = await StartedConversationAsync();
        var before = await cluster.Acme.SnapshotAsync(id);
        var misspelt = Enumerable.Range(0, 676).Select(i => $"\"occ{(char)('a' + i % 26)}{(char)('a' + i / 26)}rredAt\": 0");
        var body = $$"""{ "id": "x1", "type": "customer.message", "text": "hi", {{string.Join(", ", misspelt)}} }""";

        using var response = await cluster.Acme.PostRawAsync(ApiClient.Events(id), body);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().Count <= 20, problem.ToJsonString());
        Assert.Contains("More wrong fields than the 20 listed", problem.Text("detail"));
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 8_000);
        Json.Same(before, await cluster.Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Json_nested_too_deep_is_named_as_such_not_as_invalid_json()
    {
        var id = await StartedConversationAsync();
        var before = await cluster.Acme.SnapshotAsync(id);

        using var response = await cluster.Acme.PostRawAsync(
            ApiClient.Events(id), """{ "id": "x1", "type": "ai.message", "text": "hi", "meta": """ + new string('[', 100) + new string(']', 100) + " }");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "body");
        var message = problem["errors"]!["body"]![0]!.GetValue<string>();
        Assert.Contains("nested", message);
        Assert.Contains("64", message);
        Json.Same(before, await cluster.Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Several_bad_fields_are_all_named()
    {
        var id = await StartedConversationAsync();

        using var response = await cluster.Acme.PostRawAsync(
            ApiClient.Events(id), """{ "id": "", "type": "customer.message", "occurredAt": "soon" }""");

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "id", "text", "occurredAt");
    }

    [Theory]
    [InlineData("agentAssist.confidence", 0.82, false)]
    [InlineData("voice.silenceMs", 12_000, false)]
    [InlineData("CSAT", 1, true)]
    [InlineData("Sentiment", -0.9, true)]
    public async Task A_signal_name_with_capitals_is_recorded_as_sent_and_a_known_one_counts_in_any_case(string name, double value, bool counts)
    {
        var id = await StartedConversationAsync();

        var result = await cluster.Acme.SendAsync(id, Events.Signal("x1", name, value));

        var signal = Assert.Single(result["conversation"]!["trust"]!["signals"]!.AsArray(), s => s.Text("name") == name)!;
        Assert.Equal(counts, signal["delta"]!.GetValue<double>() < 0);
    }

    [Fact]
    public async Task Unknown_extra_fields_that_misspell_none_of_the_events_own_are_ignored()
    {
        var id = await StartedConversationAsync();

        using var response = await cluster.Acme.PostRawAsync(
            ApiClient.Events(id), """{ "id": "x1", "type": "ai.message", "text": "hi", "mood": "great", "nested": { "a": [1] }, "channel": "chat", "time": "now" }""");

        await Json.OkAsync(response);
    }

    [Fact]
    public async Task A_leap_second_is_a_timestamp_and_a_year_before_2000_in_any_zone_is_named_as_such()
    {
        var id = await StartedConversationAsync();

        using var leap = await cluster.Acme.PostRawAsync(
            ApiClient.Events(id), """{ "id": "x1", "type": "customer.message", "text": "hi", "occurredAt": "2016-12-31T23:59:60Z" }""");
        using var yearOne = await cluster.Acme.PostRawAsync(
            ApiClient.Events(id), """{ "id": "x2", "type": "customer.message", "text": "hi", "occurredAt": "0001-01-01T00:00:00+01:00" }""");

        await Json.OkAsync(leap);
        var problem = await Json.ProblemAsync(yearOne, HttpStatusCode.BadRequest, "occurredAt");
        Assert.Contains("2000", problem["errors"]!["occurredAt"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(".:-_")]
    public async Task An_event_id_of_dots_is_an_id_like_any_other_and_its_repeat_is_a_duplicate(string eventId)
    {
        var id = await StartedConversationAsync();

        var first = await cluster.Acme.SendAsync(id, Events.Customer(eventId, "where is my parcel?"));
        var again = await cluster.Acme.SendAsync(id, Events.Customer(eventId, "where is my parcel?"));

        Assert.Equal(eventId, first.Text("eventId"));
        Assert.False(first["duplicate"]!.GetValue<bool>());
        Assert.True(again["duplicate"]!.GetValue<bool>());
        Assert.Equal(first["conversation"]!["version"]!.GetValue<long>(), again["conversation"]!["version"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("bad!id")]
    [InlineData("has%20space")]
    [InlineData("iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii")]
    public async Task Bad_conversation_id_in_the_path_is_400_naming_conversationId(string conversationId)
    {
        using var post = await cluster.Acme.PostAsync(ApiClient.Events(conversationId), Events.Ai("x1", "hi"));
        using var get = await cluster.Acme.GetAsync($"/v1/conversations/{conversationId}");
        using var delete = await cluster.Acme.DeleteAsync($"/v1/conversations/{conversationId}");

        await Json.ProblemAsync(post, HttpStatusCode.BadRequest, "conversationId");
        await Json.ProblemAsync(get, HttpStatusCode.BadRequest, "conversationId");
        await Json.ProblemAsync(delete, HttpStatusCode.BadRequest, "conversationId");
    }

    [Fact]
    public async Task Body_over_256_KiB_is_413_and_changes_nothing()
    {
        var id = await StartedConversationAsync();
        var before = await cluster.Acme.SnapshotAsync(id);
        var huge = Events.Customer("x1", "halo").ToJsonString().Replace("\"halo\"", $"\"halo\", \"padding\": \"{new string('p', 300 * 1024)}\"");

        using var response = await cluster.Acme.PostRawAsync(ApiClient.Events(id), huge);

        await Json.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Json.Same(before, await cluster.Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Body_that_is_not_json_is_415_and_changes_nothing()
    {
        var id = await StartedConversationAsync();
        var before = await cluster.Acme.SnapshotAsync(id);

        using var plain = await cluster.Acme.PostRawAsync(ApiClient.Events(id), Events.Ai("x1", "hi").ToJsonString(), "text/plain");
        using var none = await cluster.Acme.Http.PostAsync(
            ApiClient.Events(id), new ByteArrayContent(Encoding.UTF8.GetBytes(Events.Ai("x2", "hi").ToJsonString())));

        await Json.ProblemAsync(plain, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        await Json.ProblemAsync(none, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        Json.Same(before, await cluster.Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task OccurredAt_with_nanoseconds_is_taken()
    {
        // The conversation's first event: nothing recorded before it that a later stamp would have to follow.
        var id = Ids.New("conv");

        using var response = await cluster.Acme.PostRawAsync(
            ApiClient.Events(id), """{ "id": "x1", "type": "customer.message", "text": "halo lagi", "occurredAt": "2026-11-24T10:00:00.123456789Z" }""");

        await Json.OkAsync(response);
        var snapshot = await cluster.Acme.SnapshotAsync(id);
        var turn = Assert.Single(snapshot!["transcript"]!.AsArray(), turn => turn.Text("text") == "halo lagi");
        // Facts keep microseconds: the nanoseconds are dropped, the rest is as sent.
        var at = DateTimeOffset.Parse(turn.Text("at"), CultureInfo.InvariantCulture);
        Assert.InRange(at, DateTimeOffset.Parse("2026-11-24T10:00:00.123456Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-11-24T10:00:00.1234567Z", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Body_with_a_UTF8_byte_order_mark_is_read_as_the_JSON_after_it()
    {
        var id = await StartedConversationAsync();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Events.Ai("x1", "hi").ToJsonString())).ToArray();

        using var response = await PostBytesAsync(id, bytes, "application/json");

        Assert.Equal("x1", (await Json.OkAsync(response)).Text("eventId"));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("iso-8859-1")]
    public async Task Body_declared_in_another_charset_than_UTF8_is_415_naming_it_and_changes_nothing(string charset)
    {
        var id = await StartedConversationAsync();
        var before = await cluster.Acme.SnapshotAsync(id);
        var bytes = Encoding.GetEncoding(charset).GetBytes(Events.Ai("x1", "hi").ToJsonString());

        using var response = await PostBytesAsync(id, bytes, $"application/json; charset={charset}");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        Assert.Contains(charset, problem.Text("detail"));
        Json.Same(before, await cluster.Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Body_declared_as_UTF8_in_any_spelling_is_read()
    {
        var id = await StartedConversationAsync();

        using var upper = await PostBytesAsync(id, Encoding.UTF8.GetBytes(Events.Ai("x1", "hi").ToJsonString()), "application/json; charset=UTF-8");
        using var bare = await PostBytesAsync(id, Encoding.UTF8.GetBytes(Events.Ai("x2", "hi").ToJsonString()), "application/json; charset=\"utf8\"");

        await Json.OkAsync(upper);
        await Json.OkAsync(bare);
    }

    [Fact]
    public async Task A_key_of_bytes_that_are_not_UTF8_is_400_naming_it_and_changes_nothing()
    {
        var id = await StartedConversationAsync();
        var before = await cluster.Acme.SnapshotAsync(id);
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"id\":\"x1\",\"type\":\"customer.message\",\"text\":\"halo\",\"zz"), 0xFF, .. Encoding.UTF8.GetBytes("\":1}")];

        using var response = await PostBytesAsync(id, body, "application/json");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid Unicode text", problem.ToJsonString());
        Json.Same(before, await cluster.Acme.SnapshotAsync(id));
        Assert.False((await cluster.Acme.SendAsync(id, Events.Customer("x1", "halo")))["duplicate"]!.GetValue<bool>());
    }

    /// <summary>Posts the bytes as they are, with the <c>Content-Type</c> exactly as written.</summary>
    private Task<HttpResponseMessage> PostBytesAsync(string conversationId, byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return cluster.Acme.Http.PostAsync(ApiClient.Events(conversationId), content);
    }

    private async Task<string> StartedConversationAsync()
    {
        var id = Ids.New("conv");
        var started = await cluster.Acme.SendAsync(id, Events.Started("s1", "whatsapp", "id-ID"));
        await cluster.Acme.SendAsync(id, Events.Customer("s2", "halo"));
        await cluster.Acme.SendAsync(id, Events.Delivered("s3", started.Directive("disclose").Text("disclosureId")));
        return id;
    }
}
