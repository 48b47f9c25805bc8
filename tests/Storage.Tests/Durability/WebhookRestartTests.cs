using CxCluster.Abstractions.Webhooks;
using CxCluster.TestSupport.Hosting;
using CxCluster.TestSupport.Webhooks;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>Webhook endpoints, progress and failures on PostgreSQL outlive every silo: a new cluster on the same database goes on.</summary>
public sealed class WebhookRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string?> WebhookSettings = new()
    {
        ["Webhooks:AllowLoopbackHttp"] = "true",
        ["Webhooks:RetrySeconds:0"] = "0.1",
        ["Webhooks:GiveUpSeconds"] = "1",
        ["Webhooks:SaveMilliseconds"] = "50",
        ["Webhooks:ReminderSeconds"] = "2",
    };

    private const string ServiceId = "webhook-restart";

    private PostgresDatabase _database = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Endpoints_and_failures_outlive_the_cluster_and_a_replay_after_a_restart_delivers()
    {
        var refusing = true;
        _receiver.Answer = d => refusing && d.ConversationId == "refused" ? new ReceiverAnswer(500) : ReceiverAnswer.Ok;
        string secret;
        var first = await DurableCluster.StartAsync(_database.ConnectionString, silos: 1, WebhookSettings, ServiceId);
        try
        {
            var registry = first.Client.Webhooks(DurableCluster.Tenant);
            var created = await registry.Put("lasting", new WebhookSpec { Url = _receiver.Url(), Types = ["conversation.started"] });
            secret = created.Webhook!.Secret!;
            await first.Client.Conversation(DurableCluster.Tenant, "refused").Apply(ConversationEvents.Started());
            await first.Client.Conversation(DurableCluster.Tenant, "welcome").Apply(ConversationEvents.Started());
            await Eventually.ReturnsAsync(() => registry.Failures("lasting"), f => f?.Count == 1, Patience, "the refused fact given up");
            await Eventually.HoldsAsync(() => Task.FromResult(_receiver.Accepted.Any(d => d.Id == "c:welcome:1")), Patience, "the welcome fact accepted");
        }
        finally
        {
            await ClusterStop.StopAsync(first);
        }

        refusing = false;
        var second = await DurableCluster.StartAsync(_database.ConnectionString, silos: 1, WebhookSettings, ServiceId);
        try
        {
            var registry = second.Client.Webhooks(DurableCluster.Tenant);
            var endpoint = await registry.Get("lasting");
            Assert.Equal((WebhookStatus.Active, _receiver.Url(), null), (endpoint!.Status, endpoint.Url, endpoint.Secret));
            var failure = Assert.Single((await registry.Failures("lasting"))!);
            Assert.Equal(("c:refused:1", "500"), (failure.FactId, failure.LastError));

            Assert.True(await registry.Replay("lasting", from: null));
            await second.Client.Conversation(DurableCluster.Tenant, "afterwards").Apply(ConversationEvents.Started());

            await Eventually.HoldsAsync(() => Task.FromResult(new[] { "c:refused:1", "c:afterwards:1" }.All(id => _receiver.Accepted.Any(d => d.Id == id))),
                Patience, "the replayed fact and a new one accepted after the restart");
            Assert.Empty((await registry.Failures("lasting"))!);
            var key = CxCluster.Grains.Webhooks.WebhookSignature.KeyOf(secret)!;
            Assert.All(_receiver.Accepted, d => Assert.True(
                d.IsSignedWith(key)));
            Assert.Single(_receiver.Accepted, d => d.Id == "c:welcome:1"); // not sent again: its progress was saved
        }
        finally
        {
            await ClusterStop.StopAsync(second);
        }
    }
}
