using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Tenants;
using CxCluster.Grains.Trust;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Conversations;

/// <summary>
/// One conversation: applies the rules to each event, asks the pool for a human when they say so, and appends the
/// facts they record to its journal with each event's answer; that append is all an event stores, and the event is
/// answered once it is durable. The state is rebuilt on activation from the latest checkpoint plus the facts after it;
/// checkpoints are written every so many facts, off the answer's path. If anything fails mid-event the activation is
/// dropped, so its half-applied memory never outlives the call.
/// A step that involves the pool or an agent is stored before it is taken and repeated until acknowledged; while a
/// handoff is under way a durable reminder makes the conversation check the other side, even after its silo died.
/// </summary>
/// <remarks>
/// An event id is a repeat when this activation still holds its answer, or when the journal already has an answer
/// for it: the append of a repeat fails on the journal's index of event ids before anything of it is stored or sent
/// anywhere, and the conversation reloads what is stored and answers as the first time.
/// </remarks>
internal sealed partial class ConversationGrain(ConversationServices services) : Grain, IConversationGrain, IRemindable
{
    private readonly RecentAnswers _recent = new(services.Options.RecentAnswers);
    private ConversationState _state = new();
    private string _tenantId = "";
    private string _conversationId = "";
    private TenantPolicy _policy = null!;
    private ConversationDecider _decider = null!;
    private ConversationJournal _journal = null!;
    /// <summary>Memory holds a change not stored yet.</summary>
    private bool _dirty;
    /// <summary>The version the state was loaded at: an activation that recorded nothing since (only read) writes nothing.</summary>
    private long _loadedVersion;
    /// <summary>Agents to tell, once what is in memory is stored, that a handoff they were offered was taken by someone else (<see cref="NoteOtherOffers"/>).</summary>
    private readonly List<(string AgentId, string HandoffId)> _withdrawals = [];
    /// <summary>Every event id of the conversation was answered by this activation and its answer is still in <see cref="_recent"/>.</summary>
    private bool _allAnswersKept;
    private Checkpoints _checkpoints = null!;
    /// <summary>The full snapshot of the state as it is now and its costly parts, each kept until it changes.</summary>
    private readonly SnapshotParts _snapshot = new();
    /// <summary>A reconciliation round started by a read is due and has not run yet.</summary>
    private bool _repairDue;
    /// <summary>
    /// Fires when the assigned agent's first reply is due, or a little past an open offer's deadline; re-armed from the
    /// stored state on every activation. Made the first time either is due: most conversations never have an agent, and
    /// keep none.
    /// </summary>
    private DeadlineTimer? _handoffTimer;
    /// <summary>The reconciliation reminder as this activation registered it, if it did: removed with it, unread.</summary>
    private IGrainReminder? _reminder;

    /// <summary>How long an ended conversation stays after its last call (see <see cref="LetGoOnceEnded"/>).</summary>
    private static readonly TimeSpan EndedLingers = TimeSpan.FromSeconds(1);

    private IGrainTimer? _letGo;
    /// <summary>The open offer's deadline, and when to look next at whether its end was told.</summary>
    private (DateTimeOffset Deadline, DateTimeOffset Next)? _offerLook;

    private ConversationState State => _state;

    /// <summary>
    /// A human holds the conversation, its pool has not acknowledged its handoff, a handoff it left still holds a
    /// queue place or an agent, or its erasure is recorded and its journal may still hold personal data. A conversation
    /// waiting in a queue needs no reminder: its pool holds it durably.
    /// </summary>
    private bool NeedsWatch =>
        State.Status == ConversationStatus.Human || State.Release is not null || State.ErasurePending
        || State.Handoff is { AwaitingPool: true } or { PoolsLeft.Count: > 0 };

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _conversationId) = GrainKeys.Split(this.GetPrimaryKeyString());
        _policy = services.Tenants.Get(_tenantId);
        // The tenant's id as its policy holds it: one string per tenant, not one per conversation in memory.
        _tenantId = _policy.TenantId;
        var stream = ConversationJournal.Stream(_tenantId, _conversationId);
        _journal = new ConversationJournal(services, stream);
        _checkpoints = new Checkpoints(services.Logger, stream);
        await Load();
        ArmHandoffTimer();
        if (State.Started && (NeedsWatch || State.Status == ConversationStatus.Queued))
        {
            this.ReconcileSoon(Reconcile);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A checkpoint now spares the next activation the replay; memory that is ahead of the journal (a failed event) is never kept.
        // An ended conversation is seldom read again: it is not worth a write per conversation, and a late read replays its tail.
        // An activation that only read (a GET of a conversation not in memory) writes nothing: a read never writes.
        await _checkpoints.Settled;
        if (State.Started && State.Status != ConversationStatus.Ended && State.Version > _checkpoints.Seq && State.Version > _loadedVersion
            && !_dirty && !_journal.HasPending)
        {
            await _checkpoints.WriteAsync(State.Version, WriteCheckpoint);
        }
        await UnwatchOnceEnded();
    }

    /// <summary>
    /// An ended conversation that handed off removes its reminder as it leaves memory, instead of being woken by it once
    /// more only to remove it. Ended is for good (no event is taken after it, an erasure leaves no handoff), so nothing will
    /// need the reminder again, and a checkpoint that still says it is registered misleads no later activation. If the
    /// removal fails, the reminder fires once more and its round removes it, as before.
    /// </summary>
    private async Task UnwatchOnceEnded()
    {
        if (State.Status != ConversationStatus.Ended || !State.Watched || NeedsWatch || services.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }
        try
        {
            State.Watched = await this.UnwatchAsync(State.Watched, Interlocked.Exchange(ref _reminder, null));
        }
        catch (Exception e)
        {
            services.Logger.LogInformation("Ended conversation {ConversationId} of tenant {TenantId} left its reminder for its next round to remove ({Reason})",
                _conversationId, _tenantId, e.GetBaseException().Message);
        }
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder that fired exists, whatever the state rebuilt from the last checkpoint says.
        State.Watched = true;
        return Reconcile();
    }

    ValueTask<EventOutcome> IConversationGrain.Apply(ConversationEvent @event) => ApplyOne(@event, AnswerShape.Full);

    ValueTask<EventOutcome> IConversationGrain.ApplyWithSummary(ConversationEvent @event) => ApplyOne(@event, AnswerShape.Summary);

    private async ValueTask<EventOutcome> ApplyOne(ConversationEvent @event, AnswerShape shape)
    {
        // A child of the caller's span when the call carried one (Orleans' activity propagation); null when nobody listens.
        using var span = StartApplySpan(@event.Type, 1);
        try
        {
            var outcome = await Process(@event, shape);
            await StoreIfChanged();
            LetGoOnceEnded();
            span?.SetTag(CxTelemetry.OutcomeTag, outcome.Refusal is null ? "accepted" : "refused");
            return outcome;
        }
        catch (Exception e) when (span.Failed(e))
        {
            throw;
        }
    }

    async Task<IReadOnlyList<EventOutcome>> IConversationGrain.ApplyAll(IReadOnlyList<ConversationEvent> events, AnswerShape shape)
    {
        using var span = StartApplySpan(events.Count == 1 ? events[0].Type : null, events.Count);
        try
        {
            var outcomes = new EventOutcome[events.Count];
            var repeats = events.Count > 1 ? new BatchRepeats() : null;
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                var kept = _recent.Find(e.Id) is not null;
                if (!kept && repeats?.Stored is { } stored && stored.TryGetValue(e.Id, out var seen))
                {
                    // Answered before this call, as the journal showed when the batch's first repeat was met.
                    outcomes[i] = await Repeat(e, seen, shape, repeats);
                    continue;
                }
                // Each event's facts go to the journal with its own answer before the next event is decided.
                outcomes[i] = await Process(e, shape, repeats);
                if (repeats is { Stored: null } && !kept && !_allAnswersKept && outcomes[i].Result is { Duplicate: true } && i + 1 < events.Count)
                {
                    // A repeat only the journal knew: a platform retrying a batch whose answer it lost, the rest likely
                    // repeats too. One look at the journal for all of them, instead of deciding each again until the
                    // journal refuses it.
                    string[] later = [.. events.Skip(i + 1).Select(next => next.Id).Where(id => _recent.Find(id) is null)];
                    repeats.Stored = later.Length == 0 ? new Dictionary<string, ProcessedEvent>() : await _journal.FindAnswersAsync(later);
                }
            }
            await StoreIfChanged();
            LetGoOnceEnded();
            return outcomes;
        }
        catch (Exception e) when (span.Failed(e))
        {
            throw;
        }
    }

    private System.Diagnostics.Activity? StartApplySpan(EventType? type, int count) => StartApplySpan(_tenantId, _conversationId, type, count);

    /// <summary>The span of applying events to a conversation; null, with no tag built, while nobody listens.</summary>
    internal static System.Diagnostics.Activity? StartApplySpan(string tenantId, string conversationId, EventType? type, int count)
    {
        var span = CxTelemetry.Source.StartActivity(CxTelemetry.ApplySpan);
        if (span is not null)
        {
            span.SetTag(CxTelemetry.TenantTag, tenantId);
            span.SetTag(CxTelemetry.ConversationTag, conversationId);
            if (type is { } single)
            {
                span.SetTag(CxTelemetry.EventTypeTag, single.Name());
            }
            span.SetTag(CxTelemetry.EventCountTag, count);
        }
        return span;
    }

    /// <summary>
    /// An ended conversation that nothing waits on any more leaves memory a moment after its last call is answered.
    /// Everything it holds is in the journal, so a late read, retry or erasure rebuilds it there (replaying the tail after
    /// its last checkpoint); meanwhile a silo keeps only the conversations still going on, and the collector never walks
    /// the others. The moment lets calls already on their way (a burst of retries of the same event) be answered by this
    /// activation: let go at once, each would be passed on to a new activation that goes in turn, and Orleans refuses a
    /// call it has passed on twice.
    /// </summary>
    private void LetGoOnceEnded()
    {
        if (!MayLeaveMemory)
        {
            return;
        }
        if (_letGo is null)
        {
            _letGo = this.RegisterGrainTimer(LetGo, new GrainTimerCreationOptions
            {
                DueTime = EndedLingers,
                Period = Timeout.InfiniteTimeSpan,
                KeepAlive = false,
            });
        }
        else
        {
            _letGo.Change(EndedLingers, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Ended, and nothing waits on it: no watch, nothing unstored, nothing pending in the journal.</summary>
    private bool MayLeaveMemory => State.Status == ConversationStatus.Ended && !NeedsWatch && !_dirty && !_journal.HasPending;

    private Task LetGo(CancellationToken cancellation)
    {
        if (MayLeaveMemory)
        {
            this.DeactivateOnIdle();
        }
        return Task.CompletedTask;
    }

    async Task<ConversationSnapshot?> IConversationGrain.GetSnapshot()
    {
        if (!State.Started)
        {
            return null;
        }
        await AskPool();
        return (ConversationSnapshot?)Snapshot();
    }

    Task<TrustReading?> IConversationGrain.GetTrust() =>
        Task.FromResult(State.Started ? ConversationSnapshots.Trust(State, _policy) : null);

    async Task<HandoffContext?> IConversationGrain.GetContext(string agentId)
    {
        // Only words the tenant's retention has let go leave memory, as for a snapshot.
        Prune();
        var now = Now();
        if (HandoffContextBuilder.MayRead(State, agentId, now))
        {
            return HandoffContextBuilder.Build(_conversationId, State, _policy, agentId, now);
        }
        // An offer past its recorded time may still be answered (it was open when the agent's silo died): the agent says.
        if (HandoffContextBuilder.OfferPastItsTime(State, agentId, now) is { } offerId
            && await AskAgent(agentId, agent => agent.MayAnswer(_conversationId, offerId), $"whether offer {offerId} is open") is (true, true))
        {
            return HandoffContextBuilder.Build(_conversationId, State, _policy, agentId, now, heldElsewhere: true);
        }
        // The agent's notice of its offer (or of its taking it) may still be on its way: the pool holds it too.
        return await AskPool() is { } placement && HandoffContextBuilder.Holds(placement, agentId, now)
            ? HandoffContextBuilder.Build(_conversationId, State, _policy, agentId, now, heldElsewhere: true)
            : null;
    }

    async Task<bool> IConversationGrain.Erase()
    {
        if (!State.Started)
        {
            return false;
        }
        // Its fact is stored with the reminder registered first (the erasure needs a watch until the journal is cleared),
        // so a silo dying before the personal data is gone leaves the next round to finish it, with no retry needed.
        _decider.Erase(Now());
        Changed();
        await StoreThenFreeReleased();
        await StoreIfChanged();
        services.Crash.Reach(CrashPoint.ConversationErasureStored);
        await ErasePersonal();
        return true;
    }

    /// <summary>Removes the personal parts of the conversation's journal, for an erasure already recorded.</summary>
    private async Task ErasePersonal()
    {
        // A checkpoint still being written holds personal data: it must land before the erasure, never after it.
        await _checkpoints.Settled;
        await _journal.ErasePersonalAsync();
        // The erasure removed the checkpoint; the state kept now has nothing personal left, and says the erasure is done.
        State.ErasurePending = false;
        await _checkpoints.WriteAsync(State.Version, WriteCheckpoint);
        services.Logger.LogInformation("Erased the personal data of conversation {ConversationId} of tenant {TenantId}", _conversationId, _tenantId);
    }

    /// <summary>
    /// What the events of one call share while repeats among them are answered: the answers the journal holds for the
    /// events not yet decided (looked up once, at the call's first repeat), and the conversation replayed so far for the
    /// repeats' answers, which each go on from where the one before stopped instead of from the first fact.
    /// </summary>
    private sealed class BatchRepeats
    {
        public Dictionary<string, ProcessedEvent>? Stored { get; set; }

        public ConversationState? Replayed { get; set; }
    }

    private async ValueTask<EventOutcome> Process(ConversationEvent e, AnswerShape shape, BatchRepeats? repeats = null)
    {
        if (e.OccurredAt.UtcTicks % TimeSpan.TicksPerMicrosecond != 0)
        {
            // Recorded as the journal keeps it, so the conversation rebuilt from its facts is the one reached live.
            e = e with { OccurredAt = JournalTime.Cut(e.OccurredAt) };
        }
        if (_recent.Find(e.Id) is { } kept)
        {
            return await Repeat(e, kept, shape, repeats);
        }

        // Deciding changes memory: until it is stored, nothing of it may be kept by a checkpoint.
        _dirty = true;
        var decision = _decider.Decide(e, Now());
        if (decision.Refusal is { } refusal)
        {
            // An event refused now may be one accepted before (a retried end after the end): its first answer stands.
            if (!_allAnswersKept && await _journal.FindAnswerAsync(e.Id) is { } stored)
            {
                return await Repeat(e, stored, shape, repeats);
            }
            services.Metrics.EventApplied(_tenantId, e.Type, "refused");
            return new EventOutcome { Refusal = refusal };
        }
        try
        {
            return await Accept(e, decision, shape);
        }
        catch (JournalConflictException conflict) when (conflict.AnsweredEventId == e.Id)
        {
            // A repeat of an event answered before this activation: nothing of it was stored or sent anywhere. Forget
            // what deciding it again changed, and answer as the first time.
            _journal.Discard();
            await Load();
            var stored = await _journal.FindAnswerAsync(e.Id)
                ?? throw new InvalidOperationException($"The journal refused event {e.Id} as answered but holds no answer for it.");
            return await Repeat(e, stored, shape, repeats);
        }
    }

    private async ValueTask<EventOutcome> Accept(ConversationEvent e, Decision decision, AnswerShape shape)
    {
        // The event's facts (a handoff it opened or left among them) are pending in the order they were decided, before
        // anything the pool's answers add.
        Changed(decision.Facts);
        var directives = decision.Directives;
        var placing = decision.Handoff is HandoffStep.Request or HandoffStep.Resend ? State.Handoff!.HandoffId : null;
        if (decision.Handoff == HandoffStep.Locate && State.Handoff is { } waiting)
        {
            // The customer asked again while waiting (the pool acknowledged the handoff): answered with where they stand now.
            Place(waiting, await Pool(waiting.PoolName).Locate(_conversationId, waiting.HandoffId), Now());
            directives = [.. directives, _decider.Answer(waiting)];
        }
        // From here on the first store carries the event's id: a repeat fails there, before the pool or an agent hears of it.
        // A handoff moved to another queue (a new channel or language) is answered with the customer's place there, once
        // that queue has taken it.
        Remember(e.Id, directives, placing ?? (decision.Handoff == HandoffStep.Move ? State.Handoff?.HandoffId : null));
        Changed();

        if (placing is not null)
        {
            // The handoff is stored before the pool hears of it, so a crash in between is finished by a retry or the reminder.
            await StoreIntent();
            services.Crash.Reach(CrashPoint.ConversationHandoffStored);
            await PlaceHandoff();
            if (decision.Handoff == HandoffStep.Request && State.Handoff is { } opened)
            {
                services.Metrics.HandoffRequested(_tenantId, opened.Reason, opened.Status);
                services.Logger.LogInformation(
                    "Conversation {ConversationId} of tenant {TenantId} handed off ({Reason}): {Placement} in pool {Pool}",
                    _conversationId, _tenantId, opened.Reason, opened.Status.Name(), opened.PoolName);
            }
        }
        if (decision.Handoff == HandoffStep.Move)
        {
            // The move is stored before either queue hears of it, so a crash in between is finished by a retry or the reminder.
            await StoreIntent();
            await MoveHandoff();
        }
        if (State.Release is not null)
        {
            await StoreThenFreeReleased();
        }
        await StoreIfChanged();

        var answered = _recent.Find(e.Id)!;
        // A repeat of this id is answered with the conversation as this answer shows it.
        answered.Version = State.Version;
        directives = answered.Directives;
        services.Metrics.EventApplied(_tenantId, e.Type, "accepted");
        services.Metrics.DirectivesAnswered(directives);
        var result = Result(e.Id, directives, duplicate: false, shape, decision.Trust);
        if (e.Type is EventType.CustomerMessage or EventType.Signal)
        {
            services.Metrics.TrustScored(result.Summary.TrustScore);
        }
        return EventOutcome.Accepted(result);
    }

    /// <summary>
    /// Answers a repeated event id with its first answer: the same directives (completed with its handoff's placement if
    /// that was still due) and the conversation as that answer showed it, rebuilt from the journal when it changed since.
    /// </summary>
    private async ValueTask<EventOutcome> Repeat(ConversationEvent e, ProcessedEvent seen, AnswerShape shape, BatchRepeats? repeats = null)
    {
        services.Metrics.EventApplied(_tenantId, e.Type, "duplicate");
        ConversationState? then = null;
        if (seen.PendingHandoffId is { } pending && !ReferenceEquals(_recent.Find(e.Id), seen))
        {
            // Found in the journal, appended before its placement: the placement first stored after it is the one it told.
            then = await _journal.StateAsOfAsync(seen.Version, Replay, s => Unplaced(s, pending));
            if (then.Handoff is { AwaitingPool: false } placed && placed.HandoffId == pending)
            {
                var told = HandoffDecider.Directive(placed, services.Texts.For(_policy.TenantId, then.Locale));
                seen = seen with { Directives = [.. seen.Directives, told], PendingHandoffId = null, Version = then.Version };
            }
        }
        if (seen.PendingHandoffId is not null)
        {
            // The first attempt stored its handoff, but its answer was lost before the pool's: ask the pool again. A handoff
            // moved to another queue (a channel switch) is moved as the first attempt did, leaving the queues it left and
            // answering without its place if the new queue cannot be asked yet.
            if (State.Handoff is { Moved: true })
            {
                await MoveHandoff();
            }
            else
            {
                await PlaceHandoff();
            }
            seen = WithPlacement(_recent.Find(e.Id) ?? seen) with { Version = State.Version };
            then = null;
        }
        else if (then is null && seen.Version != State.Version)
        {
            then = repeats is null ? await _journal.StateAsOfAsync(seen.Version, Replay) : await ReplayedTo(repeats, seen.Version);
        }
        if (then is not null && then.Version == State.Version)
        {
            then = null;
        }
        return EventOutcome.Accepted(Result(e.Id, seen.Directives, duplicate: true, shape, asOf: then));
    }

    /// <summary>
    /// The conversation as of <paramref name="version"/> for one of a call's repeats: the replay the call keeps goes on
    /// from where it stopped (repeats of a batch come in the order they were first answered), and the answer gets a copy,
    /// since building it lets go of what the conversation no longer shows.
    /// </summary>
    private async Task<ConversationState> ReplayedTo(BatchRepeats repeats, long version)
    {
        if (repeats.Replayed is not { } replayed || replayed.Version > version)
        {
            replayed = new ConversationState();
        }
        repeats.Replayed = await _journal.AdvanceAsync(replayed, version, Replay);
        return services.States.Deserialize(services.States.SerializeToArray(repeats.Replayed))
            ?? throw new InvalidOperationException($"Conversation {_conversationId} could not copy its state as of {version}.");
    }

    /// <summary>
    /// The handoff <paramref name="handoffId"/> still waits for its pool's answer: the facts after it, up to its placement
    /// (one fact), still belong to the answer that opened it.
    /// </summary>
    private static bool Unplaced(ConversationState state, string handoffId) =>
        state.Handoff is { AwaitingPool: true, HandoffId: var id } && id == handoffId;

    private void Replay(ConversationState state, Fact fact) => ConversationEvolution.Apply(state, fact, _policy, services.Options);

    /// <summary>Stores the state, with the reminder registered first whenever the stored state will need it.</summary>
    private async Task StoreIntent()
    {
        if (NeedsWatch && !State.Watched)
        {
            _reminder = await this.WatchAsync(services.Handoffs);
            State.Watched = true;
            _checkpoints.Wanted = true;
        }
        await Store();
    }

    /// <summary>
    /// Appends the pending facts (and answer) to the journal: all an event stores. A checkpoint follows, off the
    /// answer's path, once enough facts were appended since the last one.
    /// </summary>
    private async Task Store()
    {
        using (var span = CxTelemetry.Source.StartActivity(CxTelemetry.AppendSpan))
        {
            span?.SetTag(CxTelemetry.ConversationTag, _conversationId);
            try
            {
                await _journal.AppendAsync(State.Version);
            }
            catch (Exception e) when (span.Failed(e))
            {
                throw;
            }
        }
        services.Crash.Reach(CrashPoint.ConversationFactsAppended);
        _dirty = false;
        WithdrawOtherOffers();
        AskAgentGoneOfflineSoon();
        ArmHandoffTimer();
        if (_checkpoints.Wanted || State.Version - _checkpoints.Seq >= services.Options.CheckpointEvery)
        {
            _checkpoints.WriteSoon(State.Version, WriteCheckpoint);
        }
    }

    private Task StoreIfChanged() => _dirty ? Store() : Task.CompletedTask;

    /// <summary>Rebuilds the state from the journal: the latest checkpoint plus the facts after it.</summary>
    private async Task Load()
    {
        var (state, checkpointSeq) = await _journal.LoadAsync(
            (s, fact) => ConversationEvolution.Apply(s, fact, _policy, services.Options),
            e => services.Logger.LogWarning(e, "The checkpoint of conversation {ConversationId} of tenant {TenantId} cannot be read; its facts are replayed from the start",
                _conversationId, _tenantId));
        _state = state;
        _snapshot.Clear();
        _decider = new ConversationDecider(_conversationId, state, _policy, services.Texts, services.Options);
        _checkpoints.Seq = checkpointSeq;
        _loadedVersion = state.Version;
        _recent.Clear();
        _allAnswersKept = state.Version == 0;
        _dirty = false;
    }

    /// <summary>Writes a checkpoint of the state as it is now (its bytes are taken before anything awaits).</summary>
    private Task WriteCheckpoint()
    {
        // A checkpoint never keeps words the tenant's retention has let go.
        Prune();
        return _journal.SaveCheckpointAsync(State);
    }

    /// <summary>Keeps the answer for retries of this event id, and appends it with the event's facts.</summary>
    private void Remember(string eventId, IReadOnlyList<Directive> directives, string? pendingHandoffId)
    {
        var processed = new ProcessedEvent { EventId = eventId, Directives = directives.ToArray(), PendingHandoffId = pendingHandoffId };
        if (_recent.Add(processed))
        {
            _allAnswersKept = false;
        }
        _journal.Answer(processed);
    }

    /// <summary>An event's result, showing the conversation as it is now, or as it was at an earlier version (<paramref name="asOf"/>).</summary>
    private EventResult Result(string eventId, IReadOnlyList<Directive> directives, bool duplicate, AnswerShape shape,
        (double Score, TrustBand Band)? trust = null, ConversationState? asOf = null)
    {
        if (asOf is not null)
        {
            // Nothing erased since, and no words the tenant's retention has let go, are shown again.
            if (State.ErasedAt is not null)
            {
                ConversationEvolution.ForgetPersonal(asOf);
            }
            ConversationRetention.Prune(asOf, _policy, services.Clock);
        }
        var snapshot = shape != AnswerShape.Full ? null
            : asOf is null ? Snapshot(keep: false)
            : ConversationSnapshots.Build(_conversationId, asOf, _policy, services.Options);
        return new EventResult
        {
            ConversationId = _conversationId,
            EventId = eventId,
            Duplicate = duplicate,
            Directives = directives,
            Conversation = snapshot,
            Summary = snapshot is null ? ConversationSnapshots.Summarize(_conversationId, asOf ?? State, _policy, trust) : ConversationSnapshots.Summarize(snapshot),
        };
    }

    /// <summary>
    /// The full snapshot, built once per change from the parts kept (each until a fact changes it). A read keeps it
    /// until the state changes or the tenant's retention lets words go, so repeated reads of an unchanged conversation
    /// copy nothing; an event's answer (<paramref name="keep"/> false) does not, so a conversation between events holds
    /// only its parts.
    /// </summary>
    private ConversationSnapshot Snapshot(bool keep = true)
    {
        Prune();
        return _snapshot.Get(_conversationId, State, _policy, services.Options, keep);
    }

    /// <summary>Lets go the words the tenant's retention no longer allows, and the transcript shown with them.</summary>
    private void Prune()
    {
        if (ConversationRetention.Prune(State, _policy, services.Clock))
        {
            _snapshot.TranscriptChanged();
        }
    }

    /// <summary>
    /// Memory is ahead of storage: the version moves on by the facts recorded (<paramref name="decided"/> by an event,
    /// and those the rules hold from changes made outside one).
    /// </summary>
    private void Changed(IReadOnlyList<Fact>? decided = null)
    {
        _snapshot.Changed();
        if (decided is not null)
        {
            _journal.Record(decided);
            _snapshot.Changed(decided);
            State.Version += decided.Count;
        }
        var more = _decider.TakeFacts();
        _journal.Record(more);
        _snapshot.Changed(more);
        State.Version += more.Count;
        _dirty = true;
    }

    /// <summary>An answer still waiting on its handoff's placement, with the handoff directive once placed (the same answer otherwise).</summary>
    private ProcessedEvent WithPlacement(ProcessedEvent answer) =>
        State.Handoff is { AwaitingPool: false } handoff && handoff.HandoffId == answer.PendingHandoffId
            ? answer with { Directives = [.. answer.Directives, _decider.Answer(handoff)], PendingHandoffId = null }
            : answer;

    private IAgentPoolGrain Pool(string poolName) => GrainFactory.Pool(_tenantId, poolName);

    private IAgentGrain Agent(string agentId) => GrainFactory.Agent(_tenantId, agentId);

    /// <summary>Now, to the microsecond the journal keeps.</summary>
    private DateTimeOffset Now() => JournalTime.Now(services.Clock);
}
