using CxCluster.Grains.Agents.Pool;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Agents;

/// <summary>The queue served: the next waiting conversation offered or assigned to the agent who fits it best, and the placement each is told.</summary>
internal sealed partial class AgentPoolGrain
{
    /// <summary>
    /// Gives waiting conversations, first in queue order first, to the best agents in turn until nobody can take more. A
    /// conversation offered to an agent keeps its place but is skipped while the offer is open; one whose fitting agents
    /// all passed on it lets the next one be served.
    /// </summary>
    private async Task Dispatch(string? requester)
    {
        while (true)
        {
            var free = _ledger.Roster.Values.Where(AgentChoice.CanTake).ToList();
            if (free.Count == 0)
            {
                return;
            }
            // Held entries are skipped before any agent is looked at: the head is a run of open offers when agents are many.
            var head = _ledger.Queue.Entries.Take(ScanLimit)
                .Where(w => !_ledger.Held(w.Request.ConversationId))
                .FirstOrDefault(w => free.Exists(a => !_ledger.Passed(w.Request, a.AgentId)))?.Request;
            if (head is null)
            {
                return;
            }
            AssignmentAnswer? taken = null;
            foreach (var candidate in AgentChoice.Rank(free.Where(a => _ledger.Offerable(head, a.AgentId))))
            {
                if (await Offer(head, candidate.AgentId) is { Accepted: true } answer)
                {
                    taken = answer;
                    break;
                }
            }
            if (taken is null)
            {
                return;
            }
            if (taken.Offer is null)
            {
                Assign(head, taken.Agent, notify: head.ConversationId != requester);
            }
        }
    }

    /// <summary>
    /// Stores the offer, then asks the agent; its answer. An agent that took it with an offer open holds it until it
    /// answers (recorded here, so nobody else is offered it meanwhile).
    /// </summary>
    private async Task<AssignmentAnswer> Offer(HandoffRequest head, string agentId)
    {
        using var span = CxTelemetry.Source.StartActivity(CxTelemetry.PoolOfferSpan);
        if (span is not null)
        {
            span.SetTag(CxTelemetry.TenantTag, _tenantId);
            span.SetTag(CxTelemetry.PoolTag, _poolName);
            span.SetTag(CxTelemetry.ConversationTag, head.ConversationId);
            span.SetTag(CxTelemetry.AgentTag, agentId);
        }
        try
        {
            Record(new PoolOffering { At = Now(), Offer = new PendingOffer { ConversationId = head.ConversationId, HandoffId = head.HandoffId, AgentId = agentId } });
            await Store();
            var answer = await Agent(agentId).Offer(new AssignmentOffer
            {
                ConversationId = head.ConversationId,
                HandoffId = head.HandoffId,
                PoolName = _poolName,
            });
            if (answer.Accepted)
            {
                crash.Reach(CrashPoint.PoolOfferAccepted);
            }
            // Cleared in memory only: an assignment's record clears it, and after a crash a declined offer is only asked again.
            _ledger.PendingOffer = null;
            Observe(answer.Agent);
            if (answer is { Accepted: true, Offer: { } offer } && _ledger.OfferOf(head.ConversationId)?.OfferId != offer.OfferId)
            {
                Record(new PoolOffered { At = Now(), Offer = Mark(offer, agentId) });
            }
            return answer;
        }
        catch (Exception e) when (span.Failed(e))
        {
            throw;
        }
    }

    private static PoolOfferMark Mark(AgentOffer offer, string agentId) => new()
    {
        ConversationId = offer.ConversationId,
        HandoffId = offer.HandoffId,
        AgentId = agentId,
        OfferId = offer.OfferId,
        ExpiresAt = offer.ExpiresAt,
    };

    /// <summary>The agent took the conversation: out of the queue, and the conversation is told (without waiting).</summary>
    private void Assign(HandoffRequest request, AgentView taker, bool notify)
    {
        Remember(request.ConversationId, request.HandoffId, taker);
        if (notify)
        {
            // Not awaited: the conversation may itself be waiting on this pool, so the pool never waits on it. If the
            // notice is lost, the agent's reconciliation asks the conversation, which then adopts the assignment.
            Conversation(request.ConversationId).OnAgentAssigned(new AgentAssignment
                {
                    HandoffId = request.HandoffId,
                    AgentId = taker.AgentId,
                    AgentDisplayName = taker.DisplayName,
                    AssignedAt = Now(),
                    Queue = _poolName,
                }).Ignore();
        }
    }

    private HandoffPlacement Placement(string conversationId, string handoffId)
    {
        if (_ledger.Assigned(conversationId, handoffId) is { } assigned)
        {
            return new HandoffPlacement
            {
                Status = HandoffStatus.Assigned,
                AgentId = assigned.AgentId,
                AgentDisplayName = assigned.AgentDisplayName,
            };
        }
        if (_ledger.Queue.Find(conversationId, handoffId) is not { } waiting || _ledger.Queue.Position(conversationId, handoffId) is not { } position)
        {
            return _ledger.MovedOf(conversationId, handoffId) is { } moved
                ? new HandoffPlacement { Status = HandoffStatus.Queued, MovedTo = moved.Queue, Step = moved.Step }
                : HandoffPlacement.Unknown;
        }
        var offer = _ledger.OfferOf(conversationId);
        var ended = _ledger.EndedOfferOf(conversationId, handoffId);
        var (wider, widerOffered) = _widerDepth?.AtOrAbove(PoolQueue.Level(waiting.Request)) ?? (0, 0);
        return new HandoffPlacement
        {
            Status = HandoffStatus.Queued,
            QueuePosition = position + wider,
            EstimatedWaitSeconds = EstimatedWait(waiting.Request, position, wider - widerOffered, offer is not null),
            OfferId = offer?.OfferId,
            OfferedAgentId = offer?.AgentId,
            OfferExpiresAt = offer?.ExpiresAt,
            EndedOfferId = ended?.OfferId,
            EndedOfferAgentId = ended?.AgentId,
        };
    }

    /// <summary>
    /// How long the conversation at <paramref name="position"/> may wait for an agent. None while an agent is being
    /// offered it, or while the agents available now who may take it have room for every conversation up to it that is
    /// not being offered already. Otherwise the conversations that must wait for room, itself included, plus those its
    /// agents hold beyond their capacity, times the average handling time, spread over the capacity of those agents (as
    /// many conversations end per handling time). Null when no agent who may take it is available: nothing can be estimated.
    /// <paramref name="widerAhead"/> are those of the wider pool ahead of it that no agent is being offered: its agents
    /// take them first.
    /// </summary>
    private int? EstimatedWait(HandoffRequest request, int position, int widerAhead, bool offered)
    {
        if (offered)
        {
            return 0;
        }
        var (slots, free, overload) = _ledger.RoomFor(request);
        if (slots <= 0)
        {
            return null;
        }
        // Conversations being offered hold their agent's room already; those ahead of this one are not waiting for room.
        var waitingForRoom = position - Math.Min(_ledger.Offered.Count, position - 1) + widerAhead - free;
        if (waitingForRoom <= 0)
        {
            return 0;
        }
        var handling = _ledger.AverageHandlingSeconds ?? _policy.AverageHandlingTime.TotalSeconds;
        return (int)Math.Ceiling((waitingForRoom + overload) * handling / slots);
    }

    /// <summary>Takes an agent's view unless a newer one is known, recording it; true if the roster changed.</summary>
    private bool See(AgentView agent)
    {
        if (_ledger.Roster.TryGetValue(agent.AgentId, out var known) && (known.Version > agent.Version || known == agent))
        {
            return false;
        }
        Record(new PoolAgentSeen { At = Now(), Agent = agent });
        return true;
    }

    /// <summary>
    /// Takes a member's view in memory only, unless a newer one is known: views learnt from offers and notices change
    /// with every assignment, and after a restart every agent is asked again anyway. An agent who is not on the roster
    /// (one that left this pool: a language or channel dropped) is not brought back by a view that comes with an offer's
    /// end; only the agent's own announcement adds it (<see cref="See"/>).
    /// </summary>
    private void Observe(AgentView agent)
    {
        if (_ledger.Roster.TryGetValue(agent.AgentId, out var known) && known.Version < agent.Version)
        {
            _ledger.See(agent);
        }
    }
}
