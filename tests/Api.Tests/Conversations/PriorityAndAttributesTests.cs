using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Conversations;

/// <summary>
/// <c>conversation.started</c>'s priority and attributes over HTTP. Malay on email is this class's own pool in tenant
/// acme; no other test uses it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PriorityAndAttributesTests(ClusterFixture cluster)
{
    private ApiClient Acme => cluster.Acme;

    private static JsonObject Started(string id, int priority, JsonObject? attributes = null)
    {
        var started = Events.Started(id, "email", "ms-MY");
        started["priority"] = priority;
        if (attributes is not null)
        {
            started["attributes"] = attributes;
        }
        return started;
    }

    [Fact]
    public async Task A_later_conversation_of_higher_priority_waits_ahead_of_an_earlier_one()
    {
        var normal = Ids.New("conv");
        var urgent = Ids.New("conv");
        await Acme.SendAsync(normal, Started("e1", 5, new JsonObject { ["tier"] = "basic" }));
        await Acme.SendAsync(urgent, Started("e1", 9, new JsonObject { ["tier"] = "gold", ["orderId"] = "ord-1" }));
        try
        {
            var first = (await Acme.SendAsync(normal, Events.Customer("e2", "saya mau bicara dengan CS"))).Directive("handoff");
            var second = (await Acme.SendAsync(urgent, Events.Customer("e2", "saya mau bicara dengan CS"))).Directive("handoff");

            Assert.Equal(("queued", 1), (first.Text("status"), first["queuePosition"]!.GetValue<int>()));
            Assert.Equal(("queued", 1), (second.Text("status"), second["queuePosition"]!.GetValue<int>()));
            Assert.Equal(2, (await Acme.SnapshotAsync(normal))!["handoff"]!["queuePosition"]!.GetValue<int>());
        }
        finally
        {
            await Acme.SendAsync(normal, Events.Ended("e3"));
            await Acme.SendAsync(urgent, Events.Ended("e3"));
        }
    }

    [Fact]
    public async Task The_limits_themselves_are_accepted()
    {
        var attributes = new JsonObject();
        for (var i = 0; i < 20; i++)
        {
            attributes[$"{i:00}{new string('k', 62)}"] = new string('v', 1_024);
        }

        foreach (var (priority, pairs) in new (JsonNode Priority, JsonObject Attributes)[]
                 { (0, attributes), (9, new JsonObject()), (JsonNode.Parse("7.0")!, new JsonObject { ["empty"] = "" }) })
        {
            var started = Events.Started("e1", "chat", "id-ID");
            started["priority"] = priority;
            started["attributes"] = pairs;

            await Acme.SendAsync(Ids.New("conv"), started);
        }
    }

    [Fact]
    public async Task Other_events_ignore_priority_and_attributes_as_they_ignore_any_field_not_theirs()
    {
        var id = Ids.New("conv");
        await Acme.SendAsync(id, Events.Started("e1", "chat", "id-ID"));
        var message = Events.Customer("e2", "halo");
        message["priority"] = "urgent";
        message["attributes"] = 42;

        var result = await Acme.SendAsync(id, message);

        Assert.False(result["duplicate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task In_a_batch_a_start_with_a_bad_priority_fails_alone_naming_it()
    {
        var good = Ids.New("conv");
        var bad = Ids.New("conv");
        var badStart = Started("b1", 5);
        badStart["priority"] = 12;

        using var response = await Acme.PostAsync(ApiClient.Batch, Events.BatchOf(
        [
            Started("a1", 8, new JsonObject { ["tier"] = "gold" }).In(good),
            badStart.In(bad),
            new JsonObject { ["id"] = "b2", ["type"] = "conversation.started", ["channel"] = "chat", ["locale"] = "id-ID", ["attributes"] = new JsonObject { ["tier"] = 1 }, ["conversationId"] = bad },
        ]));

        var results = (await Json.OkAsync(response))["results"]!.AsArray();
        Assert.Equal(good, results[0].Text("conversationId"));
        Assert.NotNull(results[1]!["error"]!["errors"]!["priority"]);
        Assert.NotNull(results[2]!["error"]!["errors"]!["attributes.tier"]);
        Assert.Null(await Acme.SnapshotAsync(bad));
        await Acme.SendAsync(good, Events.Ended("a2"));
    }
}
