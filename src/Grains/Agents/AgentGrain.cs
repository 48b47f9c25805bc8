using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Agents;

/// <summary>
/// One human agent, the only authority on its capacity. Reentrant so that pools offering work never wait on an agent
/// that is itself asking pools for work; every decision is taken between awaits, so the state stays consistent.
/// Every step that involves another grain is stored first and repeated until that grain has heard of it; while the
/// agent holds anything, a durable reminder makes it check each conversation it holds, even after its silo died.
/// </summary>
/// <remarks>
/// Every change is a small record appended to the agent's stream in the journal (<c>a/{agentId}</c>: a status, a
/// claim, an assignment, a completion), never a rewrite of the agent; the agent is rebuilt from its latest checkpoint
/// plus the records after it, and a checkpoint is written off the caller's path once enough records followed the last.
/// </remarks>
[Reentrant]
internal sealed partial class AgentGrain(
    TenantDirectory tenants,
    HandoffSettings handoffs,
    CrashPoints crash,
    CxMetrics metrics,
    TimeProvider clock,
    IFactJournal journal,
    JsonEncoders encoders,
    Orleans.Serialization.Serializer<AgentState> states,
    IHostApplicationLifetime lifetime,
    ILogger<AgentGrain> logger) : Grain, IAgentGrain, IRemindable
{
    private const int MaxPullAttempts = 1000;
    /// <summary>A checkpoint is written once this many records, or as many as completions are kept if more, were appended after the last one.</summary>
    internal const int CheckpointEvery = 64;

    private string _tenantId = "";
    private string _agentId = "";
    private RoutingPolicy _routing = null!;
    /// <summary>Fires at the earliest open offer's deadline; re-armed from the stored offers on every activation.</summary>
    private DeadlineTimer _offerTimer = null!;
    private AgentJournal _journal = null!;
    private AgentLedger _ledger = null!;
    private Checkpoints _checkpoints = null!;
    private CoalescingWriter _writer = null!;
    private bool _pulling;
    private bool _pullAgain;
    private bool _reconciling;
    /// <summary>The reminder fired although the ledger says it was being removed: it is removed again once nothing needs it.</summary>
    private bool _strayReminder;
    /// <summary>The reconciliation reminder as this activation registered it, if it did: removed with it, unread.</summary>
    private IGrainReminder? _reminder;

    private AgentLedger State => _ledger;

    /// <summary>The silo is shutting down: a reconciliation round stops, the next activation elsewhere takes it up.</summary>
    private bool Stopping => lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>Held conversations, open offers and claims in flight: an offer arriving meanwhile cannot take a claimed slot.</summary>
    private int Load => State.Load;

    /// <summary>The tenant's waiting conversations may widen to any channel of their language: the agent serves those pools too.</summary>
    private bool Widens => _routing.WideningStep is not null;

    /// <summary>Whether the agent's profile puts it in the pool partition <paramref name="poolName"/>.</summary>
    private bool ServesPool(string poolName) =>
        State.Profile is { } profile && AgentChoice.Pools(profile, Widens).Contains(poolName, StringComparer.Ordinal);

    private bool CanTake => State.Profile is { } profile && State.Status == AgentStatus.Available && Load < profile.Capacity;

    /// <summary>
    /// Something the agent started with another grain may be unfinished, a conversation may disagree, or the agent
    /// takes work (so its pools hear of it and it pulls from their queues even after its silo died mid-change).
    /// </summary>
    private bool NeedsWatch => State.Status == AgentStatus.Available || State.Assignments.Count > 0 || State.PendingClaims.Count > 0
        || State.Completions.Exists(c => !c.Told) || State.Offers.Count > 0 || State.EndedOffers.Exists(o => !o.Told);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _agentId) = GrainKeys.Split(this.GetPrimaryKeyString());
        _routing = tenants.Get(_tenantId).Routing;
        _offerTimer = new DeadlineTimer(this, clock, OnOfferTimer, keepAlive: true);
        var stream = AgentJournal.Stream(_tenantId, _agentId);
        _journal = new AgentJournal(journal, encoders, states, stream, handoffs.CompletionsKept);
        _checkpoints = new Checkpoints(logger, stream);
        _writer = new CoalescingWriter(_journal.AppendAsync);
        (_ledger, var checkpointSeq) = await _journal.LoadAsync(e => logger.LogWarning(e,
            "The checkpoint of agent {AgentId} of tenant {TenantId} cannot be read; its records are replayed from the start", _agentId, _tenantId));
        _checkpoints.Seq = checkpointSeq;
        RecoverOpenOffers();
        ArmOfferTimer();
        if (NeedsWatch)
        {
            // From a timer, not here: a pool activating may be waiting on this agent, and must not wait on itself.
            this.ReconcileSoon(Reconcile);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A checkpoint now spares the next activation the replay; memory ahead of the journal is never kept.
        await _checkpoints.Settled;
        if (_journal.Settled && _ledger.Seq > _checkpoints.Seq)
        {
            await _checkpoints.WriteAsync(_ledger.Seq, WriteCheckpoint);
        }
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder that fired exists, whatever the ledger says.
        _strayReminder |= !State.Watched;
        return Reconcile();
    }

    Task<AgentDetails> IAgentGrain.Register(AgentProfile profile) => Register(profile);

    async Task<AgentDetails?> IAgentGrain.RegisterNew(AgentProfile profile) =>
        State.Profile is null ? await Register(profile) : null;

    private async Task<AgentDetails> Register(AgentProfile profile)
    {
        var before = State.Profile is null ? [] : AgentChoice.Pools(State.Profile, Widens).ToHashSet();
        var held = Held();
        Record(new AgentRegistered { At = Now(), Profile = profile });
        await Store();

        var after = AgentChoice.Pools(profile, Widens).ToHashSet();
        await Task.WhenAll(before.Except(after).Select(pool => Pool(pool).RemoveAgent(_agentId)));
        await Announce();
        // An offer from a pool the agent no longer serves (a language or channel dropped) may not be accepted: it is
        // declined for the agent and goes to the next one, as when the agent goes offline.
        if (State.Offers.Where(o => !after.Contains(o.PoolName)).ToArray() is { Length: > 0 } unfit)
        {
            await DeclineOffers(unfit, Abstractions.Facts.HandoffDeclined.AgentIneligible);
        }
        // A capacity lowered below what the agent holds: the conversations it has stay, but offers it could accept
        // past the new capacity are declined for it, newest first, so no accept takes the agent over its capacity.
        if (Load - profile.Capacity is > 0 and var over && State.Offers.Count > 0)
        {
            var beyond = State.Offers.OrderByDescending(o => o.OfferedAt).ThenByDescending(o => o.OfferId, StringComparer.Ordinal).Take(over).ToArray();
            await DeclineOffers(beyond, Abstractions.Facts.HandoffDeclined.AgentIneligible);
        }
        logger.LogInformation("Agent {AgentId} of tenant {TenantId} registered for pools {Pools}", _agentId, _tenantId, string.Join(", ", after));
        await FillCapacity();
        await ConfirmTaken(held);
        return Details();
    }

    async Task<AgentOutcome> IAgentGrain.SetStatus(AgentStatus status)
    {
        if (State.Profile is null)
        {
            return NotRegistered();
        }
        var held = Held();
        if (status != State.Status)
        {
            Record(new AgentStatusChanged { At = Now(), Status = status, PreviousStatus = State.Status, Number = State.StatusChanges + 1 });
            if (NeedsWatch)
            {
                await Watch();
            }
            await Store();
            crash.Reach(CrashPoint.AgentStatusStored);
        }
        // Told every time, so a retry after a crash between the write and the pools hearing of it still tells them.
        await Announce();
        if (status != AgentStatus.Available && State.Offers.Count > 0)
        {
            // An agent who left or went away takes no new conversation: each open offer is declined for them at once and
            // goes to the next agent, instead of waiting out its deadline (they may be offered it again once back).
            await DeclineOffers([.. State.Offers],
                status == AgentStatus.Offline ? Abstractions.Facts.HandoffDeclined.AgentOffline : Abstractions.Facts.HandoffDeclined.AgentAway);
        }
        if (status == AgentStatus.Offline)
        {
            await TellAssignmentsGoneOffline(wait: true);
        }
        await FillCapacity();
        await ConfirmTaken(held);
        return AgentOutcome.Accepted(Details());
    }

    Task<AgentDetails?> IAgentGrain.Get() => Task.FromResult(State.Profile is null ? null : Details());

    Task<AgentView?> IAgentGrain.GetView() => Task.FromResult(State.Profile is null ? null : View());

    Task<DateTimeOffset?> IAgentGrain.OfflineSince() =>
        Task.FromResult(State.Status == AgentStatus.Offline && State.StatusSince != default ? State.StatusSince : (DateTimeOffset?)null);

    Task<AgentHold> IAgentGrain.Holds(string conversationId, string handoffId)
    {
        bool Same(string c, string h) => c == conversationId && h == handoffId;
        var hold = State.Assignments.Exists(a => Same(a.ConversationId, a.HandoffId)) || State.PendingClaims.Exists(c => Same(c.ConversationId, c.HandoffId))
            ? State.Status == AgentStatus.Offline ? AgentHold.HeldOffline : AgentHold.Held
            : State.Completions.Exists(c => Same(c.ConversationId, c.HandoffId)) ? AgentHold.Completed : AgentHold.Unknown;
        return Task.FromResult(hold);
    }

    async Task<AgentOutcome> IAgentGrain.Complete(string conversationId)
    {
        if (State.Profile is null)
        {
            return NotRegistered();
        }
        var assignment = State.Assignments.Find(a => a.ConversationId == conversationId);
        if (assignment is null)
        {
            if (State.Completions.FindLast(c => c.ConversationId == conversationId) is not { } done)
            {
                return await NoSuchConversation(conversationId)
                    ? AgentOutcome.Refused(RefusalKind.NotFound, $"There is no conversation '{conversationId}'.", "conversationId")
                    : AgentOutcome.Refused(RefusalKind.Conflict, $"Conversation '{conversationId}' is not assigned to agent '{_agentId}'.", "conversationId");
            }
            // A retry of a completion already stored: make sure the conversation heard of it, then answer as the first time.
            await TellCompleted(done);
            return AgentOutcome.Accepted(Details());
        }

        var held = Held();
        Record(new AgentCompleted { At = Now(), ConversationId = conversationId, HandoffId = assignment.HandoffId });
        var completion = State.Completions[^1];
        await Store();
        crash.Reach(CrashPoint.AgentCompleteStored);

        await Pool(assignment.PoolName).RecordHandled(completion.CompletedAt - assignment.AssignedAt);
        await TellCompleted(completion);
        crash.Reach(CrashPoint.AgentCompleteTold);
        await Announce();
        await FillCapacity();
        await ConfirmTaken(held);
        return AgentOutcome.Accepted(Details());
    }

    /// <summary>Whether the conversation was never started; false too when it cannot be asked now.</summary>
    private async Task<bool> NoSuchConversation(string conversationId)
    {
        try
        {
            return await Conversation(conversationId).GetTrust() is null;
        }
        catch (Exception e)
        {
            logger.LogWarning("Agent {AgentId} of tenant {TenantId} could not ask conversation {ConversationId} whether it exists ({Reason})",
                _agentId, _tenantId, conversationId, e.GetBaseException().Message);
            return false;
        }
    }

    /// <summary>Records a conversation taken (settling a claim on it, if any); stored by the caller.</summary>
    private AgentAssignmentRecord Take(string conversationId, string handoffId, string poolName)
    {
        Record(new AgentAssigned { At = Now(), ConversationId = conversationId, HandoffId = handoffId, PoolName = poolName });
        var assignment = State.Assignments[^1];
        logger.LogInformation("Agent {AgentId} of tenant {TenantId} took conversation {ConversationId} from pool {Pool}",
            _agentId, _tenantId, conversationId, poolName);
        return assignment;
    }

    /// <summary>The agent's assignment of this conversation's handoff, or null when it holds none.</summary>
    private AgentAssignmentRecord? AssignmentOf(string conversationId, string handoffId) =>
        State.Assignments.Find(a => a.ConversationId == conversationId && a.HandoffId == handoffId);

    /// <summary>Applies a record to memory and keeps it for the next append.</summary>
    private void Record(AgentRecord record)
    {
        State.Apply(record);
        _journal.Record(record, ++State.Seq);
    }

    /// <summary>
    /// Appends the pending records (one append at a time; records kept meanwhile share the next). A failure leaves
    /// memory ahead of the journal, so the activation is dropped and the next one starts from what was stored. A
    /// checkpoint follows, off the caller's path, once enough records were appended since the last one.
    /// </summary>
    private async Task Store()
    {
        using (var span = CxTelemetry.Source.StartActivity(CxTelemetry.AppendSpan))
        {
            span?.SetTag(CxTelemetry.AgentTag, _agentId);
            try
            {
                await _writer.WriteAsync();
            }
            catch (Exception e) when (span.Failed(e))
            {
                throw;
            }
            catch
            {
                DeactivateOnIdle();
                throw;
            }
        }
        if (_journal.Settled
            && (_checkpoints.Wanted || State.Seq - _checkpoints.Seq >= Math.Max(CheckpointEvery, handoffs.CompletionsKept)))
        {
            _checkpoints.WriteSoon(State.Seq, WriteCheckpoint);
        }
    }

    /// <summary>Writes a checkpoint of the ledger as it is now (its bytes are taken before anything awaits).</summary>
    private Task WriteCheckpoint() => _journal.SaveCheckpointAsync(State);

    /// <summary>Now, to the microsecond the journal keeps, so the agent rebuilt from its records is the one reached live.</summary>
    private DateTimeOffset Now() => JournalTime.Now(clock);

    private AgentAssignment Notice(AgentAssignmentRecord assignment) => new()
    {
        HandoffId = assignment.HandoffId,
        AgentId = _agentId,
        AgentDisplayName = State.Profile!.DisplayName,
        AssignedAt = assignment.AssignedAt,
        Queue = assignment.PoolName,
        Offer = State.EndedOffers.FindLast(o => o.Outcome == OfferOutcome.Accepted
            && o.Offer.ConversationId == assignment.ConversationId && o.Offer.HandoffId == assignment.HandoffId) is { } accepted
            ? Notice(accepted.Offer, null, null)
            : null,
    };

    /// <summary>
    /// Tells every pool the agent serves how it stands, and waits until they know: done whenever the agent can take
    /// more, so a request arriving after this sees the free slot and one arriving before is found by the pull. While the
    /// silo stops, the pools are told without waiting (<see cref="WhileStoppingTellOnly"/>).
    /// </summary>
    private Task Announce()
    {
        var view = View();
        return WhileStoppingTellOnly(Task.WhenAll(AgentChoice.Pools(State.Profile!, Widens).Select(pool => Pool(pool).UpsertAgent(view))));
    }

    /// <summary>
    /// A call to pools that the agent waits on, unless its silo is stopping: then the call goes out and the agent does not
    /// wait. A stopping silo deactivates the agent, and a deactivating activation takes no new call, reentrant or not; a
    /// pool serving its queue meanwhile may be waiting on an offer to this very agent, and would answer only when that
    /// offer's call timed out, every conversation's call to the pool waiting behind it. Not waiting lets the agent
    /// finish, its deactivation end and the offer go to its next activation.
    /// </summary>
    private Task WhileStoppingTellOnly(Task call)
    {
        if (!Stopping)
        {
            return call;
        }
        call.Ignore();
        return Task.CompletedTask;
    }

    /// <summary>Tells pools the agent took more work (one-way: a stale view costs at most a refused offer).</summary>
    private Task Broadcast(string? except = null)
    {
        var view = View();
        return Task.WhenAll(AgentChoice.Pools(State.Profile!, Widens)
            .Where(pool => pool != except)
            .Select(pool => Pool(pool).AgentChanged(view)));
    }

    private AgentView View() => new()
    {
        AgentId = _agentId,
        DisplayName = State.Profile!.DisplayName,
        Status = State.Status,
        Capacity = State.Profile.Capacity,
        Load = Load,
        IdleSince = State.IdleSince,
        Version = State.Version,
    };

    private AgentDetails Details() => new()
    {
        AgentId = _agentId,
        Profile = State.Profile!,
        Status = State.Status,
        Conversations = State.Assignments.Select(a => a.ConversationId).ToArray(),
    };

    /// <summary>The reason an agent status change gives when an offer or a first reply timed out.</summary>
    internal const string NotRespondingReason = "not-responding";

    private AgentOutcome NotRegistered() =>
        AgentOutcome.Refused(RefusalKind.NotFound, $"Agent '{_agentId}' is not registered.", "agentId");

    private IAgentPoolGrain Pool(string poolName) => GrainFactory.Pool(_tenantId, poolName);

    private IConversationGrain Conversation(string conversationId) =>
        GrainFactory.Conversation(_tenantId, conversationId);
}
