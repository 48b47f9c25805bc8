using System.Text;
using CxCluster.Abstractions.Webhooks;
using CxCluster.Grains.Journal;
using CxCluster.TestSupport.Hosting;
using CxCluster.TestSupport.Webhooks;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>
/// One dispatcher that may hold four facts, two per conversation: a conversation its receiver keeps refusing, with many
/// more facts than that, holds back none of the others, and every one of its facts still arrives in order once taken;
/// neither do many conversations refused at once, more than the queue holds. A fact with personal data (the agent's
/// context of <c>handoff.offered</c>) refused until after its conversation was erased is delivered without that data, as
/// the journal now holds it.
/// </summary>
public sealed class WebhookStuckConversationTests : IAsyncLifetime
{
    private const string Tenant = "stuck-line";
    private readonly MemoryFactJournal _journal = new();
    private InProcessTestCluster _cluster = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopbackHttp"] = "true",
            ["Webhooks:Partitions"] = "1",
            ["Webhooks:Concurrency"] = "2",
            ["Webhooks:QueueLimit"] = "4",
            ["Webhooks:LineLimit"] = "2",
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
    public async Task A_refused_conversation_with_more_facts_than_the_queue_holds_back_no_other_and_arrives_whole_once_taken()
    {
        var grains = _cluster.Client;
        var refusing = true;
        _receiver.Answer = d => refusing && d.ConversationId == "stuck" ? new ReceiverAnswer(503) : ReceiverAnswer.Ok;
        Assert.Null((await grains.Webhooks(Tenant).Put("hook", new WebhookSpec { Url = _receiver.Url() })).Refusal);
        var stuck = grains.Conversation(Tenant, "stuck");
        await stuck.Apply(ConversationEvents.Started());
        foreach (var i in Enumerable.Range(0, 8))
        {
            await stuck.Apply(ConversationEvents.Customer($"is order {i} on its way?"));
        }
        foreach (var i in Enumerable.Range(0, 6))
        {
            var conversation = grains.Conversation(Tenant, $"other-{i}");
            await conversation.Apply(ConversationEvents.Started());
            await conversation.Apply(ConversationEvents.Customer("where is my parcel?"));
        }
        var facts = (await _journal.ReadTenantAsync(Tenant, 0, 10_000)).Select(CxCluster.Grains.Push.FactWire.Project)
            .OfType<Abstractions.Push.PushedFact>().ToList();
        var others = facts.Where(f => f.ConversationId != "stuck").Select(f => f.Id).ToHashSet();
        Assert.True(facts.Count(f => f.ConversationId == "stuck") > 4, "more facts of the refused conversation than the queue holds");

        await Eventually.HoldsAsync(() => Task.FromResult(others.IsSubsetOf(_receiver.Accepted.Select(d => d.Id!))),
            TimeSpan.FromSeconds(30), $"the {others.Count} facts of the other conversations accepted while one is refused");
        Assert.DoesNotContain(_receiver.Accepted, d => d.ConversationId == "stuck");
        var progress = await grains.WebhookDispatcher(Tenant, "hook", 0).Progress();
        Assert.True(progress.Pending <= 4, $"{progress.Pending} facts held");
        Assert.Equal(1, progress.ParkedLines);

        refusing = false;
        var all = facts.Select(f => f.Id).ToHashSet();
        await Eventually.HoldsAsync(() => Task.FromResult(all.IsSubsetOf(_receiver.Accepted.Select(d => d.Id!))),
            TimeSpan.FromSeconds(30), $"all {facts.Count} facts accepted");
        foreach (var conversation in _receiver.Accepted.GroupBy(d => d.ConversationId))
        {
            var first = conversation.GroupBy(d => d.Id).Select(g => g.First()).ToList();
            Assert.Equal(Enumerable.Range(1, first.Count).Select(i => (long)i), first.Select(d => d.Seq));
        }
        Assert.Empty((await grains.Webhooks(Tenant).Failures("hook"))!);
        await Eventually.HoldsAsync(async () => (await grains.WebhookDispatcher(Tenant, "hook", 0).Progress()).ParkedLines == 0,
            TimeSpan.FromSeconds(30), "no line parked once everything went out");
    }

    [Fact]
    public async Task Many_refused_conversations_more_than_the_queue_holds_hold_back_no_other_and_arrive_once_taken()
    {
        var grains = _cluster.Client;
        var refusing = true;
        _receiver.Answer = d => refusing && d.ConversationId!.StartsWith("refused-", StringComparison.Ordinal) ? new ReceiverAnswer(503) : ReceiverAnswer.Ok;
        Assert.Null((await grains.Webhooks(Tenant).Put("many", new WebhookSpec { Url = _receiver.Url() })).Refusal);
        // Ten refused conversations, where the queue holds four facts, then six others.
        foreach (var i in Enumerable.Range(0, 10))
        {
            await grains.Conversation(Tenant, $"refused-{i}").Apply(ConversationEvents.Started());
        }
        foreach (var i in Enumerable.Range(0, 6))
        {
            var conversation = grains.Conversation(Tenant, $"welcome-{i}");
            await conversation.Apply(ConversationEvents.Started());
            await conversation.Apply(ConversationEvents.Customer("where is my parcel?"));
        }
        var facts = (await _journal.ReadTenantAsync(Tenant, 0, 10_000)).Select(CxCluster.Grains.Push.FactWire.Project)
            .OfType<Abstractions.Push.PushedFact>().ToList();
        var others = facts.Where(f => f.ConversationId!.StartsWith("welcome-", StringComparison.Ordinal)).Select(f => f.Id).ToHashSet();

        await Eventually.HoldsAsync(() => Task.FromResult(others.IsSubsetOf(_receiver.Accepted.Select(d => d.Id!))),
            TimeSpan.FromSeconds(30), $"the {others.Count} facts of the welcome conversations accepted while ten are refused");
        Assert.DoesNotContain(_receiver.Accepted, d => d.ConversationId!.StartsWith("refused-", StringComparison.Ordinal));
        // Each refused conversation holds its head alone; the facts behind it wait in the journal. The welcome facts may
        // arrive before the last refused heads were first tried (two go out at once): each is refused in its turn.
        var progress = await Eventually.ReturnsAsync(() => grains.WebhookDispatcher(Tenant, "many", 0).Progress(),
            p => p.ParkedLines == 10, TimeSpan.FromSeconds(30), "each of the ten refused conversations to park its line");
        Assert.Equal(10, progress.Retrying);
        Assert.Equal(0, progress.Failures);

        refusing = false;
        var all = facts.Where(f => !f.ConversationId!.StartsWith("stuck", StringComparison.Ordinal)).Select(f => f.Id).ToHashSet();
        await Eventually.HoldsAsync(() => Task.FromResult(all.IsSubsetOf(_receiver.Accepted.Select(d => d.Id!))),
            TimeSpan.FromSeconds(30), $"all {all.Count} facts accepted");
        Assert.Equal(0, (await grains.WebhookDispatcher(Tenant, "many", 0).Progress()).Retrying);
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
