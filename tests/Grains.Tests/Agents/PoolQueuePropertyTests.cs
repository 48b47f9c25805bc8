using CxCluster.Grains.Agents;
using CxCluster.Grains.Agents.Pool;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace CxCluster.Grains.Tests.Agents;

/// <summary>
/// The priority queue against a naive model (a list sorted by priority, then arrival) under random interleavings of
/// joining, leaving, being assigned and taking checkpoints. Seeded, so every run tries the same cases.
/// </summary>
public sealed class PoolQueuePropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Config Seeded = Config.QuickThrowOnFailure
        .WithMaxTest(200)
        .WithEndSize(300)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261201, 7919), FSharpOption<int>.None)));

    private enum Kind { Enter, Leave, Assign, AssignHead, Checkpoint }

    /// <summary>One change: <see cref="Pick"/> chooses a conversation (new or waiting), <see cref="Priority"/> the level it joins at.</summary>
    private sealed record Step(Kind Kind, int Pick, int Priority)
    {
        public override string ToString() => $"{Kind}({Pick}, p{Priority})";
    }

    private sealed record Waiting(string Conversation, string Handoff, int Priority, long Sequence);

    private static readonly Arbitrary<Step[]> Steps = Arb.From(
        Gen.Frequency(
                (6, Gen.Constant(Kind.Enter)),
                (2, Gen.Constant(Kind.Leave)),
                (1, Gen.Constant(Kind.Assign)),
                (2, Gen.Constant(Kind.AssignHead)),
                (1, Gen.Constant(Kind.Checkpoint)))
            .SelectMany(kind => Gen.Choose(0, 60), (kind, pick) => (kind, pick))
            .SelectMany(_ => Gen.Choose(HandoffPriority.Lowest, HandoffPriority.Highest), (step, priority) => new Step(step.kind, step.pick, priority))
            .ArrayOf());

    [Fact]
    public void Every_interleaving_keeps_the_queue_in_priority_then_arrival_order_with_true_positions_and_counts()
    {
        Prop.ForAll(Steps, steps =>
        {
            var run = new Run();
            foreach (var step in steps)
            {
                run.Apply(step);
                run.AgreesWithTheModel();
            }
        }).Check(Seeded);
    }

    [Fact]
    public void A_queue_rebuilt_from_any_checkpoint_and_the_records_after_it_is_the_live_queue()
    {
        Prop.ForAll(Steps, steps =>
        {
            var run = new Run();
            foreach (var step in steps)
            {
                run.Apply(step);
            }
            run.RebuiltEqualsLive();
        }).Check(Seeded);
    }

    [Fact]
    public void A_round_of_checks_as_long_as_the_queue_visits_every_waiting_conversation_once()
    {
        Prop.ForAll(Steps, Gen.Choose(1, 7).ToArbitrary(), (steps, perCall) =>
        {
            var run = new Run();
            foreach (var step in steps)
            {
                run.Apply(step);
                // Rounds in between leave the cursor anywhere, in any priority.
                run.Ledger.Queue.NextToCheck(perCall);
            }
            var round = new List<string>();
            while (round.Count < run.Model.Count)
            {
                round.AddRange(run.Ledger.Queue.NextToCheck(Math.Min(perCall, run.Model.Count - round.Count)).Select(w => w.Request.ConversationId));
            }
            Assert.Equal(run.Model.Select(w => w.Conversation).Order(StringComparer.Ordinal), round.Order(StringComparer.Ordinal));
        }).Check(Seeded);
    }

    /// <summary>A ledger fed pool records, beside the model it must agree with.</summary>
    private sealed class Run
    {
        private readonly List<PoolRecord> _records = [];
        private AgentPoolState _checkpoint = new PoolLedger().ToCheckpoint();
        private int _checkpointAt;
        private long _sequence;

        public PoolLedger Ledger { get; } = new();

        /// <summary>The waiting conversations in the order they must be served.</summary>
        public List<Waiting> Model { get; } = [];

        public void Apply(Step step)
        {
            switch (step.Kind)
            {
                case Kind.Enter:
                    // A pick past those waiting is a new conversation; otherwise a waiting one asks again.
                    var conversation = step.Pick < Model.Count && step.Pick % 3 == 0 ? Model[step.Pick].Conversation : $"c{_sequence}";
                    var sequence = _sequence++;
                    var entered = new PoolEntered
                    {
                        At = Now.AddSeconds(sequence),
                        Request = new HandoffRequest
                        {
                            ConversationId = conversation,
                            HandoffId = $"h{sequence}",
                            Reason = "customer-request",
                            RequestedAt = Now,
                            Priority = step.Priority,
                        },
                        Sequence = sequence,
                    };
                    Model.RemoveAll(w => w.Conversation == conversation);
                    Model.Add(new Waiting(conversation, entered.Request.HandoffId, step.Priority, sequence));
                    Model.Sort((a, b) => a.Priority != b.Priority ? b.Priority.CompareTo(a.Priority) : a.Sequence.CompareTo(b.Sequence));
                    Record(entered);
                    break;
                case Kind.Leave or Kind.Assign or Kind.AssignHead when Model.Count > 0:
                    var index = step.Kind == Kind.AssignHead ? 0 : step.Pick % Model.Count;
                    var leaving = Model[index];
                    Model.RemoveAt(index);
                    Record(step.Kind == Kind.Leave
                        ? new PoolLeft { At = Now, ConversationId = leaving.Conversation, HandoffId = leaving.Handoff }
                        : new PoolAssigned { At = Now, Assignment = new PoolAssignment { ConversationId = leaving.Conversation, HandoffId = leaving.Handoff, AgentId = "a", AgentDisplayName = "A" } });
                    break;
                case Kind.Checkpoint:
                    _checkpoint = Ledger.ToCheckpoint();
                    _checkpointAt = _records.Count;
                    break;
            }
        }

        public void AgreesWithTheModel() => Agrees(Ledger.Queue);

        public void RebuiltEqualsLive()
        {
            var rebuilt = PoolLedger.FromCheckpoint(_checkpoint);
            foreach (var record in _records.Skip(_checkpointAt))
            {
                rebuilt.Apply(record);
            }
            Agrees(rebuilt.Queue);
            Assert.Equal(Ledger.Queue.Entries, rebuilt.Queue.Entries);
            Assert.Equal(Ledger.NextSequence, rebuilt.NextSequence);
        }

        private void Agrees(PoolQueue queue)
        {
            Assert.Equal(Model.Count, queue.Count);
            Assert.Equal(Model.FirstOrDefault()?.Conversation, queue.Head?.Request.ConversationId);
            Assert.Equal(Model.MinBy(w => w.Sequence)?.Conversation, queue.LongestWaiting?.Request.ConversationId);
            Assert.Equal(Model.Select(w => (w.Conversation, w.Handoff, w.Priority, w.Sequence)),
                queue.Entries.Select(e => (e.Request.ConversationId, e.Request.HandoffId, e.Request.Priority, e.Sequence)));
            for (var i = 0; i < Model.Count; i++)
            {
                Assert.Equal(i + 1, queue.Position(Model[i].Conversation, Model[i].Handoff));
                Assert.Null(queue.Position(Model[i].Conversation, "another-handoff"));
                Assert.Equal(Model[i].Sequence, queue.Find(Model[i].Conversation, Model[i].Handoff)?.Sequence);
            }
        }

        private void Record(PoolRecord record)
        {
            Ledger.Apply(record);
            _records.Add(record);
        }
    }
}
