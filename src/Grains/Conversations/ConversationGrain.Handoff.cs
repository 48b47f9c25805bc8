using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using CxCluster.Grains.Trust;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Conversations;

/// <summary>The handoff's own round: the pool asked where the conversation waits, a request or release cut off by a crash finished, the agent asked whether it still holds the conversation.</summary>
internal sealed partial class ConversationGrain
{
    /// <summary>
    /// A read asks the pool where a waiting handoff stands, and shows its place and wait; those are not facts and are
    /// never stored. A read records nothing: what the pool decided that the conversation has not recorded yet (an offer,
    /// the agent who took it, a wider queue) comes with the pool's or the agent's notice, and the read only starts the
    /// conversation's own round, which asks again and records it, in case that notice was lost. Null when nothing waits.
    /// </summary>
    private async Task<HandoffPlacement?> AskPool()
    {
        if (State.Status != ConversationStatus.Queued || State.Handoff is not { AwaitingPool: false } waiting)
        {
            return null;
        }
        var placement = await Pool(waiting.PoolName).Locate(_conversationId, waiting.HandoffId);
        if (_decider.IsNews(waiting, placement, Now()))
        {
            RepairSoon();
        }
        if (HandoffDecider.Stand(waiting, placement))
        {
            _snapshot.Changed();
        }
        return placement;
    }

    /// <summary>Runs the reconciliation round once, off the current call's path; asked again while one is due, it is not added twice.</summary>
    private void RepairSoon()
    {
        if (_repairDue)
        {
            return;
        }
        _repairDue = true;
        this.ReconcileSoon(() =>
        {
            _repairDue = false;
            return Reconcile();
        });
    }

    /// <summary>
    /// One round of reconciliation: finishes a handoff request or a release cut off by a crash, asks the agent of a
    /// conversation with a human whether it still holds it, and the pool of a waiting one whether it still waits there.
    /// </summary>
    private async Task Reconcile()
    {
        // A silo shutting down leaves the round to the conversation's next activation (its reminder wakes it elsewhere).
        if (!State.Started || services.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }
        try
        {
            var now = Now();
            if (State.ErasurePending)
            {
                await ErasePersonal();
                services.Metrics.Repaired("erasure-finished");
            }
            if (State.Handoff is { PoolsLeft.Count: > 0 })
            {
                await LeavePoolsMovedFrom(tolerant: false);
                services.Metrics.Repaired("handoff-moved");
            }
            if (State.Handoff is { AwaitingPool: true })
            {
                await PlaceHandoff();
                services.Metrics.Repaired("handoff-placed");
            }
            if (State.Release is not null)
            {
                await FreeReleased(tolerant: false);
                services.Metrics.Repaired("release-finished");
            }
            if (State.Status == ConversationStatus.Human && State.Handoff is { AgentId: { } agentId } handoff)
            {
                await CheckAgent(handoff, agentId, now);
            }
            else if (State.Status == ConversationStatus.Queued && State.Handoff is { AwaitingPool: false } waiting)
            {
                var placement = await Pool(waiting.PoolName).Locate(_conversationId, waiting.HandoffId);
                if (placement.Status == HandoffStatus.None)
                {
                    // The pool does not know it (its answer and its notice were both lost): ask it again.
                    waiting.AwaitingPool = true;
                    await PlaceHandoff();
                    services.Metrics.Repaired("handoff-requeued");
                }
                else
                {
                    if (HandoffDecider.OfferGone(waiting, placement))
                    {
                        await LearnOpenOfferEnd(waiting, now);
                    }
                    if (HandoffDecider.EndedOfferUntold(waiting, placement))
                    {
                        // Neither its making nor its end was ever told: both are learnt from the agent, if it remembers.
                        await LearnOfferEnd(waiting, placement.EndedOfferAgentId!, placement.EndedOfferId!, forgotten: null, now);
                    }
                    if (await LearnAcceptedOffer(waiting, placement, now))
                    {
                        Place(waiting, placement, now);
                        await TakeBackFromAgentGoneOffline();
                    }
                    else
                    {
                        // The pool holds it with an agent it was taken back from, by an acceptance from before: it is
                        // asked again, at the head, which gives it back to the queue.
                        waiting.AwaitingPool = true;
                        await PlaceHandoff(staleAgentId: placement.AgentId);
                        services.Metrics.Repaired("stale-assignment-requeued");
                        services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} was shown with agent {AgentId}, who lost it before: asked its queue again",
                            _conversationId, _tenantId, placement.AgentId);
                    }
                }
            }
            if (!NeedsWatch && State.Watched)
            {
                State.Watched = await this.UnwatchAsync(State.Watched, Interlocked.Exchange(ref _reminder, null));
                _checkpoints.Wanted = true;
                Changed();
            }
            await StoreIfChanged();
        }
        catch (Exception e)
        {
            // Whatever this round changed in memory and did not store is dropped with the activation.
            this.DeactivateOnIdle();
            services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} could not finish reconciling ({Reason}); the next round tries again",
                _conversationId, _tenantId, e.GetBaseException().Message);
        }
    }

    /// <summary>
    /// An offer of the waiting handoff ended and no word of its end came (the pool no longer shows the offer the
    /// handoff recorded as open, or shows one it never recorded as ended): asks its agent how it ended and records that
    /// (with the offer's making, if that was never told either) before what the pool shows now, so the conversation
    /// neither reads offered for good nor lacks the offer's end in its facts (a decline also keeps that agent from being
    /// offered it again). <paramref name="forgotten"/> stands in when the agent no longer remembers the offer; an agent
    /// that cannot be asked leaves it to a later round (or word), and what is shown now is recorded meanwhile.
    /// </summary>
    private async Task LearnOfferEnd(HandoffRecord waiting, string agentId, string offerId, HandoffOfferNotice? forgotten, DateTimeOffset now)
    {
        if (await AskAgent(agentId, agent => agent.GetOffer(_conversationId, waiting.HandoffId, offerId), $"how offer {offerId} ended") is not (true, var told))
        {
            return;
        }
        var notice = told ?? forgotten;
        // Still open at the agent (its pool's view is behind), or not over by its deadline yet: nothing to record.
        if (notice is not { Outcome: OfferOutcome.Declined or OfferOutcome.Expired } || !_decider.OfferChanged(notice, now))
        {
            return;
        }
        Changed();
        services.Metrics.Repaired("offer-end-learnt");
        services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} learnt from agent {AgentId} that offer {OfferId} of handoff {HandoffId} ended ({Outcome})",
            _conversationId, _tenantId, agentId, offerId, waiting.HandoffId, notice.Outcome);
    }

    /// <summary>
    /// The pool placed the waiting handoff with an agent before that agent's word of the assignment came (a read found
    /// it first): with offers, that word names the offer the agent accepted, which the conversation may never have
    /// heard of. Asks the agent for it, so the facts show the offer before the assignment, as when the word comes first;
    /// if the agent cannot be asked, the assignment is recorded without it.
    /// </summary>
    /// <returns>False when the acceptance is older than the conversation's taking it back from that agent: the pool's
    /// placement is stale and must not be recorded.</returns>
    private async Task<bool> LearnAcceptedOffer(HandoffRecord waiting, HandoffPlacement placement, DateTimeOffset now)
    {
        // Without offers an agent takes a conversation without accepting one: there is nothing to ask.
        if (!_policy.Routing.OffersOn || placement is not { Status: HandoffStatus.Assigned, AgentId: { } agentId } || waiting.Status != HandoffStatus.Queued
            || waiting.OfferedAgentId == agentId)
        {
            return true;
        }
        if (await AskAgent(agentId, agent => agent.GetAcceptedOffer(_conversationId, waiting.HandoffId), "which offer it accepted") is (true, { } accepted))
        {
            if (waiting.LostBy(agentId, accepted.At))
            {
                return false;
            }
            await LearnEarlierOfferEnd(accepted, now);
            NoteOtherOffers(waiting, agentId);
            _decider.OfferAccepted(accepted, now);
            Changed();
        }
        return true;
    }

    /// <summary>
    /// Asks an agent about an offer: (true, its answer), or (false, default) when it cannot be asked now (its silo is down).
    /// What the conversation is told or shown meanwhile is recorded all the same, and a later round or word asks again.
    /// </summary>
    private async Task<(bool Asked, T? Answer)> AskAgent<T>(string agentId, Func<IAgentGrain, Task<T>> ask, string what)
    {
        try
        {
            return (true, await ask(Agent(agentId)));
        }
        catch (Exception e) when (e is not InjectedCrashException)
        {
            services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} could not ask agent {AgentId} {What} ({Reason})",
                _conversationId, _tenantId, agentId, what, e.GetBaseException().Message);
            return (false, default);
        }
    }

    /// <summary>
    /// Word of another offer of the waiting handoff (made, ended or accepted) while an earlier one is still recorded
    /// open: a pool offers a handoff to one agent at a time, so the earlier one ended, and its agent's word of how
    /// (one-way, and from another agent, so with no order between the two) has not come yet, or never will. Asks that
    /// agent first, so the facts tell of the earlier offer's end before the next offer. If the agent cannot be asked, the
    /// word at hand is recorded all the same and the earlier offer's end is learnt later (its word, or a round).
    /// </summary>
    private async Task LearnEarlierOfferEnd(HandoffOfferNotice later, DateTimeOffset now)
    {
        if (State.Status != ConversationStatus.Queued
            || State.Handoff is not { OfferId: { } offerId, OfferedAgentId: { } agentId } waiting
            || waiting.HandoffId != later.HandoffId
            || (offerId == later.OfferId && agentId == later.AgentId))
        {
            return;
        }
        await LearnOpenOfferEnd(waiting, now);
    }

    /// <summary>How the waiting handoff's open offer ended, learnt from its agent (or as forgotten past its deadline).</summary>
    private Task LearnOpenOfferEnd(HandoffRecord waiting, DateTimeOffset now) =>
        LearnOfferEnd(waiting, waiting.OfferedAgentId!, waiting.OfferId!, HandoffDecider.Forgotten(waiting, now), now);

    /// <summary>
    /// The conversation is with a human: repairs it if that agent completed it, if nobody holds it at all, or if the agent
    /// went offline before writing to the customer or the customer wrote to it since it went offline.
    /// </summary>
    private async Task CheckAgent(HandoffRecord handoff, string agentId, DateTimeOffset now)
    {
        switch (await Agent(agentId).Holds(_conversationId, handoff.HandoffId))
        {
            case AgentHold.Completed:
                _decider.TakeOver(now);
                Changed();
                services.Metrics.Repaired("completion-applied");
                services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} is back with the AI: agent {AgentId} had completed it",
                    _conversationId, _tenantId, agentId);
                break;
            case AgentHold.HeldOffline when _decider.FirstReplyDue is not null:
                // The agent left before writing, and its word of it never came: taken back now, not at the deadline.
                services.Metrics.Repaired("offline-agent-left");
                await TakeBack(HandoffReclaimed.AgentOffline, now);
                break;
            case AgentHold.HeldOffline when handoff.CustomerWroteAt is not null:
                // The customer wrote to the agent after it went offline: nobody is there to answer, so it is taken back.
                // After the word of its going offline came, what was written is counted; without that word (lost, or the
                // conversation left memory since), the customer's time is set against the agent's.
                if (WroteSinceAgentWentOffline(handoff)
                    || (await Agent(agentId).OfflineSince() is { } since && HandoffDecider.WroteToAgentGoneOffline(handoff, since)))
                {
                    services.Metrics.Repaired("offline-agent-written-to");
                    await TakeBack(HandoffReclaimed.AgentOffline, now);
                }
                break;
            case AgentHold.Held:
                // On duty again: word of its going offline is old news.
                _heldByAgentOffline = null;
                break;
            case AgentHold.Unknown:
                // Nobody holds the customer: find them another agent rather than leave them with nobody.
                var reopened = _decider.OpenHandoff(handoff.Reason, now);
                Changed();
                await StoreIntent();
                await PlaceHandoff();
                services.Metrics.Repaired("handoff-reopened");
                services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} was with agent {AgentId}, who does not hold it: handed off again as {HandoffId}",
                    _conversationId, _tenantId, agentId, reopened.HandoffId);
                break;
        }
    }

    /// <summary>
    /// Whether the conversation is with this agent for this handoff. A conversation waiting on that very handoff takes
    /// the agent: its pool's notice or answer may have been lost.
    /// </summary>
    private async Task<bool> Adopt(AgentAssignment assignment, bool fromPool)
    {
        if (State.Handoff is not { } handoff || handoff.HandoffId != assignment.HandoffId)
        {
            return false;
        }
        if (State.Status == ConversationStatus.Human)
        {
            return handoff.AgentId == assignment.AgentId;
        }
        // An accept of an offer the conversation already ended for its agent (the customer switched channel or language and
        // the offer was declined for the move, or it expired) loses the race: the agent is told to let go, and hears 409.
        if (State.Status != ConversationStatus.Queued || handoff.Passed.Contains(assignment.AgentId) || handoff.LostBy(assignment.AgentId, assignment.AssignedAt)
            || (assignment.Offer is { } ended && handoff.ExpiredOffers.Contains(HandoffRecord.OfferKey(assignment.AgentId, ended.OfferId))))
        {
            return false;
        }
        if ((assignment.Queue ?? assignment.Offer?.Queue) is { } queue && handoff.LeftQueue(queue))
        {
            // Taken in a queue the customer moved away from (the agent answered as the move was made): the move ended it, and
            // an accepted offer there is told as declined for its agent, as any offer open at the move is.
            if (assignment.Offer is { } left && _decider.OfferChanged(left with { Outcome = null, Queue = queue }, Now()))
            {
                Changed();
                await StoreIntent();
            }
            return false;
        }
        if (assignment.Offer is { } offer)
        {
            await LearnEarlierOfferEnd(offer, Now());
            NoteOtherOffers(handoff, assignment.AgentId);
            _decider.OfferAccepted(offer, assignment.AssignedAt);
        }
        Place(handoff, new HandoffPlacement
        {
            Status = HandoffStatus.Assigned,
            AgentId = assignment.AgentId,
            AgentDisplayName = assignment.AgentDisplayName,
        }, assignment.AssignedAt);
        await StoreIntent();
        if (!fromPool)
        {
            services.Metrics.Repaired("assignment-adopted");
            services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} learnt from agent {AgentId} that it holds handoff {HandoffId}",
                _conversationId, _tenantId, assignment.AgentId, handoff.HandoffId);
            // The pool may still list it as waiting if the agent's word never reached it: withdraw it there, and
            // from any other agent the pool was offering it to meanwhile.
            var placement = await Pool(handoff.PoolName).Cancel(_conversationId, handoff.HandoffId);
            if (placement.OfferedAgentId is { } offeredTo && offeredTo != assignment.AgentId)
            {
                NoteWithdrawal(offeredTo, handoff.HandoffId);
                WithdrawOtherOffers();
            }
        }
        // Taken back at once if the agent's word of going offline came first: the pool's word then needs no release, and
        // the agent's check of it is answered that the conversation is no longer with it.
        return !await TakeBackFromAgentGoneOffline() || fromPool;
    }

    /// <summary>
    /// Sends the current handoff to its pool (again, if need be: the pool answers a request it knows with where it
    /// stands) and stores where it was placed.
    /// </summary>
    private async Task PlaceHandoff(string? staleAgentId = null)
    {
        if (State.Handoff is not { AwaitingPool: true } handoff)
        {
            return;
        }
        var placement = await Pool(handoff.PoolName).Request(new HandoffRequest
        {
            ConversationId = _conversationId,
            HandoffId = handoff.HandoffId,
            Reason = handoff.Reason,
            RequestedAt = handoff.RequestedAt,
            Priority = State.Priority,
            Front = handoff.Reclaimed,
            TakenFrom = handoff.TakenFrom,
            StaleAgentId = staleAgentId,
            Excluded = handoff.Passed,
            // Moved here from another queue: it has waited since it first took a place in one.
            WaitingSince = handoff.Moved ? handoff.QueuedAt : null,
        });
        services.Crash.Reach(CrashPoint.ConversationHandoffPlaced);
        // A request sent again (its answer, or its storing, was lost) that an agent took meanwhile may have been taken by
        // accepting an offer the conversation never heard of: the facts tell its queueing and the offer before the assignment.
        if (!await LearnAcceptedOffer(handoff, placement, Now()))
        {
            // Shown with an agent it was taken back from, by an acceptance from before: nothing of it is recorded, and the
            // queue is asked once more to let it wait again (the next round asks again if that fails too).
            if (staleAgentId is null && placement.AgentId is { } stale)
            {
                await PlaceHandoff(stale);
            }
            return;
        }
        Place(handoff, placement, Now());
        await StoreIntent();
        await TakeBackFromAgentGoneOffline();
    }

    /// <summary>
    /// The waiting handoff moved to another queue (the conversation's channel or language changed): leaves the queues it
    /// moved from, letting go of any offer or assignment made there meanwhile, then asks the queue it waits in now. What
    /// fails is left to the reconciliation round; the event that moved it is stored and answered.
    /// </summary>
    private async Task MoveHandoff()
    {
        await LeavePoolsMovedFrom(tolerant: true);
        try
        {
            await PlaceHandoff();
        }
        catch (Exception e)
        {
            services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} could not wait in its new queue yet ({Reason}); its reminder tries again",
                _conversationId, _tenantId, e.GetBaseException().Message);
        }
    }

    /// <summary>Leaves each queue the waiting handoff moved away from (<see cref="HandoffRecord.PoolsLeft"/>), and what was given to an agent there.</summary>
    private async Task LeavePoolsMovedFrom(bool tolerant)
    {
        if (State.Handoff is not { PoolsLeft.Count: > 0 } handoff)
        {
            return;
        }
        try
        {
            foreach (var pool in handoff.PoolsLeft.ToArray())
            {
                var placement = await Pool(pool).Cancel(_conversationId, handoff.HandoffId);
                if (placement.MovedTo is { } wider && wider != handoff.PoolName)
                {
                    // Its wait had widened there before it heard: it is left in the wider queue too.
                    placement = await Pool(wider).Cancel(_conversationId, handoff.HandoffId);
                }
                // An offer made there that the conversation never heard of (its word still on its way) ends with the move.
                if (_decider.LeftQueue(pool, placement, Now()))
                {
                    Changed();
                }
                string?[] holders = [placement.Status == HandoffStatus.Assigned ? placement.AgentId : null, placement.OfferedAgentId];
                foreach (var agentId in holders.OfType<string>().Distinct(StringComparer.Ordinal))
                {
                    await Agent(agentId).Release(_conversationId, handoff.HandoffId);
                }
                handoff.PoolsLeft.Remove(pool);
                _checkpoints.Wanted = true;
                Changed();
            }
        }
        catch (Exception e) when (tolerant)
        {
            services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} could not leave the queue it moved from yet ({Reason}); its reminder tries again",
                _conversationId, _tenantId, e.GetBaseException().Message);
        }
    }

    /// <summary>Records a placement, marking memory as ahead of storage if it changed anything; the event that opened the handoff then answers with it, now and on every retry.</summary>
    private void Place(HandoffRecord handoff, HandoffPlacement placement, DateTimeOffset at)
    {
        if (placement is { Status: HandoffStatus.Assigned, AgentId: { } assignee })
        {
            NoteOtherOffers(handoff, assignee);
        }
        var before = Seen();
        _decider.Place(handoff, placement, at);
        if (before == Seen())
        {
            return;
        }
        Changed();
        if (!handoff.AwaitingPool && _recent.FindPending(handoff.HandoffId) is { } pending)
        {
            _recent.Replace(WithPlacement(pending) with { Version = State.Version });
        }

        // What a placement can change, as stored or shown.
        (HandoffStatus, string?, int?, int?, bool, ConversationStatus, string, string?, string?, HandoffStatus) Seen() =>
            (handoff.Status, handoff.AgentId, handoff.QueuePosition, handoff.EstimatedWaitSeconds, handoff.AwaitingPool, State.Status, handoff.PoolName,
             handoff.OfferId, handoff.OfferedAgentId, handoff.ShownStatus);
    }

    /// <summary>
    /// The waiting handoff is about to be recorded as taken by <paramref name="assignee"/>: any other agent it was offered
    /// to whose offer's end the conversation never heard may still hold that offer open (a pool that lost the answer to
    /// an offer and made the next one elsewhere, say), keeping a slot for a customer who is served. Each is told to let it
    /// go once the assignment is stored (<see cref="WithdrawOtherOffers"/>), instead of holding it until its deadline.
    /// </summary>
    private void NoteOtherOffers(HandoffRecord handoff, string assignee)
    {
        if (handoff.Status != HandoffStatus.Queued)
        {
            return;
        }
        foreach (var agentId in handoff.OthersOffered(assignee))
        {
            NoteWithdrawal(agentId, handoff.HandoffId);
        }
    }

    /// <summary>Notes, once, that <paramref name="agentId"/> is to let its offer of <paramref name="handoffId"/> go (<see cref="WithdrawOtherOffers"/>).</summary>
    private void NoteWithdrawal(string agentId, string handoffId)
    {
        if (!_withdrawals.Contains((agentId, handoffId)))
        {
            _withdrawals.Add((agentId, handoffId));
        }
    }

    /// <summary>
    /// Tells the agents noted by <see cref="NoteOtherOffers"/> to let their offer go, one-way (an agent never waits on a
    /// conversation, and one with no such offer open does nothing); called once the assignment is stored. A notice lost
    /// leaves the offer to end at its deadline, as before.
    /// </summary>
    private void WithdrawOtherOffers()
    {
        if (_withdrawals.Count == 0 || State.Handoff is not { Status: HandoffStatus.Assigned or HandoffStatus.Completed } handoff)
        {
            return;
        }
        foreach (var (agentId, handoffId) in _withdrawals)
        {
            if (handoffId == handoff.HandoffId && agentId != handoff.AgentId)
            {
                services.Metrics.Repaired("other-offer-withdrawn");
                services.Logger.LogInformation("Conversation {ConversationId} of tenant {TenantId} told agent {AgentId} to let its offer of handoff {HandoffId} go: agent {Assignee} took it",
                    _conversationId, _tenantId, agentId, handoffId, handoff.AgentId);
                Agent(agentId).Release(_conversationId, handoffId).Ignore();
            }
        }
        _withdrawals.Clear();
    }

    /// <summary>Stores the leaving of a handoff, then frees what it still holds (the event is answered even if that fails).</summary>
    private async Task StoreThenFreeReleased()
    {
        await StoreIntent();
        if (State.Release is null)
        {
            return;
        }
        services.Crash.Reach(CrashPoint.ConversationReleaseStored);
        await FreeReleased();
    }

    /// <summary>
    /// Frees what a handoff the conversation left still holds: its queue place, and the agent it was with or that took
    /// it meanwhile. Called after the leaving is stored; unless <paramref name="tolerant"/> is false a failure is left
    /// to the reconciliation round (the event itself is stored and answered).
    /// </summary>
    private async Task FreeReleased(bool tolerant = true)
    {
        if (State.Release is not { } release)
        {
            return;
        }
        try
        {
            var placement = await Pool(release.PoolName).Cancel(_conversationId, release.HandoffId);
            if (placement.MovedTo is { } widerPool)
            {
                // Its wait had widened before it heard: it waits (or was taken) in the wider pool.
                placement = await Pool(widerPool).Cancel(_conversationId, release.HandoffId);
            }
            // The agent it was with, one that took it meanwhile, or one it is offered to: each lets it go.
            string?[] holders = [release.AgentId, placement.Status == HandoffStatus.Assigned ? placement.AgentId : null, placement.OfferedAgentId];
            foreach (var agentId in holders.OfType<string>().Distinct(StringComparer.Ordinal))
            {
                await Agent(agentId).Release(_conversationId, release.HandoffId);
            }
            State.Handoffs.Release = null;
            _checkpoints.Wanted = true;
            Changed();
        }
        catch (Exception e) when (tolerant)
        {
            services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} could not free handoff {HandoffId} yet ({Reason}); its reminder tries again",
                _conversationId, _tenantId, release.HandoffId, e.GetBaseException().Message);
        }
    }
}
