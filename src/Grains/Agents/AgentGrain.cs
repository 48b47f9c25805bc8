using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Privacy;
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
internal sealed class AgentGrain(
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

    private AgentLedger State => _ledger;

    /// <summary>The silo is shutting down: a reconciliation round stops, the next activation elsewhere takes it up.</summary>
    private bool Stopping => lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>Held conversations, open offers and claims in flight: an offer arriving meanwhile cannot take a claimed slot.</summary>
    private int Load => State.Load;

    /// <summary>The tenant's waiting conversations may widen to any channel of their language: the agent serves those pools too.</summary>
    private bool Widens => _routing.WideningStep is not null;

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

    async Task<AgentDetails> IAgentGrain.Register(AgentProfile profile)
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
        if (status == AgentStatus.Offline && State.Offers.Count > 0)
        {
            // An agent who left answers no offer: each open one is declined for them at once and goes to the next agent,
            // instead of waiting out its deadline.
            await DeclineOffers([.. State.Offers], Abstractions.Facts.HandoffDeclined.AgentOffline);
        }
        if (status == AgentStatus.Offline)
        {
            // Conversations still waiting for this agent's first reply go back to the queue (each decides; one-way, so
            // an unreachable one only waits for its first-reply deadline instead).
            foreach (var assignment in State.Assignments)
            {
                _ = Conversation(assignment.ConversationId).OnAgentOffline(assignment.HandoffId, _agentId);
            }
        }
        await FillCapacity();
        await ConfirmTaken(held);
        return AgentOutcome.Accepted(Details());
    }

    Task<AgentDetails?> IAgentGrain.Get() => Task.FromResult(State.Profile is null ? null : Details());

    Task<AgentView?> IAgentGrain.GetView() => Task.FromResult(State.Profile is null ? null : View());

    Task<AgentHold> IAgentGrain.Holds(string conversationId, string handoffId)
    {
        bool Same(string c, string h) => c == conversationId && h == handoffId;
        var hold = State.Assignments.Exists(a => Same(a.ConversationId, a.HandoffId)) || State.PendingClaims.Exists(c => Same(c.ConversationId, c.HandoffId))
            ? AgentHold.Held
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
                return AgentOutcome.Refused(RefusalKind.Conflict, $"Conversation '{conversationId}' is not assigned to agent '{_agentId}'.", "conversationId");
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

    async Task<AssignmentAnswer> IAgentGrain.Offer(AssignmentOffer offer)
    {
        using var span = CxTelemetry.Source.StartActivity(CxTelemetry.AgentOfferSpan);
        if (span is not null)
        {
            span.SetTag(CxTelemetry.TenantTag, _tenantId);
            span.SetTag(CxTelemetry.AgentTag, _agentId);
            span.SetTag(CxTelemetry.PoolTag, offer.PoolName);
            span.SetTag(CxTelemetry.ConversationTag, offer.ConversationId);
        }
        try
        {
            if (State.Offers.Find(o => o.ConversationId == offer.ConversationId) is { } open)
            {
                // Offered already (an earlier answer was lost): the same offer again, once it is stored.
                var same = open.HandoffId == offer.HandoffId;
                if (same)
                {
                    await Store();
                }
                return new AssignmentAnswer { Accepted = same, Agent = View(), Offer = same ? Wire(open) : null };
            }
            var held = State.Assignments.Find(a => a.ConversationId == offer.ConversationId);
            if (held is not null || !CanTake)
            {
                // Holding it already under the same handoff means an earlier answer was lost: say yes again, once it is stored.
                var again = held is not null && held.HandoffId == offer.HandoffId;
                if (again)
                {
                    await Store();
                }
                return new AssignmentAnswer { Accepted = again, Agent = View() };
            }

            if (_routing.OffersOn)
            {
                var made = NewOffer(offer.ConversationId, offer.HandoffId, offer.PoolName);
                Record(new AgentOffered { At = made.OfferedAt, Offer = made });
                var offeredView = View();
                await Watch();
                await Store();
                crash.Reach(CrashPoint.AgentTakeStored);
                Offered(made);
                await Broadcast(except: offer.PoolName);
                return new AssignmentAnswer { Accepted = true, Agent = offeredView, Offer = Wire(made) };
            }

            Take(offer.ConversationId, offer.HandoffId, offer.PoolName);
            var view = View();
            await Watch();
            await Store();
            crash.Reach(CrashPoint.AgentTakeStored);
            await Broadcast(except: offer.PoolName);
            return new AssignmentAnswer { Accepted = true, Agent = view };
        }
        catch (Exception e) when (span.Failed(e))
        {
            throw;
        }
    }

    Task<IReadOnlyList<AgentOffer>?> IAgentGrain.GetOffers() =>
        Task.FromResult(State.Profile is null ? null : (IReadOnlyList<AgentOffer>?)State.Offers.Select(Wire).ToArray());

    async Task<OfferAnswer> IAgentGrain.AcceptOffer(string offerId)
    {
        if (await StillOpen(offerId) is not { } open)
        {
            return await Answered(offerId, OfferOutcome.Accepted);
        }
        Record(new AgentOfferEnded { At = Now(), OfferId = offerId, Outcome = OfferOutcome.Accepted });
        var assignment = Take(open.ConversationId, open.HandoffId, open.PoolName);
        await Store();
        crash.Reach(CrashPoint.AgentClaimStored);
        if (!await TellSettled(State.EndedOffers.FindLast(o => o.Offer.OfferId == offerId)!))
        {
            // The conversation moved on while the agent answered: nothing is left to take.
            Record(new AgentReleased { At = Now(), ConversationId = open.ConversationId, HandoffId = open.HandoffId });
            await Store();
            await Announce();
            return OfferAnswer.Refused(RefusalKind.Conflict, $"Offer '{offerId}' was withdrawn: the conversation no longer waits for an agent.", "offerId");
        }
        await Confirm(assignment, accepted: true);
        metrics.HandoffStep(_tenantId, "accepted");
        return OfferAnswer.Done(Wire(open));
    }

    async Task<OfferAnswer> IAgentGrain.DeclineOffer(string offerId, string? reason)
    {
        if (await StillOpen(offerId) is not { } open)
        {
            return await Answered(offerId, OfferOutcome.Declined);
        }
        var held = Held();
        // The reason is the agent's own words and is told in the conversation's facts, which an erasure keeps.
        Record(new AgentOfferEnded { At = Now(), OfferId = offerId, Outcome = OfferOutcome.Declined, Reason = reason is null ? null : Redactor.Redact(reason) });
        await Store();
        await TellSettled(State.EndedOffers.FindLast(o => o.Offer.OfferId == offerId)!);
        metrics.HandoffStep(_tenantId, "declined");
        await Announce();
        await FillCapacity();
        await ConfirmTaken(held);
        return OfferAnswer.Done(Wire(open));
    }

    /// <summary>Declines the open offers <paramref name="open"/> with <paramref name="reason"/>, stores that, then tells each conversation's pool.</summary>
    private async Task DeclineOffers(IReadOnlyList<OpenOffer> open, string reason)
    {
        foreach (var offer in open)
        {
            Record(new AgentOfferEnded { At = Now(), OfferId = offer.OfferId, Outcome = OfferOutcome.Declined, Reason = reason });
        }
        await Store();
        ArmOfferTimer();
        foreach (var offer in open)
        {
            await TellSettled(State.EndedOffers.FindLast(o => o.Offer.OfferId == offer.OfferId)!);
            metrics.HandoffStep(_tenantId, "declined");
        }
    }

    async Task IAgentGrain.CheckOffers()
    {
        try
        {
            await ExpireDue();
        }
        catch (Exception e)
        {
            logger.LogWarning("Agent {AgentId} of tenant {TenantId} could not end its overdue offers ({Reason}); its timer and reminder try again",
                _agentId, _tenantId, e.GetBaseException().Message);
        }
    }

    Task IAgentGrain.Reclaim(string conversationId, string handoffId) =>
        Reclaim(conversationId, handoffId, Abstractions.Facts.HandoffReclaimed.NoFirstReply);

    Task IAgentGrain.Reclaim(string conversationId, string handoffId, string reason) => Reclaim(conversationId, handoffId, reason);

    private async Task Reclaim(string conversationId, string handoffId, string reason)
    {
        if (State.Assignments.Exists(a => a.ConversationId == conversationId && a.HandoffId == handoffId))
        {
            Record(new AgentReleased { At = Now(), ConversationId = conversationId, HandoffId = handoffId });
            if (reason == Abstractions.Facts.HandoffReclaimed.NoFirstReply)
            {
                // Only silence is not responding: an agent taken back for going offline may be back on duty by now
                // (a desktop reconnecting), and keeps the status it chose.
                NotResponding();
            }
            await Store();
            logger.LogInformation("Agent {AgentId} of tenant {TenantId} lost conversation {ConversationId}: it was taken back ({Reason})",
                _agentId, _tenantId, conversationId, reason);
        }
        await Announce();
        await FillCapacity();
    }

    /// <summary>
    /// The open offer <paramref name="offerId"/> if it may still be answered. One whose deadline passed (its timer not
    /// fired yet) expires now, and null is answered.
    /// </summary>
    private async Task<OpenOffer?> StillOpen(string offerId)
    {
        if (State.Offers.Find(o => o.OfferId == offerId) is not { } open)
        {
            return null;
        }
        if (Now() >= open.ExpiresAt)
        {
            await Expire(open);
            return null;
        }
        return open;
    }

    /// <summary>The answer for an offer that is no longer open: the first answer again if it was this one, else why not.</summary>
    private async Task<OfferAnswer> Answered(string offerId, OfferOutcome wanted)
    {
        if (State.Profile is null)
        {
            return OfferAnswer.Refused(RefusalKind.NotFound, $"Agent '{_agentId}' is not registered.", "agentId");
        }
        if (State.EndedOffers.FindLast(o => o.Offer.OfferId == offerId) is not { } ended)
        {
            return OfferAnswer.Refused(RefusalKind.NotFound, $"Agent '{_agentId}' has no offer '{offerId}'.", "offerId");
        }
        if (ended.Outcome != wanted)
        {
            var what = ended.Outcome switch
            {
                OfferOutcome.Accepted => "was accepted",
                OfferOutcome.Declined => "was declined",
                OfferOutcome.Expired => "expired",
                _ => "was withdrawn",
            };
            return OfferAnswer.Refused(RefusalKind.Conflict, $"Offer '{offerId}' {what}.", "offerId");
        }
        // A repeat of the answer given: make sure the pool heard it, then answer as the first time.
        if (!ended.Told)
        {
            await TellSettled(ended);
        }
        if (wanted == OfferOutcome.Accepted && !State.Assignments.Exists(a => a.ConversationId == ended.Offer.ConversationId && a.HandoffId == ended.Offer.HandoffId))
        {
            return OfferAnswer.Refused(RefusalKind.Conflict, $"Offer '{offerId}' was withdrawn: the conversation no longer waits for an agent.", "offerId");
        }
        return OfferAnswer.Done(Wire(ended.Offer));
    }

    /// <summary>Ends every open offer whose deadline passed.</summary>
    private async Task ExpireDue()
    {
        var now = Now();
        foreach (var due in State.Offers.Where(o => o.ExpiresAt <= now).ToArray())
        {
            if (State.Offers.Contains(due))
            {
                await Expire(due);
            }
        }
        ArmOfferTimer();
    }

    /// <summary>Nobody answered the offer in time: the agent moves to the not-responding status and the conversation to the next agent.</summary>
    private async Task Expire(OpenOffer offer)
    {
        Record(new AgentOfferEnded { At = Now(), OfferId = offer.OfferId, Outcome = OfferOutcome.Expired });
        NotResponding();
        await Store();
        metrics.HandoffStep(_tenantId, "expired");
        metrics.OfferExpired(_tenantId, offer.PoolName);
        metrics.DeadlineReached("offer", clock.GetUtcNow() - offer.ExpiresAt);
        logger.LogInformation("Offer {OfferId} of conversation {ConversationId} to agent {AgentId} of tenant {TenantId} expired",
            offer.OfferId, offer.ConversationId, _agentId, _tenantId);
        // The pools hear the agent is away before the conversation is offered again, so it goes to someone else.
        await Announce();
        await TellSettled(State.EndedOffers.FindLast(o => o.Offer.OfferId == offer.OfferId)!);
    }

    /// <summary>An agent who let work time out is taken off duty (recorded; stored by the caller).</summary>
    private void NotResponding()
    {
        if (State.Status == AgentStatus.Available && _routing.NotRespondingStatus != AgentStatus.Available)
        {
            Record(new AgentStatusChanged
            {
                At = Now(),
                Status = _routing.NotRespondingStatus,
                PreviousStatus = State.Status,
                Number = State.StatusChanges + 1,
                Reason = NotRespondingReason,
            });
        }
    }

    /// <summary>Tells the pool how an offer ended (and the conversation, unless it was taken), then stores that the pool heard; the pool's answer.</summary>
    private async Task<bool> TellSettled(EndedOffer ended)
    {
        var offer = ended.Offer;
        if (ended.Outcome is OfferOutcome.Declined or OfferOutcome.Expired)
        {
            // Before the pool hears of it, so the conversation's facts tell of this offer's end before the next offer.
            _ = Conversation(offer.ConversationId).OnOfferChanged(Notice(offer, ended.Outcome, ended.Reason));
        }
        var waiting = await Pool(offer.PoolName).SettleOffer(new OfferSettlement
        {
            ConversationId = offer.ConversationId,
            HandoffId = offer.HandoffId,
            OfferId = offer.OfferId,
            Outcome = ended.Outcome,
            Agent = View(),
        });
        if (!ended.Told)
        {
            Record(new AgentOfferTold { At = Now(), OfferId = offer.OfferId });
            await Store();
        }
        return waiting;
    }

    /// <summary>A new offer of a conversation to this agent, numbered by the record that makes it so its id is never reused.</summary>
    private OpenOffer NewOffer(string conversationId, string handoffId, string poolName)
    {
        var now = Now();
        return new OpenOffer
        {
            OfferId = $"ofr-{State.Seq + 1}",
            ConversationId = conversationId,
            HandoffId = handoffId,
            PoolName = poolName,
            OfferedAt = now,
            ExpiresAt = now + _routing.OfferTimeout,
        };
    }

    /// <summary>A claim the pool agreed to becomes an open offer: stored (settling the claim), then armed and told.</summary>
    private async Task Hold(OpenOffer offer)
    {
        Record(new AgentOffered { At = Now(), Offer = offer });
        await Store();
        Offered(offer);
    }

    /// <summary>The offer was stored: its deadline is armed and the conversation told (one-way; the pool's placement says it too).</summary>
    private void Offered(OpenOffer offer)
    {
        ArmOfferTimer();
        metrics.HandoffStep(_tenantId, "offered");
        _ = Conversation(offer.ConversationId).OnOfferChanged(Notice(offer, null, null));
    }

    private HandoffOfferNotice Notice(OpenOffer offer, OfferOutcome? outcome, string? reason) => new()
    {
        HandoffId = offer.HandoffId,
        OfferId = offer.OfferId,
        AgentId = _agentId,
        ExpiresAt = offer.ExpiresAt,
        Outcome = outcome,
        Reason = reason,
        At = Now(),
    };

    private static AgentOffer Wire(OpenOffer offer) => new()
    {
        OfferId = offer.OfferId,
        ConversationId = offer.ConversationId,
        HandoffId = offer.HandoffId,
        ExpiresAt = offer.ExpiresAt,
    };

    /// <summary>The timer at the earliest open offer's deadline (offers are stored, so an activation arms it again).</summary>
    private void ArmOfferTimer() =>
        _offerTimer.Arm(State.Offers.Count == 0 ? null : State.Offers.Min(o => o.ExpiresAt));

    private async Task OnOfferTimer()
    {
        try
        {
            await ExpireDue();
        }
        catch (Exception e)
        {
            logger.LogWarning("Agent {AgentId} of tenant {TenantId} could not end an expired offer ({Reason}); it tries again",
                _agentId, _tenantId, e.GetBaseException().Message);
            this.ReconcileSoon(Reconcile);
        }
        finally
        {
            ArmOfferTimer();
        }
    }

    async Task IAgentGrain.Release(string conversationId, string handoffId)
    {
        var assignment = State.Assignments.Find(a => a.ConversationId == conversationId && a.HandoffId == handoffId);
        var offer = State.Offers.Find(o => o.ConversationId == conversationId && o.HandoffId == handoffId);
        if (assignment is null && offer is null)
        {
            return;
        }
        if (offer is not null)
        {
            // Its pool already let the conversation go: nothing to tell it.
            Record(new AgentOfferEnded { At = Now(), OfferId = offer.OfferId, Outcome = OfferOutcome.Withdrawn });
            Record(new AgentOfferTold { At = Now(), OfferId = offer.OfferId });
            ArmOfferTimer();
        }
        if (assignment is not null)
        {
            Record(new AgentReleased { At = Now(), ConversationId = conversationId, HandoffId = handoffId });
        }
        await Store();
        await Announce();
        await FillCapacity();
    }

    /// <summary>
    /// One round of reconciliation: settles claims cut off by a crash, re-tells completions nobody heard of, asks every
    /// conversation it holds whether it agrees (freeing the slot of one that moved on), refreshes the pools and pulls.
    /// Failures are left for the next round.
    /// </summary>
    private async Task Reconcile()
    {
        if (_reconciling || State.Profile is null || Stopping)
        {
            return;
        }
        _reconciling = true;
        try
        {
            await SettleClaims();
            await ExpireDue();
            foreach (var ended in State.EndedOffers.Where(o => !o.Told).ToArray())
            {
                var waiting = await TellSettled(ended);
                var taken = State.Assignments.Find(a => a.ConversationId == ended.Offer.ConversationId && a.HandoffId == ended.Offer.HandoffId);
                if (ended.Outcome == OfferOutcome.Accepted && taken is not null)
                {
                    if (waiting)
                    {
                        await Conversation(taken.ConversationId).OnAgentAssigned(Notice(taken));
                    }
                    else
                    {
                        Record(new AgentReleased { At = Now(), ConversationId = taken.ConversationId, HandoffId = taken.HandoffId });
                        await Store();
                    }
                }
                metrics.Repaired("offer-retold");
            }
            foreach (var completion in State.Completions.Where(c => !c.Told).ToArray())
            {
                if (Stopping)
                {
                    return;
                }
                await TellCompleted(completion);
                metrics.Repaired("completion-retold");
            }
            var released = false;
            foreach (var assignment in State.Assignments.ToArray())
            {
                if (Stopping)
                {
                    return;
                }
                var agrees = await Conversation(assignment.ConversationId).CheckAssignment(Notice(assignment));
                if (!agrees && State.Assignments.Contains(assignment))
                {
                    Record(new AgentReleased { At = Now(), ConversationId = assignment.ConversationId, HandoffId = assignment.HandoffId });
                    released = true;
                    metrics.Repaired("agent-released");
                    logger.LogWarning("Agent {AgentId} of tenant {TenantId} freed conversation {ConversationId}: it moved on from handoff {HandoffId}",
                        _agentId, _tenantId, assignment.ConversationId, assignment.HandoffId);
                }
            }
            if (released)
            {
                await Store();
            }
            if (Stopping)
            {
                return;
            }
            await Announce();
            await FillCapacity();
            await Unwatch();
        }
        catch (Exception e)
        {
            logger.LogWarning("Agent {AgentId} of tenant {TenantId} could not finish reconciling ({Reason}); the next round tries again",
                _agentId, _tenantId, e.GetBaseException().Message);
        }
        finally
        {
            _reconciling = false;
        }
    }

    /// <summary>Tells the conversation the agent is done with it (idempotent on its side), then stores that it heard.</summary>
    private async Task TellCompleted(CompletionRecord completion)
    {
        // A retry arriving while the completion is being appended waits for it: the conversation never hears of one not stored.
        await Store();
        await Conversation(completion.ConversationId).OnAgentCompleted(completion.HandoffId, _agentId, completion.CompletedAt);
        if (!completion.Told)
        {
            // Until this is stored, a restart only tells the conversation once more.
            Record(new AgentCompletionTold { At = Now(), ConversationId = completion.ConversationId, HandoffId = completion.HandoffId });
            await Store();
        }
    }

    /// <summary>Registers the reconciliation reminder unless the ledger says it is, and records it, before the change that needs it is stored.</summary>
    private async Task Watch()
    {
        if (!State.Watched)
        {
            await this.WatchAsync(registered: false, handoffs);
            if (!State.Watched)
            {
                Record(new AgentWatched { At = Now(), Watched = true });
            }
        }
    }

    /// <summary>
    /// Removes the reminder once nothing needs it: recorded first, so the journal never says it is there when it is not
    /// (a reminder left behind only fires once more and is removed then).
    /// </summary>
    private async Task Unwatch()
    {
        if (NeedsWatch || (!State.Watched && !_strayReminder))
        {
            return;
        }
        if (State.Watched)
        {
            Record(new AgentWatched { At = Now(), Watched = false });
            await Store();
        }
        _strayReminder = false;
        await this.UnwatchAsync(registered: true);
        if (State.Watched)
        {
            // A change that needs the reminder came meanwhile and recorded it: it stays registered.
            await this.WatchAsync(registered: false, handoffs);
        }
    }

    /// <summary>
    /// While the agent can take more, claims the longest-waiting conversation across all the queues it serves. One
    /// pull runs at a time; a reason to pull that comes up meanwhile makes it look at the queues once more.
    /// </summary>
    private async Task FillCapacity()
    {
        if (_pulling)
        {
            _pullAgain = true;
            return;
        }
        _pulling = true;
        try
        {
            do
            {
                _pullAgain = false;
                await PullWhileFree();
            }
            while (_pullAgain);
        }
        finally
        {
            _pulling = false;
        }
    }

    private async Task PullWhileFree()
    {
        for (var attempt = 0; attempt < MaxPullAttempts && CanTake; attempt++)
        {
            var pools = AgentChoice.Pools(State.Profile!, Widens).ToArray();
            var heads = await Task.WhenAll(pools.Select(async pool => (pool, await Pool(pool).PeekHead(_agentId))));
            if (AgentChoice.Next(heads) is not var (poolName, head) || !CanTake)
            {
                return;
            }

            var claim = new PendingClaim
            {
                PoolName = poolName,
                ConversationId = head.ConversationId,
                HandoffId = head.HandoffId,
                Offer = _routing.OffersOn ? NewOffer(head.ConversationId, head.HandoffId, poolName) : null,
            };
            Record(new AgentClaimPending { At = Now(), Claim = claim });
            await Watch();
            await Store();
            crash.Reach(CrashPoint.AgentClaimStored);
            // If the pool cannot be asked, the call fails, the activation is dropped and the stored claim is settled later.
            var claimed = await Pool(poolName).Claim(head.ConversationId, head.HandoffId, View(), claim.Offer is { } asked ? Wire(asked) : null);
            if (!claimed)
            {
                if (State.PendingClaims.Contains(claim))
                {
                    Record(new AgentClaimDropped { At = Now(), ConversationId = head.ConversationId, HandoffId = head.HandoffId });
                    await Store();
                }
                continue;
            }
            if (!State.PendingClaims.Contains(claim))
            {
                // A reconciliation round settled the claim meanwhile.
                continue;
            }
            if (claim.Offer is { } made)
            {
                await Hold(made);
                await Broadcast();
                continue;
            }

            await Confirm(Take(head.ConversationId, head.HandoffId, poolName));
        }
    }

    /// <summary>Stores a conversation just taken (from a queue, or by accepting its offer), tells it, and tells the pools.</summary>
    private async Task Confirm(AgentAssignmentRecord assignment, bool accepted = false)
    {
        await Store();
        crash.Reach(CrashPoint.AgentClaimConfirmed);
        var told = Conversation(assignment.ConversationId).OnAgentAssigned(Notice(assignment));
        if (accepted)
        {
            try
            {
                // The agent's own accept waits, so their first message right after it finds the conversation theirs. Only
                // an accept, which comes from the agent and never from inside another grain's call, so nothing waits in a circle.
                await told;
            }
            catch (Exception e)
            {
                // The assignment is stored: the next reconciliation round asks the conversation again.
                logger.LogWarning("Agent {AgentId} of tenant {TenantId} could not tell conversation {ConversationId} it took it ({Reason}); reconciliation tells it again",
                    _agentId, _tenantId, assignment.ConversationId, e.GetBaseException().Message);
            }
        }
        else
        {
            // Taken from a queue, possibly inside a call the conversation itself made: told without waiting. If the
            // notice is lost, the next reconciliation round asks the conversation again.
            told.Ignore();
        }
        await Broadcast();
    }

    /// <summary>The conversations the agent holds now, to tell afterwards which it took meanwhile.</summary>
    private HashSet<AgentAssignmentRecord> Held() => [.. State.Assignments];

    /// <summary>
    /// Before the agent's own request is answered, each conversation it took meanwhile (from a queue it pulled, or
    /// that a pool gave it) has recorded that it did, so what the agent is told it holds, a read of the conversation
    /// shows too. The pool's or the pull's notice may still be on its way: this is the same notice, told again and
    /// awaited, and the conversation adopts an assignment once. Safe to wait on: an agent's own request comes from the
    /// API, never from inside another grain's call, and the agent is reentrant. A conversation that cannot be reached is
    /// asked by the next reconciliation round.
    /// </summary>
    private async Task ConfirmTaken(HashSet<AgentAssignmentRecord> before)
    {
        foreach (var taken in State.Assignments.Where(a => !before.Contains(a)).ToArray())
        {
            try
            {
                await Conversation(taken.ConversationId).OnAgentAssigned(Notice(taken));
            }
            catch (Exception e)
            {
                logger.LogWarning("Agent {AgentId} of tenant {TenantId} could not make sure conversation {ConversationId} knows it took it ({Reason}); reconciliation asks again",
                    _agentId, _tenantId, taken.ConversationId, e.GetBaseException().Message);
            }
        }
    }

    /// <summary>After a crash: asks each pool whether a claim made before it went through, and keeps what did.</summary>
    private async Task SettleClaims()
    {
        foreach (var claim in State.PendingClaims.ToArray())
        {
            var placement = await Pool(claim.PoolName).Locate(claim.ConversationId, claim.HandoffId);
            if (!State.PendingClaims.Contains(claim))
            {
                // Settled meanwhile by another round.
                continue;
            }
            if (claim.Offer is { } asked && placement.OfferId == asked.OfferId && placement.OfferedAgentId == _agentId)
            {
                await Hold(asked);
                continue;
            }
            var mine = placement.Status == HandoffStatus.Assigned && placement.AgentId == _agentId;
            if (mine && State.Assignments.TrueForAll(a => a.ConversationId != claim.ConversationId))
            {
                logger.LogInformation("Agent {AgentId} of tenant {TenantId} settled its claim on conversation {ConversationId} after a restart",
                    _agentId, _tenantId, claim.ConversationId);
                metrics.Repaired("claim-settled");
                await Confirm(Take(claim.ConversationId, claim.HandoffId, claim.PoolName));
            }
            else
            {
                Record(new AgentClaimDropped { At = Now(), ConversationId = claim.ConversationId, HandoffId = claim.HandoffId });
                await Store();
            }
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
    };

    /// <summary>
    /// Tells every pool the agent serves how it stands, and waits until they know: done whenever the agent can take
    /// more, so a request arriving after this sees the free slot and one arriving before is found by the pull.
    /// </summary>
    private Task Announce()
    {
        var view = View();
        return Task.WhenAll(AgentChoice.Pools(State.Profile!, Widens).Select(pool => Pool(pool).UpsertAgent(view)));
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
