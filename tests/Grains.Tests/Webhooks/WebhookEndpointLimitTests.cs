using CxCluster.Abstractions.Webhooks;
using CxCluster.TestSupport.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>A tenant may have at most <c>Webhooks:MaxEndpoints</c> endpoints; one more is refused and changes nothing.</summary>
public sealed class WebhookEndpointLimitTests : IAsyncLifetime
{
    private const string Url = "http://127.0.0.1:9/hook";
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopbackHttp"] = "true",
            ["Webhooks:Partitions"] = "1",
            ["Webhooks:MaxEndpoints"] = "2",
        }).Build();
        _cluster = await InProcessCluster.StartAsync(1, configuration);
    }

    public Task DisposeAsync() => ClusterStop.StopAsync(_cluster);

    [Fact]
    public async Task One_endpoint_more_than_the_limit_is_a_conflict_naming_the_id_while_updates_and_other_tenants_go_on()
    {
        var registry = _cluster.Client.Webhooks("limited");
        Assert.Null((await registry.Put("one", new WebhookSpec { Url = Url })).Refusal);
        Assert.Null((await registry.Put("two", new WebhookSpec { Url = Url })).Refusal);

        var refused = (await registry.Put("three", new WebhookSpec { Url = Url })).Refusal;

        Assert.NotNull(refused);
        Assert.Equal((RefusalKind.Conflict, "webhookId"), (refused.Kind, refused.Field));
        Assert.Contains("Webhooks:MaxEndpoints", refused.Detail);
        Assert.Null(await registry.Get("three"));
        Assert.Equal(["one", "two"], (await registry.List()).Select(w => w.WebhookId));
        // Updating one the tenant has is no new endpoint; another tenant has its own limit.
        Assert.Null((await registry.Put("two", new WebhookSpec { Url = Url, Types = ["conversation.started"] })).Refusal);
        Assert.Null((await _cluster.Client.Webhooks("other").Put("three", new WebhookSpec { Url = Url })).Refusal);
        // Once one is deleted there is room again.
        Assert.True(await registry.Delete("one"));
        Assert.Null((await registry.Put("three", new WebhookSpec { Url = Url })).Refusal);
    }
}
