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
}
