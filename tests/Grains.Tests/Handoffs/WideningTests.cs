using CxCluster.Grains.Conversations;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Handoffs;

/// <summary>
/// Overflow steps: a tenant whose waiting conversations go to agents of their language on any channel after a second.
/// Each test uses languages of its own, as the tenant's pools are shared.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WideningTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string Tenant = ClusterFixture.WideningTenant;

    private IConversationGrain Conversation(string id) => fixture.Grains.Conversation(Tenant, id);

    private async Task<IAgentGrain> Online(string id, string language, Channel channel)
    {
        var agent = fixture.Grains.Agent(Tenant, id);
        await agent.Register(new AgentProfile { DisplayName = id, Languages = [language], Channels = [channel], Capacity = 1 });
        await agent.SetStatus(AgentStatus.Available);
        return agent;
    }

    private async Task<string[]> FactTypes(string conversationId) =>
        [.. (await ConversationFacts.Of(fixture.Journal, Tenant, conversationId)).Select(f => f.Type)];

    [Fact]
    public async Task A_conversation_nobody_on_its_channel_takes_goes_to_an_agent_of_its_language_on_another_channel()
    {
        var conversationId = $"c{Guid.NewGuid():N}";
        var chatAgent = await Online($"a{Guid.NewGuid():N}", "xa", Channel.Chat);
        // Someone serves WhatsApp, but in another language: the customer's language is never widened away.
        var otherLanguage = await Online($"a{Guid.NewGuid():N}", "xb", Channel.Whatsapp);

        await Conversation(conversationId).Apply(Started(Channel.Whatsapp, "xa-XX"));
        var asked = await Conversation(conversationId).Apply(Customer("I want to talk to a real person please"));

        Assert.Equal(HandoffStatus.Queued, asked.Result!.Directives.OfType<HandoffDirective>().Single().Status);
        var assigned = await Eventually.ReturnsAsync(() => Conversation(conversationId).GetSnapshot(), s => s!.Status == ConversationStatus.Human, Patience, "the conversation to reach the chat agent");
        Assert.Equal((await chatAgent.Get())!.AgentId, assigned!.Handoff.AgentId);
        Assert.Empty((await otherLanguage.Get())!.Conversations);
        var types = await Eventually.ReturnsAsync(() => FactTypes(conversationId), t => t.Contains("handoff.assigned"), Patience, "the assignment to be a fact");
        Assert.True(Array.IndexOf(types, "handoff.escalated") is > 0 and var escalated && escalated < Array.IndexOf(types, "handoff.assigned"), string.Join(", ", types));
        var facts = await ConversationFacts.Of(fixture.Journal, Tenant, conversationId);
        var data = ConversationFacts.Data(facts.Single(f => f.Type == "handoff.escalated"));
        Assert.Contains("\"queue\":\"xa/any\"", data);
        Assert.Contains("\"step\":1", data);
    }

    [Fact]
    public async Task A_conversation_whose_language_nobody_speaks_widens_but_waits_and_is_still_found_when_it_ends()
    {
        var conversationId = $"c{Guid.NewGuid():N}";
        await Online($"a{Guid.NewGuid():N}", "xd", Channel.Chat);

        await Conversation(conversationId).Apply(Started(Channel.Sms, "xc-XX"));
        await Conversation(conversationId).Apply(Customer("agent please"));

        await Eventually.HoldsAsync(async () => (await FactTypes(conversationId)).Contains("handoff.escalated"), Patience, "the wait to widen");
        var waiting = await Conversation(conversationId).GetSnapshot();
        Assert.Equal(ConversationStatus.Queued, waiting!.Status);
        Assert.Equal(1, waiting.Handoff.QueuePosition);
        await Eventually.HoldsAsync(async () => (await fixture.Grains.Pool(Tenant, "xc/any").GetStats()).Waiting == 1, Patience, "it to wait in the wider queue");
        await Conversation(conversationId).Apply(Ended());
        await Eventually.HoldsAsync(async () => (await fixture.Grains.Pool(Tenant, "xc/any").GetStats()).Waiting == 0, Patience, "the wider queue to let it go");
        Assert.Equal(0, (await fixture.Grains.Pool(Tenant, "xc/sms").GetStats()).Waiting);
    }

    [Fact]
    public async Task A_new_customer_is_told_a_place_behind_those_who_waited_long_enough_to_widen_as_the_same_agents_serve_them_first()
    {
        // Language "xe": nobody serves it, so every conversation waits; the first one widens to xe/any after a second.
        await WaitInTheWiderQueue("xe");

        // Alone in xe/chat, but an agent who serves chat in "xe" takes the one in xe/any first.
        var second = $"c{Guid.NewGuid():N}";
        await Conversation(second).Apply(Started(Channel.Chat, "xe-XX"));
        var told = (await Conversation(second).Apply(Customer("can I talk to a person"))).Result!.Directives.OfType<HandoffDirective>().Single();
        Assert.Equal(HandoffStatus.Queued, told.Status);
        Assert.Equal(2, told.QueuePosition);
        Assert.Contains("2", told.Text);
    }

    [Fact]
    public async Task A_customer_of_a_higher_priority_is_not_counted_behind_those_of_a_lower_one_in_the_wider_queue()
    {
        await WaitInTheWiderQueue("xf");

        var urgent = $"c{Guid.NewGuid():N}";
        await Conversation(urgent).Apply(Started(Channel.Chat, "xf-XX") with { Priority = 9 });
        var told = (await Conversation(urgent).Apply(Customer("agent please"))).Result!.Directives.OfType<HandoffDirective>().Single();
        Assert.Equal(1, told.QueuePosition);
    }

    /// <summary>A customer of <paramref name="language"/>, which nobody serves, asks for a person on SMS and waits until widened to the language's wider queue.</summary>
    private async Task WaitInTheWiderQueue(string language)
    {
        var first = $"c{Guid.NewGuid():N}";
        await Conversation(first).Apply(Started(Channel.Sms, $"{language}-XX"));
        await Conversation(first).Apply(Customer("agent please"));
        await Eventually.HoldsAsync(async () => (await fixture.Grains.Pool(Tenant, $"{language}/any").GetStats()).Waiting == 1, Patience, "the first to wait in the wider queue");
    }
}
