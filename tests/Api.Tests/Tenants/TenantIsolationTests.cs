using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Tenants;

/// <summary>Tenant A's ids and tenant B's ids never meet: the key alone decides the tenant.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantIsolationTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Another_tenant_cannot_read_or_erase_a_conversation()
    {
        var id = Ids.New("conv");
        await cluster.Acme.SendAsync(id, Events.Started("e1", "chat", "id-ID"));
        await cluster.Acme.SendAsync(id, Events.Customer("e2", "halo"));
        var acmeBefore = await cluster.Acme.SnapshotAsync(id);

        using var get = await cluster.Globex.GetAsync($"/v1/conversations/{id}");
        using var delete = await cluster.Globex.DeleteAsync($"/v1/conversations/{id}");

        await Json.ProblemAsync(get, HttpStatusCode.NotFound);
        await Json.ProblemAsync(delete, HttpStatusCode.NotFound);
        Json.Same(acmeBefore, await cluster.Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Same_conversation_id_in_two_tenants_is_two_conversations()
    {
        var id = Ids.New("conv");
        await cluster.Acme.SendAsync(id, Events.Started("e1", "whatsapp", "id-ID"));
        await cluster.Acme.SendAsync(id, Events.Customer("e2", "halo"));
        var acmeBefore = await cluster.Acme.SnapshotAsync(id);

        var globex = await cluster.Globex.SendAsync(id, Events.Customer("e2", "hello"));

        Assert.False(globex["duplicate"]!.GetValue<bool>());
        Assert.Equal("disclose", globex.DirectiveTypes()[0]);
        Assert.Equal("en-US", globex["conversation"].Text("locale"));
        Assert.Equal("chat", globex["conversation"].Text("channel"));
        Assert.Single(globex["conversation"]!["transcript"]!.AsArray());
        Json.Same(acmeBefore, await cluster.Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task Another_tenant_cannot_see_or_change_an_agent()
    {
        var agentId = Ids.New("agent");
        var acmeAgent = await cluster.Acme.RegisterAgentAsync(agentId, "Sari", ["nl"], ["chat"], 2);

        using var get = await cluster.Globex.GetAsync($"/v1/agents/{agentId}");
        using var status = await cluster.Globex.PostAsync($"/v1/agents/{agentId}/status", new JsonObject { ["status"] = "available" });

        await Json.ProblemAsync(get, HttpStatusCode.NotFound);
        await Json.ProblemAsync(status, HttpStatusCode.NotFound);
        Json.Same(acmeAgent, await cluster.Acme.AgentAsync(agentId));
    }

    [Fact]
    public async Task Another_tenant_does_not_see_a_tenants_queues()
    {
        // Thai on email is used by this test only, and only by tenant acme.
        await cluster.Acme.RegisterAgentAsync(Ids.New("agent"), "Somchai", ["th"], ["email"], 1);

        var acmeQueues = await cluster.Acme.QueuesAsync();
        var globexQueues = await cluster.Globex.QueuesAsync();

        Assert.Contains(acmeQueues, q => q.Text("name") == "th/email");
        Assert.DoesNotContain(globexQueues, q => q.Text("name") == "th/email");
    }
}
