using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Queues;

/// <summary>Queues. Malay on SMS is this class's own pool in tenant acme; no other test uses it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QueueEndpointsTests(ClusterFixture cluster)
{
    private const string Pool = "ms/sms";

    private ApiClient Acme => cluster.Acme;

    [Fact]
    public async Task Queues_list_each_pool_by_name_with_its_waiting_count_and_available_agents()
    {
        var agentId = Ids.New("agent");
        await Acme.RegisterAgentAsync(agentId, "Aisyah", ["ms"], ["sms"], 1);
        var conversationId = Ids.New("conv");
        await Acme.SendAsync(conversationId, Events.Started("e1", "sms", "ms-MY"));

        var handoff = (await Acme.SendAsync(conversationId, Events.Customer("e2", "saya mau bicara dengan CS"))).Directive("handoff");
        try
        {
            Assert.Equal("queued", handoff.Text("status"));
            var queues = await Acme.QueuesAsync();

            var names = queues.Select(q => q.Text("name")).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            var pool = Assert.Single(queues, q => q.Text("name") == Pool);
            Json.HasFields(pool, "name", "waiting", "longestWaitSeconds", "availableAgents");
            Assert.True(pool!["waiting"]!.GetValue<int>() >= 1);
            Assert.True(pool["longestWaitSeconds"]!.GetValue<int>() >= 0);
            Assert.Equal(0, pool["availableAgents"]!.GetValue<int>());
        }
        finally
        {
            await Acme.SendAsync(conversationId, Events.Ended("e3"));
        }
    }
}
