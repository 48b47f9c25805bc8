using CxCluster.Abstractions.Push;
using CxCluster.Abstractions.Webhooks;
using CxCluster.Grains.Push;
using Microsoft.Extensions.Configuration;

using CxCluster.Grains.Tests.Support;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>
/// Two silos with webhooks on a fast schedule: retries after 0.1 s and 0.5 s, given up after 5 s, progress saved every
/// 100 ms, four partitions per endpoint, http to loopback allowed. Each test uses tenants of its own.
/// </summary>
public sealed class WebhookClusterFixture() : TwoSiloFixture(Configuration)
{
    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenants:acme:BrandName"] = "Acme",
            ["Routing:OfferTimeoutSeconds"] = "0",
            ["Routing:FirstReplySeconds"] = "0",
            ["Webhooks:AllowLoopbackHttp"] = "true",
            ["Webhooks:RetrySeconds:0"] = "0.1",
            ["Webhooks:RetrySeconds:1"] = "0.5",
            ["Webhooks:GiveUpSeconds"] = "5",
            ["Webhooks:TimeoutSeconds"] = "2",
            ["Webhooks:SaveMilliseconds"] = "100",
            ["Webhooks:ReminderSeconds"] = "5",
            ["Webhooks:Partitions"] = "4",
        })
        .Build();


    /// <summary>A tenant no other test uses.</summary>
    public static string NewTenant() => $"wh-{Guid.NewGuid():N}"[..16];

    /// <summary>Every fact of the tenant as the cluster tells it, passing <paramref name="types"/> when given.</summary>
    public async Task<IReadOnlyList<PushedFact>> FactsOf(string tenant, IReadOnlyList<string>? types = null)
    {
        var facts = await Journal.ReadTenantAsync(tenant, 0, 100_000);
        return [.. facts.Select(FactWire.Project).OfType<PushedFact>().Where(f => types is null || types.Contains(f.Type))];
    }

    /// <summary>Sends a short conversation: started, the customer, the AI, the customer again.</summary>
    public Task Converse(string tenant, string conversationId) => Converse(Grains, tenant, conversationId);

    /// <summary>Sends a short conversation through <paramref name="grains"/>: started, the customer, the AI, the customer again.</summary>
    public static async Task Converse(IGrainFactory grains, string tenant, string conversationId)
    {
        var conversation = grains.Conversation(tenant, conversationId);
        foreach (ConversationEvent e in new ConversationEvent[]
        {
            ConversationEvents.Started(), ConversationEvents.Customer("hello, my parcel is late"),
            ConversationEvents.Ai("Let me look into it."), ConversationEvents.Customer("thank you"),
        })
        {
            var outcome = await conversation.Apply(e);
            Assert.Null(outcome.Refusal);
        }
    }

    public async Task<WebhookDetails> Register(string tenant, string webhookId, string url, IReadOnlyList<string>? types = null, string? secret = null)
    {
        var outcome = await Grains.Webhooks(tenant).Put(webhookId, new WebhookSpec { Url = url, Types = types, Secret = secret });
        Assert.Null(outcome.Refusal);
        return outcome.Webhook!;
    }
}

[CollectionDefinition(Name)]
public sealed class WebhookClusterCollection : ICollectionFixture<WebhookClusterFixture>
{
    public const string Name = "webhook-cluster";
}
