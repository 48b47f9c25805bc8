using static CxCluster.Grains.Tests.Support.ConversationCalls;
using System.Text.Json;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Conversations;

/// <summary>The context packet a conversation gives the agent it is with, on a two-silo cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationContextTests(ClusterFixture fixture)
{
    // A tenant of its own, so its pools hold only this test's agents; unknown tenants get the default policy.
    private readonly string _tenant = $"t{Guid.NewGuid():N}";
    // A minute ago: the events' times are in the silo's past, so each is scored when it occurred.
    /// <summary>A minute ago, to the microsecond: the conversation records its times as its journal keeps them.</summary>
    private readonly DateTimeOffset _now = JournalTime.Cut(DateTimeOffset.UtcNow.AddMinutes(-1));

    private IConversationGrain Conversation(string id, string? tenant = null) => fixture.Grains.Conversation(tenant ?? _tenant, id);

    private async Task Online(string agentId)
    {
        var agent = fixture.Grains.Agent(_tenant, agentId);
        await agent.Register(new AgentProfile { DisplayName = $"Agent {agentId}", Languages = ["en"], Channels = [Channel.Chat], Capacity = 2 });
        Assert.Null((await agent.SetStatus(AgentStatus.Available)).Refusal);
    }

    /// <summary>A conversation that told, was answered, and asked for a person: agent <c>a1</c> takes it at once.</summary>
    private async Task<IConversationGrain> HandedToA1(string id)
    {
        await Online("a1");
        var conversation = Conversation(id);
        var started = await Send(conversation, Started(Channel.Chat, "en-US", _now) with { CustomerId = "cust-42" });
        await Send(conversation, Delivered(started.Directives[0].AsDisclose().DisclosureId!, _now.AddSeconds(1)));
        await Send(conversation, Customer("my parcel is late, call +62 812-3456-7890", _now.AddSeconds(2)));
        await Send(conversation, Ai("Let me look into that.", _now.AddSeconds(3)));
        var handoff = await Send(conversation, Customer("agent please", _now.AddSeconds(4)));
        Assert.Equal(("a1", HandoffStatus.Assigned), (handoff.Conversation!.Handoff.AgentId, handoff.Conversation.Handoff.Status));
        return conversation;
    }

    [Fact]
    public async Task The_assigned_agent_reads_the_context_and_no_other_agent_or_tenant_does()
    {
        var conversation = await HandedToA1("c1");

        var context = await conversation.GetContext("a1");

        Assert.NotNull(context);
        Assert.Equal(("c1", "hnd-1", "customer-request", 5), (context.ConversationId, context.HandoffId, context.Reason, context.Priority));
        Assert.Equal((Channel.Chat, "en-US", "cust-42"), (context.Channel, context.Locale, context.CustomerId));
        // Asked for at the message's time, a minute ago; assigned at the silo's now.
        Assert.InRange(context.WaitedSeconds, 55, 180);
        Assert.True(context.Disclosure.Delivered);
        Assert.Equal((_now.AddSeconds(1), Channel.Chat), (context.Disclosure.DeliveredAt, context.Disclosure.Channel));
        Assert.Equal((2, 1, 0), (context.Summary.CustomerMessages, context.Summary.AiMessages, context.Summary.IdentityQuestions));
        Assert.Equal(("agent please", _now.AddSeconds(2)), (context.Summary.LastCustomerMessage, context.Summary.FirstContactAt));
        Assert.Equal((await conversation.GetSnapshot())!.Transcript, context.Transcript);
        Assert.DoesNotContain(context.Transcript, t => t.Text.Contains("812"));
        Assert.Null(await conversation.GetContext("a2"));
        Assert.Null(await Conversation("c1", $"t{Guid.NewGuid():N}").GetContext("a1"));
    }

    [Fact]
    public async Task A_conversation_never_started_or_never_handed_off_has_no_context_for_anyone()
    {
        var going = Conversation("c2");
        await Send(going, Started(Channel.Chat, "en-US", _now));
        await Send(going, Customer("where is my parcel?", _now.AddSeconds(1)));

        Assert.Null(await going.GetContext("a1"));
        Assert.Null(await Conversation("never").GetContext("a1"));
        Assert.Null(await Conversation("never").GetSnapshot());
    }

    [Fact]
    public async Task The_trust_trajectory_follows_the_signals_down_to_the_handoff()
    {
        await Online("a1");
        var conversation = Conversation("c3");
        await Send(conversation, Started(Channel.Chat, "en-US", _now));
        await Send(conversation, Signal("nlu.no_match", 1, _now.AddSeconds(10)));
        await Send(conversation, Signal("sentiment", -0.8, _now.AddSeconds(20)));
        await Send(conversation, Signal("nlu.no_match", 1, _now.AddSeconds(30)));

        var trust = (await conversation.GetContext("a1"))!.Trust;

        Assert.Equal([100, 78, 42, 20], trust.Trajectory.Select(p => p.Score));
        Assert.Equal(_now.AddSeconds(30), trust.Trajectory[^1].At);
        Assert.Equal((20, TrustBand.Breached), (trust.Score, trust.Band));
        Assert.Equal(["sentiment", "nlu.no_match", "nlu.no_match"], trust.Signals.Select(s => s.Name));
    }

    [Fact]
    public async Task The_context_rebuilt_from_the_journal_is_the_same()
    {
        var conversation = await HandedToA1("c4");
        var live = await conversation.GetContext("a1");

        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);

        Assert.Equal(JsonSerializer.Serialize(live), JsonSerializer.Serialize(await conversation.GetContext("a1")));
    }

    [Fact]
    public async Task An_erased_conversation_gives_no_context_and_keeps_no_words()
    {
        var conversation = await HandedToA1("c5");

        Assert.True(await conversation.Erase());

        Assert.Null(await conversation.GetContext("a1"));
        Assert.Empty((await conversation.GetSnapshot())!.Transcript);
        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        Assert.Null(await conversation.GetContext("a1"));
    }
}
