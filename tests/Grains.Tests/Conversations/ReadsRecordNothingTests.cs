using static CxCluster.Grains.Tests.Support.ConversationCalls;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Conversations;

/// <summary>
/// A read of a conversation (its snapshot, its context) never records a fact, even when its pool knows of an offer the
/// conversation has not heard of: the conversation records that on its own round, after the read was answered.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadsRecordNothingTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _tenant = $"t{Guid.NewGuid():N}";
    private readonly DateTimeOffset _now = JournalTime.Cut(DateTimeOffset.UtcNow.AddMinutes(-1));

    /// <summary>A conversation waiting for a person, with no agent in its tenant.</summary>
    private async Task<(IConversationGrain Conversation, ConversationSnapshot Waiting)> Waiting(string id)
    {
        var conversation = fixture.Grains.Conversation(_tenant, id);
        var started = await Send(conversation, Started(Channel.Chat, "en-US", _now));
        await Send(conversation, Delivered(started.Directives[0].AsDisclose().DisclosureId!, _now.AddSeconds(1)));
        var asked = await Send(conversation, Customer("agent please", _now.AddSeconds(2)));
        Assert.Equal(ConversationStatus.Queued, asked.Conversation!.Status);
        return (conversation, asked.Conversation);
    }

    /// <summary>An agent's offer the pool holds and whose notice never reached the conversation (the agent's silo died after the pool stored it).</summary>
    private async Task OfferNobodyTold(string conversationId, string handoffId, string agentId)
    {
        var offer = new AgentOffer { OfferId = "ofr-7", ConversationId = conversationId, HandoffId = handoffId, ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(10) };
        var agent = new AgentView { AgentId = agentId, DisplayName = agentId, Status = AgentStatus.Away, Capacity = 1, Load = 1, IdleSince = DateTimeOffset.UtcNow, Version = 1 };
        Assert.True(await fixture.Grains.Pool(_tenant, GrainKeys.PoolName("en", Channel.Chat)).Claim(conversationId, handoffId, agent, offer));
    }

    [Fact]
    public async Task A_snapshot_read_shows_what_is_recorded_and_the_offer_the_pool_holds_is_recorded_after_it()
    {
        var (conversation, waiting) = await Waiting("c1");
        await OfferNobodyTold("c1", waiting.Handoff.HandoffId!, "a9");

        var read = await conversation.GetSnapshot();
        var again = await conversation.GetSnapshot();

        // Neither read recorded the offer: what each shows is what the events recorded.
        Assert.Equal(waiting.Version, read!.Version);
        Assert.Equal(ConversationStatus.Queued, read.Status);
        Assert.True(again!.Version <= waiting.Version + 1);
        // The conversation's own round asks its pool and records the offer once: handoff.offered.
        var recorded = await Eventually.ReturnsAsync(conversation.GetSnapshot, s => s!.Version > waiting.Version, Patience, "the offer to be recorded");
        Assert.Equal(waiting.Version + 1, recorded!.Version);
        Assert.Equal((ConversationStatus.Queued, waiting.Handoff.HandoffId), (recorded.Status, recorded.Handoff.HandoffId));
        Assert.Equal(recorded.Version, (await conversation.GetSnapshot())!.Version);
    }

    [Fact]
    public async Task The_agent_offered_by_the_pool_reads_the_context_before_the_conversation_heard_and_the_offer_is_recorded_once()
    {
        var (conversation, waiting) = await Waiting("c2");
        await OfferNobodyTold("c2", waiting.Handoff.HandoffId!, "a9");

        var context = await conversation.GetContext("a9");

        Assert.NotNull(context);
        Assert.Equal(("c2", waiting.Handoff.HandoffId, "customer-request"), (context.ConversationId, context.HandoffId, context.Reason));
        Assert.Equal("agent please", context.Summary.LastCustomerMessage);
        Assert.Null(await conversation.GetContext("a8"));
        // Only the offer is recorded afterwards, once, by the conversation itself.
        var recorded = await Eventually.ReturnsAsync(conversation.GetSnapshot, s => s!.Version > waiting.Version, Patience, "the offer to be recorded");
        Assert.Equal(waiting.Version + 1, recorded!.Version);
        Assert.NotNull(await conversation.GetContext("a9"));
    }
}
