using System.Text;
using CxCluster.Abstractions.Webhooks;
using CxCluster.Grains.Journal;
using CxCluster.TestSupport.Hosting;
using CxCluster.TestSupport.Webhooks;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>
/// A fact with personal data (the agent's context of <c>handoff.offered</c>: the customer's id and words) that its
/// receiver kept refusing until after the conversation was erased is delivered without that data, as the journal now
/// holds it.
/// </summary>
public sealed class WebhookErasureTests : IAsyncLifetime
{
    private const string Tenant = "erased-retry";
    private readonly MemoryFactJournal _journal = new();
    private InProcessTestCluster _cluster = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopbackHttp"] = "true",
            ["Webhooks:Partitions"] = "1",
            ["Webhooks:RetrySeconds:0"] = "0.2",
            ["Webhooks:GiveUpSeconds"] = "600",
        }).Build();
        _cluster = await InProcessCluster.StartAsync(1, configuration, journal: _journal);
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await ClusterStop.StopAsync(_cluster);
    }

    [Fact]
    public async Task A_fact_retried_after_its_conversation_was_erased_arrives_without_the_personal_data()
    {
        var grains = _cluster.Client;
        var refusing = true;
        _receiver.Answer = _ => refusing ? new ReceiverAnswer(503) : ReceiverAnswer.Ok;
        Assert.Null((await grains.Webhooks(Tenant).Put("hook", new WebhookSpec { Url = _receiver.Url(), Types = ["handoff.offered"] })).Refusal);
        var agent = grains.Agent(Tenant, "ana");
        await agent.Register(new AgentProfile { DisplayName = "Ana", Languages = ["en"], Channels = [Channel.Chat], Capacity = 1 });
        await agent.SetStatus(AgentStatus.Available);
        var conversation = grains.Conversation(Tenant, "c1");
        await conversation.Apply(ConversationEvents.Started() with { CustomerId = "cust-42" });
        await conversation.Apply(ConversationEvents.Customer("my card 4111 was charged twice, I want to talk to a person"));

        // Refused while it still carries the context, with the customer's id in it.
        await Eventually.HoldsAsync(() => Task.FromResult(_receiver.All.Any(d => d.Type == "handoff.offered")),
            TimeSpan.FromSeconds(30), "the offer's fact to be attempted");
        var attempted = _receiver.All.First(d => d.Type == "handoff.offered");
        Assert.Contains("cust-42", Encoding.UTF8.GetString(attempted.Body));

        Assert.True(await conversation.Erase());
        refusing = false;

        await Eventually.HoldsAsync(() => Task.FromResult(_receiver.Accepted.Any(d => d.Id == attempted.Id)),
            TimeSpan.FromSeconds(30), "the offer's fact to be accepted");
        var delivered = _receiver.Accepted.First(d => d.Id == attempted.Id);
        var body = Encoding.UTF8.GetString(delivered.Body);
        Assert.DoesNotContain("cust-42", body);
        Assert.False(delivered.Fact.GetProperty("data").TryGetProperty("context", out _), body);
        Assert.Equal("ana", delivered.Fact.GetProperty("data").GetProperty("agentId").GetString());
    }
}
