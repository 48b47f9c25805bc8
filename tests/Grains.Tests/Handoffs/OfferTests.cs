using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Conversations;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Handoffs;

/// <summary>Offers, their answers and deadlines, and the first reply, on a two-silo cluster whose tenants offer.</summary>
[Collection(OfferClusterCollection.Name)]
public sealed class OfferTests(OfferClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Each test has a tenant of its own, so its pools start empty (one of the fixture's configured tenants, where a test names it).
    private string _tenant = $"t{Guid.NewGuid():N}";

    private IConversationGrain Conversation(string id) => fixture.Grains.Conversation(_tenant, id);

    private IAgentGrain Agent(string id) => fixture.Grains.Agent(_tenant, id);

    private Task<IAgentGrain> Online(string id, int capacity = 1) => OnlineOn(id, Channel.Chat, "en", capacity);

    private async Task<IAgentGrain> OnlineOn(string id, Channel channel, string language = "en", int capacity = 1)
    {
        var agent = Agent(id);
        await agent.Register(new AgentProfile { DisplayName = $"Agent {id}", Languages = [language], Channels = [channel], Capacity = capacity });
        Assert.Null((await agent.SetStatus(AgentStatus.Available)).Refusal);
        return agent;
    }

    private async Task<HandoffDirective> AskForPerson(string conversationId)
    {
        var conversation = Conversation(conversationId);
        await conversation.Apply(Started(Channel.Chat, "en-US"));
        var outcome = await conversation.Apply(Customer("I want to talk to a real person please"));
        return outcome.Result!.Directives.Single(d => d.Type == DirectiveType.Handoff).AsHandoff();
    }

    private async Task<AgentOffer> OfferTo(IAgentGrain agent, string conversationId) =>
        (await Eventually.ReturnsAsync(async () => (await agent.GetOffers())!.SingleOrDefault(o => o.ConversationId == conversationId),
            offer => offer is not null, Patience, $"an offer of {conversationId}"))!;

    /// <summary>Ana accepts her offer of c1, and c1 is hers.</summary>
    private async Task AcceptedByAna(IAgentGrain ana)
    {
        Assert.Null((await ana.AcceptOffer((await OfferTo(ana, "c1")).OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation("c1").GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "ana" },
            Patience, "c1 to be with ana");
    }

    /// <summary>Ana is offered c1, and her activation goes with the offer open, as with a silo that died.</summary>
    private async Task<(IAgentGrain Ana, AgentOffer Offer)> OfferOpenAsAnaLeavesMemory()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var offer = await OfferTo(ana, "c1");
        await ana.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        return (ana, offer);
    }

    private static Task PastDeadline(AgentOffer offer) =>
        Eventually.HoldsAsync(() => Task.FromResult(DateTimeOffset.UtcNow > offer.ExpiresAt.AddMilliseconds(300)), Patience, "the offer's deadline to pass");

    /// <summary>A conversation's facts in order, of this test's tenant unless another is named.</summary>
    private async Task<IReadOnlyList<JournalFact>> Facts(string conversationId, string? tenant = null) =>
        await ConversationFacts.Of(fixture.Journal, tenant ?? _tenant, conversationId);

    private async Task<string[]> FactTypes(string conversationId) => [.. (await Facts(conversationId)).Select(f => f.Type)];

    /// <summary>The types of the conversation's facts of offers (made, declined, expired), in order.</summary>
    private async Task<string[]> OfferFactTypes(string conversationId) =>
        [.. (await FactTypes(conversationId)).Where(t => t is "handoff.offered" or "handoff.declined" or "handoff.expired")];

    [Fact]
    public async Task A_handoff_is_offered_first_and_the_customer_reads_queued_until_the_agent_accepts()
    {
        var sari = await Online("sari");

        var handoff = await AskForPerson("c1");

        Assert.Equal(HandoffStatus.Queued, handoff.Status);
        var offer = await OfferTo(sari, "c1");
        Assert.Equal(handoff.HandoffId, offer.HandoffId);
        var offered = await Eventually.ReturnsAsync(() => Conversation("c1").GetSnapshot(), s => s!.Handoff.Status == HandoffStatus.Offered, Patience, "the snapshot to read offered");
        Assert.Equal(ConversationStatus.Queued, offered!.Status);
        // An open offer counts against capacity: a second conversation waits.
        var second = await AskForPerson("c2");
        Assert.Equal(HandoffStatus.Queued, second.Status);
        Assert.DoesNotContain((await sari.GetOffers())!, o => o.ConversationId == "c2");

        var accepted = await sari.AcceptOffer(offer.OfferId);

        Assert.Null(accepted.Refusal);
        Assert.Equal("c1", accepted.Offer!.ConversationId);
        var snapshot = await Eventually.ReturnsAsync(() => Conversation("c1").GetSnapshot(), s => s!.Status == ConversationStatus.Human, Patience, "the conversation to be with sari");
        Assert.Equal("sari", snapshot!.Handoff.AgentId);
        Assert.Equal(["c1"], (await sari.Get())!.Conversations);
        Assert.Empty((await sari.GetOffers())!);
        var types = await FactTypes("c1");
        Assert.True(Array.IndexOf(types, "handoff.offered") < Array.IndexOf(types, "handoff.assigned"), string.Join(", ", types));
        // Accepting again answers as the first time.
        Assert.Null((await sari.AcceptOffer(offer.OfferId)).Refusal);
    }

    [Fact]
    public async Task A_customer_offered_to_a_free_agent_is_told_one_is_coming_and_the_next_in_line_waits_for_that_agents_room()
    {
        var sari = await Online("sari");

        var first = await AskForPerson("c1");
        await OfferTo(sari, "c1");
        var second = await AskForPerson("c2");

        // The agent is free: no wait in minutes, only that an agent is coming.
        Assert.Equal((1, 0), (first.QueuePosition, first.EstimatedWaitSeconds));
        Assert.Contains("an agent will be with you in a moment", first.Text);
        Assert.DoesNotContain("minute", first.Text);
        // The open offer holds sari's one place: the next waits for her to end a conversation (4 minutes by default).
        Assert.Equal((2, 240), (second.QueuePosition, second.EstimatedWaitSeconds));
        Assert.Contains("about 4 minutes", second.Text);
    }

    [Fact]
    public async Task One_conversation_handled_in_seconds_moves_the_wait_told_a_fifth_of_the_way_from_the_expected_handling_time()
    {
        var sari = await Online("sari");
        await Serve(sari, "sari", "c0");
        Assert.Null((await sari.Complete("c0")).Refusal);
        await Serve(sari, "sari", "c1");

        var waiting = await AskForPerson("c2");

        // 4 minutes expected, then one of about a second: about 3 minutes 12 seconds, not "a moment".
        Assert.Equal(1, waiting.QueuePosition);
        Assert.InRange(waiting.EstimatedWaitSeconds!.Value, 180, 200);
    }

    [Fact]
    public async Task A_customer_only_agents_who_passed_on_it_have_room_for_is_told_a_wait_in_minutes()
    {
        var budi = await Online("budi");
        await Serve(budi, "budi", "c0");
        var ana = await Online("ana");
        await AskForPerson("c1");
        Assert.Null((await ana.DeclineOffer((await OfferTo(ana, "c1")).OfferId, null)).Refusal);

        var again = (await Conversation("c1").Apply(Customer("I want to talk to a real person please"))).Result!.Directives.Single(d => d.Type == DirectiveType.Handoff).AsHandoff();

        // Ana has room but passed on it: it waits for budi's one place (4 minutes by default), not "in a moment".
        Assert.Equal((1, 240), (again.QueuePosition, again.EstimatedWaitSeconds));
        Assert.DoesNotContain("in a moment", again.Text);
    }

    [Fact]
    public async Task An_agent_over_a_lowered_capacity_has_no_room_and_the_next_customer_is_told_a_wait_in_minutes()
    {
        var hans = await Online("hans", capacity: 3);
        foreach (var id in new[] { "c1", "c2", "c3" })
        {
            await Serve(hans, "hans", id);
        }
        await hans.Register(new AgentProfile { DisplayName = "Agent hans", Languages = ["en"], Channels = [Channel.Chat], Capacity = 1 });

        var handoff = await AskForPerson("c4");

        // Three conversations must end before hans has room for one: three handling times (4 minutes each) over his one place.
        Assert.Equal((1, 720), (handoff.QueuePosition, handoff.EstimatedWaitSeconds));
        Assert.DoesNotContain("in a moment", handoff.Text);
    }

    /// <summary>The customer asks for a person, the agent accepts the offer and writes first.</summary>
    private async Task Serve(IAgentGrain agent, string agentId, string conversationId)
    {
        await AskForPerson(conversationId);
        Assert.Null((await agent.AcceptOffer((await OfferTo(agent, conversationId)).OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation(conversationId).GetSnapshot())!.Status == ConversationStatus.Human, Patience, $"{conversationId} to be with {agentId}");
        Assert.Null((await Conversation(conversationId).Apply(ConversationEvents.Agent(agentId, "Hello, I am here"))).Refusal);
    }

    [Fact]
    public async Task Once_the_accept_is_answered_the_conversation_is_the_agents_and_takes_their_first_message()
    {
        var rina = await Online("rina", capacity: 6);
        for (var i = 0; i < 6; i++)
        {
            var id = $"quick-{i}";
            await AskForPerson(id);
            var offer = await OfferTo(rina, id);

            Assert.Null((await rina.AcceptOffer(offer.OfferId)).Refusal);

            // No waiting: the accept's answer comes after the conversation took the assignment.
            var snapshot = (await Conversation(id).GetSnapshot())!;
            Assert.Equal((ConversationStatus.Human, "rina"), (snapshot.Status, snapshot.Handoff.AgentId));
            var first = await Conversation(id).Apply(ConversationEvents.Agent("rina", "Hi, I am Rina, I will take it from here."));
            Assert.Null(first.Refusal);
        }
    }

    [Fact]
    public async Task A_declined_offer_goes_to_the_next_agent_and_never_back_to_the_one_who_declined()
    {
        var ana = await Online("ana");
        var handoff = await AskForPerson("c1");
        var first = await OfferTo(ana, "c1");
        var budi = await Online("budi");

        var declined = await ana.DeclineOffer(first.OfferId, "on a call");

        Assert.Null(declined.Refusal);
        var second = await OfferTo(budi, "c1");
        Assert.Equal(handoff.HandoffId, second.HandoffId);
        // Two offers of one handoff, each agent's first: they are told apart by their ids alone.
        Assert.NotEqual(first.OfferId, second.OfferId);
        Assert.Equal(AgentStatus.Available, (await ana.Get())!.Status);
        Assert.Empty((await ana.GetOffers())!);
        // budi declines too: nobody is left who has not passed, so it waits, still first in line.
        Assert.Null((await budi.DeclineOffer(second.OfferId, null)).Refusal);
        var waiting = await Eventually.ReturnsAsync(() => Conversation("c1").GetSnapshot(), s => s!.Handoff.Status == HandoffStatus.Queued, Patience, "c1 to wait again");
        Assert.Equal(1, waiting!.Handoff.QueuePosition);
        Assert.Empty((await ana.GetOffers())!);
        var accepted = await ana.AcceptOffer(first.OfferId);
        Assert.Equal(RefusalKind.Conflict, accepted.Refusal!.Kind);
        var types = await FactTypes("c1");
        Assert.Equal(2, types.Count(t => t == "handoff.declined"));
    }

    [Theory]
    [InlineData(HandoffDeclined.AgentAway)]
    [InlineData(HandoffDeclined.Withdrawn)]
    [InlineData(HandoffDeclined.AgentNotResponding)]
    [InlineData("agent-offline\u200B")]
    [InlineData("Withdrawn")]
    [InlineData(" agent-away ")]
    [InlineData("AGENT_OFFLINE")]
    [InlineData("agent not responding")]
    [InlineData("Agent \u2014 Away")]
    [InlineData("agent\t\toffline.")]
    public async Task An_agents_decline_giving_a_reason_the_cluster_gives_is_refused_and_the_offer_stays_open(string reason)
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var offer = await OfferTo(ana, "c1");

        var refused = await ana.DeclineOffer(offer.OfferId, reason);

        // Told as given, the facts would read as a decline the cluster made, and the handoff could come back to ana.
        Assert.Equal((RefusalKind.Invalid, "reason"), (refused.Refusal!.Kind, refused.Refusal.Field));
        Assert.Equal([offer.OfferId], (await ana.GetOffers())!.Select(o => o.OfferId));
        Assert.DoesNotContain("handoff.declined", await FactTypes("c1"));
        Assert.Null((await ana.DeclineOffer(offer.OfferId, "not my area")).Refusal);
    }

    [Fact]
    public async Task Declining_an_offer_the_cluster_already_declined_for_the_agent_is_too_late()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var offer = await OfferTo(ana, "c1");
        Assert.Null((await ana.SetStatus(AgentStatus.Away)).Refusal);

        var late = await ana.DeclineOffer(offer.OfferId, "not for me");

        Assert.Equal(RefusalKind.Conflict, late.Refusal!.Kind);
        Assert.Contains(HandoffDeclined.AgentAway, late.Refusal.Detail);
        // Once back, ana may be offered it again: her decline was never recorded as her choice.
        Assert.Null((await ana.SetStatus(AgentStatus.Available)).Refusal);
        Assert.Equal(offer.HandoffId, (await OfferTo(ana, "c1")).HandoffId);
    }

    [Fact]
    public async Task The_agent_idle_longest_is_the_one_who_finished_first_not_the_one_who_was_assigned_first()
    {
        var ana = await Online("ana");
        await Serve(ana, "ana", "c1");
        var budi = await Online("budi");
        await Serve(budi, "budi", "c2");
        // budi finishes first, then ana: both are free, budi for longer.
        Assert.Null((await budi.Complete("c2")).Refusal);
        Assert.Null((await ana.Complete("c1")).Refusal);

        await AskForPerson("c3");

        await OfferTo(budi, "c3");
        Assert.Empty((await ana.GetOffers())!);
    }

    [Fact]
    public async Task A_decline_reason_is_told_in_the_facts_with_its_personal_data_redacted()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var offer = await OfferTo(ana, "c1");

        Assert.Null((await ana.DeclineOffer(offer.OfferId, "I know this customer, 0812-3456-7890, budi@example.com")).Refusal);

        await Eventually.HoldsAsync(async () => (await FactTypes("c1")).Contains("handoff.declined"), Patience, "the decline to be a fact of c1");
        var facts = (await Facts("c1"))
            .Concat(await fixture.Journal.ReadStreamAsync(CxCluster.Grains.Agents.AgentJournal.Stream(_tenant, "ana"), 0, 1_000));
        var told = string.Concat(facts.Select(ConversationFacts.Recorded));
        Assert.Contains("I know this customer, [phone], [email]", told);
        Assert.DoesNotContain("3456-7890", told);
        Assert.DoesNotContain("budi@", told);
    }

    [Fact]
    public async Task An_offer_not_answered_in_time_expires_the_agent_goes_away_and_the_next_agent_gets_it()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var first = await OfferTo(ana, "c1");
        var budi = await Online("budi");

        var second = await OfferTo(budi, "c1");

        Assert.True(DateTimeOffset.UtcNow >= first.ExpiresAt.AddMilliseconds(-50));
        Assert.Equal(AgentStatus.Away, (await ana.Get())!.Status);
        Assert.Equal(RefusalKind.Conflict, (await ana.AcceptOffer(first.OfferId)).Refusal!.Kind);
        await Eventually.HoldsAsync(async () => (await FactTypes("c1")).Contains("handoff.expired"), Patience, "the expiry to be a fact of c1");
        var agentFacts = await fixture.Journal.ReadStreamAsync(CxCluster.Grains.Agents.AgentJournal.Stream(_tenant, "ana"), 0, 1_000);
        Assert.Contains(agentFacts, f => f.Type == CxCluster.Grains.Agents.AgentStatusChanged.Name && ConversationFacts.Data(f).Contains("not-responding"));
        Assert.Null((await budi.AcceptOffer(second.OfferId)).Refusal);
    }

    [Fact]
    public async Task An_offer_open_when_its_agent_came_back_into_memory_may_still_be_accepted_a_few_seconds_past_its_deadline()
    {
        // Ana's activation goes with the offer open, as with a silo that died; her accept, sent in time, was lost with it.
        var (ana, offer) = await OfferOpenAsAnaLeavesMemory();
        await PastDeadline(offer);

        Assert.Null((await ana.AcceptOffer(offer.OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation("c1").GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "ana" },
            Patience, "c1 to be with ana");
        Assert.DoesNotContain("handoff.expired", await FactTypes("c1"));
        Assert.Equal(AgentStatus.Available, (await ana.Get())!.Status);
    }

    [Fact]
    public async Task Accepts_of_one_offer_sent_at_once_answer_alike_when_the_conversation_moved_on_meanwhile()
    {
        var ana = await Online("ana");
        const string conversationId = OfferClusterFixture.MovedOnAccepts + "c1";
        await AskForPerson(conversationId);
        var offer = await OfferTo(ana, conversationId);

        // A desktop retrying its accept while the first is still on its way: the pool, slow to answer the first, says
        // the conversation no longer waits. No repeat may answer that the conversation is Ana's.
        var first = ana.AcceptOffer(offer.OfferId);
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.PoolAskedOfAcceptance(_tenant, conversationId)), Patience, "the pool to be asked of the acceptance");
        var answers = await Task.WhenAll(ana.AcceptOffer(offer.OfferId), ana.AcceptOffer(offer.OfferId), first);

        Assert.All(answers, answer => Assert.Equal(RefusalKind.Conflict, answer.Refusal?.Kind));
        Assert.Equal(RefusalKind.Conflict, (await ana.AcceptOffer(offer.OfferId)).Refusal?.Kind);
        Assert.DoesNotContain(conversationId, (await ana.Get())!.Conversations);
    }

    [Fact]
    public async Task An_accept_repeated_after_the_conversation_ended_answers_as_the_first_time()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var offer = await OfferTo(ana, "c1");
        Assert.Null((await ana.AcceptOffer(offer.OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation("c1").GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "ana" },
            Patience, "c1 to be with ana");

        await Conversation("c1").Apply(Ended());
        await Eventually.HoldsAsync(async () => (await ana.Get())!.Conversations.Count == 0, Patience, "ana to be free");

        var again = await ana.AcceptOffer(offer.OfferId);
        Assert.Null(again.Refusal);
        Assert.Equal("c1", again.Offer!.ConversationId);
    }

    [Fact]
    public async Task An_acceptance_the_pool_forgot_never_gives_the_conversation_back_to_the_agent_it_was_taken_from()
    {
        const string conversationId = OfferClusterFixture.ForgottenAccepts + "c1";
        var ana = await Online("ana");
        await AskForPerson(conversationId);
        var offer = await OfferTo(ana, conversationId);

        // Ana accepts, the conversation is hers, and her pool (as one whose silo died before storing it) still shows her offer.
        Assert.Null((await ana.AcceptOffer(offer.OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation(conversationId).GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "ana" },
            Patience, "the conversation to be with ana");
        // She never writes: the conversation is taken back and waits again; the pool then settles her forgotten offer.
        await Eventually.HoldsAsync(async () => (await FactTypes(conversationId)).Contains("handoff.reclaimed"), Patience, "the conversation to be taken back");
        var pool = fixture.Grains.Pool(_tenant, "en/chat");
        await Eventually.HoldsAsync(async () => (await pool.Locate(conversationId, offer.HandoffId)) is { Status: HandoffStatus.Queued, OfferId: null },
            Patience, "the pool to settle ana's old offer and keep the conversation waiting");

        // Served by the next agent, never handed back to ana by her old acceptance.
        var budi = await Online("budi");
        var next = await OfferTo(budi, conversationId);
        Assert.Null((await budi.AcceptOffer(next.OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation(conversationId).GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "budi" },
            Patience, "the conversation to be with budi");
        var assigned = (await Facts(conversationId)).Where(f => f.Type == "handoff.assigned").Select(f => System.Text.Json.JsonDocument.Parse(f.Data).RootElement.GetProperty("agentId").GetString() ?? "").ToArray();
        Assert.Equal(["ana", "budi"], assigned);
    }

    [Fact]
    public async Task An_offer_open_when_its_agent_came_back_into_memory_is_listed_until_its_new_deadline_with_its_context()
    {
        var (ana, offer) = await OfferOpenAsAnaLeavesMemory();
        await PastDeadline(offer);

        // The agent is asked what it holds: the offer it may still answer, with the time it may, and its context.
        var listed = Assert.Single((await ana.GetOffers())!);
        Assert.Equal(offer.OfferId, listed.OfferId);
        Assert.True(listed.ExpiresAt > DateTimeOffset.UtcNow, $"the listed deadline {listed.ExpiresAt:O} has passed already");
        var context = await Conversation("c1").GetContext("ana");
        Assert.NotNull(context);
        Assert.Equal(offer.HandoffId, context.HandoffId);
        Assert.Null(await Conversation("c1").GetContext("budi"));
    }

    [Fact]
    public async Task An_offer_open_when_its_agent_came_back_into_memory_still_expires_once_those_seconds_pass()
    {
        var (ana, offer) = await OfferOpenAsAnaLeavesMemory();

        await Eventually.HoldsAsync(async () => (await FactTypes("c1")).Contains("handoff.expired"), Patience, "the offer to expire");
        Assert.Equal(AgentStatus.Away, (await ana.Get())!.Status);
        Assert.Equal(RefusalKind.Conflict, (await ana.AcceptOffer(offer.OfferId)).Refusal!.Kind);
    }

    [Fact]
    public async Task An_accept_of_an_offer_the_conversation_declined_as_it_moved_queue_is_refused_and_the_agent_holds_nothing()
    {
        var ana = Agent("ana");
        await ana.Register(new AgentProfile { DisplayName = "Agent ana", Languages = ["en"], Channels = [Channel.Chat, Channel.Voice], Capacity = 1 });
        Assert.Null((await ana.SetStatus(AgentStatus.Available)).Refusal);
        await AskForPerson("c1");
        var offer = await OfferTo(ana, "c1");

        // The customer moves to voice as ana answers: the chat queue's offer is declined for the move first.
        await Conversation("c1").Apply(Switched(Channel.Voice));
        var accepted = await ana.AcceptOffer(offer.OfferId);
        // However late the accept reaches the conversation, it does not take it.
        await Conversation("c1").OnAgentAssigned(new AgentAssignment
        {
            HandoffId = offer.HandoffId, AgentId = "ana", AgentDisplayName = "Agent ana", AssignedAt = DateTimeOffset.UtcNow,
            Offer = new HandoffOfferNotice { HandoffId = offer.HandoffId, OfferId = offer.OfferId, AgentId = "ana", ExpiresAt = offer.ExpiresAt, At = DateTimeOffset.UtcNow, Outcome = OfferOutcome.Accepted },
        });

        Assert.Equal(RefusalKind.Conflict, accepted.Refusal!.Kind);
        Assert.Equal(ConversationStatus.Queued, (await Conversation("c1").GetSnapshot())!.Status);
        Assert.DoesNotContain("handoff.assigned", await FactTypes("c1"));
        await Eventually.HoldsAsync(async () => !(await ana.Get())!.Conversations.Contains("c1"), Patience, "ana to hold nothing of c1");
        // Offered anew from the voice queue, ana may take it there.
        var again = await OfferTo(ana, "c1");
        Assert.NotEqual(offer.OfferId, again.OfferId);
        Assert.Null((await ana.AcceptOffer(again.OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation("c1").GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "ana" },
            Patience, "c1 to be with ana from the voice queue");
    }

    [Fact]
    public async Task An_agent_taken_off_duty_for_an_expired_offer_has_its_other_offer_declined_at_once_and_may_be_offered_it_again()
    {
        var ana = await Online("ana", capacity: 2);
        await AskForPerson("c1");
        await OfferTo(ana, "c1");
        await AskForPerson("c2");
        await OfferTo(ana, "c2");

        // c1's offer expires first: ana is away, and c2 does not wait out an offer to an agent judged absent.
        await Eventually.HoldsAsync(async () => (await FactTypes("c2")).Contains("handoff.declined"), Patience, "c2's offer to be declined for ana");
        var declined = ConversationFacts.Data((await Facts("c2")).Single(f => f.Type == "handoff.declined"));
        Assert.Contains(HandoffDeclined.AgentNotResponding, declined);
        Assert.DoesNotContain("handoff.expired", await FactTypes("c2"));
        Assert.Equal(AgentStatus.Away, (await ana.Get())!.Status);
        Assert.Empty((await ana.GetOffers())!);

        // Not her choice: once back, she may be offered it again.
        Assert.Null((await ana.SetStatus(AgentStatus.Available)).Refusal);
        await OfferTo(ana, "c2");
    }

    [Fact]
    public async Task An_agent_taken_offline_for_an_expired_offer_loses_an_assignment_not_yet_answered_at_once()
    {
        _tenant = OfferClusterFixture.OfflineWhenSilentTenant;
        var ana = await Online("ana", capacity: 2);
        await AskForPerson("c1");
        var missed = await OfferTo(ana, "c1");
        await AskForPerson("c2");
        Assert.Null((await ana.AcceptOffer((await OfferTo(ana, "c2")).OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation("c2").GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "ana" },
            Patience, "c2 to be with ana");

        // c1's offer expires: ana goes offline, and c2, whose first reply is ten minutes away, goes back to the queue now.
        var reclaimed = await Eventually.ReturnsAsync(async () => (await Facts("c2")).SingleOrDefault(f => f.Type == "handoff.reclaimed"),
            f => f is not null, Patience, "c2 to be taken back from ana");
        Assert.Contains(HandoffReclaimed.AgentOffline, ConversationFacts.Data(reclaimed!));
        Assert.Equal(AgentStatus.Offline, (await ana.Get())!.Status);
        Assert.Equal(RefusalKind.Conflict, (await ana.AcceptOffer(missed.OfferId)).Refusal!.Kind);
        Assert.Equal(ConversationStatus.Queued, (await Conversation("c2").GetSnapshot())!.Status);
    }

    [Fact]
    public async Task An_agent_who_let_an_offer_expire_is_offered_it_again_once_back_when_nobody_else_serves_it()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var missed = await OfferTo(ana, "c1");
        await Eventually.HoldsAsync(async () => (await ana.Get())!.Status == AgentStatus.Away, Patience, "ana to be away after the offer expired");
        await Eventually.HoldsAsync(async () => (await FactTypes("c1")).Contains("handoff.expired"), Patience, "the expiry to be a fact of c1");

        // The only agent of its language and channel is back on duty: the customer is not left waiting for another.
        Assert.Null((await ana.SetStatus(AgentStatus.Available)).Refusal);
        var again = await OfferTo(ana, "c1");

        Assert.NotEqual(missed.OfferId, again.OfferId);
        Assert.Equal(missed.HandoffId, again.HandoffId);
        Assert.Null((await ana.AcceptOffer(again.OfferId)).Refusal);
        var taken = await Eventually.ReturnsAsync(() => Conversation("c1").GetSnapshot(), s => s!.Status == ConversationStatus.Human, Patience, "c1 to be with ana");
        Assert.Equal("ana", taken!.Handoff.AgentId);
        var types = await FactTypes("c1");
        Assert.Equal(["handoff.offered", "handoff.expired", "handoff.offered", "handoff.assigned"],
            types.Where(t => t is "handoff.offered" or "handoff.expired" or "handoff.assigned"));
    }

    [Fact]
    public async Task An_accept_that_reaches_the_conversation_before_the_offer_does_records_the_offer_first()
    {
        // Nobody is on duty: the conversation waits, and no offer of it was ever told to it.
        var handoff = await AskForPerson("c1");
        var offeredAt = DateTimeOffset.UtcNow;

        // The agent's word of the accepted offer, with the offer's own notice still on its way (it is one-way).
        Assert.True(await Conversation("c1").CheckAssignment(new AgentAssignment
        {
            HandoffId = handoff.HandoffId, AgentId = "ana", AgentDisplayName = "Agent ana", AssignedAt = offeredAt.AddSeconds(1),
            Offer = new HandoffOfferNotice { HandoffId = handoff.HandoffId, OfferId = "ofr-7", AgentId = "ana", ExpiresAt = offeredAt.AddSeconds(30), At = offeredAt },
        }));
        // The late notice of the offer itself changes nothing.
        await Conversation("c1").OnOfferChanged(new HandoffOfferNotice
        {
            HandoffId = handoff.HandoffId, OfferId = "ofr-7", AgentId = "ana", ExpiresAt = offeredAt.AddSeconds(30), At = offeredAt,
        });

        Assert.Equal("ana", (await Conversation("c1").GetSnapshot())!.Handoff.AgentId);
        var facts = await Facts("c1");
        Assert.Equal(["handoff.requested", "handoff.queued", "handoff.offered", "handoff.assigned"],
            ConversationFacts.HandoffTypes(facts));
        var offered = ConversationFacts.Data(facts.Single(f => f.Type == "handoff.offered"));
        Assert.Contains("ofr-7", offered);
        Assert.Contains("\"ana\"", offered);
    }

    [Fact]
    public async Task A_decline_whose_word_never_reached_the_conversation_is_learnt_from_the_agent_and_the_conversation_reads_queued_again()
    {
        const string deaf = OfferClusterFixture.DeafToOfferEnds + "1";
        var ana = await Online("ana");
        await AskForPerson(deaf);
        var offer = await OfferTo(ana, deaf);
        await Eventually.HoldsAsync(async () => (await Conversation(deaf).GetSnapshot())!.Handoff.Status == HandoffStatus.Offered, Patience, "the snapshot to read offered");

        // Ana's word of her decline is lost on its way to the conversation; the pool hears it.
        Assert.Null((await ana.DeclineOffer(offer.OfferId, "not my area")).Refusal);

        // A read shows it waiting as its pool does at once, and starts the conversation's round, which sees the pool no
        // longer shows the offer and asks ana how it ended.
        var waiting = await Conversation(deaf).GetSnapshot();
        Assert.Equal((ConversationStatus.Queued, HandoffStatus.Queued), (waiting!.Status, waiting.Handoff.Status));
        await Eventually.HoldsAsync(async () => (await FactTypes(deaf)).Contains("handoff.declined"), Patience, "the decline recorded");
        var facts = await Facts(deaf);
        Assert.Equal(["handoff.requested", "handoff.queued", "handoff.offered", "handoff.declined"],
            ConversationFacts.HandoffTypes(facts));
        var declined = ConversationFacts.Recorded(facts.Single(f => f.Type == "handoff.declined"));
        Assert.Contains(offer.OfferId, declined);
        Assert.Contains("not my area", declined);

        // Recorded as declined, so ana is never offered it again, and the next agent is.
        var budi = await Online("budi");
        Assert.Equal(deaf, (await OfferTo(budi, deaf)).ConversationId);
        Assert.DoesNotContain(await ana.GetOffers() ?? [], o => o.ConversationId == deaf);
        // Budi's word of his offer is one-way too (and not an offer's end): it is heard some time after.
        var offers = await Eventually.ReturnsAsync(() => OfferFactTypes(deaf),
            types => types.Length == 3, Patience, "budi's offer recorded");
        Assert.Equal(["handoff.offered", "handoff.declined", "handoff.offered"], offers);
    }

    [Fact]
    public async Task An_offer_whose_making_and_decline_never_reached_the_conversation_is_learnt_from_the_agent_its_pool_names()
    {
        const string mute = OfferClusterFixture.DeafToOffers + "1";
        var ana = await Online("ana");
        await AskForPerson(mute);
        var offer = await OfferTo(ana, mute);

        // Ana declines; neither her word of the offer nor that of its decline reaches the conversation.
        Assert.Null((await ana.DeclineOffer(offer.OfferId, "not my area")).Refusal);

        // A read asks the pool, which names the offer that ended last; the conversation's round asks ana about it.
        Assert.Equal(HandoffStatus.Queued, (await Conversation(mute).GetSnapshot())!.Handoff.Status);
        await Eventually.HoldsAsync(async () => (await FactTypes(mute)).Contains("handoff.declined"), Patience, "the offer and its decline learnt");
        var facts = await Facts(mute);
        Assert.Equal(["handoff.requested", "handoff.queued", "handoff.offered", "handoff.declined"], ConversationFacts.HandoffTypes(facts));
        var offered = facts.Single(f => f.Type == "handoff.offered");
        var declined = facts.Single(f => f.Type == "handoff.declined");
        Assert.Contains(offer.OfferId, ConversationFacts.Data(offered));
        Assert.Contains("not my area", ConversationFacts.Recorded(declined));
        Assert.True(offered.At <= declined.At);

        // The next offer's word is lost too: reads learn it from the pool, after the first one's end.
        var budi = await Online("budi");
        Assert.Equal(mute, (await OfferTo(budi, mute)).ConversationId);
        var offers = await Eventually.ReturnsAsync(async () =>
            {
                await Conversation(mute).GetSnapshot();
                return await OfferFactTypes(mute);
            },
            types => types.Length == 3, Patience, "budi's offer learnt");
        Assert.Equal(["handoff.offered", "handoff.declined", "handoff.offered"], offers);
    }

    [Fact]
    public async Task Word_of_the_next_offer_while_the_last_one_is_recorded_open_has_the_conversation_learn_the_last_ones_end_first()
    {
        const string deaf = OfferClusterFixture.DeafToOfferEnds + "3";
        var ana = await Online("ana");
        await AskForPerson(deaf);
        var offer = await OfferTo(ana, deaf);
        await Eventually.HoldsAsync(async () => (await FactTypes(deaf)).Contains("handoff.offered"), Patience, "ana's offer recorded");

        // Ana's word of her decline is lost; budi is offered it next, and his word of that offer comes. Nobody reads.
        Assert.Null((await ana.DeclineOffer(offer.OfferId, "not my area")).Refusal);
        var budi = await Online("budi");
        Assert.Equal(deaf, (await OfferTo(budi, deaf)).ConversationId);

        var offers = await Eventually.ReturnsAsync(async () => (await FactTypes(deaf)).Where(t => t is "handoff.offered" or "handoff.declined").ToArray(),
            types => types.Length == 3, Patience, "budi's offer recorded");
        Assert.Equal(["handoff.offered", "handoff.declined", "handoff.offered"], offers);
        var facts = await Facts(deaf);
        Assert.Contains("not my area", ConversationFacts.Recorded(facts.Single(f => f.Type == "handoff.declined")));
        Assert.Contains("\"budi\"", ConversationFacts.Data(facts.Last(f => f.Type == "handoff.offered")));
    }

    [Fact]
    public async Task An_expiry_whose_word_never_reached_the_conversation_is_learnt_from_the_agent_a_little_past_its_deadline_unasked()
    {
        const string deaf = OfferClusterFixture.DeafToOfferEnds + "2";
        var ana = await Online("ana");
        await AskForPerson(deaf);
        var offer = await OfferTo(ana, deaf);

        // Ana lets it expire; her word of it is lost on its way to the conversation.
        await Eventually.HoldsAsync(async () => (await ana.Get())!.Status == AgentStatus.Away, Patience, "ana to be away after the offer expired");

        // Nobody reads the conversation meanwhile: it looks by itself a little past the offer's deadline.
        await Eventually.HoldsAsync(async () => (await FactTypes(deaf)).Contains("handoff.expired"), Patience, "the expiry recorded without a read");
        var waiting = await Conversation(deaf).GetSnapshot();
        Assert.Equal((HandoffStatus.Queued, 1), (waiting!.Handoff.Status, waiting.Handoff.QueuePosition));
        var facts = await Facts(deaf);
        Assert.Equal(["handoff.requested", "handoff.queued", "handoff.offered", "handoff.expired"],
            ConversationFacts.HandoffTypes(facts));
        Assert.Contains(offer.OfferId, ConversationFacts.Data(facts.Single(f => f.Type == "handoff.expired")));
    }

    [Fact]
    public async Task An_offer_neither_its_pool_nor_its_agent_knows_reads_as_expired_once_its_deadline_passed_never_before()
    {
        await Agent("ana").Register(new AgentProfile { DisplayName = "Agent ana", Languages = ["en"], Channels = [Channel.Chat], Capacity = 1 });
        var handoff = await AskForPerson("c1");
        // Word of an offer nobody holds any more (its agent's memory of it is gone), open for three more seconds.
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(3);
        await Conversation("c1").OnOfferChanged(new HandoffOfferNotice
        {
            HandoffId = handoff.HandoffId, OfferId = "ofr-99", AgentId = "ana", ExpiresAt = expiresAt, At = DateTimeOffset.UtcNow,
        });
        // The word is one-way: it is heard some time after the call returned. A read shows what the pool shows: no offer.
        await Eventually.HoldsAsync(async () => (await FactTypes("c1")).Contains("handoff.offered"), Patience, "the offer recorded");
        Assert.Equal(HandoffStatus.Queued, (await Conversation("c1").GetSnapshot())!.Handoff.Status);

        await Eventually.HoldsAsync(async () => (await FactTypes("c1")).Contains("handoff.expired"), Patience, "the offer recorded as expired");

        var facts = await Facts("c1");
        Assert.Equal(["handoff.requested", "handoff.queued", "handoff.offered", "handoff.expired"],
            ConversationFacts.HandoffTypes(facts));
        var expired = facts.Single(f => f.Type == "handoff.expired");
        Assert.True(expired.At >= expiresAt, $"recorded expired at {expired.At:O}, before its deadline {expiresAt:O}");
        Assert.Contains("ofr-99", ConversationFacts.Data(expired));
    }

    [Fact]
    public async Task An_agent_who_declined_is_never_offered_it_again_even_when_nobody_else_serves_it()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        Assert.Null((await ana.DeclineOffer((await OfferTo(ana, "c1")).OfferId, "not my area")).Refusal);
        await AskForPerson("c2");

        // Ana takes the next conversation instead; c1 waits for someone else.
        Assert.Equal("c2", (await OfferTo(ana, "c2")).ConversationId);
        Assert.DoesNotContain(await ana.GetOffers() ?? [], o => o.ConversationId == "c1");
        Assert.Equal(ConversationStatus.Queued, (await Conversation("c1").GetSnapshot())!.Status);
    }

    [Fact]
    public async Task An_expired_offer_keeps_the_conversation_at_the_head_of_its_queue()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        await OfferTo(ana, "c1");
        await AskForPerson("c2");
        await AskForPerson("c3");

        await Eventually.HoldsAsync(async () => (await ana.Get())!.Status == AgentStatus.Away, Patience, "ana to be away after the offer expired");

        var snapshots = await Task.WhenAll(new[] { "c1", "c2", "c3" }.Select(id => Conversation(id).GetSnapshot()));
        Assert.Equal([1, 2, 3], snapshots.Select(s => s!.Handoff.QueuePosition));
        var budi = await Online("budi");
        Assert.Equal("c1", (await Eventually.ReturnsAsync(() => budi.GetOffers(), o => o!.Count == 1, Patience, "budi's offer"))![0].ConversationId);
    }

    [Fact]
    public async Task An_agent_who_never_writes_loses_the_conversation_which_waits_again_at_the_head_and_its_old_agent_is_refused()
    {
        var ana = await Online("ana");
        var handoff = await AskForPerson("c1");
        await AcceptedByAna(ana);
        var heldSince = DateTimeOffset.UtcNow;
        await AskForPerson("c2");

        var reclaimed = await Eventually.ReturnsAsync(() => Conversation("c1").GetSnapshot(), s => s!.Status == ConversationStatus.Queued, Patience, "c1 to be taken back");

        Assert.Equal(1, reclaimed!.Handoff.QueuePosition);
        Assert.Null(reclaimed.Handoff.AgentId);
        Assert.Contains("handoff.reclaimed", await FactTypes("c1"));
        await Eventually.HoldsAsync(async () => (await ana.Get()) is { Status: AgentStatus.Away, Conversations.Count: 0 }, Patience, "ana to be away and free");
        var late = await Conversation("c1").Apply(ConversationEvents.Agent("ana", "Sorry, I am here now"));
        Assert.Equal(RefusalKind.Conflict, late.Refusal!.Kind);
        // Late word of the assignment she lost (her own reconciliation, a delayed notice) does not give it back to her.
        Assert.False(await Conversation("c1").CheckAssignment(new AgentAssignment
        {
            HandoffId = handoff.HandoffId, AgentId = "ana", AgentDisplayName = "Agent ana", AssignedAt = heldSince,
        }));
        Assert.Equal(ConversationStatus.Queued, (await Conversation("c1").GetSnapshot())!.Status);

        // Back on duty, ana may be given it again, as after an offer she let expire: it is still at the head, ahead of c2.
        await ana.SetStatus(AgentStatus.Available);
        var again = await OfferTo(ana, "c1");
        Assert.Equal(handoff.HandoffId, again.HandoffId);
        Assert.Null((await ana.AcceptOffer(again.OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation("c1").GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "ana" }, Patience, "c1 to be with ana again");
        Assert.Null((await Conversation("c1").Apply(ConversationEvents.Agent("ana", "Sorry for the wait, I am here now"))).Refusal);
        Assert.Equal(ConversationStatus.Queued, (await Conversation("c2").GetSnapshot())!.Status);
        var budi = await Online("budi");
        Assert.Equal("c2", (await OfferTo(budi, "c2")).ConversationId);
    }

    [Fact]
    public async Task A_customer_whose_only_agent_went_offline_before_replying_gets_that_agent_once_back_online()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        await AcceptedByAna(ana);

        await ana.SetStatus(AgentStatus.Offline);
        await Eventually.HoldsAsync(async () => (await Conversation("c1").GetSnapshot())!.Status == ConversationStatus.Queued, Patience, "c1 to be taken back");
        await Eventually.HoldsAsync(async () => (await ana.Get())!.Conversations.Count == 0, Patience, "ana to be free");

        // A night shift of one: nobody else serves it, and the customer is not left waiting once she signs in again.
        Assert.Null((await ana.SetStatus(AgentStatus.Available)).Refusal);
        await AcceptedByAna(ana);
        var types = await FactTypes("c1");
        Assert.Equal(["handoff.assigned", "handoff.reclaimed", "handoff.assigned"],
            types.Where(t => t is "handoff.assigned" or "handoff.reclaimed"));
    }

    [Fact]
    public async Task An_agent_who_goes_offline_with_an_offer_open_has_it_declined_at_once_and_the_next_agent_gets_it()
    {
        var ana = await Online("ana");
        var handoff = await AskForPerson("c1");
        var first = await OfferTo(ana, "c1");
        var budi = await Online("budi");

        Assert.Null((await ana.SetStatus(AgentStatus.Offline)).Refusal);

        Assert.Empty((await ana.GetOffers())!);
        var second = await OfferTo(budi, "c1");
        Assert.Equal(handoff.HandoffId, second.HandoffId);
        var declined = Assert.Single((await Eventually.ReturnsAsync(() => Declines("c1"), d => d.Count > 0, Patience, "c1's offer to be declined"))!);
        Assert.Equal((first.OfferId, "ana", HandoffDeclined.AgentOffline), (declined.OfferId, declined.AgentId, declined.Reason));
        Assert.DoesNotContain("handoff.expired", await FactTypes("c1"));
        // Declined for the agent, not timed out: the agent stays offline rather than being set away.
        Assert.Equal(AgentStatus.Offline, (await ana.Get())!.Status);
        Assert.Equal(RefusalKind.Conflict, (await ana.AcceptOffer(first.OfferId)).Refusal!.Kind);
        Assert.Null((await budi.AcceptOffer(second.OfferId)).Refusal);
    }

    [Fact]
    public async Task An_offer_of_a_handoff_the_agent_declined_is_refused_however_late_the_pool_asks_again()
    {
        var ana = await Online("ana");
        var handoff = await AskForPerson("c1");
        var first = await OfferTo(ana, "c1");
        Assert.Null((await ana.DeclineOffer(first.OfferId, "busy")).Refusal);

        // A pool that never heard of the decline (its word lost in a crash) asks the agent again.
        var again = await ana.Offer(new AssignmentOffer { ConversationId = "c1", HandoffId = handoff.HandoffId, PoolName = GrainKeys.PoolName("en", Channel.Chat) });

        Assert.False(again.Accepted);
        Assert.Null(again.Offer);
        Assert.Empty((await ana.GetOffers())!);
        Assert.Empty((await ana.Get())!.Conversations);
    }

    [Fact]
    public async Task An_agent_who_goes_away_with_an_offer_open_has_it_declined_at_once_and_may_be_offered_it_again_once_back()
    {
        var ana = await Online("ana");
        var handoff = await AskForPerson("c1");
        var first = await OfferTo(ana, "c1");

        Assert.Null((await ana.SetStatus(AgentStatus.Away)).Refusal);

        Assert.Empty((await ana.GetOffers())!);
        var declined = Assert.Single((await Eventually.ReturnsAsync(() => Declines("c1"), d => d.Count > 0, Patience, "c1's offer to be declined"))!);
        Assert.Equal((first.OfferId, "ana", HandoffDeclined.AgentAway), (declined.OfferId, declined.AgentId, declined.Reason));
        Assert.Equal(AgentStatus.Away, (await ana.Get())!.Status);
        Assert.Equal(RefusalKind.Conflict, (await ana.AcceptOffer(first.OfferId)).Refusal!.Kind);

        // Not the agent's own decline: nobody else serves the customer, and back on duty ana is offered it again.
        Assert.Null((await ana.SetStatus(AgentStatus.Available)).Refusal);
        var again = await OfferTo(ana, "c1");
        Assert.Equal(handoff.HandoffId, again.HandoffId);
        Assert.NotEqual(first.OfferId, again.OfferId);
        Assert.Null((await ana.AcceptOffer(again.OfferId)).Refusal);
    }

    [Fact]
    public async Task An_agent_who_stops_speaking_the_language_has_its_open_offer_declined_and_the_next_agent_gets_it()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var first = await OfferTo(ana, "c1");
        var budi = await Online("budi");

        await ana.Register(new AgentProfile { DisplayName = "Agent ana", Languages = ["de"], Channels = [Channel.Chat], Capacity = 1 });

        Assert.Empty((await ana.GetOffers())!);
        Assert.Equal(RefusalKind.Conflict, (await ana.AcceptOffer(first.OfferId)).Refusal!.Kind);
        var declined = Assert.Single((await Eventually.ReturnsAsync(() => Declines("c1"), d => d.Count > 0, Patience, "c1's offer to be declined"))!);
        Assert.Equal((first.OfferId, "ana", HandoffDeclined.AgentIneligible), (declined.OfferId, declined.AgentId, declined.Reason));
        Assert.Null((await budi.AcceptOffer((await OfferTo(budi, "c1")).OfferId)).Refusal);
        Assert.Equal(AgentStatus.Available, (await ana.Get())!.Status);
    }

    [Fact]
    public async Task A_customer_whose_only_agent_went_offline_with_the_offer_open_is_offered_to_that_agent_again_first_once_back()
    {
        var ana = await Online("ana");
        var handoff = await AskForPerson("c1");
        var first = await OfferTo(ana, "c1");
        Assert.Null((await ana.SetStatus(AgentStatus.Offline)).Refusal);
        await Eventually.ReturnsAsync(() => Declines("c1"), d => d.Count > 0, Patience, "c1's offer to be declined");
        await AskForPerson("c2");

        // A shift change or a browser crash: declined for her, not by her, so c1 is hers to take again, ahead of c2.
        Assert.Null((await ana.SetStatus(AgentStatus.Available)).Refusal);
        var again = await OfferTo(ana, "c1");
        Assert.NotEqual(first.OfferId, again.OfferId);
        Assert.Equal(handoff.HandoffId, again.HandoffId);
        Assert.DoesNotContain(await ana.GetOffers() ?? [], o => o.ConversationId == "c2");
        Assert.Null((await ana.AcceptOffer(again.OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation("c1").GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "ana" },
            Patience, "c1 to be with ana");
    }

    [Fact]
    public async Task An_agent_who_drops_the_language_is_offered_none_of_its_customers_and_gets_them_again_once_it_is_back()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        await OfferTo(ana, "c1");
        await AskForPerson("c2");

        await ana.Register(new AgentProfile { DisplayName = "Agent ana", Languages = ["de"], Channels = [Channel.Chat], Capacity = 1 });
        await Eventually.ReturnsAsync(() => Declines("c1"), d => d.Count > 0, Patience, "c1's offer to be declined");

        // The offer's end, told to the pool with her view, does not bring her back onto the English roster.
        var pool = fixture.Grains.Pool(_tenant, "en/chat");
        Assert.DoesNotContain(await pool.GetRoster(), a => a.AgentId == "ana");
        Assert.Empty((await ana.GetOffers())!);
        Assert.Equal(2, (await pool.GetDepth()).AtOrAbove(0).Waiting);

        // English again: the customer whose offer was declined for her is hers first.
        await ana.Register(new AgentProfile { DisplayName = "Agent ana", Languages = ["en"], Channels = [Channel.Chat], Capacity = 1 });
        Assert.Equal("c1", (await OfferTo(ana, "c1")).ConversationId);
    }

    [Fact]
    public async Task A_waiting_customer_who_switches_channel_waits_in_that_channels_queue_and_only_its_agents_get_it()
    {
        var handoff = await AskForPerson("c1");

        var switched = (await Conversation("c1").Apply(Switched(Channel.Voice))).Result!.Directives;

        // Told on the new channel who they are with until a person joins, and their place in the queue they wait in now.
        Assert.Equal([DirectiveType.Disclose, DirectiveType.Handoff], switched.Select(d => d.Type));
        Assert.Equal(Channel.Voice, switched[0].AsDisclose().Channel);
        var place = switched[1].AsHandoff();
        Assert.Equal((handoff.HandoffId, HandoffStatus.Queued, 1), (place.HandoffId, place.Status, place.QueuePosition));
        var moved = (await Facts("c1")).Last(f => f.Type == "handoff.escalated");
        Assert.Contains("en/voice", ConversationFacts.Data(moved));
        Assert.Equal(0, (await fixture.Grains.Pool(_tenant, "en/chat").GetDepth()).AtOrAbove(0).Waiting);
        // A chat agent coming on duty pulls what waits for them (answered once it took it): not this customer.
        var chad = await OnlineOn("chad", Channel.Chat);
        Assert.Empty((await chad.GetOffers())!);
        var vera = await OnlineOn("vera", Channel.Voice);
        var offer = await OfferTo(vera, "c1");
        Assert.Equal(handoff.HandoffId, offer.HandoffId);
        Assert.Null((await vera.AcceptOffer(offer.OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation("c1").GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "vera" },
            Patience, "c1 to be with vera");
        Assert.Empty((await chad.GetOffers())!);
    }

    [Fact]
    public async Task An_offer_open_when_the_customer_switches_channel_is_declined_for_an_agent_who_does_not_serve_it_and_goes_to_one_who_does()
    {
        var chad = await OnlineOn("chad", Channel.Chat);
        await AskForPerson("c1");
        var first = await OfferTo(chad, "c1");

        await Conversation("c1").Apply(Switched(Channel.Whatsapp));

        var declined = Assert.Single((await Eventually.ReturnsAsync(() => Declines("c1"), d => d.Count > 0, Patience, "c1's offer to be declined"))!);
        Assert.Equal((first.OfferId, "chad", HandoffDeclined.AgentIneligible), (declined.OfferId, declined.AgentId, declined.Reason));
        await Eventually.HoldsAsync(async () => (await chad.GetOffers())!.Count == 0, Patience, "chad to let the offer go");
        Assert.Equal(RefusalKind.Conflict, (await chad.AcceptOffer(first.OfferId)).Refusal!.Kind);
        var wanda = await OnlineOn("wanda", Channel.Whatsapp);
        Assert.Null((await wanda.AcceptOffer((await OfferTo(wanda, "c1")).OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation("c1").GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "wanda" },
            Patience, "c1 to be with wanda");
    }

    [Fact]
    public async Task An_offer_the_conversation_has_not_heard_of_when_the_customer_switches_channel_is_declined_for_its_agent_all_the_same()
    {
        // The agent's word of the offer never reaches this conversation: it learns of the offer only from the queue it leaves
        // (or from a round that asked the queue first, whichever comes first).
        const string unheard = OfferClusterFixture.DeafToOffers + "1";
        var chad = await OnlineOn("chad", Channel.Chat);
        await AskForPerson(unheard);
        var first = await OfferTo(chad, unheard);

        await Conversation(unheard).Apply(Switched(Channel.Whatsapp));

        var declined = Assert.Single((await Eventually.ReturnsAsync(() => Declines(unheard), d => d.Count > 0, Patience, "the offer to be declined"))!);
        Assert.Equal((first.OfferId, "chad", HandoffDeclined.AgentIneligible), (declined.OfferId, declined.AgentId, declined.Reason));
        // Its making is told before its end, and the conversation does not read offered: it still waits for the new queue.
        Assert.Equal(["handoff.offered", "handoff.declined"], await OfferFactTypes(unheard));
        Assert.Contains(first.OfferId, ConversationFacts.Data((await Facts(unheard)).Single(f => f.Type == "handoff.offered")));
        await Eventually.HoldsAsync(async () => (await chad.GetOffers())!.Count == 0, Patience, "chad to let the offer go");
        Assert.Equal(RefusalKind.Conflict, (await chad.AcceptOffer(first.OfferId)).Refusal!.Kind);
        var waiting = await Eventually.ReturnsAsync(() => Conversation(unheard).GetSnapshot(), s => s!.Handoff.Status == HandoffStatus.Queued, Patience, "the customer to wait");
        Assert.Equal(ConversationStatus.Queued, waiting!.Status);
        var wanda = await OnlineOn("wanda", Channel.Whatsapp);
        Assert.Null((await wanda.AcceptOffer((await OfferTo(wanda, unheard)).OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation(unheard).GetSnapshot()) is { Status: ConversationStatus.Human, Handoff.AgentId: "wanda" },
            Patience, "the customer to be with wanda");
    }

    [Fact]
    public async Task A_waiting_customer_whose_language_changes_waits_for_an_agent_of_the_new_language()
    {
        var hans = await OnlineOn("hans", Channel.Chat, "de");
        await AskForPerson("c1");

        await Conversation("c1").Apply(Started(Channel.Chat, "de-DE"));

        var offer = await OfferTo(hans, "c1");
        Assert.Equal("c1", offer.ConversationId);
        Assert.Equal(0, (await fixture.Grains.Pool(_tenant, "en/chat").GetDepth()).AtOrAbove(0).Waiting);
    }

    [Fact]
    public async Task An_agent_who_goes_offline_before_a_first_reply_loses_the_conversation_at_once_and_stays_offline()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        await AcceptedByAna(ana);

        var answer = await ana.SetStatus(AgentStatus.Offline);

        // The answer already shows the conversation gone: it was taken back before the agent answered.
        Assert.Empty(answer.Agent!.Conversations);
        await TakenBackFromAnaGoneOffline();
    }

    [Fact]
    public async Task Word_of_an_agent_going_offline_that_comes_before_the_assignment_it_is_about_takes_the_conversation_back_once_it_comes()
    {
        // This conversation hears of an assignment only from its queue, on its next round.
        const string late = OfferClusterFixture.DeafToAssignments + "1";
        var ana = await Online("ana");
        var handoff = await AskForPerson(late);
        var offer = await OfferTo(ana, late);
        Assert.Null((await ana.AcceptOffer(offer.OfferId)).Refusal);

        // Ana's word of going offline (here without her going: she stays on duty) comes while the conversation still waits.
        await Conversation(late).OnAgentOffline(handoff.HandoffId, "ana");

        var reclaimed = await Eventually.ReturnsAsync(() => Reclaims(late), r => r.Count == 1, Patience, "the conversation to be taken back");
        Assert.Equal(("ana", HandoffReclaimed.AgentOffline), (reclaimed![0].AgentId, reclaimed[0].Reason));
        Assert.Equal(["handoff.requested", "handoff.queued", "handoff.offered", "handoff.assigned", "handoff.reclaimed"],
            [.. ConversationFacts.HandoffTypes(await Facts(late)).Take(5)]);
    }

    [Fact]
    public async Task An_agent_going_offline_is_answered_with_the_conversations_it_keeps_those_it_answered()
    {
        // A tenant whose first replies are due in ten minutes: only going offline takes a conversation back here.
        _tenant = OfferClusterFixture.PatientAloneTenant;
        var (answered, unanswered) = ("c1", "c2");
        var ana = await Online("ana", capacity: 2);
        foreach (var conversationId in new[] { answered, unanswered })
        {
            await HeldBy(ana, conversationId);
        }
        await Conversation(answered).Apply(CxCluster.TestSupport.ConversationEvents.Agent("ana", "Hi, I am Ana, how can I help?"));

        var answer = await ana.SetStatus(AgentStatus.Offline);

        Assert.Equal([answered], answer.Agent!.Conversations);
        Assert.Equal(HandoffReclaimed.AgentOffline, Assert.Single((await Reclaims(unanswered))!).Reason);
        Assert.Empty((await Reclaims(answered))!);
    }

    [Fact]
    public async Task An_assignment_made_in_the_queue_the_customer_moved_away_from_is_refused_and_told_as_an_offer_declined_for_the_move()
    {
        // Nobody is on duty: the customer waits, then switches to WhatsApp.
        var handoff = await AskForPerson("c1");
        await Conversation("c1").Apply(Switched(Channel.Whatsapp));
        var chat = GrainKeys.PoolName("en", Channel.Chat);
        var now = DateTimeOffset.UtcNow;

        // Word that an agent took it in the chat queue as the move was made (an accept in flight).
        var agrees = await Conversation("c1").CheckAssignment(new AgentAssignment
        {
            HandoffId = handoff.HandoffId, AgentId = "ana", AgentDisplayName = "Agent ana", AssignedAt = now, Queue = chat,
            Offer = new HandoffOfferNotice { HandoffId = handoff.HandoffId, OfferId = "ofr-7", AgentId = "ana", ExpiresAt = now.AddSeconds(30), At = now, Queue = chat },
        });

        Assert.False(agrees);
        var snapshot = (await Conversation("c1").GetSnapshot())!;
        Assert.Equal((ConversationStatus.Queued, HandoffStatus.Queued), (snapshot.Status, snapshot.Handoff.Status));
        var declined = Assert.Single((await Declines("c1"))!);
        Assert.Equal(("ofr-7", "ana", HandoffDeclined.AgentIneligible), (declined.OfferId, declined.AgentId, declined.Reason));
        Assert.Equal(["handoff.offered", "handoff.declined"], await OfferFactTypes("c1"));
        // Word of a direct assignment there, with no offer, is refused the same way.
        Assert.False(await Conversation("c1").CheckAssignment(new AgentAssignment
        {
            HandoffId = handoff.HandoffId, AgentId = "budi", AgentDisplayName = "Agent budi", AssignedAt = now, Queue = chat,
        }));
        Assert.Equal(ConversationStatus.Queued, (await Conversation("c1").GetSnapshot())!.Status);
    }

    [Fact]
    public async Task An_agent_whose_word_of_going_offline_was_lost_still_loses_the_unanswered_conversation_at_the_next_round()
    {
        // A tenant whose first replies are due in ten minutes: only the conversation's round can take it back in time.
        const string tenant = OfferClusterFixture.PatientTenant;
        var (_, ana, conversationId, conversation) = await DeafConversationWithAna(tenant);

        // Ana leaves before writing; her word of it never reaches the conversation.
        Assert.Null((await ana.SetStatus(AgentStatus.Offline)).Refusal);

        var reclaimed = (await Eventually.ReturnsAsync(async () => (await Facts(conversationId, tenant)).SingleOrDefault(f => f.Type == "handoff.reclaimed"),
            f => f is not null, Patience, "the conversation to take itself back"))!;
        Assert.Contains(HandoffReclaimed.AgentOffline, ConversationFacts.Data(reclaimed));
        await Eventually.HoldsAsync(async () => (await ana.Get()) is { Status: AgentStatus.Offline, Conversations.Count: 0 }, Patience, "ana to be offline and free");
        Assert.Equal(ConversationStatus.Queued, (await conversation.GetSnapshot())!.Status);
    }

    [Fact]
    public async Task An_agent_back_on_duty_right_after_going_offline_loses_the_unanswered_conversation_but_stays_available()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        await AcceptedByAna(ana);

        // A desktop that reconnects: offline, then at once available again.
        Assert.Null((await ana.SetStatus(AgentStatus.Offline)).Refusal);
        Assert.Null((await ana.SetStatus(AgentStatus.Available)).Refusal);

        Assert.Equal(HandoffReclaimed.AgentOffline, (await Eventually.ReturnsAsync(() => Reclaims("c1"), r => r.Count == 1, Patience, "c1 to be taken back"))![0].Reason);
        await Eventually.HoldsAsync(async () => (await ana.Get())!.Conversations.Count == 0, Patience, "ana to be free");
        // Going offline is not silence: ana stays on the duty she chose, not set away as not responding.
        Assert.Equal(AgentStatus.Available, (await ana.Get())!.Status);
    }

    [Fact]
    public async Task A_take_back_for_going_offline_told_after_the_agent_came_back_leaves_the_agent_available()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var offer = await OfferTo(ana, "c1");
        Assert.Null((await ana.AcceptOffer(offer.OfferId)).Refusal);

        // The conversation's take-back reaches ana only once she is on duty again.
        await ana.Reclaim("c1", offer.HandoffId, HandoffReclaimed.AgentOffline);

        Assert.Equal((AgentStatus.Available, 0), ((await ana.Get())!.Status, (await ana.Get())!.Conversations.Count));
    }

    [Fact]
    public async Task Lowering_capacity_below_what_the_agent_holds_declines_the_open_offers_past_it()
    {
        var hans = await Online("hans", capacity: 3);
        await Serve(hans, "hans", "c1");
        await AskForPerson("c2");
        var older = await OfferTo(hans, "c2");
        await AskForPerson("c3");
        var newer = await OfferTo(hans, "c3");

        await hans.Register(new AgentProfile { DisplayName = "Agent hans", Languages = ["en"], Channels = [Channel.Chat], Capacity = 2 });

        // The conversation he has stays, the older offer fits the new capacity, the newer one goes to someone else.
        Assert.Equal(older.OfferId, Assert.Single((await hans.GetOffers())!).OfferId);
        Assert.Equal(RefusalKind.Conflict, (await hans.AcceptOffer(newer.OfferId)).Refusal!.Kind);
        var declined = Assert.Single((await Eventually.ReturnsAsync(() => Declines("c3"), d => d.Count > 0, Patience, "c3's offer to be declined"))!);
        Assert.Equal((newer.OfferId, "hans", HandoffDeclined.AgentIneligible), (declined.OfferId, declined.AgentId, declined.Reason));
        Assert.Null((await hans.AcceptOffer(older.OfferId)).Refusal);
        var details = (await hans.Get())!;
        Assert.Equal((2, 2), (details.Conversations.Count, details.Profile.Capacity));
        var budi = await Online("budi");
        Assert.Equal("c3", (await OfferTo(budi, "c3")).ConversationId);
    }

    [Fact]
    public async Task A_conversation_taken_back_after_its_wait_widened_stays_ahead_of_one_that_asked_later()
    {
        // Its own tenant widens after a second; its own language keeps its pools to this test.
        const string tenant = OfferClusterFixture.WideningTenant;
        var language = $"x{Guid.NewGuid():N}"[..8];
        var (first, later) = ($"c{Guid.NewGuid():N}", $"c{Guid.NewGuid():N}");
        async Task<IAgentGrain> OnDuty(string id)
        {
            var agent = fixture.Grains.Agent(tenant, id);
            await agent.Register(new AgentProfile { DisplayName = id, Languages = [language], Channels = [Channel.Chat], Capacity = 1 });
            Assert.Null((await agent.SetStatus(AgentStatus.Available)).Refusal);
            return agent;
        }
        async Task Ask(string conversationId)
        {
            await fixture.Grains.Conversation(tenant, conversationId).Apply(Started(Channel.Chat, $"{language}-XX"));
            await fixture.Grains.Conversation(tenant, conversationId).Apply(Customer("I want to talk to a real person please"));
        }
        async Task<string[]> Types(string conversationId) => [.. (await Facts(conversationId, tenant)).Select(f => f.Type)];
        var ana = await OnDuty($"a{Guid.NewGuid():N}");
        await Ask(first);
        Assert.Null((await ana.AcceptOffer((await OfferTo(ana, first)).OfferId)).Refusal);
        await Ask(later);
        await Eventually.HoldsAsync(async () => (await Types(later)).Contains("handoff.escalated"), Patience, "the later one to wait in the wider queue");

        // Taken back after the first step's time: it waits in the wider queue now, still at its head.
        await ana.SetStatus(AgentStatus.Offline);
        // Told as it happened: taken back, moved to the wider queue, and queued there first; never queued behind the
        // later one in the narrow queue it was taken from.
        async Task<List<JournalFact>> AfterReclaim() =>
            [.. (await Facts(first, tenant)).SkipWhile(f => f.Type != "handoff.reclaimed").Skip(1).Where(f => f.Type is "handoff.escalated" or "handoff.queued").Take(2)];
        var afterReclaim = await Eventually.ReturnsAsync(AfterReclaim, facts => facts.Count == 2, Patience, "the first one to be taken back into the wider queue");
        Assert.Equal(["handoff.escalated", "handoff.queued"], afterReclaim!.Select(f => f.Type));
        var queued = ConversationFacts.Data(afterReclaim[1]);
        Assert.Contains($"\"queue\":\"{GrainKeys.LanguagePoolName(language)}\"", queued);
        Assert.Contains("\"position\":1", queued);

        var positions = await Task.WhenAll(new[] { first, later }.Select(async id => (await fixture.Grains.Conversation(tenant, id).GetSnapshot())!.Handoff.QueuePosition));
        Assert.Equal([1, 2], positions);
        var budi = await OnDuty($"b{Guid.NewGuid():N}");
        var offers = await Eventually.ReturnsAsync(() => budi.GetOffers(), o => o!.Count == 1, Patience, "an offer for budi");
        Assert.Equal(first, offers![0].ConversationId);
    }

    [Fact]
    public async Task An_agent_who_answered_and_then_goes_offline_keeps_the_conversation()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        await AcceptedByAna(ana);
        Assert.Null((await Conversation("c1").Apply(ConversationEvents.Agent("ana", "Hi, I am Ana, how can I help?"))).Refusal);

        await ana.SetStatus(AgentStatus.Offline);

        // Well past the first-reply deadline, it is still ana's: current conversations stay with an agent who goes offline.
        var until = DateTimeOffset.UtcNow.AddSeconds(OfferClusterFixture.FirstReplySeconds + 1);
        await Eventually.HoldsAsync(() => Task.FromResult(DateTimeOffset.UtcNow > until), Patience, "the first reply deadline to pass");
        var snapshot = await Conversation("c1").GetSnapshot();
        Assert.Equal(ConversationStatus.Human, snapshot!.Status);
        Assert.Equal("ana", snapshot.Handoff.AgentId);
        Assert.Empty(await Reclaims("c1"));
        Assert.Equal(["c1"], (await ana.Get())!.Conversations);
    }

    [Fact]
    public async Task A_customer_who_writes_to_an_agent_gone_offline_after_answering_is_taken_back_to_the_head_of_the_queue()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        await AcceptedByAna(ana);
        Assert.Null((await Conversation("c1").Apply(ConversationEvents.Agent("ana", "Hi, I am Ana, how can I help?"))).Refusal);
        Assert.Equal(["c1"], (await ana.SetStatus(AgentStatus.Offline)).Agent!.Conversations);

        // The customer writes again, and nobody is there to answer.
        Assert.Null((await Conversation("c1").Apply(Customer("hello? my card is still blocked"))).Refusal);

        await TakenBackFromAnaGoneOffline();
    }

    [Fact]
    public async Task An_agent_going_offline_keeps_what_it_answered_and_loses_one_when_its_customer_writes_more_than_thanks()
    {
        _tenant = OfferClusterFixture.PatientAloneTenant2;
        var (thanks, asks, wroteBefore) = ("c1", "c2", "c3");
        var ana = await Online("ana", capacity: 3);
        foreach (var conversationId in new[] { thanks, asks, wroteBefore })
        {
            await HeldBy(ana, conversationId);
            await Conversation(conversationId).Apply(ConversationEvents.Agent("ana", "Hi, I am Ana, how can I help?"));
        }
        // A customer who wrote before the agent left is not taken back for it: current conversations stay.
        await Conversation(wroteBefore).Apply(Customer("my refund has not arrived"));

        var answer = await ana.SetStatus(AgentStatus.Offline);
        Assert.Equal([thanks, asks, wroteBefore], answer.Agent!.Conversations.Order());

        await Conversation(thanks).Apply(Customer("ok thanks, bye!"));
        await Conversation(asks).Apply(Customer("one more thing: can I change the delivery address?"));

        Assert.Equal(HandoffReclaimed.AgentOffline, Assert.Single((await Eventually.ReturnsAsync(() => Reclaims(asks), r => r.Count == 1, Patience, "c2 to be taken back"))!).Reason);
        // Rounds come every second here: past two of them, the others are still ana's.
        var until = DateTimeOffset.UtcNow.AddSeconds(2.5);
        await Eventually.HoldsAsync(() => Task.FromResult(DateTimeOffset.UtcNow > until), Patience, "two more rounds");
        Assert.Empty((await Reclaims(thanks))!);
        Assert.Empty((await Reclaims(wroteBefore))!);
        Assert.Equal([thanks, wroteBefore], (await ana.Get())!.Conversations.Order());
    }

    [Fact]
    public async Task A_customer_who_writes_to_an_agent_gone_offline_whose_word_was_lost_is_taken_back_at_the_next_round()
    {
        const string tenant = OfferClusterFixture.PatientAloneTenant3;
        var (anaId, ana, conversationId, conversation) = await DeafConversationWithAna(tenant);
        Assert.Null((await conversation.Apply(ConversationEvents.Agent(anaId, "Hello, Ana here."))).Refusal);
        Assert.Null((await ana.SetStatus(AgentStatus.Offline)).Refusal);

        // Stamped by the platform when the customer wrote, after the agent went offline.
        Assert.Null((await conversation.Apply(Customer("are you still there?", DateTimeOffset.UtcNow))).Refusal);

        var reclaimed = (await Eventually.ReturnsAsync(async () => (await Facts(conversationId, tenant)).SingleOrDefault(f => f.Type == "handoff.reclaimed"),
            f => f is not null, Patience, "the conversation to take itself back"))!;
        Assert.Contains(HandoffReclaimed.AgentOffline, ConversationFacts.Data(reclaimed));
        Assert.Equal(ConversationStatus.Queued, (await conversation.GetSnapshot())!.Status);
    }

    /// <summary>The customer of <paramref name="conversationId"/> asks for a person, and <paramref name="agent"/> accepts the offer of it.</summary>
    private async Task HeldBy(IAgentGrain agent, string conversationId)
    {
        await AskForPerson(conversationId);
        Assert.Null((await agent.AcceptOffer((await OfferTo(agent, conversationId)).OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await Conversation(conversationId).GetSnapshot())!.Status == ConversationStatus.Human, Patience,
            $"{conversationId} to be with the agent");
    }

    /// <summary>
    /// A conversation of <paramref name="tenant"/> that never hears an agent's word of going offline, in the hands of a
    /// new agent Ana, its only agent on duty, who accepted the offer of it.
    /// </summary>
    private async Task<(string AnaId, IAgentGrain Ana, string ConversationId, IConversationGrain Conversation)> DeafConversationWithAna(string tenant)
    {
        var conversationId = $"{OfferClusterFixture.DeafToOfferEnds}{Guid.NewGuid():N}";
        var anaId = $"ana-{Guid.NewGuid():N}";
        var ana = fixture.Grains.Agent(tenant, anaId);
        await ana.Register(new AgentProfile { DisplayName = "Ana", Languages = ["en"], Channels = [Channel.Chat], Capacity = 1 });
        Assert.Null((await ana.SetStatus(AgentStatus.Available)).Refusal);
        var conversation = fixture.Grains.Conversation(tenant, conversationId);
        await conversation.Apply(Started(Channel.Chat, "en-US"));
        await conversation.Apply(Customer("I want to talk to a real person please"));
        var offer = (await Eventually.ReturnsAsync(async () => (await ana.GetOffers())!.SingleOrDefault(), o => o is not null, Patience, "ana's offer"))!;
        Assert.Null((await ana.AcceptOffer(offer.OfferId)).Refusal);
        await Eventually.HoldsAsync(async () => (await conversation.GetSnapshot())!.Status == ConversationStatus.Human, Patience, "the conversation to be ana's");
        return (anaId, ana, conversationId, conversation);
    }

    private async Task<IReadOnlyList<HandoffDeclined>> Declines(string conversationId) =>
        [.. (await Facts(conversationId))
            .Where(f => f.Type == "handoff.declined")
            .Select(f => (HandoffDeclined)FactCodec.Decode(f.Type, f.At, f.Data, f.Personal ?? default))];

    /// <summary>
    /// c1 was taken back from ana for going offline: it waits again at the head of its queue, ana is offline and holds
    /// nothing, and the next agent on duty, budi, is offered it.
    /// </summary>
    private async Task TakenBackFromAnaGoneOffline()
    {
        var reclaimed = await Eventually.ReturnsAsync(() => Reclaims("c1"), r => r.Count == 1, Patience, "c1 to be taken back");
        Assert.Equal(("ana", HandoffReclaimed.AgentOffline), (reclaimed![0].AgentId, reclaimed[0].Reason));
        var waiting = await Eventually.ReturnsAsync(() => Conversation("c1").GetSnapshot(), s => s!.Status == ConversationStatus.Queued, Patience, "c1 to wait again");
        Assert.Equal(1, waiting!.Handoff.QueuePosition);
        await Eventually.HoldsAsync(async () => (await Agent("ana").Get()) is { Status: AgentStatus.Offline, Conversations.Count: 0 }, Patience, "ana to be offline and free");
        var budi = await Online("budi");
        Assert.Equal("c1", (await OfferTo(budi, "c1")).ConversationId);
    }

    private async Task<IReadOnlyList<HandoffReclaimed>> Reclaims(string conversationId) =>
        [.. (await Facts(conversationId))
            .Where(f => f.Type == "handoff.reclaimed")
            .Select(f => (HandoffReclaimed)FactCodec.Decode(f.Type, f.At, f.Data, f.Personal ?? default))];

    [Fact]
    public async Task An_agent_who_writes_in_time_keeps_the_conversation()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        await AcceptedByAna(ana);

        Assert.Null((await Conversation("c1").Apply(ConversationEvents.Agent("ana", "Hi, I am Ana, how can I help?"))).Refusal);

        // Well past the deadline, it is still ana's.
        var until = DateTimeOffset.UtcNow.AddSeconds(OfferClusterFixture.FirstReplySeconds + 1);
        await Eventually.HoldsAsync(() => Task.FromResult(DateTimeOffset.UtcNow > until), Patience, "the first reply deadline to pass");
        Assert.Equal(ConversationStatus.Human, (await Conversation("c1").GetSnapshot())!.Status);
        Assert.DoesNotContain("handoff.reclaimed", await FactTypes("c1"));
    }

    [Fact]
    public async Task An_offer_of_a_conversation_that_ends_is_withdrawn()
    {
        var ana = await Online("ana");
        await AskForPerson("c1");
        var offer = await OfferTo(ana, "c1");

        await Conversation("c1").Apply(Ended());

        await Eventually.HoldsAsync(async () => (await ana.GetOffers())!.Count == 0, Patience, "the offer to be withdrawn");
        Assert.Equal(RefusalKind.Conflict, (await ana.AcceptOffer(offer.OfferId)).Refusal!.Kind);
        Assert.Equal(AgentStatus.Available, (await ana.Get())!.Status);
    }

    [Fact]
    public async Task Answering_an_unknown_offer_is_not_found()
    {
        var ana = await Online("ana");

        Assert.Equal(RefusalKind.NotFound, (await ana.AcceptOffer("ofr-999")).Refusal!.Kind);
        Assert.Equal(RefusalKind.NotFound, (await ana.DeclineOffer("ofr-999", null)).Refusal!.Kind);
        Assert.Equal(RefusalKind.NotFound, (await Agent("nobody").AcceptOffer("ofr-1")).Refusal!.Kind);
    }
}
