using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using CxCluster.Grains.Trust;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Conversations;

/// <summary>What the agent and the pool tell the conversation: an assignment, a completion, a widening, an offer, an agent gone offline, a first reply due.</summary>
internal sealed partial class ConversationGrain
{
    async Task IConversationGrain.OnAgentAssigned(AgentAssignment assignment)
    {
        if (!await Adopt(assignment, fromPool: true))
        {
            // The conversation moved on (ended, or another handoff): the agent must not keep a slot for it.
            await Agent(assignment.AgentId).Release(_conversationId, assignment.HandoffId);
        }
    }

    Task<bool> IConversationGrain.CheckAssignment(AgentAssignment assignment) => Adopt(assignment, fromPool: false);

    async Task IConversationGrain.OnAgentCompleted(string handoffId, string agentId, DateTimeOffset completedAt)
    {
        // Still waiting on that very handoff: the agent took it and finished before the notice of the assignment arrived.
        var waiting = State.Status == ConversationStatus.Queued && State.Handoff?.HandoffId == handoffId;
        if (!waiting && (State.Status != ConversationStatus.Human || State.Handoff?.HandoffId != handoffId || State.Handoff.AgentId != agentId))
        {
            return;
        }
        _decider.TakeOver(completedAt, Now());
        Changed();
        await Store();
    }

    async Task IConversationGrain.OnEscalated(string handoffId, int step, string queue)
    {
        if (State.Status == ConversationStatus.Queued && State.Handoff?.HandoffId == handoffId && _decider.Escalate(step, queue, Now()))
        {
            Changed();
            await Store();
        }
    }

    async Task IConversationGrain.OnOfferChanged(HandoffOfferNotice notice)
    {
        var now = Now();
        await LearnEarlierOfferEnd(notice, now);
        if (_decider.OfferChanged(notice, now))
        {
            Changed();
        }
        await StoreIfChanged();
    }

    /// <summary>How long past an open offer's deadline the conversation waits for its end to be told: the agent's own timer and word come first.</summary>
    private static readonly TimeSpan OfferWordGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The timer at the handoff's next deadline (each follows from stored facts, so an activation arms it again): the
    /// assigned agent's first reply, or, while the waiting handoff holds an open offer, a look a little past the offer's
    /// deadline at whether its end was told (the agent's word of it is one-way, and may be lost with a silo).
    /// </summary>
    private void ArmHandoffTimer()
    {
        var due = State.Started ? _decider.FirstReplyDue ?? OfferLookDue() : null;
        if (due is not null || _handoffTimer is not null)
        {
            (_handoffTimer ??= new DeadlineTimer(this, services.Clock, OnHandoffDue, keepAlive: true)).Arm(due);
        }
    }

    /// <summary>When to look at the open offer next: a little past its deadline, then a reconciliation interval after each look; null when none is open.</summary>
    private DateTimeOffset? OfferLookDue()
    {
        if (_decider.OpenOfferDeadline is not { } deadline)
        {
            _offerLook = null;
            return null;
        }
        if (_offerLook?.Deadline != deadline)
        {
            _offerLook = (deadline, deadline + OfferWordGrace);
        }
        return _offerLook!.Value.Next;
    }

    /// <summary>
    /// A handoff deadline came: the agent who wrote nothing in time loses the conversation, which waits again at the head
    /// of its queue; an offer whose end was never told is looked into by the reconciliation round.
    /// </summary>
    private async Task OnHandoffDue()
    {
        var now = Now();
        if (_decider.FirstReplyDue is { } due)
        {
            if (due > now)
            {
                ArmHandoffTimer();
                return;
            }
            services.Metrics.DeadlineReached("first-reply", now - due);
            await TakeBack(HandoffReclaimed.NoFirstReply, now);
            return;
        }
        if (OfferLookDue() is { } look && look <= now)
        {
            // The round asks the pool where the handoff stands, and the offer's agent if the pool no longer shows it.
            _offerLook = (_offerLook!.Value.Deadline, now + services.Handoffs.ReconcileInterval);
            RepairSoon();
        }
        ArmHandoffTimer();
    }

    async Task IConversationGrain.OnAgentOffline(string handoffId, string agentId)
    {
        if (State.Handoff is not { } handoff || handoff.HandoffId != handoffId)
        {
            return;
        }
        // Only before the agent's first reply: a conversation the agent has answered stays with it, as the contract says,
        // until the customer writes to it while it is still offline.
        if (_decider.FirstReplyDue is not null && handoff.AgentId == agentId)
        {
            await TakeBack(HandoffReclaimed.AgentOffline, Now());
        }
        else if (State.Status == ConversationStatus.Human && handoff.AgentId == agentId)
        {
            _heldByAgentOffline = (handoffId, agentId, handoff.CustomerWrites);
        }
        else if (State.Status == ConversationStatus.Queued && !handoff.Lost.ContainsKey(agentId))
        {
            // The agent took it (an accept in flight) and went offline, and this word came first: each comes its own way.
            // (Word about an assignment the conversation already took back from that agent is stale.)
            _goneOffline = (handoffId, agentId);
        }
    }

    /// <summary>
    /// Word that an agent went offline that came while the conversation still waited on that handoff: the agent held it
    /// then, so the assignment it is about, once recorded, is taken back at once (<see cref="TakeBackFromAgentGoneOffline"/>).
    /// Kept in memory only: the agent's own reconciliation, or the conversation's round, finds it anyway.
    /// </summary>
    private (string HandoffId, string AgentId)? _goneOffline;

    /// <summary>
    /// The agent holding the conversation went offline and kept it (it had answered): the customer's next message starts a
    /// round, which asks the agent and, if it is still offline, takes the conversation back. Kept in memory only: without
    /// it, the conversation's reminder finds the same within a round.
    /// </summary>
    private (string HandoffId, string AgentId, int Writes)? _heldByAgentOffline;

    /// <summary>Whether the customer wrote to the agent after the word of its going offline came (more than thanks).</summary>
    private bool WroteSinceAgentWentOffline(HandoffRecord handoff) =>
        _heldByAgentOffline is { } held && handoff.HandoffId == held.HandoffId && handoff.AgentId == held.AgentId && handoff.CustomerWrites > held.Writes;

    /// <summary>The customer wrote to a conversation whose agent went offline: a round looks into it now.</summary>
    private void AskAgentGoneOfflineSoon()
    {
        if (_heldByAgentOffline is not null && State is { Status: ConversationStatus.Human, Handoff: { } handoff } && WroteSinceAgentWentOffline(handoff))
        {
            RepairSoon();
        }
    }

    /// <summary>
    /// Takes the conversation back from the agent it has just recorded as holding it (the pool's word, the agent's, or
    /// its queue's answer) if that agent's word of going offline while holding it came first; true if it did.
    /// </summary>
    private async Task<bool> TakeBackFromAgentGoneOffline()
    {
        if (_goneOffline is not { } gone || State.Handoff is not { } handoff || handoff.HandoffId != gone.HandoffId || State.Status == ConversationStatus.Queued)
        {
            return false;
        }
        _goneOffline = null;
        if (_decider.FirstReplyDue is null || handoff.AgentId != gone.AgentId)
        {
            return false;
        }
        services.Metrics.Repaired("offline-agent-left");
        services.Logger.LogInformation("Conversation {ConversationId} of tenant {TenantId} heard agent {AgentId} went offline before it heard the agent took it: taken back",
            _conversationId, _tenantId, gone.AgentId);
        return await TakeBack(HandoffReclaimed.AgentOffline, Now());
    }

    /// <summary>
    /// Takes the conversation back from its assigned agent (stored first), frees the agent, and asks for the next one from
    /// the head of the queue; true once the taking back is stored (what fails after that is left to the next round).
    /// </summary>
    private async Task<bool> TakeBack(string reason, DateTimeOffset now)
    {
        var stored = false;
        try
        {
            var agentId = _decider.Reclaim(reason, now);
            var handoff = State.Handoff!;
            Changed();
            await StoreIntent();
            stored = true;
            _goneOffline = null;
            _heldByAgentOffline = null;
            services.Crash.Reach(CrashPoint.ConversationReclaimStored);
            services.Metrics.HandoffStep(_tenantId, "reclaimed");
            services.Logger.LogInformation("Conversation {ConversationId} of tenant {TenantId} was taken back from agent {AgentId} ({Reason})",
                _conversationId, _tenantId, agentId, reason);
            try
            {
                await Agent(agentId).Reclaim(_conversationId, handoff.HandoffId, reason);
            }
            catch (Exception e)
            {
                // The agent's own reconciliation finds the conversation no longer agrees, and frees the slot.
                services.Logger.LogWarning("Agent {AgentId} of tenant {TenantId} could not be told it lost conversation {ConversationId} yet ({Reason})",
                    agentId, _tenantId, _conversationId, e.GetBaseException().Message);
            }
            await PlaceHandoff();
            await StoreIfChanged();
        }
        catch (Exception e)
        {
            this.DeactivateOnIdle();
            services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} could not take itself back from its agent ({Reason}); its reminder tries again",
                _conversationId, _tenantId, e.GetBaseException().Message);
        }
        finally
        {
            ArmHandoffTimer();
        }
        return stored;
    }

    async Task IConversationGrain.ConfirmWaiting(string poolName, string handoffId)
    {
        if (State.Handoff?.HandoffId == handoffId && State.Status is ConversationStatus.Queued or ConversationStatus.Human)
        {
            return;
        }
        var placement = await Pool(poolName).Cancel(_conversationId, handoffId);
        if (placement.Status == HandoffStatus.Queued)
        {
            services.Metrics.Repaired("queue-entry-removed");
            services.Logger.LogWarning("Conversation {ConversationId} of tenant {TenantId} withdrew handoff {HandoffId} it had moved on from from pool {Pool}",
                _conversationId, _tenantId, handoffId, poolName);
        }
        else if (placement is { Status: HandoffStatus.Assigned, AgentId: { } agentId })
        {
            await Agent(agentId).Release(_conversationId, handoffId);
        }
        if (placement is { Status: HandoffStatus.Queued, OfferedAgentId: { } offeredTo })
        {
            // Its entry was being offered: the agent lets that offer go too, rather than hold it until its deadline.
            await Agent(offeredTo).Release(_conversationId, handoffId);
        }
    }
}
