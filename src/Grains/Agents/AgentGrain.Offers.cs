using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Agents;

/// <summary>Offers: made, accepted, declined, expired and taken back, each told to the conversation and the pool.</summary>
internal sealed partial class AgentGrain
{
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
            if (DeclinedByTheAgent(offer.ConversationId, offer.HandoffId))
            {
                // The agent declined this handoff already, and the pool may not have heard before a crash: it goes to the
                // next agent, never back to this one (the pool hears of the decline from the agent's next round).
                return new AssignmentAnswer { Accepted = false, Agent = View() };
            }
            var held = State.Assignments.Find(a => a.ConversationId == offer.ConversationId);
            if (held is null && !ServesPool(offer.PoolName))
            {
                // From a pool the agent left (a language or channel dropped) that has not heard of it yet: not the agent's.
                return new AssignmentAnswer { Accepted = false, Agent = View() };
            }
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

    /// <summary>The agent declined an offer of this handoff by its own choice (not one the cluster declined for it).</summary>
    private bool DeclinedByTheAgent(string conversationId, string handoffId) =>
        State.EndedOffers.Exists(e => e.Outcome == OfferOutcome.Declined && e.Offer.ConversationId == conversationId && e.Offer.HandoffId == handoffId
            && Abstractions.Facts.HandoffDeclined.IsTheAgentsChoice(e.Reason));

    Task<IReadOnlyList<AgentOffer>?> IAgentGrain.GetOffers() =>
        Task.FromResult(State.Profile is null ? null : (IReadOnlyList<AgentOffer>?)State.Offers.Select(Wire).ToArray());

    Task<OfferAnswer> IAgentGrain.AcceptOffer(string offerId) => OneAnswerAtATime(offerId, () => Accept(offerId));

    Task<OfferAnswer> IAgentGrain.DeclineOffer(string offerId, string? reason) => OneAnswerAtATime(offerId, () => Decline(offerId, reason));

    /// <summary>
    /// Answers of one offer in flight (a desktop retrying an accept, an accept and a decline at once), by offer id. The
    /// grain is reentrant, so a repeat could otherwise read the offer between the first answer's steps (taken, not yet
    /// let go) and answer otherwise than it; a repeat waits for the first and then answers as it did.
    /// </summary>
    private readonly Dictionary<string, Task<OfferAnswer>> _answering = new(StringComparer.Ordinal);

    /// <summary>
    /// Accepted offers whose conversation is being told it is the agent's: a conversation that lets the agent go meanwhile
    /// had moved on, and the acceptance is recorded withdrawn with the release, in one write.
    /// </summary>
    private readonly HashSet<string> _confirming = new(StringComparer.Ordinal);

    /// <summary>The withdrawn accepted offer of this handoff that is being confirmed, if any.</summary>
    private EndedOffer? AcceptanceBeingConfirmed(string conversationId, string handoffId) =>
        _confirming.Count == 0 ? null
        : State.EndedOffers.FindLast(o => o.Outcome == OfferOutcome.Accepted && o.Offer.ConversationId == conversationId && o.Offer.HandoffId == handoffId
            && _confirming.Contains(o.Offer.OfferId));

    private static OfferAnswer NoLongerWaits(string offerId) =>
        OfferAnswer.Refused(RefusalKind.Conflict, $"Offer '{offerId}' was withdrawn: the conversation no longer waits for an agent.", "offerId");

    private async Task<OfferAnswer> OneAnswerAtATime(string offerId, Func<Task<OfferAnswer>> answer)
    {
        // An answer that finished but is still listed (its own continuation not run yet) is not waited for again.
        while (_answering.TryGetValue(offerId, out var first) && !first.IsCompleted)
        {
            await Task.WhenAny(first);
        }
        var task = answer();
        _answering[offerId] = task;
        try
        {
            return await task;
        }
        finally
        {
            if (_answering.TryGetValue(offerId, out var current) && current == task)
            {
                _answering.Remove(offerId);
            }
        }
    }

    private async Task<OfferAnswer> Accept(string offerId)
    {
        if (await StillOpen(offerId) is not { } open)
        {
            return await Answered(offerId, OfferOutcome.Accepted);
        }
        Record(new AgentOfferEnded { At = Now(), OfferId = offerId, Outcome = OfferOutcome.Accepted });
        var assignment = Take(open.ConversationId, open.HandoffId, open.PoolName);
        await Store();
        crash.Reach(CrashPoint.AgentClaimStored);
        return await FinishAcceptance(State.EndedOffers.FindLast(o => o.Offer.OfferId == offerId)!, assignment);
    }

    /// <summary>
    /// Tells the pool of an acceptance, then the conversation: done once the conversation is the agent's; refused when it
    /// moved on meanwhile, which is recorded so a repeat of the accept answers the same.
    /// </summary>
    private async Task<OfferAnswer> FinishAcceptance(EndedOffer ended, AgentAssignmentRecord? assignment)
    {
        var offer = ended.Offer;
        if (!await TellSettled(ended))
        {
            // The conversation moved on while the agent answered: nothing is left to take (let go as the pool was heard).
            await Announce();
            return NoLongerWaits(offer.OfferId);
        }
        if (assignment is not null)
        {
            _confirming.Add(offer.OfferId);
            try
            {
                await Confirm(assignment, accepted: true);
            }
            finally
            {
                _confirming.Remove(offer.OfferId);
            }
        }
        if (AssignmentOf(offer.ConversationId, offer.HandoffId) is null)
        {
            // The conversation ended this offer first (it moved to another queue as the agent answered) and let the agent
            // go, which recorded the acceptance withdrawn in the same write (see Release).
            if (!ended.Withdrawn)
            {
                Record(new AgentOfferWithdrawn { At = Now(), OfferId = offer.OfferId });
                await Store();
            }
            return OfferAnswer.Refused(RefusalKind.Conflict, $"Offer '{offer.OfferId}' was withdrawn: the conversation moved on while it was accepted.", "offerId");
        }
        metrics.HandoffStep(_tenantId, "accepted");
        return OfferAnswer.Done(Wire(offer));
    }

    private async Task<OfferAnswer> Decline(string offerId, string? reason)
    {
        // Checked as it would be recorded: redaction drops invisible marks ("agent-offline\u200B") and folds look-alike letters.
        var told = reason is null ? null : Redactor.Redact(reason);
        if (told is not null && Abstractions.Facts.HandoffDeclined.ReadsAsTheClusters(told))
        {
            // Recorded as given, it would read as a decline the cluster made for the agent, and the handoff could come back.
            return OfferAnswer.Refused(RefusalKind.Invalid, $"reason '{told}' is the one the cluster gives when it declines an offer for an agent; give the agent's own reason, or none.", "reason");
        }
        if (await StillOpen(offerId) is not { } open)
        {
            return await Answered(offerId, OfferOutcome.Declined);
        }
        var held = Held();
        // The reason is the agent's own words, told in the conversation's fact (its personal part when in words, which an
        // erasure or the tenant's retention removes); the agent's own journal keeps only a code.
        Record(new AgentOfferEnded { At = Now(), OfferId = offerId, Outcome = OfferOutcome.Declined, Reason = told });
        await Store();
        crash.Reach(CrashPoint.AgentOfferEnded);
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
        RecordDeclines(open, reason);
        await Store();
        ArmOfferTimer();
        crash.Reach(CrashPoint.AgentOfferEnded);
        await TellDeclined(open);
    }

    /// <summary>Records each of <paramref name="open"/> declined for the agent with <paramref name="reason"/>; stored by the caller.</summary>
    private void RecordDeclines(IReadOnlyList<OpenOffer> open, string reason)
    {
        foreach (var offer in open)
        {
            Record(new AgentOfferEnded { At = Now(), OfferId = offer.OfferId, Outcome = OfferOutcome.Declined, Reason = reason });
        }
    }

    /// <summary>Tells the pools and conversations of offers declined for the agent (stored), each not told yet.</summary>
    private async Task TellDeclined(IReadOnlyList<OpenOffer> declined)
    {
        foreach (var offer in declined)
        {
            if (State.EndedOffers.FindLast(o => o.Offer.OfferId == offer.OfferId) is { Told: false } ended)
            {
                await TellSettled(ended);
                metrics.HandoffStep(_tenantId, "declined");
            }
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
        var offDuty = false;
        OpenOffer[] declined = [];
        if (AssignmentOf(conversationId, handoffId) is not null)
        {
            Record(new AgentReleased { At = Now(), ConversationId = conversationId, HandoffId = handoffId });
            // Only silence is not responding: an agent taken back for going offline may be back on duty by now (a
            // desktop reconnecting), and keeps the status it chose.
            offDuty = reason == Abstractions.Facts.HandoffReclaimed.NoFirstReply && NotResponding();
            declined = offDuty ? DeclineForNotResponding() : [];
            await Store();
            logger.LogInformation("Agent {AgentId} of tenant {TenantId} lost conversation {ConversationId}: it was taken back ({Reason})",
                _agentId, _tenantId, conversationId, reason);
        }
        await Announce();
        if (offDuty)
        {
            await AfterTakenOffDuty(declined);
        }
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
        if (Now() >= DeadlineOf(open))
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
        // A decline the cluster made for the agent (gone away or offline, no longer fit, not responding, the conversation
        // gone) is no answer of theirs: declining it now is too late, as for an offer that expired.
        bool declinedForThem = ended.Outcome == OfferOutcome.Declined && !Abstractions.Facts.HandoffDeclined.IsTheAgentsChoice(ended.Reason);
        if (ended.Outcome != wanted || declinedForThem)
        {
            var what = ended.Outcome switch
            {
                OfferOutcome.Accepted => "was accepted",
                OfferOutcome.Declined when ended.Reason == Abstractions.Facts.HandoffDeclined.Withdrawn => "was withdrawn",
                OfferOutcome.Declined when declinedForThem => $"was declined for the agent ({ended.Reason})",
                OfferOutcome.Declined => "was declined",
                OfferOutcome.Expired => "expired",
                _ => "was withdrawn",
            };
            return OfferAnswer.Refused(RefusalKind.Conflict, $"Offer '{offerId}' {what}.", "offerId");
        }
        // A repeat of the answer given: answered as the first time. An acceptance that was withdrawn got nothing; one the
        // pool has heard of was the agent's, even if the conversation has ended since; one a crash cut short before the
        // pool heard of it is finished now.
        if (wanted == OfferOutcome.Accepted)
        {
            if (ended.Withdrawn)
            {
                return NoLongerWaits(offerId);
            }
            if (!ended.Told)
            {
                return await FinishAcceptance(ended, AssignmentOf(ended.Offer.ConversationId, ended.Offer.HandoffId));
            }
            return OfferAnswer.Done(Wire(ended.Offer));
        }
        if (!ended.Told)
        {
            await TellSettled(ended);
        }
        return OfferAnswer.Done(Wire(ended.Offer));
    }

    /// <summary>Ends every open offer whose deadline passed.</summary>
    private async Task ExpireDue()
    {
        var now = Now();
        foreach (var due in State.Offers.Where(o => DeadlineOf(o) <= now).ToArray())
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
        var offDuty = NotResponding();
        var declined = offDuty ? DeclineForNotResponding() : [];
        await Store();
        crash.Reach(CrashPoint.AgentOfferEnded);
        metrics.HandoffStep(_tenantId, "expired");
        metrics.OfferExpired(_tenantId, offer.PoolName);
        metrics.DeadlineReached("offer", clock.GetUtcNow() - DeadlineOf(offer));
        logger.LogInformation("Offer {OfferId} of conversation {ConversationId} to agent {AgentId} of tenant {TenantId} expired",
            offer.OfferId, offer.ConversationId, _agentId, _tenantId);
        // The pools hear the agent is away before the conversation is offered again, so it goes to someone else.
        await Announce();
        await TellSettled(State.EndedOffers.FindLast(o => o.Offer.OfferId == offer.OfferId)!);
        if (offDuty)
        {
            await AfterTakenOffDuty(declined);
        }
    }

    /// <summary>An agent who let work time out is taken off duty (recorded; stored by the caller); whether it was on duty until now.</summary>
    private bool NotResponding()
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
            return true;
        }
        return false;
    }

    /// <summary>
    /// An agent just judged absent keeps no customer waiting on them: every other open offer is declined for them in the
    /// same write that takes them off duty (reason <c>agent-not-responding</c>; they may be offered it again once back), so
    /// none of them can expire or be answered while the pools and conversations are told. Recorded here, stored by the
    /// caller; <see cref="AfterTakenOffDuty"/> tells them.
    /// </summary>
    private OpenOffer[] DeclineForNotResponding()
    {
        OpenOffer[] open = [.. State.Offers];
        RecordDeclines(open, Abstractions.Facts.HandoffDeclined.AgentNotResponding);
        return open;
    }

    /// <summary>
    /// Tells the pools and conversations of the offers declined for an agent just judged absent (stored with it), and,
    /// taken offline, their assignments still waiting for a first reply go back to the queue as when they go offline
    /// themselves.
    /// </summary>
    private async Task AfterTakenOffDuty(OpenOffer[] declined)
    {
        ArmOfferTimer();
        await TellDeclined(declined);
        if (State.Offers.Count > 0)
        {
            // Offered anew while this was told: declined the same way.
            await DeclineOffers([.. State.Offers], Abstractions.Facts.HandoffDeclined.AgentNotResponding);
        }
        if (State.Status == AgentStatus.Offline)
        {
            // Taken off duty by a deadline (a pool's round may be waiting on this): told without waiting for the answers.
            await TellAssignmentsGoneOffline(wait: false);
        }
    }

    /// <summary>How long going offline waits for the conversations the agent holds to decide whether they stay with it.</summary>
    private static readonly TimeSpan OfflineWordWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Tells each conversation the agent holds that the agent went offline: those still waiting for its first reply go
    /// back to the queue (each decides, and takes itself back from the agent meanwhile), so the agent's answer shows
    /// only those it keeps. One that does not answer soon (its silo is down) is not waited for: it decides when the word
    /// comes, or at its first-reply deadline or next round. Without <paramref name="wait"/> the words are only sent.
    /// </summary>
    private async Task TellAssignmentsGoneOffline(bool wait)
    {
        if (State.Assignments.Count == 0)
        {
            return;
        }
        var told = State.Assignments.Select(a => Conversation(a.ConversationId).OnAgentOffline(a.HandoffId, _agentId)).ToArray();
        if (wait)
        {
            try
            {
                await Task.WhenAll(told).WaitAsync(OfflineWordWait, clock);
                return;
            }
            catch (Exception e)
            {
                logger.LogDebug("Agent {AgentId} of tenant {TenantId} went offline and not every conversation it holds answered yet ({Reason})",
                    _agentId, _tenantId, e.GetBaseException().Message);
            }
        }
        foreach (var word in told)
        {
            word.Ignore();
        }
    }

    /// <summary>Tells the pool how an offer ended (and the conversation, unless it was taken), then stores that the pool heard; the pool's answer.</summary>
    private async Task<bool> TellSettled(EndedOffer ended)
    {
        var offer = ended.Offer;
        if (ended.Outcome is OfferOutcome.Declined or OfferOutcome.Expired)
        {
            // Before the pool hears of it, so the conversation's facts tell of this offer's end before the next offer.
            _ = Conversation(offer.ConversationId).OnOfferChanged(Notice(ended));
        }
        var waiting = await Pool(offer.PoolName).SettleOffer(new OfferSettlement
        {
            ConversationId = offer.ConversationId,
            HandoffId = offer.HandoffId,
            OfferId = offer.OfferId,
            Outcome = ended.Outcome,
            Agent = View(),
            Reason = ended.Reason,
        });
        var recorded = false;
        if (!waiting && ended.Outcome == OfferOutcome.Accepted && !ended.Told && !ended.Withdrawn)
        {
            // The conversation moved on while the agent answered: nothing is left to take, which is stored with the
            // pool's word, so no repeat of the accept can ever read the acceptance as taken.
            if (AssignmentOf(offer.ConversationId, offer.HandoffId) is not null)
            {
                Record(new AgentReleased { At = Now(), ConversationId = offer.ConversationId, HandoffId = offer.HandoffId });
            }
            Record(new AgentOfferWithdrawn { At = Now(), OfferId = offer.OfferId });
            recorded = true;
        }
        if (!ended.Told)
        {
            Record(new AgentOfferTold { At = Now(), OfferId = offer.OfferId });
            recorded = true;
        }
        if (recorded)
        {
            await Store();
        }
        return waiting;
    }

    /// <summary>
    /// A new offer of a conversation to this agent, numbered by the record that makes it so its id is never reused, and
    /// named after the agent so no two agents' offers share an id (a conversation offered to one agent, declined, then
    /// offered to another tells two different offers).
    /// </summary>
    private OpenOffer NewOffer(string conversationId, string handoffId, string poolName)
    {
        var now = Now();
        return new OpenOffer
        {
            OfferId = OfferIds.For(_agentId, State.Seq + 1),
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

    private HandoffOfferNotice Notice(OpenOffer offer, OfferOutcome? outcome, string? reason, DateTimeOffset? at = null) => new()
    {
        HandoffId = offer.HandoffId,
        OfferId = offer.OfferId,
        AgentId = _agentId,
        ExpiresAt = offer.ExpiresAt,
        Outcome = outcome,
        Reason = reason,
        At = at ?? Now(),
        OfferedAt = offer.OfferedAt,
        Queue = offer.PoolName,
    };

    /// <summary>Word of how an offer ended, stamped when it ended however late it is told.</summary>
    private HandoffOfferNotice Notice(EndedOffer ended) => Notice(ended.Offer, ended.Outcome, ended.Reason, ended.EndedAt);

    Task<HandoffOfferNotice?> IAgentGrain.GetOffer(string conversationId, string handoffId, string offerId)
    {
        bool Same(OpenOffer offer) => offer.OfferId == offerId && offer.ConversationId == conversationId && offer.HandoffId == handoffId;
        var notice = State.Offers.Find(Same) is { } open ? Notice(open, null, null)
            : State.EndedOffers.FindLast(o => Same(o.Offer)) is { } ended ? Notice(ended)
            : null;
        return Task.FromResult(notice);
    }

    Task<HandoffOfferNotice?> IAgentGrain.GetAcceptedOffer(string conversationId, string handoffId) =>
        // An acceptance withdrawn (the conversation had moved on) gave the agent nothing to tell of.
        Task.FromResult(State.EndedOffers.FindLast(o => o.Outcome == OfferOutcome.Accepted && !o.Withdrawn && o.Offer.ConversationId == conversationId && o.Offer.HandoffId == handoffId)
            is { } accepted ? Notice(accepted) : null);

    Task<bool> IAgentGrain.MayAnswer(string conversationId, string offerId) =>
        Task.FromResult(State.Offers.Find(o => o.OfferId == offerId && o.ConversationId == conversationId) is { } open && Now() < DeadlineOf(open));

    /// <summary>The offer as the agent sees it: until when it may be answered, a recovered one's grace included.</summary>
    private AgentOffer Wire(OpenOffer offer) => new()
    {
        OfferId = offer.OfferId,
        ConversationId = offer.ConversationId,
        HandoffId = offer.HandoffId,
        ExpiresAt = DeadlineOf(offer),
    };

    /// <summary>The timer at the earliest open offer's deadline (offers are stored, so an activation arms it again).</summary>
    private void ArmOfferTimer() =>
        _offerTimer.Arm(State.Offers.Count == 0 ? null : State.Offers.Min(DeadlineOf));

    /// <summary>
    /// How long an offer that was open when the agent came back into memory (its silo died, or it was moved) may still be
    /// answered after this activation began, whatever its deadline: an accept sent in time may have been lost with the
    /// silo, and its retry reaches the agent only once the cluster has noticed (a response timeout and more). Without it
    /// the agent who answered in time would be taken for not responding.
    /// </summary>
    internal static readonly TimeSpan OfferRecoveryGrace = TimeSpan.FromSeconds(10);

    /// <summary>The offers open when this activation began, and until when they may be answered at least.</summary>
    private HashSet<string>? _recoveredOffers;
    private DateTimeOffset _recoveredUntil;

    /// <summary>Notes the offers open as the agent comes back into memory: each may be answered a while longer.</summary>
    private void RecoverOpenOffers()
    {
        if (State.Offers.Count > 0)
        {
            _recoveredOffers = [.. State.Offers.Select(o => o.OfferId)];
            _recoveredUntil = Now() + OfferRecoveryGrace;
        }
    }

    /// <summary>When <paramref name="offer"/> expires: its deadline, or later for one open when this activation began.</summary>
    private DateTimeOffset DeadlineOf(OpenOffer offer) =>
        _recoveredOffers is not null && _recoveredUntil > offer.ExpiresAt && _recoveredOffers.Contains(offer.OfferId)
            ? _recoveredUntil
            : offer.ExpiresAt;

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
}
