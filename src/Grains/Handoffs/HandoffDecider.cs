using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Disclosure;

namespace CxCluster.Grains.Handoffs;

/// <summary>
/// The handoff rules over their own slice of state, with no I/O: opening a handoff, recording where its pool placed
/// it, leaving it and handing back to the AI, and the directive that tells the platform where it stands. Each decision
/// is a fact; <see cref="Evolve"/> is the only way a fact changes the slice. Where a waiting handoff stands in its
/// queue now is not a fact (the pool is asked again) and is the one thing <see cref="Place"/> changes directly.
/// </summary>
internal static class HandoffDecider
{
    /// <summary>A new handoff at the conversation's priority, numbered per conversation so a retried request finds its first placement.</summary>
    public static HandoffRequested Open(HandoffState state, string reason, int priority, string queue, DateTimeOffset at) => new()
    {
        At = at,
        HandoffId = $"hnd-{state.Count + 1}",
        Reason = reason,
        Priority = priority,
        Queue = queue,
    };

    /// <summary>
    /// Where the pool put the handoff: an assignment or the first place in the queue is a fact; a later place in the
    /// queue only updates where it stands now.
    /// </summary>
    public static Fact? Place(HandoffRecord handoff, HandoffPlacement placement, LocalizedTexts texts, DateTimeOffset at)
    {
        var news = News(handoff, placement, texts, at);
        Stand(handoff, placement);
        return news;
    }

    /// <summary>
    /// The fact the pool's placement of the handoff tells that the conversation has not recorded yet (an agent took it,
    /// its first place in the queue, an offer, a wider queue), or null when it tells nothing new. Changes nothing.
    /// </summary>
    public static Fact? News(HandoffRecord handoff, HandoffPlacement placement, LocalizedTexts texts, DateTimeOffset at)
    {
        if (placement is { MovedTo: { } queue, Step: { } step })
        {
            return Escalate(handoff, step, queue, at);
        }
        if (placement.Status == HandoffStatus.Assigned && handoff.Status != HandoffStatus.Assigned)
        {
            var name = placement.AgentDisplayName ?? placement.AgentId ?? "";
            return new HandoffAssigned { At = at, HandoffId = handoff.HandoffId, AgentId = placement.AgentId ?? "", AgentDisplayName = name, Text = texts.HandoffAssigned(name) };
        }
        if (placement.Status == HandoffStatus.Queued && handoff.AwaitingPool)
        {
            return new HandoffQueued { At = at, HandoffId = handoff.HandoffId, Queue = handoff.PoolName, Position = placement.QueuePosition ?? 1, EstimatedWaitSeconds = placement.EstimatedWaitSeconds };
        }
        // An offer the agent's notice has not brought yet: the pool holds it too.
        if (placement is { Status: HandoffStatus.Queued, OfferId: { } offerId, OfferedAgentId: { } agentId, OfferExpiresAt: { } expiresAt })
        {
            return Offer(handoff, new HandoffOfferNotice { HandoffId = handoff.HandoffId, OfferId = offerId, AgentId = agentId, ExpiresAt = expiresAt, At = at }, at);
        }
        return null;
    }

    /// <summary>
    /// Where a handoff already queued stands now, as its pool says (its place, its wait, whether an offer of it is open):
    /// not a fact, so shown and never stored. True when what is shown changed.
    /// </summary>
    public static bool Stand(HandoffRecord handoff, HandoffPlacement placement)
    {
        if (placement.Status != HandoffStatus.Queued || handoff.AwaitingPool || placement.MovedTo is not null)
        {
            return false;
        }
        var shown = handoff.ShownStatus;
        handoff.PoolShowsOffer = placement.OfferId is not null;
        if (handoff.QueuePosition == placement.QueuePosition && handoff.EstimatedWaitSeconds == placement.EstimatedWaitSeconds)
        {
            return handoff.ShownStatus != shown;
        }
        handoff.QueuePosition = placement.QueuePosition;
        handoff.EstimatedWaitSeconds = placement.EstimatedWaitSeconds;
        return true;
    }

    /// <summary>
    /// The fact an agent's notice about an offer of the waiting handoff records: the offer made, declined or expired;
    /// null when it is not news (told twice, about another handoff, or an offer that already ended).
    /// </summary>
    public static Fact? Offer(HandoffRecord? handoff, HandoffOfferNotice notice, DateTimeOffset now)
    {
        if (handoff is not { Status: HandoffStatus.Queued } || handoff.HandoffId != notice.HandoffId)
        {
            return null;
        }
        var open = IsOpen(handoff, notice);
        // An offer that ended, or an agent who passed on the handoff, is no news unless it is the open offer.
        var over = IsOver(handoff, notice);
        return notice.Outcome switch
        {
            null when !open && notice.ExpiresAt > now && !over && !IsSuperseded(handoff, notice) => new HandoffOffered
            {
                At = notice.At, HandoffId = handoff.HandoffId, OfferId = notice.OfferId, AgentId = notice.AgentId, ExpiresAt = notice.ExpiresAt,
            },
            OfferOutcome.Declined when open || !over => new HandoffDeclined
            {
                At = notice.At, HandoffId = handoff.HandoffId, OfferId = notice.OfferId, AgentId = notice.AgentId, Reason = notice.Reason,
            },
            OfferOutcome.Expired when open || !over => new HandoffExpired
            {
                At = notice.At, HandoffId = handoff.HandoffId, OfferId = notice.OfferId, AgentId = notice.AgentId,
            },
            _ => null,
        };
    }

    /// <summary>
    /// The making of an offer the waiting handoff never recorded, told by news of how it ended or that it was accepted
    /// (the agent's notice of the offer itself is one-way, and may come later or be lost with a silo): recorded before
    /// that news, so the facts show every offer an agent answered or let expire. Null when the handoff recorded the
    /// offer already (open, or ended), or the agent passed on the handoff.
    /// </summary>
    public static HandoffOffered? Unrecorded(HandoffRecord? handoff, HandoffOfferNotice offer) =>
        handoff is { Status: HandoffStatus.Queued } && handoff.HandoffId == offer.HandoffId && !IsOpen(handoff, offer) && !IsOver(handoff, offer)
        && !IsSuperseded(handoff, offer)
            ? new HandoffOffered
            {
                At = offer.OfferedAt ?? offer.At, HandoffId = handoff.HandoffId, OfferId = offer.OfferId, AgentId = offer.AgentId, ExpiresAt = offer.ExpiresAt,
            }
            : null;

    /// <summary>
    /// The queueing an offer's news tells when the conversation never heard the pool's answer to its request (its call
    /// failed, or its silo died, after the pool had it): the pool offers only what it queued, so the facts show the
    /// handoff queued before its offer, as when that answer came. It is being offered, so it is served next: first in
    /// line (unless a place was known), with no wait. Null when the pool's answer was heard.
    /// </summary>
    public static HandoffQueued? QueuedBeforeOffer(HandoffRecord? handoff, DateTimeOffset at) =>
        handoff is { Status: HandoffStatus.Queued, AwaitingPool: true }
            ? new HandoffQueued { At = at, HandoffId = handoff.HandoffId, Queue = handoff.PoolName, Position = handoff.QueuePosition ?? 1, EstimatedWaitSeconds = 0 }
            : null;

    /// <summary>
    /// Whether the pool's placement of the waiting handoff no longer shows the offer the handoff recorded as open (no
    /// offer, or another one): the offer ended and the agent's word of how never came. That word is one-way and may be
    /// lost with a silo; the conversation then asks the agent (see <see cref="Forgotten"/> when it does not know).
    /// </summary>
    public static bool OfferGone(HandoffRecord handoff, HandoffPlacement placement) =>
        handoff is { Status: HandoffStatus.Queued, AwaitingPool: false, OfferId: { } offerId, OfferedAgentId: { } agentId }
        && placement is { Status: HandoffStatus.Queued, MovedTo: null }
        && (placement.OfferId != offerId || placement.OfferedAgentId != agentId);

    /// <summary>
    /// Whether the pool's placement of the waiting handoff shows an offer of it that was declined or expired and that
    /// the handoff never recorded, neither as open nor as ended: the agent's words of it, of its making and of its end,
    /// were both lost (each is one-way). The conversation then asks the agent, and records the offer and its end.
    /// </summary>
    public static bool EndedOfferUntold(HandoffRecord handoff, HandoffPlacement placement) =>
        handoff is { Status: HandoffStatus.Queued, AwaitingPool: false }
        && placement is { Status: HandoffStatus.Queued, MovedTo: null, EndedOfferId: { } offerId, EndedOfferAgentId: { } agentId }
        && !IsOpen(handoff, agentId, offerId)
        && !IsOver(handoff, agentId, offerId);

    /// <summary>
    /// How the waiting handoff's open offer ended when neither its pool nor its agent holds it any more: unanswered in
    /// time, once its deadline passed (an offer cannot have been accepted without the pool placing it with the agent).
    /// Null while the deadline is still ahead, or when no offer is open.
    /// </summary>
    public static HandoffOfferNotice? Forgotten(HandoffRecord handoff, DateTimeOffset now) =>
        handoff is { Status: HandoffStatus.Queued, OfferId: { } offerId, OfferedAgentId: { } agentId, OfferExpiresAt: { } expiresAt } && expiresAt <= now
            ? new HandoffOfferNotice { HandoffId = handoff.HandoffId, OfferId = offerId, AgentId = agentId, ExpiresAt = expiresAt, Outcome = OfferOutcome.Expired, At = now }
            : null;

    /// <summary>Whether the notice is of the handoff's open offer (ids are numbered per agent: two agents' offers may share one).</summary>
    private static bool IsOpen(HandoffRecord handoff, HandoffOfferNotice notice) => IsOpen(handoff, notice.AgentId, notice.OfferId);

    private static bool IsOpen(HandoffRecord handoff, string agentId, string offerId) => handoff.OfferId == offerId && handoff.OfferedAgentId == agentId;

    /// <summary>Whether the handoff recorded the noticed offer's expiry, or its agent passing on the handoff.</summary>
    private static bool IsOver(HandoffRecord handoff, HandoffOfferNotice notice) => IsOver(handoff, notice.AgentId, notice.OfferId);

    private static bool IsOver(HandoffRecord handoff, string agentId, string offerId) =>
        handoff.Passed.Contains(agentId) || handoff.ExpiredOffers.Contains(HandoffRecord.OfferKey(agentId, offerId));

    /// <summary>Whether the noticed offer was recorded once and replaced by a later one before its end was told.</summary>
    private static bool IsSuperseded(HandoffRecord handoff, HandoffOfferNotice notice) =>
        handoff.Superseded.Contains(HandoffRecord.OfferKey(notice.AgentId, notice.OfferId));

    /// <summary>
    /// The waiting handoff, whose conversation changed channel or language, waits in <paramref name="queue"/> from now
    /// on, at the same routing step: an open offer of it is declined for its agent first (the agent may not serve the
    /// new queue; one who does may be offered it again there), then the move, told as <c>handoff.escalated</c> at the
    /// same step. Nothing while it does not wait, or when the queue is the same.
    /// </summary>
    public static IEnumerable<Fact> Move(HandoffRecord? handoff, string queue, DateTimeOffset at)
    {
        if (handoff is not { Status: HandoffStatus.Queued } || handoff.PoolName == queue)
        {
            yield break;
        }
        if (handoff is { OfferId: { } offerId, OfferedAgentId: { } agentId })
        {
            yield return new HandoffDeclined { At = at, HandoffId = handoff.HandoffId, OfferId = offerId, AgentId = agentId, Reason = HandoffDeclined.AgentIneligible };
        }
        yield return new HandoffEscalated { At = at, HandoffId = handoff.HandoffId, Step = handoff.Step, Queue = queue };
    }

    /// <summary>The waiting handoff's pool moved it to a wider one; null when that is not news.</summary>
    public static HandoffEscalated? Escalate(HandoffRecord? handoff, int step, string queue, DateTimeOffset at) =>
        handoff is { Status: HandoffStatus.Queued } && handoff.PoolName != queue
            ? new HandoffEscalated { At = at, HandoffId = handoff.HandoffId, Step = step, Queue = queue }
            : null;

    /// <summary>
    /// Whether the customer wrote to the assigned agent after it went offline (at <paramref name="offlineSince"/>), more
    /// than thanks or a greeting: nobody is there to answer, so the conversation is taken back. One the agent kept when it
    /// went offline stays with it until then, as the contract has current conversations stay.
    /// </summary>
    public static bool WroteToAgentGoneOffline(HandoffRecord? handoff, DateTimeOffset offlineSince) =>
        handoff is { Status: HandoffStatus.Assigned, CustomerWroteAt: { } wrote } && wrote >= offlineSince;

    /// <summary>When the assigned agent must have written to the customer, or null when no first reply is due.</summary>
    public static DateTimeOffset? FirstReplyDue(HandoffRecord? handoff, TimeSpan limit) =>
        limit > TimeSpan.Zero && handoff is { Status: HandoffStatus.Assigned, Replied: false, AssignedAt: { } assignedAt } ? assignedAt + limit : null;

    /// <summary>The assigned agent wrote nothing in time: the conversation goes back to the head of its queue.</summary>
    public static HandoffReclaimed Reclaim(HandoffRecord handoff, string reason, LocalizedTexts texts, DateTimeOffset at) => new()
    {
        At = at,
        HandoffId = handoff.HandoffId,
        AgentId = handoff.AgentId ?? throw new InvalidOperationException("Only an assigned handoff can be reclaimed."),
        Reason = reason,
        Text = texts.HandoffReclaimed,
    };

    /// <summary>
    /// The conversation leaves its handoff (it ended or is erased): closes it if it still holds a queue place or an agent,
    /// an open offer of it withdrawn first (told as declined for its agent, <see cref="HandoffDeclined.Withdrawn"/>, so the
    /// agent's desktop and the facts show the offer's end).
    /// </summary>
    /// <remarks>Decided from the state as it is before any of them is recorded: recording the first changes the handoff.</remarks>
    public static Fact[] Leave(HandoffState state, DateTimeOffset at)
    {
        if (state.Current is not { Status: HandoffStatus.Queued or HandoffStatus.Assigned } handoff)
        {
            return [];
        }
        var completed = new HandoffCompleted { At = at, HandoffId = handoff.HandoffId, AgentId = handoff.Status == HandoffStatus.Assigned ? handoff.AgentId : null };
        return handoff is { Status: HandoffStatus.Queued, OfferId: { } offerId, OfferedAgentId: { } agentId }
            ? [new HandoffDeclined { At = at, HandoffId = handoff.HandoffId, OfferId = offerId, AgentId = agentId, Reason = HandoffDeclined.Withdrawn }, completed]
            : [completed];
    }

    /// <summary>The assigned agent is done: the handoff completes and the AI resumes.</summary>
    public static (HandoffCompleted Completed, AiResumed Resumed) HandBack(HandoffState state, DateTimeOffset at)
    {
        var handoff = state.Current ?? throw new InvalidOperationException("No handoff to hand back from.");
        return (new HandoffCompleted { At = at, HandoffId = handoff.HandoffId, AgentId = handoff.AgentId },
                new AiResumed { At = at, HandoffId = handoff.HandoffId });
    }

    /// <summary>The directive that tells the platform where a handoff stands: with its agent, or its place in the queue.</summary>
    public static HandoffDirective Directive(HandoffRecord handoff, LocalizedTexts texts) => handoff.Status == HandoffStatus.Assigned
        ? new HandoffDirective
        {
            HandoffId = handoff.HandoffId,
            Status = HandoffStatus.Assigned,
            Reason = handoff.Reason,
            AgentId = handoff.AgentId,
            Text = texts.HandoffAssigned(handoff.AgentDisplayName ?? handoff.AgentId ?? ""),
        }
        : new HandoffDirective
        {
            HandoffId = handoff.HandoffId,
            Status = HandoffStatus.Queued,
            Reason = handoff.Reason,
            QueuePosition = handoff.QueuePosition,
            EstimatedWaitSeconds = handoff.EstimatedWaitSeconds,
            Text = texts.HandoffQueued(handoff.QueuePosition ?? 1, handoff.EstimatedWaitSeconds),
        };

    /// <summary>The offer ended (closed if it is the open one), remembered in <paramref name="remembered"/> as <paramref name="key"/>.</summary>
    private static void EndOffer(HandoffRecord handoff, string offerId, string agentId, List<string> remembered, string key)
    {
        if (handoff.OfferId == offerId && handoff.OfferedAgentId == agentId)
        {
            handoff.CloseOffer();
        }
        if (!remembered.Contains(key))
        {
            remembered.Add(key);
        }
    }

    public static void Evolve(HandoffState state, Fact fact)
    {
        switch (fact)
        {
            case HandoffRequested requested:
                state.Count++;
                state.Current = new HandoffRecord
                {
                    HandoffId = requested.HandoffId,
                    Reason = requested.Reason,
                    RequestedAt = requested.At,
                    PoolName = requested.Queue,
                    Status = HandoffStatus.Queued,
                    AwaitingPool = true,
                };
                break;
            case HandoffQueued queued when state.Current is { } handoff && handoff.HandoffId == queued.HandoffId:
                handoff.QueuedAt ??= queued.At;
                handoff.AwaitingPool = false;
                handoff.QueuePosition = queued.Position;
                handoff.EstimatedWaitSeconds = queued.EstimatedWaitSeconds;
                break;
            case HandoffAssigned assigned when state.Current is { } handoff && handoff.HandoffId == assigned.HandoffId:
                handoff.AwaitingPool = false;
                handoff.Status = HandoffStatus.Assigned;
                handoff.AgentId = assigned.AgentId;
                handoff.AgentDisplayName = assigned.AgentDisplayName;
                handoff.AssignedAt ??= assigned.At;
                handoff.QueuePosition = null;
                handoff.EstimatedWaitSeconds = null;
                handoff.Replied = false;
                handoff.CustomerWroteAt = null;
                handoff.CustomerWrites = 0;
                handoff.Reclaimed = false;
                handoff.CloseOffer();
                break;
            case HandoffOffered offered when state.Current is { Status: HandoffStatus.Queued } handoff && handoff.HandoffId == offered.HandoffId:
                // A later offer replaces the open one, whose end was never told.
                if (handoff is { OfferId: { } replacedId, OfferedAgentId: { } replacedAgent } && !IsOpen(handoff, offered.AgentId, offered.OfferId)
                    && HandoffRecord.OfferKey(replacedAgent, replacedId) is var replaced && !handoff.Superseded.Contains(replaced))
                {
                    handoff.Superseded.Add(replaced);
                }
                // Its queue's answer is not told by an offer: one made from a queue it moved away from is recorded while
                // it still waits for the new queue's (an offer from its own queue follows its handoff.queued).
                handoff.PoolShowsOffer = null;
                handoff.OfferId = offered.OfferId;
                handoff.OfferedAgentId = offered.AgentId;
                handoff.OfferExpiresAt = offered.ExpiresAt;
                break;
            case HandoffDeclined declined when state.Current is { } handoff && handoff.HandoffId == declined.HandoffId:
                if (HandoffDeclined.IsTheAgentsChoice(declined.Reason))
                {
                    EndOffer(handoff, declined.OfferId, declined.AgentId, handoff.Passed, declined.AgentId);
                }
                else
                {
                    // Declined for the agent by the cluster (gone offline, no longer fit): no pass, like an expiry, so the
                    // agent may be offered it again once back or fit again.
                    EndOffer(handoff, declined.OfferId, declined.AgentId, handoff.ExpiredOffers, HandoffRecord.OfferKey(declined.AgentId, declined.OfferId));
                }
                break;
            case HandoffExpired expired when state.Current is { } handoff && handoff.HandoffId == expired.HandoffId:
                // No pass: the agent is off duty now (Routing:NotRespondingStatus), and once back may be offered it
                // again, so a customer whom nobody else serves is not left waiting for good.
                EndOffer(handoff, expired.OfferId, expired.AgentId, handoff.ExpiredOffers, HandoffRecord.OfferKey(expired.AgentId, expired.OfferId));
                break;
            case HandoffEscalated escalated when state.Current is { } handoff && handoff.HandoffId == escalated.HandoffId:
                if (escalated.Step == handoff.Step && handoff.Status == HandoffStatus.Queued)
                {
                    // Moved by its conversation (a channel or language changed), not widened by its pool (which moves it to a
                    // later step, and has asked the wider queue itself): it leaves the queue it was in and asks the new one.
                    if (!handoff.PoolsLeft.Contains(handoff.PoolName))
                    {
                        handoff.PoolsLeft.Add(handoff.PoolName);
                    }
                    if (!handoff.MovedFrom.Contains(handoff.PoolName))
                    {
                        handoff.MovedFrom.Add(handoff.PoolName);
                    }
                    handoff.PoolsLeft.Remove(escalated.Queue);
                    handoff.AwaitingPool = true;
                    handoff.Moved = true;
                    handoff.CloseOffer();
                }
                handoff.PoolShowsOffer = null;
                handoff.PoolName = escalated.Queue;
                handoff.Step = escalated.Step;
                break;
            case MessageRecorded { From: Speaker.Agent } message when state.Current is { Status: HandoffStatus.Assigned } handoff && handoff.AgentId == message.AgentId:
                handoff.Replied = true;
                handoff.CustomerWroteAt = null;
                break;
            case MessageRecorded { From: Speaker.Customer } message when state.Current is { Status: HandoffStatus.Assigned } handoff
                && !Trust.HumanOfferReply.IsOnlyChatter(message.Text):
                handoff.CustomerWroteAt = message.At;
                handoff.CustomerWrites++;
                break;
            case HandoffReclaimed reclaimed when state.Current is { Status: HandoffStatus.Assigned } handoff && handoff.HandoffId == reclaimed.HandoffId:
                handoff.Status = HandoffStatus.Queued;
                handoff.AgentId = null;
                handoff.AgentDisplayName = null;
                handoff.AssignedAt = null;
                handoff.CustomerWroteAt = null;
                handoff.Reclaimed = true;
                handoff.AwaitingPool = true;
                handoff.PoolShowsOffer = null;
                handoff.QueuePosition = 1;
                // No pass: the agent is off duty now (Routing:NotRespondingStatus, or offline) and may be given it again
                // once back, so a customer whom nobody else serves is not left waiting for good.
                handoff.Lost[reclaimed.AgentId] = reclaimed.At;
                break;
            case HandoffCompleted completed when state.Current is { } handoff && handoff.HandoffId == completed.HandoffId:
                // Whatever the handoff still holds (a queue place, an agent) is freed, unless the AI resumes because the agent finished.
                state.Release = new PendingRelease { HandoffId = handoff.HandoffId, PoolName = handoff.PoolName, AgentId = completed.AgentId };
                handoff.Status = HandoffStatus.Completed;
                handoff.AwaitingPool = false;
                break;
            case AiResumed:
                state.Release = null;
                break;
        }
    }
}
