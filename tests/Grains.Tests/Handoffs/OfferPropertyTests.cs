using CxCluster.Grains.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Handoffs;

/// <summary>
/// The queue policy on a two-silo cluster under random interleavings of requests, offers, accepts, declines, timeouts
/// (offers left unanswered), completions, first replies, endings and status changes, a few at a time concurrently.
/// After every round: no agent holds more than its capacity in offers and assignments, and no conversation is with two
/// agents or has two open offers; at the end, every conversation that still wants a person is with one or waits in a
/// queue. Seeded, so every run tries the same cases.
/// </summary>
[Collection(OfferClusterCollection.Name)]
public sealed class OfferPropertyTests(OfferClusterFixture fixture)
{
    private const int Agents = 3;
    private const int Capacity = 2;
    private const int Conversations = 8;

    private static readonly Config Seeded = Config.QuickThrowOnFailure
        .WithMaxTest(8)
        .WithStartSize(16)
        .WithEndSize(40)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261201, 104729), FSharpOption<int>.None)));

    private enum Kind { Ask, Accept, Decline, Timeout, Complete, Reply, Available, Away, Offline, End }

    private sealed record Step(Kind Kind, int Agent, int Conversation, int Priority)
    {
        public override string ToString() => $"{Kind}(a{Agent}, c{Conversation}, p{Priority})";
    }

    private static readonly Arbitrary<Step[]> Steps = Arb.From(
        Gen.Frequency(
                (5, Gen.Constant(Kind.Ask)),
                (4, Gen.Constant(Kind.Accept)),
                (2, Gen.Constant(Kind.Decline)),
                (1, Gen.Constant(Kind.Timeout)),
                (2, Gen.Constant(Kind.Complete)),
                (2, Gen.Constant(Kind.Reply)),
                (2, Gen.Constant(Kind.Available)),
                (1, Gen.Constant(Kind.Away)),
                (1, Gen.Constant(Kind.Offline)),
                (1, Gen.Constant(Kind.End)))
            .SelectMany(_ => Gen.Choose(0, Agents - 1), (kind, agent) => (kind, agent))
            .SelectMany(_ => Gen.Choose(0, Conversations - 1), (step, conversation) => (step.kind, step.agent, conversation))
            .SelectMany(_ => Gen.Choose(HandoffPriority.Lowest, HandoffPriority.Highest), (step, priority) => new Step(step.kind, step.agent, step.conversation, priority))
            .ArrayOf());

    [Fact]
    public void Every_interleaving_keeps_capacity_one_agent_and_one_offer_per_conversation_and_loses_no_one()
    {
        Prop.ForAll(Steps, steps => new Run(fixture).PlayAsync(steps).GetAwaiter().GetResult()).Check(Seeded);
    }

    private sealed class Run(OfferClusterFixture fixture)
    {
        private readonly string _tenant = $"t{Guid.NewGuid():N}";
        private readonly HashSet<int> _asked = [];
        private readonly HashSet<int> _ended = [];
        private int _events;

        private IAgentGrain Agent(int i) => fixture.Grains.Agent(_tenant, $"a{i}");

        private IConversationGrain Conversation(int i) => fixture.Grains.Conversation(_tenant, $"c{i}");

        public async Task PlayAsync(Step[] steps)
        {
            for (var i = 0; i < Agents; i++)
            {
                await Agent(i).Register(new AgentProfile { DisplayName = $"A{i}", Languages = ["en"], Channels = [Channel.Chat], Capacity = Capacity });
            }
            foreach (var round in steps.Chunk(3))
            {
                await Task.WhenAll(round.Select(Apply));
                await InvariantsHold(string.Join(", ", steps));
            }
            await NobodyIsLost(string.Join(", ", steps));
        }

        private async Task Apply(Step step)
        {
            var agent = Agent(step.Agent);
            switch (step.Kind)
            {
                case Kind.Ask when _asked.Add(step.Conversation):
                    await Conversation(step.Conversation).Apply(new ConversationStartedEvent
                    {
                        Id = Next(), OccurredAt = DateTimeOffset.UtcNow, Channel = Channel.Chat, Locale = "en-US", Priority = step.Priority,
                    });
                    await Conversation(step.Conversation).Apply(Customer("I want to talk to a real person please") with { Id = Next() });
                    break;
                case Kind.Accept when (await agent.GetOffers())!.FirstOrDefault() is { } offer:
                    await agent.AcceptOffer(offer.OfferId);
                    break;
                case Kind.Decline when (await agent.GetOffers())!.FirstOrDefault() is { } offer:
                    await agent.DeclineOffer(offer.OfferId, "busy");
                    break;
                case Kind.Timeout when (await agent.GetOffers())!.FirstOrDefault() is { } offer:
                    // Nobody answers: wait for the deadline to pass and the offer to end by itself.
                    await Eventually.HoldsAsync(async () => !(await agent.GetOffers())!.Any(o => o.OfferId == offer.OfferId),
                        TimeSpan.FromSeconds(OfferClusterFixture.OfferSeconds + 10), $"offer {offer.OfferId} to expire");
                    break;
                case Kind.Complete when (await agent.Get())!.Conversations.FirstOrDefault() is { } held:
                    await agent.Complete(held);
                    break;
                case Kind.Reply when (await agent.Get())!.Conversations.FirstOrDefault() is { } held:
                    // Refused when the conversation moved on meanwhile; either way nothing breaks.
                    await fixture.Grains.Conversation(_tenant, held).Apply(ConversationEvents.Agent($"a{step.Agent}", "Hello, I am here") with { Id = Next() });
                    break;
                case Kind.Available:
                    await agent.SetStatus(AgentStatus.Available);
                    break;
                case Kind.Away:
                    await agent.SetStatus(AgentStatus.Away);
                    break;
                case Kind.Offline:
                    await agent.SetStatus(AgentStatus.Offline);
                    break;
                case Kind.End when _asked.Contains(step.Conversation) && _ended.Add(step.Conversation):
                    await Conversation(step.Conversation).Apply(Ended() with { Id = Next() });
                    break;
            }
        }

        private string Next() => $"e{Interlocked.Increment(ref _events)}";

        private async Task InvariantsHold(string steps)
        {
            var agents = await Task.WhenAll(Enumerable.Range(0, Agents).Select(async i => (Details: (await Agent(i).Get())!, Offers: (await Agent(i).GetOffers())!)));
            foreach (var (details, offers) in agents)
            {
                Assert.True(details.Conversations.Count + offers.Count <= Capacity,
                    $"{details.AgentId} holds {details.Conversations.Count} and is offered {offers.Count} after {steps}");
            }
            var held = agents.SelectMany(a => a.Details.Conversations).ToArray();
            Assert.True(held.Length == held.Distinct().Count(), $"a conversation is with two agents after {steps}");
            var offered = agents.SelectMany(a => a.Offers.Select(o => o.ConversationId)).ToArray();
            Assert.True(offered.Length == offered.Distinct().Count(), $"a conversation has two open offers after {steps}");
        }

        /// <summary>Every conversation that asked and did not end is, once things settle, with an agent or waiting in a queue.</summary>
        private async Task NobodyIsLost(string steps)
        {
            foreach (var i in _asked.Except(_ended))
            {
                await Eventually.HoldsAsync(async () => (await Conversation(i).GetSnapshot()) is { } s
                    && (s.Status == ConversationStatus.Human
                        || (s.Status == ConversationStatus.Ai && s.Handoff.Status == HandoffStatus.Completed)
                        || (s.Status == ConversationStatus.Queued && s.Handoff.QueuePosition is > 0)),
                    TimeSpan.FromSeconds(30), $"c{i} to be with an agent or in a queue after {steps}");
            }
        }
    }
}
