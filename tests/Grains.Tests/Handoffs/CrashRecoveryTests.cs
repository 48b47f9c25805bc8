using CxCluster.Grains.Tests.Support;
using CxCluster.Settings;
using static CxCluster.TestSupport.ConversationEvents;
using static CxCluster.Grains.Tests.Handoffs.CrashCluster;

namespace CxCluster.Grains.Tests.Handoffs;

/// <summary>
/// A call fails at each step of a handoff, as if its silo died there. Without any retry, reconciliation brings the
/// conversation, the agent and the queue back into agreement within seconds; a platform's retry of the failed call
/// answers as the first attempt would have, never a conflict. Each step is cut off both with offers off (assigned at
/// once) and with offers on (the default: offered, then accepted, declined or let expire), and with offers the
/// conversation's facts still read requested, queued, each offer and its end, then the assignment.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const string AskForPerson = "saya mau bicara dengan CS dong";

    private static async Task Online(CrashCluster cluster, string agentId, int capacity = 1, bool available = true)
    {
        var agent = cluster.Agent(agentId);
        await agent.Register(new AgentProfile { DisplayName = $"Agent {agentId}", Languages = ["id"], Channels = [Channel.Chat], Capacity = capacity });
        if (available)
        {
            Assert.Null((await agent.SetStatus(AgentStatus.Available)).Refusal);
        }
    }

    private static async Task<Directive> HandOff(CrashCluster cluster, string conversationId)
    {
        var conversation = cluster.Conversation(conversationId);
        await conversation.Apply(Started(Channel.Chat, "id-ID"));
        return (await conversation.Apply(Customer(AskForPerson))).Result!.Directives.Single(d => d.Type == DirectiveType.Handoff);
    }

    /// <summary>The call fails at the armed step (and not for any other reason).</summary>
    private static async Task CrashesAt(string step, Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(call);
        Assert.Contains($"Injected crash at {step}.", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<ConversationSnapshot> Snapshot(CrashCluster cluster, string conversationId) =>
        (await Retry(() => cluster.Conversation(conversationId).GetSnapshot()))!;

    [Theory]
    [InlineData(CrashPoint.AgentCompleteStored)]
    [InlineData(CrashPoint.AgentCompleteTold)]
    public async Task A_complete_cut_off_hands_the_conversation_back_to_the_ai_and_its_retry_succeeds(string step)
    {
        await using var cluster = await CrashCluster.StartAsync(step);
        await Online(cluster, "a1");
        Assert.Equal(HandoffStatus.Assigned, (await HandOff(cluster, "c1")).AsHandoff().Status);

        await CrashesAt(step, () => cluster.Agent("a1").Complete("c1"));

        await cluster.Converges(["a1"], ["c1"]);
        await Eventually.ReturnsAsync(async () => (await Snapshot(cluster, "c1")).Status, s => s == ConversationStatus.Ai, TimeSpan.FromSeconds(30),
            "the AI to be in charge again");
        var retry = await Retry(() => cluster.Agent("a1").Complete("c1"));
        Assert.Null(retry.Refusal);
        Assert.Empty(retry.Agent!.Conversations);
        var more = Ai("Ada lagi yang bisa saya bantu?");
        var next = await Retry(() => cluster.Conversation("c1").Apply(more));
        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], next.Result!.Types());
    }

    [Theory]
    [InlineData(CrashPoint.ConversationHandoffStored)]
    [InlineData(CrashPoint.ConversationHandoffPlaced)]
    [InlineData(CrashPoint.PoolOfferAccepted)]
    [InlineData(CrashPoint.AgentTakeStored)]
    public async Task A_request_for_a_person_cut_off_is_assigned_anyway_and_its_retry_answers_the_handoff(string step)
    {
        await using var cluster = await CrashCluster.StartAsync(step);
        await Online(cluster, "a1");
        var conversation = cluster.Conversation("c1");
        await conversation.Apply(Started(Channel.Chat, "id-ID"));
        var ask = Customer(AskForPerson);

        await CrashesAt(step, () => conversation.Apply(ask).AsTask());

        await Eventually.ReturnsAsync(async () => (await Snapshot(cluster, "c1")).Status, s => s == ConversationStatus.Human, TimeSpan.FromSeconds(30),
            "the conversation to be with the agent without any retry");
        await cluster.Converges(["a1"], ["c1"]);
        var retry = (await Retry(() => conversation.Apply(ask))).Result!;
        Assert.True(retry.Duplicate);
        var handoff = retry.Directives.Single(d => d.Type == DirectiveType.Handoff);
        Assert.Equal((HandoffStatus.Assigned, "a1"), (handoff.AsHandoff().Status, handoff.AsHandoff().AgentId));
        var reply = Ai("Saya bisa bantu");
        Assert.Equal([DirectiveType.SuppressAi], (await Retry(() => conversation.Apply(reply))).Result!.Types());
    }

    [Theory]
    [InlineData(CrashPoint.AgentStatusStored)]
    [InlineData(CrashPoint.AgentClaimStored)]
    [InlineData(CrashPoint.AgentClaimConfirmed)]
    public async Task An_agent_coming_on_duty_cut_off_still_takes_the_waiting_conversation(string step)
    {
        await using var cluster = await CrashCluster.StartAsync(step);
        await Online(cluster, "a1", available: false);
        Assert.Equal(HandoffStatus.Queued, (await HandOff(cluster, "c1")).AsHandoff().Status);

        await CrashesAt(step, () => cluster.Agent("a1").SetStatus(AgentStatus.Available));

        await Eventually.ReturnsAsync(async () => (await Snapshot(cluster, "c1")).Handoff.AgentId, a => a == "a1", TimeSpan.FromSeconds(30),
            "the waiting conversation to reach the agent without any retry");
        await cluster.Converges(["a1"], ["c1"]);
        var retry = await Retry(() => cluster.Agent("a1").SetStatus(AgentStatus.Available));
        Assert.Equal(["c1"], retry.Agent!.Conversations);
    }

    [Fact]
    public async Task An_event_cut_off_after_its_facts_were_appended_is_rebuilt_from_them_and_its_retry_answers_as_the_first_time()
    {
        await using var cluster = await CrashCluster.StartAsync(CrashPoint.ConversationFactsAppended);
        var start = Started(Channel.Chat, "id-ID");

        await CrashesAt(CrashPoint.ConversationFactsAppended, () => cluster.Conversation("c1").Apply(start).AsTask());

        var retry = (await Retry(() => cluster.Conversation("c1").Apply(start))).Result!;
        Assert.True(retry.Duplicate);
        Assert.Equal([DirectiveType.Disclose], retry.Types());
        Assert.Equal("dsc-1", retry.Directives[0].AsDisclose().DisclosureId);
        // Retried as a platform does, with the same id: the other silo's armed step may cut this one off too.
        var hello = Ai("Halo!");
        var next = (await Retry(() => cluster.Conversation("c1").Apply(hello))).Result!;
        Assert.Equal([DirectiveType.Disclose, DirectiveType.AllowAi], next.Types());
        Assert.Equal("dsc-1", next.Directives[0].AsDisclose().DisclosureId);
        Assert.Equal(4, next.Summary.Version);
    }

    [Fact]
    public async Task An_end_cut_off_after_it_was_stored_frees_the_agent_for_the_next_customer()
    {
        await using var cluster = await CrashCluster.StartAsync(CrashPoint.ConversationReleaseStored);
        await Online(cluster, "a1");
        await HandOff(cluster, "c1");
        var end = Ended();

        await CrashesAt(CrashPoint.ConversationReleaseStored, () => cluster.Conversation("c1").Apply(end).AsTask());

        await Eventually.ReturnsAsync(async () => (await Retry(() => cluster.Agent("a1").Get()))!.Conversations.Count, n => n == 0, TimeSpan.FromSeconds(30),
            "the agent to be freed without any retry");
        Assert.True((await Retry(() => cluster.Conversation("c1").Apply(end))).Result!.Duplicate);
        Assert.Equal(HandoffStatus.Assigned, (await Retry(() => HandOff(cluster, "c2"))).AsHandoff().Status);
        await cluster.Converges(["a1"], ["c1", "c2"]);
    }

    [Fact]
    public async Task An_erasure_cut_off_after_it_was_stored_withdraws_the_waiting_conversation()
    {
        await using var cluster = await CrashCluster.StartAsync(CrashPoint.ConversationReleaseStored);
        await HandOff(cluster, "c1");

        await CrashesAt(CrashPoint.ConversationReleaseStored, () => cluster.Conversation("c1").Erase());

        await Eventually.ReturnsAsync(async () => (await Retry(() => cluster.Pool().GetStats())).Waiting, n => n == 0, TimeSpan.FromSeconds(30),
            "the erased conversation to leave the queue without any retry");
        Assert.True(await Retry(() => cluster.Conversation("c1").Erase()));
        Assert.Equal(ConversationStatus.Ended, (await Snapshot(cluster, "c1")).Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_erasure_cut_off_before_the_journal_was_cleared_finishes_by_itself(bool waiting)
    {
        await using var cluster = await CrashCluster.StartAsync(CrashPoint.ConversationErasureStored);
        var conversation = cluster.Conversation("c1");
        await conversation.Apply(Started(Channel.Chat, "id-ID"));
        await conversation.Apply(Customer("nama saya Budi, pesanan saya belum sampai"));
        if (waiting)
        {
            await conversation.Apply(Customer(AskForPerson));
        }
        var stream = CxCluster.Grains.Conversations.ConversationJournal.Stream(Tenant, "c1");
        Assert.Contains(await cluster.Journal.ReadStreamAsync(stream, 0, 100), f => f.Personal is not null);

        // The erasure is recorded, then its call fails before the journal's personal parts are removed.
        await CrashesAt(CrashPoint.ConversationErasureStored, () => conversation.Erase());

        await Eventually.ReturnsAsync(async () => (await cluster.Journal.ReadStreamAsync(stream, 0, 100)).Count(f => f.Personal is not null),
            n => n == 0, TimeSpan.FromSeconds(30), "the erasure to remove the journal's personal data without any retry");
        var snapshot = await Snapshot(cluster, "c1");
        Assert.Equal(ConversationStatus.Ended, snapshot.Status);
        Assert.Empty(snapshot.Transcript);
        await Eventually.ReturnsAsync(async () => (await Retry(() => cluster.Pool().GetStats())).Waiting, n => n == 0, TimeSpan.FromSeconds(30),
            "the erased conversation to leave the queue");
    }

    [Fact]
    public async Task A_take_back_cut_off_after_it_was_stored_waits_at_the_head_frees_the_agent_and_goes_to_them_once_back()
    {
        // A first reply is due (a minute away), so an agent who goes offline before it loses the conversation.
        using var repairs = new Repairs();
        await using var cluster = await CrashCluster.StartAsync(CrashPoint.ConversationReclaimStored, firstReplySeconds: 60);
        await Online(cluster, "a1");
        Assert.Equal(HandoffStatus.Assigned, (await HandOff(cluster, "c1")).AsHandoff().Status);
        Assert.Equal(HandoffStatus.Queued, (await HandOff(cluster, "c2")).AsHandoff().Status);

        // The take-back is stored, then its call fails before the agent or the pool hear of it.
        Assert.Null((await cluster.Agent("a1").SetStatus(AgentStatus.Offline)).Refusal);

        var waiting = await Eventually.ReturnsAsync(() => Snapshot(cluster, "c1"), s => s.Status == ConversationStatus.Queued && s.Handoff.QueuePosition == 1,
            TimeSpan.FromSeconds(30), "c1 to wait again at the head");
        Assert.Equal("hnd-1", waiting!.Handoff.HandoffId);
        await Eventually.ReturnsAsync(async () => (await cluster.Agent("a1").Get())!.Conversations.Count, n => n == 0, TimeSpan.FromSeconds(30),
            "a1 to be freed although nobody told it");
        // Freed by its own reconciliation, which the conversation answered that the assignment it lost is no longer its.
        Assert.Contains("agent-released", repairs.Kinds);
        Assert.Equal(2, (await Snapshot(cluster, "c2")).Handoff.QueuePosition);

        // Back on duty, the agent is given the conversation at the head of the queue again.
        Assert.Null((await cluster.Agent("a1").SetStatus(AgentStatus.Available)).Refusal);
        var again = await Eventually.ReturnsAsync(() => Snapshot(cluster, "c1"), s => s.Status == ConversationStatus.Human, TimeSpan.FromSeconds(30),
            "c1 to be with a1 again");
        Assert.Equal(("a1", "hnd-1"), (again!.Handoff.AgentId, again.Handoff.HandoffId));
        await cluster.Converges(["a1"], ["c1", "c2"]);
    }

    [Fact]
    public async Task A_conversation_with_an_agent_who_no_longer_holds_it_is_handed_off_again()
    {
        await using var cluster = await CrashCluster.StartAsync(step: null);
        await Online(cluster, "a1");
        await HandOff(cluster, "c1");

        // The agent lets go of the handoff behind the conversation's back, as a lost completion record would.
        await cluster.Agent("a1").Release("c1", "hnd-1");

        var snapshot = await Eventually.ReturnsAsync(() => Snapshot(cluster, "c1"), s => s.Handoff.HandoffId == "hnd-2" && s.Status == ConversationStatus.Human,
            TimeSpan.FromSeconds(30), "the conversation to be handed off again");
        Assert.Equal("a1", snapshot.Handoff.AgentId);
        await cluster.Converges(["a1"], ["c1"]);
    }

    [Fact]
    public async Task An_agent_holding_a_conversation_that_moved_on_is_freed()
    {
        await using var cluster = await CrashCluster.StartAsync(step: null);
        await Online(cluster, "a1");
        await cluster.Conversation("c1").Apply(Started(Channel.Chat, "id-ID"));

        // An offer for a handoff the conversation never opened, as a stale pool would make it.
        var answer = await cluster.Agent("a1").Offer(new AssignmentOffer { ConversationId = "c1", HandoffId = "hnd-7", PoolName = "id/chat" });
        Assert.True(answer.Accepted);

        await Eventually.ReturnsAsync(async () => (await cluster.Agent("a1").Get())!.Conversations.Count, n => n == 0, TimeSpan.FromSeconds(30),
            "the agent to free the slot");
        Assert.Equal(HandoffStatus.Assigned, (await HandOff(cluster, "c2")).AsHandoff().Status);
    }

    [Fact]
    public async Task A_queue_entry_whose_conversation_is_not_waiting_is_withdrawn_and_counted_as_a_repair()
    {
        using var repairs = new Repairs();
        await using var cluster = await CrashCluster.StartAsync(step: null);
        await cluster.Conversation("c1").Apply(Started(Channel.Chat, "id-ID"));

        // A request the conversation never made, as one left behind by a lost withdrawal would look.
        await cluster.Pool().Request(new HandoffRequest { ConversationId = "c1", HandoffId = "hnd-3", Reason = "customer-request", RequestedAt = Now });
        Assert.Equal(1, (await cluster.Pool().GetStats()).Waiting);

        await Eventually.ReturnsAsync(async () => (await cluster.Pool().GetStats()).Waiting, n => n == 0, TimeSpan.FromSeconds(30),
            "the stray entry to be withdrawn");
        Assert.Equal(ConversationStatus.Ai, (await Snapshot(cluster, "c1")).Status);
        Assert.Contains("queue-entry-removed", repairs.Kinds);
    }

    [Fact]
    public async Task An_offer_its_pool_shows_that_its_agent_never_had_is_settled_once_overdue_and_the_conversation_is_offered_again()
    {
        using var repairs = new Repairs();
        await using var cluster = await CrashCluster.StartAsync(step: null, offerSeconds: 60);
        await Online(cluster, "a1", available: false);
        await HandOff(cluster, "c1");

        // The pool holds an offer of the waiting conversation that its agent has no record of, past its deadline (as a
        // pool whose word from the agent was lost would): nobody else may be offered it while the pool shows it.
        var view = (await cluster.Agent("a1").GetView())!;
        var stale = new AgentOffer { OfferId = "ofr-999", ConversationId = "c1", HandoffId = "hnd-1", ExpiresAt = Now.AddSeconds(-5) };
        Assert.True(await cluster.Pool().Claim("c1", "hnd-1", view, stale));
        Assert.Null((await cluster.Agent("a1").SetStatus(AgentStatus.Available)).Refusal);

        var offer = await OfferOf(cluster, "a1", "c1");
        Assert.NotEqual("ofr-999", offer.OfferId);
        Assert.Contains("pool-offer-settled", repairs.Kinds);
        await Accepts(cluster, "a1", offer);
        await cluster.Converges(["a1"], ["c1"]);
    }

    [Fact]
    public async Task An_agent_still_holding_an_offer_its_pool_lost_track_of_lets_it_go_as_soon_as_another_agent_takes_the_conversation()
    {
        using var repairs = new Repairs();
        await using var cluster = await CrashCluster.StartAsync(step: null, offerSeconds: 60);
        await Online(cluster, "a1");
        await Online(cluster, "a2", available: false);
        await HandOff(cluster, "c1");
        var lost = await OfferOf(cluster, "a1", "c1");
        await Eventually.ReturnsAsync(() => HandoffFacts(cluster, "c1"), facts => facts.Contains("handoff.offered"), OfferPatience, "c1 to record its offer to a1");

        // The pool loses track of a1's offer (as one whose answer from the agent was cut off does) and, once a2 comes
        // on duty, offers the conversation to a2, who takes it; a1 still has its offer open, due in a minute.
        var a1 = (await cluster.Agent("a1").GetView())!;
        Assert.True(await cluster.Pool().SettleOffer(new OfferSettlement
        {
            ConversationId = "c1", HandoffId = lost.HandoffId, OfferId = lost.OfferId, Outcome = OfferOutcome.Expired, Agent = a1,
        }));
        Assert.Contains(await cluster.Agent("a1").GetOffers() ?? [], o => o.OfferId == lost.OfferId);
        Assert.Null((await cluster.Agent("a2").SetStatus(AgentStatus.Available)).Refusal);
        await Accepts(cluster, "a2", await OfferOf(cluster, "a2", "c1"));

        // a1 lets its offer go at once, not at its deadline, and its slot is free again.
        await Eventually.ReturnsAsync(async () => await cluster.Agent("a1").GetOffers() ?? [], offers => offers.Count == 0,
            TimeSpan.FromSeconds(20), "a1 to let its offer of c1 go");
        Assert.Contains("other-offer-withdrawn", repairs.Kinds);
        Assert.Equal(0, (await cluster.Agent("a1").GetView())!.Load);
        await cluster.Converges(["a1", "a2"], ["c1"]);
    }

    [Fact]
    public async Task An_offer_made_after_its_pool_gave_the_conversation_to_another_agent_is_let_go_by_the_agents_own_round()
    {
        using var repairs = new Repairs();
        await using var cluster = await CrashCluster.StartAsync(step: null, offerSeconds: 60);
        await Online(cluster, "a2");
        await HandOff(cluster, "c1");
        var a2Offer = await OfferOf(cluster, "a2", "c1");

        // The pool's call offering it to a1 came through only after the pool, its answer cut off, had offered it to a2
        // (the pool never recorded a1's offer, and a1 has it open, due in a minute).
        await Online(cluster, "a1");
        var late = await cluster.Agent("a1").Offer(new AssignmentOffer { ConversationId = "c1", HandoffId = a2Offer.HandoffId, PoolName = "id/chat" });
        Assert.True(late.Accepted);
        Assert.NotNull(late.Offer);

        // a1's own round asks the pool, sees the conversation offered to a2, and lets its offer go long before its deadline.
        await Eventually.ReturnsAsync(async () => await cluster.Agent("a1").GetOffers() ?? [], offers => offers.Count == 0,
            TimeSpan.FromSeconds(20), "a1 to let its late offer of c1 go");
        Assert.Contains("offer-withdrawn", repairs.Kinds);
        await Accepts(cluster, "a2", a2Offer);
        await cluster.Converges(["a1", "a2"], ["c1"]);
    }

    /// <summary>How long the offer tests wait for the cluster to settle: rounds run every second, but the whole suite shares two cores.</summary>
    private static readonly TimeSpan OfferPatience = TimeSpan.FromSeconds(60);

    /// <summary>An agent's open offer of the conversation, once it has one (its reconciliation may be what makes it).</summary>
    private static async Task<AgentOffer> OfferOf(CrashCluster cluster, string agentId, string conversationId) =>
        (await Eventually.ReturnsAsync(async () => (await Retry(() => cluster.Agent(agentId).GetOffers()))?.FirstOrDefault(o => o.ConversationId == conversationId),
            o => o is not null, OfferPatience, $"{agentId} to be offered {conversationId}"))!;

    /// <summary>The types of the conversation's handoff facts, in order.</summary>
    private static async Task<string[]> HandoffFacts(CrashCluster cluster, string conversationId) =>
        ConversationFacts.HandoffTypes(await ConversationFacts.Of(cluster.Journal, CrashCluster.Tenant, conversationId));

    /// <summary>The agent accepts its offer (retried as a platform retries), and the conversation is then with it without any retry.</summary>
    private static async Task Accepts(CrashCluster cluster, string agentId, AgentOffer offer)
    {
        Assert.Null((await Retry(() => cluster.Agent(agentId).AcceptOffer(offer.OfferId))).Refusal);
        await WithAgent(cluster, offer.ConversationId, agentId);
    }

    /// <summary>The handoff facts of a conversation offered once and taken by the agent who accepted.</summary>
    private static readonly string[] OfferedAndAssigned = ["handoff.requested", "handoff.queued", "handoff.offered", "handoff.assigned"];

    private static Task<ConversationSnapshot> WithAgent(CrashCluster cluster, string conversationId, string agentId) =>
        Eventually.ReturnsAsync(() => Snapshot(cluster, conversationId), s => s.Status == ConversationStatus.Human && s.Handoff.AgentId == agentId,
            OfferPatience, $"{conversationId} to be with {agentId} without any retry")!;

    [Theory]
    [InlineData(CrashPoint.ConversationHandoffStored)]
    [InlineData(CrashPoint.ConversationHandoffPlaced)]
    [InlineData(CrashPoint.AgentTakeStored)]
    [InlineData(CrashPoint.PoolOfferAccepted)]
    public async Task With_offers_a_request_for_a_person_cut_off_while_its_offer_is_made_is_offered_anyway_and_taken_once_accepted(string step)
    {
        await using var cluster = await CrashCluster.StartAsync(step, offerSeconds: 60);
        await Online(cluster, "a1");
        var conversation = cluster.Conversation("c1");
        await conversation.Apply(Started(Channel.Chat, "id-ID"));
        var ask = Customer(AskForPerson);

        // The agent stored the offer (or the pool heard it was made) and the call failed before anyone else heard.
        await CrashesAt(step, () => conversation.Apply(ask).AsTask());

        var offer = await OfferOf(cluster, "a1", "c1");
        var retry = (await Retry(() => conversation.Apply(ask))).Result!;
        Assert.True(retry.Duplicate);
        Assert.Equal(HandoffStatus.Queued, retry.Directives.Single(d => d.Type == DirectiveType.Handoff).AsHandoff().Status);

        await Accepts(cluster, "a1", offer);
        await cluster.Converges(["a1"], ["c1"]);
        Assert.Equal(OfferedAndAssigned, await HandoffFacts(cluster, "c1"));
    }

    [Fact]
    public async Task With_offers_a_request_whose_answer_was_lost_and_whose_offer_was_accepted_unheard_still_tells_the_queueing_and_the_offer_before_the_assignment()
    {
        // Every word of the offer and of its acceptance to the conversation is lost (as with silos that died carrying them):
        // only asking the queue again tells the conversation an agent took it.
        await using var cluster = await CrashCluster.StartAsync(CrashPoint.ConversationHandoffPlaced, offerSeconds: 60,
            silo: silo => silo.AddIncomingGrainCallFilter<LostHandoffWords>());
        await Online(cluster, "a1");
        var conversation = cluster.Conversation("c1");
        await conversation.Apply(Started(Channel.Chat, "id-ID"));

        await CrashesAt(CrashPoint.ConversationHandoffPlaced, () => conversation.Apply(Customer(AskForPerson)).AsTask());
        var offer = await OfferOf(cluster, "a1", "c1");
        Assert.Null((await Retry(() => cluster.Agent("a1").AcceptOffer(offer.OfferId))).Refusal);

        await WithAgent(cluster, "c1", "a1");
        Assert.Equal(OfferedAndAssigned, await HandoffFacts(cluster, "c1"));
        var offered = ConversationFacts.Data((await ConversationFacts.Of(cluster.Journal, CrashCluster.Tenant, "c1")).Single(f => f.Type == "handoff.offered"));
        Assert.Contains(offer.OfferId, offered);
    }

    /// <summary>
    /// Loses every word to a conversation of an offer (its making, its end), of an assignment, and an agent's check of
    /// one, and the answer to every request sent again while the queue still holds it waiting: the conversation learns
    /// only from the queue it asks, once an agent took it.
    /// </summary>
    private sealed class LostHandoffWords : IIncomingGrainCallFilter
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), bool> _requested = new();

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            switch (context.MethodName)
            {
                case nameof(IConversationGrain.OnOfferChanged) or nameof(IConversationGrain.OnAgentAssigned):
                    return;
                case nameof(IConversationGrain.CheckAssignment):
                    throw new TimeoutException("The conversation's silo did not answer.");
                case nameof(IAgentPoolGrain.Request) when context.Request.GetArgument(0) is HandoffRequest request:
                    await context.Invoke();
                    if (!_requested.TryAdd((request.ConversationId, request.HandoffId), true) && context.Result is HandoffPlacement { Status: HandoffStatus.Queued })
                    {
                        throw new TimeoutException("The answer to the request was lost.");
                    }
                    return;
                default:
                    await context.Invoke();
                    return;
            }
        }
    }

    [Theory]
    [InlineData(CrashPoint.AgentStatusStored)]
    [InlineData(CrashPoint.AgentClaimStored)]
    public async Task With_offers_an_agent_coming_on_duty_cut_off_is_still_offered_the_waiting_conversation_and_takes_it_once_accepted(string step)
    {
        await using var cluster = await CrashCluster.StartAsync(step, offerSeconds: 60);
        await Online(cluster, "a1", available: false);
        Assert.Equal(HandoffStatus.Queued, (await HandOff(cluster, "c1")).AsHandoff().Status);

        await CrashesAt(step, () => cluster.Agent("a1").SetStatus(AgentStatus.Available));

        var offer = await OfferOf(cluster, "a1", "c1");
        Assert.Null((await Retry(() => cluster.Agent("a1").SetStatus(AgentStatus.Available))).Refusal);
        await Accepts(cluster, "a1", offer);
        await cluster.Converges(["a1"], ["c1"]);
        Assert.Equal(OfferedAndAssigned, await HandoffFacts(cluster, "c1"));
    }

    [Theory]
    [InlineData(CrashPoint.AgentCompleteStored)]
    [InlineData(CrashPoint.AgentCompleteTold)]
    public async Task With_offers_a_complete_cut_off_hands_the_conversation_back_and_offers_the_freed_slot_the_next_one(string step)
    {
        await using var cluster = await CrashCluster.StartAsync(step, offerSeconds: 60);
        await Online(cluster, "a1");
        await HandOff(cluster, "c1");
        var first = await OfferOf(cluster, "a1", "c1");
        await Accepts(cluster, "a1", first);
        Assert.Equal(HandoffStatus.Queued, (await Retry(() => HandOff(cluster, "c2"))).AsHandoff().Status);

        await CrashesAt(step, () => cluster.Agent("a1").Complete("c1"));

        await Eventually.ReturnsAsync(async () => (await Snapshot(cluster, "c1")).Status, s => s == ConversationStatus.Ai, TimeSpan.FromSeconds(30),
            "the AI to be in charge of c1 again");
        var next = await OfferOf(cluster, "a1", "c2");
        Assert.Null((await Retry(() => cluster.Agent("a1").Complete("c1"))).Refusal);
        await Accepts(cluster, "a1", next);
        await cluster.Converges(["a1"], ["c1", "c2"]);
        Assert.Equal(["handoff.requested", "handoff.queued", "handoff.offered", "handoff.assigned", "handoff.completed"], await HandoffFacts(cluster, "c1"));
        Assert.Equal(OfferedAndAssigned, await HandoffFacts(cluster, "c2"));
    }

    [Fact]
    public async Task With_offers_an_end_cut_off_after_it_was_stored_withdraws_the_open_offer_and_the_agent_is_offered_the_next_customer()
    {
        await using var cluster = await CrashCluster.StartAsync(CrashPoint.ConversationReleaseStored, offerSeconds: 60);
        await Online(cluster, "a1");
        await HandOff(cluster, "c1");
        var offer = await OfferOf(cluster, "a1", "c1");
        var end = Ended();

        await CrashesAt(CrashPoint.ConversationReleaseStored, () => cluster.Conversation("c1").Apply(end).AsTask());

        await Eventually.ReturnsAsync(async () => (await Retry(() => cluster.Agent("a1").GetOffers()))!.Count, n => n == 0, OfferPatience,
            "the ended conversation's offer to be withdrawn without any retry");
        Assert.Equal(RefusalKind.Conflict, (await Retry(() => cluster.Agent("a1").AcceptOffer(offer.OfferId))).Refusal?.Kind);
        Assert.True((await Retry(() => cluster.Conversation("c1").Apply(end))).Result!.Duplicate);
        await Retry(() => HandOff(cluster, "c2"));
        Assert.Equal("c2", (await OfferOf(cluster, "a1", "c2")).ConversationId);
    }

    [Theory]
    [InlineData(CrashPoint.AgentClaimStored)]
    [InlineData(CrashPoint.AgentClaimConfirmed)]
    public async Task An_acceptance_cut_off_after_it_was_stored_gives_the_agent_the_conversation_and_its_retry_answers_as_the_first(string step)
    {
        await using var cluster = await CrashCluster.StartAsync(step, offerSeconds: 60);
        await Online(cluster, "a1");
        Assert.Equal(HandoffStatus.Queued, (await HandOff(cluster, "c1")).AsHandoff().Status);
        var offer = await OfferOf(cluster, "a1", "c1");

        // The acceptance is stored; the call fails before the pool (or, once the pool heard, the conversation) hears of it.
        await CrashesAt(step, () => cluster.Agent("a1").AcceptOffer(offer.OfferId));

        await WithAgent(cluster, "c1", "a1");
        var retry = await Retry(() => cluster.Agent("a1").AcceptOffer(offer.OfferId));
        Assert.Null(retry.Refusal);
        Assert.Equal("c1", retry.Offer!.ConversationId);
        await cluster.Converges(["a1"], ["c1"]);
        Assert.Equal(OfferedAndAssigned, await HandoffFacts(cluster, "c1"));
    }

    [Fact]
    public async Task A_decline_cut_off_after_it_was_stored_goes_to_the_next_agent_never_back_and_its_retry_answers_as_the_first()
    {
        await using var cluster = await CrashCluster.StartAsync(CrashPoint.AgentOfferEnded, offerSeconds: 60);
        await Online(cluster, "a1");
        Assert.Equal(HandoffStatus.Queued, (await HandOff(cluster, "c1")).AsHandoff().Status);
        var offer = await OfferOf(cluster, "a1", "c1");

        // The decline is stored; the call fails before the pool or the conversation hear of it.
        await CrashesAt(CrashPoint.AgentOfferEnded, () => cluster.Agent("a1").DeclineOffer(offer.OfferId, "not my area"));

        await Online(cluster, "a2");
        var next = await OfferOf(cluster, "a2", "c1");
        Assert.Null((await Retry(() => cluster.Agent("a1").DeclineOffer(offer.OfferId, "not my area"))).Refusal);
        Assert.DoesNotContain((await Retry(() => cluster.Agent("a1").GetOffers()))!, o => o.ConversationId == "c1");
        await Accepts(cluster, "a2", next);
        await cluster.Converges(["a1", "a2"], ["c1"]);
        Assert.Equal(["handoff.requested", "handoff.queued", "handoff.offered", "handoff.declined", "handoff.offered", "handoff.assigned"],
            await HandoffFacts(cluster, "c1"));
    }

    [Fact]
    public async Task An_expiry_cut_off_after_it_was_stored_sends_the_agent_away_and_the_conversation_to_the_next_agent()
    {
        // Offers last two seconds: each agent's offer is read from the facts, which stay, not from its open offers.
        await using var cluster = await CrashCluster.StartAsync(CrashPoint.AgentOfferEnded, offerSeconds: 2);
        await Online(cluster, "a1");
        Assert.Equal(HandoffStatus.Queued, (await HandOff(cluster, "c1")).AsHandoff().Status);

        // Nobody answers: its timer expires the offer, stores that, and fails before the pools or the conversation hear.
        await Eventually.ReturnsAsync(async () => (await Retry(() => cluster.Agent("a1").Get()))!.Status, s => s == AgentStatus.Away,
            TimeSpan.FromSeconds(30), "a1 to be away after its offer expired");
        await Online(cluster, "a2");
        var facts = await Eventually.ReturnsAsync(() => HandoffFacts(cluster, "c1"), f => f.Count(t => t == "handoff.offered") >= 2,
            TimeSpan.FromSeconds(30), "a2's offer recorded");
        Assert.Equal(["handoff.requested", "handoff.queued", "handoff.offered", "handoff.expired", "handoff.offered"], facts.Take(5));
        var offers = (await ConversationFacts.Of(cluster.Journal, CrashCluster.Tenant, "c1"))
            .Where(f => f.Type is "handoff.offered" or "handoff.expired").Select(ConversationFacts.Data).ToArray();
        Assert.Contains("\"a1\"", offers[0]);
        Assert.Contains("\"a1\"", offers[1]);
        Assert.Contains("\"a2\"", offers[2]);
    }

    /// <summary>The kinds of the repairs reconciliation counts (<c>cx.handoff.repairs</c>) while it is alive.</summary>
    private sealed class Repairs : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();

        public Repairs()
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CxTelemetry.MeterName && instrument.Name == "cx.handoff.repairs")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "kind")
                    {
                        Kinds.Enqueue((string)tag.Value!);
                    }
                }
            });
            _listener.Start();
        }

        public System.Collections.Concurrent.ConcurrentQueue<string> Kinds { get; } = new();

        public void Dispose() => _listener.Dispose();
    }
}
