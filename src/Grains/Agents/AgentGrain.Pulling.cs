using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Agents;

/// <summary>Conversations released, completions told, pools watched, and waiting conversations pulled while capacity is free.</summary>
internal sealed partial class AgentGrain
{
    async Task IAgentGrain.Release(string conversationId, string handoffId)
    {
        var assignment = AssignmentOf(conversationId, handoffId);
        var offer = State.Offers.Find(o => o.ConversationId == conversationId && o.HandoffId == handoffId);
        if (assignment is null && offer is null)
        {
            return;
        }
        if (offer is not null)
        {
            Withdraw(offer);
        }
        if (assignment is not null)
        {
            Record(new AgentReleased { At = Now(), ConversationId = conversationId, HandoffId = handoffId });
            if (AcceptanceBeingConfirmed(conversationId, handoffId) is { Withdrawn: false } accepted)
            {
                // Let go while the acceptance was being confirmed: it never was the agent's, and a repeat of the accept
                // must say so whatever happens after this write.
                Record(new AgentOfferWithdrawn { At = Now(), OfferId = accepted.Offer.OfferId });
            }
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
                var taken = AssignmentOf(ended.Offer.ConversationId, ended.Offer.HandoffId);
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
            await WithdrawOffersTakenElsewhere();
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

    /// <summary>
    /// Asks the pool of each open offer where its conversation stands, and lets go of an offer the pool shows is no longer
    /// this agent's: the conversation is taken by another agent, offered to another, or gone from the pool. That is an
    /// offer the pool lost track of (its call to make it failed after the agent had made it, say) and then gave
    /// elsewhere, which would otherwise keep a slot until its deadline. A pool that shows the conversation waiting with
    /// no offer open may not have recorded this one yet, so that one stays, as does one whose wait widened elsewhere.
    /// </summary>
    private async Task WithdrawOffersTakenElsewhere()
    {
        var withdrawn = false;
        foreach (var offer in State.Offers.ToArray())
        {
            if (Stopping)
            {
                break;
            }
            var placement = await Pool(offer.PoolName).Locate(offer.ConversationId, offer.HandoffId);
            var elsewhere = placement switch
            {
                { Status: HandoffStatus.None } => true,
                { Status: HandoffStatus.Assigned, AgentId: var holder } => holder != _agentId,
                { Status: HandoffStatus.Queued, MovedTo: null, OfferedAgentId: { } offeredTo } => offeredTo != _agentId,
                _ => false,
            };
            if (elsewhere && State.Offers.Contains(offer))
            {
                Withdraw(offer);
                withdrawn = true;
                metrics.Repaired("offer-withdrawn");
                logger.LogWarning("Agent {AgentId} of tenant {TenantId} let offer {OfferId} of conversation {ConversationId} go: its pool shows it {Status} elsewhere",
                    _agentId, _tenantId, offer.OfferId, offer.ConversationId, placement.Status);
            }
        }
        if (withdrawn)
        {
            await Store();
        }
    }

    /// <summary>Ends an open offer as withdrawn, with nothing to tell its pool, which already let the conversation go (recorded; stored by the caller).</summary>
    private void Withdraw(OpenOffer offer)
    {
        Record(new AgentOfferEnded { At = Now(), OfferId = offer.OfferId, Outcome = OfferOutcome.Withdrawn });
        Record(new AgentOfferTold { At = Now(), OfferId = offer.OfferId });
        ArmOfferTimer();
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
            _reminder = await this.WatchAsync(handoffs);
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
        await this.UnwatchAsync(registered: true, Interlocked.Exchange(ref _reminder, null));
        if (State.Watched)
        {
            // A change that needs the reminder came meanwhile and recorded it: it stays registered.
            _reminder = await this.WatchAsync(handoffs);
        }
    }

    /// <summary>
    /// While the agent can take more, claims the longest-waiting conversation across all the queues it serves. One
    /// pull runs at a time; a reason to pull that comes up meanwhile makes it look at the queues once more. A silo that is
    /// stopping pulls nothing (a pool waiting on an offer to this agent would wait on it in a circle, see
    /// <see cref="WhileStoppingTellOnly"/>): an agent with room sends itself a one-way nudge instead, which waits until
    /// this activation is gone and wakes the next one elsewhere, and that one pulls as it starts.
    /// </summary>
    private async Task FillCapacity()
    {
        if (Stopping)
        {
            if (CanTake)
            {
                _ = GrainFactory.Agent(_tenantId, _agentId).CheckOffers();
            }
            return;
        }
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
        for (var attempt = 0; attempt < MaxPullAttempts && CanTake && !Stopping; attempt++)
        {
            var pools = AgentChoice.Pools(State.Profile!, Widens).ToArray();
            var heads = await Task.WhenAll(pools.Select(async pool => (pool, await Pool(pool).PeekHead(_agentId))));
            if (AgentChoice.Next(heads) is not var (poolName, head) || !CanTake || Stopping)
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
}
