using System.Net.Http.Headers;
using System.Text;
using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Conversations;

/// <summary><c>Prefer: return=minimal</c> (RFC 7240) and the <c>version</c> every answer carries.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LeanAnswerTests(ClusterFixture cluster)
{
    private ApiClient Acme => cluster.Acme;

    [Fact]
    public async Task Return_minimal_answers_the_summary_with_exactly_the_contract_fields()
    {
        var id = Ids.New("lean");

        using var response = await PostAsync(ApiClient.Events(id), Events.Started("e1", "chat", "en-US"), "return=minimal");
        var result = await Json.OkAsync(response);

        Assert.Equal("return=minimal", Assert.Single(response.Headers.GetValues("Preference-Applied")));
        Assert.Contains("Prefer", response.Headers.Vary);
        Json.HasFields(result, "conversationId", "eventId", "duplicate", "directives", "conversation");
        Assert.Equal("disclose", Assert.Single(result.DirectiveTypes()));
        var summary = result["conversation"]!;
        Json.HasFields(summary, "id", "status", "channel", "locale", "version", "disclosure", "trust", "handoff");
        Assert.Equal(id, summary.Text("id"));
        Assert.Equal("ai", summary.Text("status"));
        Assert.Equal("chat", summary.Text("channel"));
        Assert.Equal("en-US", summary.Text("locale"));
        Assert.True(summary["version"]!.GetValue<long>() >= 1);
        Json.HasFields(summary["disclosure"], "delivered", "disclosureId");
        Assert.False(summary["disclosure"]!["delivered"]!.GetValue<bool>());
        Assert.Equal(result.Directive("disclose").Text("disclosureId"), summary["disclosure"].Text("disclosureId"));
        Json.HasFields(summary["trust"], "score", "band");
        Assert.Equal(100, summary["trust"]!["score"]!.GetValue<int>());
        Assert.Equal("healthy", summary["trust"].Text("band"));
        Json.HasFields(summary["handoff"], "status");
        Assert.Equal("none", summary["handoff"].Text("status"));
    }

    [Fact]
    public async Task A_lean_answer_after_a_request_for_a_person_names_the_handoff()
    {
        var id = Ids.New("lean");
        await Acme.SendAsync(id, Events.Started("e1", "email", "en-GB"));

        using var response = await PostAsync(ApiClient.Events(id), Events.Customer("e2", "I want to talk to a human agent please"), "return=minimal");
        var result = await Json.OkAsync(response);

        var handoff = result.Directive("handoff");
        var summary = result["conversation"]!["handoff"]!;
        Assert.Equal(handoff.Text("handoffId"), summary.Text("handoffId"));
        Assert.Equal(handoff.Text("status"), summary.Text("status"));
        Assert.Null(result["conversation"]!["transcript"]);
    }

    [Theory]
    [InlineData("return=minimal")]
    [InlineData("RETURN=Minimal")]
    [InlineData("return=\"minimal\"")]
    [InlineData("respond-async, return=minimal; charset=utf-8")]
    [InlineData("wait=10,return=minimal")]
    public async Task Return_minimal_is_read_the_way_RFC_7240_writes_it(string prefer)
    {
        var id = Ids.New("lean");

        using var response = await PostAsync(ApiClient.Events(id), Events.Started("e1", "chat", "id-ID"), prefer);
        var result = await Json.OkAsync(response);

        Assert.Null(result["conversation"]!["transcript"]);
        Assert.True(response.Headers.Contains("Preference-Applied"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("return=representation")]
    [InlineData("return=minimalist")]
    [InlineData("respond-async")]
    [InlineData("return=representation, return=minimal")]
    public async Task Without_return_minimal_the_answer_is_the_full_snapshot(string? prefer)
    {
        var id = Ids.New("full");

        using var response = await PostAsync(ApiClient.Events(id), Events.Started("e1", "chat", "id-ID"), prefer);
        var result = await Json.OkAsync(response);

        Json.HasFields(result["conversation"], "id", "status", "channel", "locale", "version", "disclosure", "trust", "handoff", "transcript");
        Assert.False(response.Headers.Contains("Preference-Applied"));
    }

    [Fact]
    public async Task A_batch_with_return_minimal_answers_every_event_with_a_summary()
    {
        var id = Ids.New("lean");
        var batch = Events.BatchOf([
            Events.Started("e1", "chat", "en-US").In(id),
            Events.Ai("e2", "Hello, how can I help?").In(id),
            Events.Customer("e3", "where is my parcel").In(id),
        ]);

        using var response = await PostAsync(ApiClient.Batch, batch, "return=minimal");
        var results = (await Json.OkAsync(response))["results"]!.AsArray();

        Assert.Equal("return=minimal", Assert.Single(response.Headers.GetValues("Preference-Applied")));
        Assert.Equal(3, results.Count);
        var versions = results.Select(r =>
        {
            Json.HasFields(r!["conversation"], "id", "status", "channel", "locale", "version", "disclosure", "trust", "handoff");
            return r!["conversation"]!["version"]!.GetValue<long>();
        }).ToArray();
        Assert.True(versions[0] < versions[1] && versions[1] < versions[2], string.Join(", ", versions));
    }

    [Fact]
    public async Task The_version_grows_with_every_change_and_stays_on_a_duplicate_or_a_read()
    {
        var id = Ids.New("ver");

        var started = await Acme.SendAsync(id, Events.Started("e1", "chat", "en-US"));
        var message = await Acme.SendAsync(id, Events.Customer("e2", "hello there"));
        var repeated = await Acme.SendAsync(id, Events.Customer("e2", "hello there"));
        var first = await Acme.SnapshotAsync(id);
        var second = await Acme.SnapshotAsync(id);

        var v1 = started["conversation"]!["version"]!.GetValue<long>();
        var v2 = message["conversation"]!["version"]!.GetValue<long>();
        Assert.True(v2 > v1, $"{v1} then {v2}");
        Assert.True(repeated["duplicate"]!.GetValue<bool>());
        Assert.Equal(v2, repeated["conversation"]!["version"]!.GetValue<long>());
        Assert.Equal(v2, first!["version"]!.GetValue<long>());
        Assert.Equal(v2, second!["version"]!.GetValue<long>());
    }

    private Task<HttpResponseMessage> PostAsync(string path, JsonNode body, string? prefer)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }
        return Acme.Http.SendAsync(request);
    }
}
