using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Conversations;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Conversations;

/// <summary>
/// A conversation rebuilt as its grain rebuilds one, from a checkpoint (the state's stored bytes) and the facts after
/// it as the journal gives them back, is the live conversation after every later step, field by field: whatever the
/// messages, the platform's signals, handoffs, offers, an agent handing back, repeated starts, and event times out of
/// order or ahead of the silo's clock within the tolerance. After every step, the snapshot built from the parts the
/// grain keeps is the one built afresh, and no event was recorded before what the conversation had recorded. Seeded,
/// so every run tries the same cases.
/// </summary>
public sealed class ConversationReplayPropertyTests
{
    private static readonly Serializer<ConversationState> States =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer<ConversationState>>();

    /// <summary>How far ahead of the silo's clock an event may be stamped (the API's <c>Events:FutureToleranceSeconds</c>).</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);

    private static readonly string[] Texts =
    [
        "where is my order?", "ok", "thanks, that helps!", "this is useless, I am really angry", "you are not helping at all",
        "am I talking to a bot?", "ini bot ya?", "agent please", "saya mau bicara dengan CS", "my card 4111 1111 1111 1111 was charged twice",
        "I already told you that", "halo", "terrible service, worst ever", "can I talk to a real person?", "order 12345 never arrived",
    ];

    private static readonly string[] Locales = ["en-US", "id-ID", "en-GB"];

    private static readonly Channel[] Channels = Enum.GetValues<Channel>();

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 50; seed++)
        {
            seeds.Add(seed);
        }
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_checkpoint_and_the_facts_after_it_rebuild_the_live_conversation_after_every_step(int seed)
    {
        var run = new Run(seed);
        run.Play(240);

        // No checkpoint (a replay from the first fact), then checkpoints taken after random steps.
        run.AssertRebuildsFrom(-1);
        var random = new Random(seed * 7919);
        for (var i = 0; i < 3; i++)
        {
            run.AssertRebuildsFrom(random.Next(0, run.Steps));
        }
    }

    /// <summary>One conversation played live, with what a rebuild needs after each step: its checkpoint and its facts.</summary>
    private sealed class Run
    {
        private readonly TenantPolicy _policy;
        private readonly ConversationSettings _options = new();
        private readonly ConversationState _state = new();
        private readonly ConversationDecider _decider;
        private readonly Random _random;
        private readonly int _seed;
        private DateTimeOffset _now = Now;
        /// <summary>The latest time any fact of the conversation was recorded at.</summary>
        private DateTimeOffset _latest;

        private readonly List<string> _live = [];
        private readonly List<byte[]> _checkpoints = [];
        private readonly List<(string Type, DateTimeOffset At, byte[] Data, byte[]? Personal)[]> _facts = [];
        private readonly List<string> _told = [];
        private readonly SnapshotParts _parts = new();

        public Run(int seed)
        {
            var tenants = new TenantDirectory([new TenantPolicy { TenantId = "acme", BrandName = "Acme", DefaultLocale = "id-ID" }]);
            _policy = tenants.Get("acme");
            _decider = new ConversationDecider("c1", _state, _policy, new CustomerTexts(tenants), _options);
            _random = new Random(seed);
            _seed = seed;
        }

        public int Steps => _live.Count;

        public void Play(int steps)
        {
            Keep("(nothing yet)", []);
            for (var i = 0; i < steps && _state.Status != ConversationStatus.Ended; i++)
            {
                // The silo's clock moves on; some steps come at once.
                _now = _now.AddMilliseconds(_random.Next(4) == 0 ? 0 : _random.Next(1, 90_000));
                var (what, facts) = _state.Started && _random.Next(3) == 0 ? GrainStep() : EventStep();
                Keep(what, facts);
            }
        }

        /// <summary>
        /// Rebuilds from the checkpoint taken after step <paramref name="checkpoint"/> (-1: none) with each later step's
        /// facts, decoded as the journal gives them back, and compares with the live state after that step.
        /// </summary>
        public void AssertRebuildsFrom(int checkpoint)
        {
            var state = checkpoint < 0 ? new ConversationState() : States.Deserialize(_checkpoints[checkpoint])!;
            for (var step = checkpoint + 1; step < _live.Count; step++)
            {
                foreach (var (type, at, data, personal) in _facts[step])
                {
                    ConversationEvolution.Apply(state, FactCodec.Decode(type, at, data, personal), _policy, _options);
                    state.Version++;
                }
                WholeState.AssertSame(_live[step], WholeState.Json(state), $"seed {_seed}, checkpoint after step {checkpoint}, step {step}: {_told[step]}");
            }
        }

        private void Keep(string what, IReadOnlyList<Fact> facts)
        {
            _state.Version += facts.Count;
            foreach (var fact in facts)
            {
                _latest = fact.At > _latest ? fact.At : _latest;
            }
            // The snapshot the grain answers, built from the parts it kept, is the one built afresh.
            _parts.Changed(facts);
            var fresh = System.Text.Json.JsonSerializer.Serialize(ConversationSnapshots.Build("c1", _state, _policy, _options));
            Assert.True(fresh == System.Text.Json.JsonSerializer.Serialize(_parts.Get("c1", _state, _policy, _options)),
                $"seed {_seed}, step {_live.Count}: {what}: the snapshot from kept parts differs from one built afresh");
            _live.Add(WholeState.Json(_state));
            _checkpoints.Add(States.SerializeToArray(_state));
            _facts.Add([.. facts.Select(f =>
            {
                var (data, personal) = FactCodec.Encode(f);
                return (f.Type, f.At, data, personal);
            })]);
            _told.Add(what);
        }

        /// <summary>An event from the platform, stamped when it occurred: at the silo's now, a little before, late, or ahead.</summary>
        private (string, IReadOnlyList<Fact>) EventStep()
        {
            var at = _random.Next(6) switch
            {
                0 => _now + TimeSpan.FromMilliseconds(_random.Next(1, (int)Tolerance.TotalMilliseconds)),
                1 => _now - TimeSpan.FromMinutes(_random.Next(1, 20)),
                2 => _now,
                _ => _now - TimeSpan.FromMilliseconds(_random.Next(0, 30_000)),
            };
            ConversationEvent e = _random.Next(20) switch
            {
                0 or 1 => Started(Channels[_random.Next(Channels.Length)], Locales[_random.Next(Locales.Length)], at) with
                {
                    CustomerId = _random.Next(3) switch { 0 => null, 1 => "cust-1", _ => $"cust-{_random.Next(2, 5)}" },
                    Priority = _random.Next(10),
                },
                2 => Switched(Channels[_random.Next(Channels.Length)], at),
                3 or 4 or 5 or 6 => Ai("Here is what I found.", at),
                7 or 8 or 9 or 10 => Customer(Texts[_random.Next(Texts.Length)], at),
                11 => Customer(_state.Transcript.LastOrDefault(t => t.From == Speaker.Customer)?.Text ?? "halo", at),
                12 or 13 => _random.Next(6) switch
                {
                    0 => Signal("sentiment", Math.Round(_random.NextDouble() * 2 - 1, 2), at),
                    1 => Signal("nlu.no_match", 1, at),
                    2 => Signal("voice.silence_ms", _random.Next(0, 20_000), at),
                    3 => Signal("voice.barge_in", 1, at),
                    4 => Signal("csat", _random.Next(1, 6), at),
                    _ => Signal("platform.latency_ms", _random.Next(0, 900), at),
                },
                14 or 15 when _state.Disclosure.Issued.Count > 0 => Delivered(_state.Disclosure.Issued[_random.Next(_state.Disclosure.Issued.Count)].DisclosureId, at),
                16 or 17 when _state.Status == ConversationStatus.Human => Agent(_state.Handoff!.AgentId!, "Hi, this is your agent.", at),
                18 when _state.Started && _random.Next(8) == 0 => Ended(at),
                _ => Customer(Texts[_random.Next(Texts.Length)], at),
            };
            var decision = _decider.Decide(e, _now);
            if (decision.Refusal is not null)
            {
                Assert.Empty(_decider.TakeFacts());
                return ($"{e.Type.Name()} refused", []);
            }
            // Never recorded before what the conversation already recorded; a signal counts when it was scored.
            Assert.All(decision.Facts.Where(f => f is not TrustSignalled), f => Assert.True(f.At >= _latest,
                $"seed {_seed}, step {_live.Count}: {f.Type} of an event stamped {e.OccurredAt:HH:mm:ss.fff} recorded at {f.At:HH:mm:ss.fff}, before {_latest:HH:mm:ss.fff}"));
            var facts = decision.Facts.ToList();
            facts.AddRange(_decider.TakeFacts());
            return ($"{e.Type.Name()} at {e.OccurredAt:HH:mm:ss.fff}, now {_now:HH:mm:ss.fff}", facts);
        }

        /// <summary>What the grain does outside events, at the silo's now: placements, offers, hand-back, reclaim, erasure.</summary>
        private (string, IReadOnlyList<Fact>) GrainStep()
        {
            var handoff = _state.Handoff;
            string what;
            if (_random.Next(200) == 0)
            {
                _decider.Erase(_now);
                what = "erased";
            }
            else if (_state.Status == ConversationStatus.Queued && handoff is { AwaitingPool: true })
            {
                _decider.Place(handoff, _random.Next(3) == 0 ? Assigned() : new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = _random.Next(1, 9), EstimatedWaitSeconds = 60 }, _now);
                what = "placed";
            }
            else if (_state.Status == ConversationStatus.Queued && handoff is not null)
            {
                switch (_random.Next(5))
                {
                    case 0:
                        _decider.Place(handoff, new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = _random.Next(1, 9), EstimatedWaitSeconds = _random.Next(10, 300) }, _now);
                        what = "moved in the queue";
                        break;
                    case 1:
                        var agent = $"a{_random.Next(1, 4)}";
                        _decider.Place(handoff, new HandoffPlacement
                        {
                            Status = HandoffStatus.Queued, QueuePosition = 1, OfferId = $"ofr-{_random.Next(1000)}", OfferedAgentId = agent, OfferExpiresAt = _now.AddSeconds(30),
                        }, _now);
                        what = $"offered to {agent}";
                        break;
                    case 2 when handoff.OfferId is { } offerId:
                        _decider.OfferChanged(new HandoffOfferNotice
                        {
                            HandoffId = handoff.HandoffId, OfferId = offerId, AgentId = handoff.OfferedAgentId!, ExpiresAt = handoff.OfferExpiresAt!.Value,
                            Outcome = _random.Next(2) == 0 ? OfferOutcome.Declined : OfferOutcome.Expired, At = _now,
                        }, _now);
                        what = "offer ended";
                        break;
                    case 3:
                        _decider.Escalate(1, "id", _now);
                        what = "escalated";
                        break;
                    default:
                        _decider.Place(handoff, Assigned(), _now);
                        what = "assigned";
                        break;
                }
            }
            else if (_state.Status == ConversationStatus.Human)
            {
                if (_random.Next(3) == 0)
                {
                    _decider.Reclaim(HandoffReclaimed.NoFirstReply, _now);
                    what = "reclaimed";
                }
                else
                {
                    _decider.TakeOver(_now);
                    what = "handed back";
                }
            }
            else
            {
                return EventStep();
            }
            return (what, _decider.TakeFacts());
        }

        private HandoffPlacement Assigned()
        {
            var agent = $"a{_random.Next(1, 4)}";
            return new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = agent, AgentDisplayName = agent.ToUpperInvariant() };
        }
    }
}
