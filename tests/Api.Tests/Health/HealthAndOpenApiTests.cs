using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Health;

[Collection(ClusterCollection.Name)]
public sealed class HealthAndOpenApiTests(ClusterFixture cluster)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_while_the_cluster_runs(string path)
    {
        using var response = await cluster.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_names_every_v1_path_with_its_shapes()
    {
        using var response = await cluster.Anonymous.GetAsync("/openapi/v1.json");

        var document = await Json.OkAsync(response);
        Assert.Equal("CxCluster API", document["info"].Text("title"));
        Assert.Equal("v1", document["info"].Text("version"));
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[]
        {
            "/v1/conversations/{conversationId}/events",
            "/v1/events:batch",
            "/v1/conversations/{conversationId}",
            "/v1/agents/{agentId}",
            "/v1/agents/{agentId}/status",
            "/v1/agents/{agentId}/conversations/{conversationId}/complete",
            "/v1/agents/{agentId}/conversations/{conversationId}/context",
            "/v1/queues",
        })
        {
            Assert.True(paths.ContainsKey(path), $"the document does not name {path}");
        }
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var schema in new[] { "Event", "EventResult", "Directive", "Snapshot", "Agent", "AgentProfile", "QueueList" })
        {
            Assert.True(schemas.ContainsKey(schema), $"the document has no {schema} schema");
        }
        var post = paths["/v1/conversations/{conversationId}/events"]!["post"]!;
        Assert.NotNull(post["requestBody"]!["content"]!["application/json"]);
        Assert.NotNull(post["responses"]!["200"]);
        Assert.NotNull(post["responses"]!["400"]);
        Assert.NotNull(post["security"]);
        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);
    }

    [Fact]
    public async Task OpenApi_document_names_what_the_stream_and_the_board_read_from_the_query_and_headers()
    {
        using var response = await cluster.Anonymous.GetAsync("/openapi/v1.json");

        var document = await Json.OkAsync(response);
        var paths = document["paths"]!;
        Assert.Equal(
            ["query types", "query conversationId", "query agentId", "header Last-Event-ID"],
            Parameters(paths["/v1/stream"]!["get"]!));
        Assert.Equal(["query after"], Parameters(paths["/v1/supervisor/board"]!["get"]!));
        Assert.NotNull(paths["/v1/webhooks/{webhookId}"]!["put"]!["responses"]!["409"]);
    }

    [Fact]
    public async Task OpenApi_document_names_a_403_where_a_supervisor_key_is_refused_and_only_there()
    {
        using var response = await cluster.Anonymous.GetAsync("/openapi/v1.json");

        var paths = (await Json.OkAsync(response))["paths"]!;
        Assert.NotNull(paths["/v1/agents/{agentId}"]!["put"]!["responses"]!["403"]);
        Assert.NotNull(paths["/v1/webhooks"]!["get"]!["responses"]!["403"]);
        Assert.NotNull(paths["/v1/conversations/{conversationId}/events"]!["post"]!["responses"]!["403"]);
        Assert.Null(paths["/v1/supervisor/board"]!["get"]!["responses"]!["403"]);
        Assert.Null(paths["/v1/queues"]!["get"]!["responses"]!["403"]);
        Assert.Null(paths["/v1/evidence"]!["get"]!["responses"]!["403"]);
    }

    private static List<string> Parameters(System.Text.Json.Nodes.JsonNode operation) =>
        [.. (operation["parameters"]?.AsArray() ?? []).Select(p => $"{p!.Text("in")} {p.Text("name")}")];

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        using var response = await cluster.Acme.GetAsync("/v1/no-such-thing");

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("text/plain")]
    public async Task Unknown_route_and_method_are_problems_whatever_the_Accept_header_asks_for(string accept)
    {
        using var unknown = new HttpRequestMessage(HttpMethod.Get, "/v1/no-such-thing");
        unknown.Headers.Accept.ParseAdd(accept);
        using var wrongMethod = new HttpRequestMessage(HttpMethod.Put, "/v1/queues");
        wrongMethod.Headers.Accept.ParseAdd(accept);

        using var notFound = await cluster.Acme.Http.SendAsync(unknown);
        using var notAllowed = await cluster.Acme.Http.SendAsync(wrongMethod);

        await Json.ProblemAsync(notFound, HttpStatusCode.NotFound);
        await Json.ProblemAsync(notAllowed, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", notAllowed.Content.Headers.Allow);
    }

    /// <summary>Every resource that answers GET, each read as a tenant (or without a key where none is needed).</summary>
    public static TheoryData<string, bool> GetResources => new()
    {
        { "/health/live", false },
        { "/health/ready", false },
        { "/openapi/v1.json", false },
        { "/supervisor", false },
        { "/supervisor/supervisor.js", false },
        { "/v1/conversations/{started}", true },
        { "/v1/conversations/{never}", true },
        { "/v1/agents/{agent}", true },
        { "/v1/agents/{agent}/offers", true },
        { "/v1/agents/{agent}/conversations/{started}/context", true },
        { "/v1/queues", true },
        { "/v1/webhooks", true },
        { "/v1/webhooks/no-such-hook", true },
        { "/v1/webhooks/no-such-hook/failures", true },
        { "/v1/supervisor/board", true },
        { "/v1/evidence?from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z", true },
        { "/v1/conversations/bad!id", true },
    };

    [Theory]
    [MemberData(nameof(GetResources))]
    public async Task HEAD_answers_wherever_GET_does_with_its_status_and_headers_and_no_body(string path, bool keyed)
    {
        var client = keyed ? cluster.Acme : cluster.Anonymous;
        var conversationId = Ids.New("head");
        var agentId = Ids.New("head-agent");
        await cluster.Acme.SendAsync(conversationId, Events.Started("e1", "chat", "id-ID"));
        await cluster.Acme.RegisterAgentAsync(agentId, "Ayu", ["id"], ["chat"], 1);
        path = path.Replace("{started}", conversationId).Replace("{never}", Ids.New("never")).Replace("{agent}", agentId);

        using var request = new HttpRequestMessage(HttpMethod.Head, path);

        using var get = await client.GetAsync(path);
        using var head = await client.Http.SendAsync(request);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/v1/queues", "PUT")]
    [InlineData("/v1/conversations/c1", "PATCH")]
    [InlineData("/v1/agents/a1/offers", "POST")]
    public async Task A_method_a_read_does_not_take_is_405_with_HEAD_allowed_beside_GET(string path, string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await cluster.Acme.Http.SendAsync(request);

        await Json.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("HEAD", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task OpenApi_document_names_each_read_once_as_GET()
    {
        using var response = await cluster.Anonymous.GetAsync("/openapi/v1.json");

        var document = await Json.OkAsync(response);
        var paths = document["paths"]!.AsObject();
        Assert.NotNull(paths["/v1/queues"]!["get"]);
        Assert.All(paths, path => Assert.Null(path.Value!["head"]));
    }
}
