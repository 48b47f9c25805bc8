using CxCluster.Api.Tenants;
using CxCluster.Api.Tests.Infrastructure;
using CxCluster.Settings;
using Microsoft.Extensions.Configuration;

namespace CxCluster.Api.Tests.Supervision;

/// <summary>A supervisor key reads as its tenant and changes nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SupervisorKeyTests(ClusterFixture cluster)
{
    private ApiClient Acme => cluster.Acme;

    private ApiClient Supervisor => cluster.AcmeSupervisor;

    [Fact]
    public async Task A_supervisor_key_reads_the_board_queues_agents_conversations_and_the_stream_of_its_tenant()
    {
        var agentId = Ids.New("agent");
        await Acme.RegisterAgentAsync(agentId, "Dewi", ["id"], ["chat"], 2);
        var conversationId = Ids.New("conv");
        await Acme.SendAsync(conversationId, Events.Started("e1", "chat", "id-ID"));

        using (var board = await Supervisor.GetAsync("/v1/supervisor/board"))
        {
            await Json.OkAsync(board);
        }
        using (var queues = await Supervisor.GetAsync("/v1/queues"))
        {
            await Json.OkAsync(queues);
        }
        using (var agent = await Supervisor.GetAsync($"/v1/agents/{agentId}"))
        {
            Assert.Equal("Dewi", (await Json.OkAsync(agent)).Text("displayName"));
        }
        using (var conversation = await Supervisor.GetAsync($"/v1/conversations/{conversationId}"))
        {
            Assert.Equal("ai", (await Json.OkAsync(conversation)).Text("status"));
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/stream");
        using var stream = await Supervisor.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_supervisor_key_gets_403_on_every_change_and_on_reads_of_customer_detail_and_nothing_changes()
    {
        var agentId = Ids.New("agent");
        await Acme.RegisterAgentAsync(agentId, "Dewi", ["id"], ["chat"], 2);
        var conversationId = Ids.New("conv");
        await Acme.SendAsync(conversationId, Events.Started("e1", "chat", "id-ID"));
        var stranger = Ids.New("agent");

        var refused = new (HttpMethod Method, string Path, JsonNode? Body)[]
        {
            (HttpMethod.Put, $"/v1/agents/{stranger}", new JsonObject { ["displayName"] = "X", ["languages"] = new JsonArray("id"), ["channels"] = new JsonArray("chat"), ["capacity"] = 1 }),
            (HttpMethod.Post, $"/v1/agents/{agentId}/status", new JsonObject { ["status"] = "available" }),
            (HttpMethod.Post, $"/v1/agents/{agentId}/conversations/{conversationId}/complete", null),
            (HttpMethod.Post, ApiClient.Events(conversationId), Events.Customer("e2", "halo")),
            (HttpMethod.Post, ApiClient.Batch, Events.BatchOf([Events.Customer("e3", "halo").In(conversationId)])),
            (HttpMethod.Delete, $"/v1/conversations/{conversationId}", null),
            (HttpMethod.Put, "/v1/webhooks/w1", new JsonObject { ["url"] = "https://example.invalid/hook" }),
            (HttpMethod.Get, "/v1/webhooks", null),
            (HttpMethod.Get, $"/v1/agents/{agentId}/offers", null),
            (HttpMethod.Get, $"/v1/agents/{agentId}/conversations/{conversationId}/context", null),
        };
        foreach (var (method, path, body) in refused)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            }
            using var response = await Supervisor.Http.SendAsync(request);
            var problem = await Json.ProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains("supervisor key", problem.Text("detail"));
        }

        Assert.Null(await Acme.AgentAsync(stranger));
        var agent = await Acme.AgentAsync(agentId);
        Assert.Equal("offline", agent.Text("status"));
        var snapshot = await Acme.SnapshotAsync(conversationId);
        Assert.DoesNotContain(snapshot!["transcript"]!.AsArray(), t => t!.Text("from") == "customer");
    }

    [Fact]
    public async Task The_tenants_api_key_reads_the_board_too_and_another_tenants_key_sees_only_its_own()
    {
        using (var acme = await Acme.GetAsync("/v1/supervisor/board"))
        {
            await Json.OkAsync(acme);
        }
        var conversationId = Ids.New("conv");
        await Acme.SendAsync(conversationId, Events.Started("e1", "chat", "id-ID"));
        await Acme.SendAsync(conversationId, Events.Customer("e2", "saya mau bicara dengan CS"));
        using var globex = await cluster.Globex.GetAsync("/v1/supervisor/board");
        var board = await Json.OkAsync(globex);
        Assert.DoesNotContain(board["conversations"]!.AsArray(), c => c!.Text("conversationId") == conversationId);
        await Acme.SendAsync(conversationId, Events.Ended("e3"));
    }

    [Fact]
    public void Supervisor_keys_are_checked_at_start_like_api_keys_without_naming_them()
    {
        var empty = Assert.Throws<SettingsException>(() => Ring(new() { ["Tenants:acme:ApiKeys:0"] = "k1", ["Tenants:acme:SupervisorKeys:0"] = " " }));
        Assert.Contains("Tenants:acme:SupervisorKeys:0 must be a supervisor key, not empty", empty.Message);

        var shared = Assert.Throws<SettingsException>(() => Ring(new()
        {
            ["Tenants:acme:ApiKeys:0"] = "shared-secret",
            ["Tenants:globex:SupervisorKeys:0"] = "shared-secret",
        }));
        Assert.DoesNotContain("shared-secret", shared.Message);
        Assert.Contains("Tenants:globex:SupervisorKeys repeats an API key of Tenants:acme:ApiKeys", shared.Message);

        var ring = Ring(new() { ["Tenants:acme:ApiKeys:0"] = "k1", ["Tenants:acme:SupervisorKeys:0"] = "s1", ["Tenants:globex:SupervisorKeys:0"] = "s2" });
        Assert.Equal(new TenantKey("acme", TenantRole.Full), ring.Find("k1"));
        Assert.Equal(new TenantKey("acme", TenantRole.Supervisor), ring.Find("s1"));
        Assert.Equal(new TenantKey("globex", TenantRole.Supervisor), ring.Find("s2"));
        Assert.Null(ring.Find("s3"));
    }

    [Fact]
    public async Task An_unknown_key_is_401_not_403()
    {
        using var client = ApiClient.For(cluster.Address, "not-a-key");
        using var response = await client.GetAsync("/v1/supervisor/board");
        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.NotNull(response.Headers.WwwAuthenticate.FirstOrDefault());
    }

    private static TenantKeyRing Ring(Dictionary<string, string?> settings) =>
        new(CxClusterSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
}
