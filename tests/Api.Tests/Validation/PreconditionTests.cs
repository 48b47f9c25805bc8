using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Validation;

/// <summary>
/// The API gives no entity tags, so a write conditioned on one (<c>If-Match: "v3"</c>) can never hold: 412, and nothing
/// changes, erasure included. <c>If-Match: *</c> and a write without a condition go on as before. A create-only put
/// (<c>If-None-Match: *</c>) creates what does not exist and is 412, changing nothing, for what does.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PreconditionTests(ClusterFixture cluster)
{
    private ApiClient Acme => cluster.Acme;

    [Fact]
    public async Task An_erasure_conditioned_on_an_entity_tag_is_412_and_erases_nothing()
    {
        var id = Ids.New("cond");
        await Acme.SendAsync(id, Events.Started("e1", "chat", "en-US"));
        await Acme.SendAsync(id, Events.Customer("e2", "where is my parcel?"));
        var before = await Acme.SnapshotAsync(id);

        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/v1/conversations/{id}");
        request.Headers.TryAddWithoutValidation("If-Match", "\"nope\"");
        using var response = await Acme.Http.SendAsync(request);

        await Json.ProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Json.Same(before, await Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task A_profile_put_conditioned_on_an_entity_tag_is_412_and_changes_nothing_while_any_tag_goes_on()
    {
        var agentId = Ids.New("agent");
        var before = await Acme.RegisterAgentAsync(agentId, "Sari", ["nl"], ["chat"], 2);
        const string body = """{ "displayName": "Sari W.", "languages": ["nl"], "channels": ["chat"], "capacity": 3 }""";

        using var refused = await PutAgentAsync(agentId, body, "If-Match", "W/\"stale\"");
        await Json.ProblemAsync(refused, HttpStatusCode.PreconditionFailed);
        Json.Same(before, await Acme.AgentAsync(agentId));

        using var accepted = await PutAgentAsync(agentId, body, "If-Match", "*");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(3, (await Acme.AgentAsync(agentId))!["capacity"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_create_only_profile_put_creates_a_new_agent_and_is_412_for_an_existing_one()
    {
        var agentId = Ids.New("agent");
        using var created = await PutAgentAsync(agentId, """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "If-None-Match", "*");
        Assert.Equal("Sari", (await Json.OkAsync(created)).Text("displayName"));
        var before = await Acme.AgentAsync(agentId);

        const string other = """{ "displayName": "Someone else", "languages": ["en"], "channels": ["web"], "capacity": 9 }""";
        using var refused = await PutAgentAsync(agentId, other, "If-None-Match", "\"v1\", *");
        await Json.ProblemAsync(refused, HttpStatusCode.PreconditionFailed);
        Json.Same(before, await Acme.AgentAsync(agentId));

        // A tag the API never gives matches nothing, so the condition holds.
        using var accepted = await PutAgentAsync(agentId, other, "If-None-Match", "\"v1\"");
        Assert.Equal(9, (await Json.OkAsync(accepted))["capacity"]!.GetValue<int>());
    }

    private async Task<HttpResponseMessage> PutAgentAsync(string agentId, string body, string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/agents/{agentId}") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(header, value);
        return await Acme.Http.SendAsync(request);
    }
}
