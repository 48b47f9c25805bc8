using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxCluster.Grains.Agents;

/// <summary>
/// One partition of a tenant's supervisor pool: one language on one channel. It queues conversations first come,
/// first served and offers them to the longest-idle agent; the agent grain has the last word on capacity. It only
/// ever waits on agents (which are reentrant) and tells conversations one-way, so no call cycle can deadlock.
/// While active it serves its queue every reconciliation round (waking agents whose silo died) and asks a few
/// waiting conversations at a time whether they still wait, so an entry whose conversation moved on goes away.
/// </summary>
internal sealed class AgentPoolGrain(
    [PersistentState("pool", CxStorage.Name)] IPersistentState<AgentPoolState> store,
    TenantDirectory tenants,
    IOptions<HandoffOptions> handoffs,
    CrashPoints crash,
    TimeProvider clock,
    ILogger<AgentPoolGrain> logger) : Grain, IAgentPoolGrain
{
    private const int RecentAssignmentsKept = 1024;
    /// <summary>Weight of the newest handling time in the running average.</summary>
    private const double HandlingTimeWeight = 0.2;

    private readonly Dictionary<string, PoolAssignment> _recent = new(StringComparer.Ordinal);
    private string _tenantId = "";
    private string _poolName = "";
    private TenantPolicy _policy = null!;
    /// <summary>Where the next round's check of waiting conversations starts (a position in the queue).</summary>
    private int _checkFrom;

    private AgentPoolState State => store.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _poolName) = GrainKeys.Split(this.GetPrimaryKeyString());
        _policy = tenants.Get(_tenantId);
        foreach (var assignment in State.Recent)
        {
            _recent[assignment.ConversationId] = assignment;
        }
        if (!State.Listed)
        {
            await GrainFactory.PoolDirectory(_tenantId).Register(_poolName);
            State.Listed = true;
            await store.WriteStateAsync();
        }
        await Recover();
        this.RegisterGrainTimer(Reconcile, new GrainTimerCreationOptions
        {
            DueTime = handoffs.Value.ReconcileInterval,
            Period = handoffs.Value.ReconcileInterval,
        });
    }

    /// <summary>
    /// Serves the queue (an agent that can take work but whose silo died is woken by the offer), then asks the next
    /// few waiting conversations, one-way, whether they still wait; one that does not withdraws its entry itself.
    /// </summary>
    private async Task Reconcile()
    {
        if (State.Queue.Count == 0)
        {
            return;
        }
        try
        {
            var waiting = State.Queue.Count;
            await Dispatch(requester: null);
            if (State.Queue.Count != waiting)
            {
                await store.WriteStateAsync();
            }
        }
        catch (Exception e)
        {
            logger.LogWarning("Pool {Pool} of tenant {TenantId} could not serve its queue ({Reason}); the next round tries again",
                _poolName, _tenantId, e.GetBaseException().Message);
        }
        var settled = clock.GetUtcNow() - handoffs.Value.ReconcileInterval;
        var count = Math.Min(handoffs.Value.QueueChecksPerRound, State.Queue.Count);
        for (var i = 0; i < count; i++)
        {
            var waiting = State.Queue[(_checkFrom + i) % State.Queue.Count];
            if (waiting.EnqueuedAt <= settled)
            {
                await Conversation(waiting.Request.ConversationId).ConfirmWaiting(_poolName, waiting.Request.HandoffId);
            }
        }
        _checkFrom = State.Queue.Count == 0 ? 0 : (_checkFrom + count) % State.Queue.Count;
    }

    /// <summary>
    /// After a restart the stored roster may be stale and an offer may have been cut off: settle the offer with the
    /// agent it was made to, re-read every agent, and serve the queue. Agents never call a pool while activating, so
    /// waiting on them here cannot deadlock.
    /// </summary>
    private async Task Recover()
    {
        if (State.PendingOffer is { } pending)
        {
            var head = State.Queue.Find(w => w.Request.ConversationId == pending.ConversationId && w.Request.HandoffId == pending.HandoffId);
            if (head is not null && await Offer(head.Request, pending.AgentId) is { } taker)
            {
                Assign(head.Request, taker, notify: true);
            }
            State.PendingOffer = null;
        }
        var views = await Task.WhenAll(State.Roster.Keys.ToArray().Select(async id => (id, view: await Agent(id).GetView())));
        foreach (var (id, view) in views)
        {
            if (view is null)
            {
                State.Roster.Remove(id);
            }
            else
            {
                See(view);
            }
        }
        await Dispatch(requester: null);
        await store.WriteStateAsync();
    }

    async Task<HandoffPlacement> IAgentPoolGrain.Request(HandoffRequest request)
    {
        if (Placement(request.ConversationId, request.HandoffId) is { Status: not HandoffStatus.None } known)
        {
            return known;
        }
        // A conversation waits at most once: an older request of it gives way to the new one.
        State.Queue.RemoveAll(w => w.Request.ConversationId == request.ConversationId);
        State.Queue.Add(new WaitingRequest { Request = request, EnqueuedAt = clock.GetUtcNow(), Sequence = State.NextSequence++ });
        await Dispatch(requester: request.ConversationId);
        await store.WriteStateAsync();
        return Placement(request.ConversationId, request.HandoffId);
    }

    Task<HandoffPlacement> IAgentPoolGrain.Locate(string conversationId, string handoffId) =>
        Task.FromResult(Placement(conversationId, handoffId));

    async Task<HandoffPlacement> IAgentPoolGrain.Cancel(string conversationId, string handoffId)
    {
        var placement = Placement(conversationId, handoffId);
        if (placement.Status == HandoffStatus.Queued)
        {
            State.Queue.RemoveAll(w => w.Request.ConversationId == conversationId);
            await store.WriteStateAsync();
        }
        return placement;
    }

    Task<QueueHead?> IAgentPoolGrain.PeekHead() => Task.FromResult(State.Queue.Count == 0
        ? null
        : new QueueHead
        {
            ConversationId = State.Queue[0].Request.ConversationId,
            HandoffId = State.Queue[0].Request.HandoffId,
            EnqueuedAt = State.Queue[0].EnqueuedAt,
            Sequence = State.Queue[0].Sequence,
        });

    async Task<bool> IAgentPoolGrain.Claim(string conversationId, string handoffId, AgentView agent)
    {
        var index = State.Queue.FindIndex(w => w.Request.ConversationId == conversationId && w.Request.HandoffId == handoffId);
        if (index < 0)
        {
            return false;
        }
        State.Queue.RemoveAt(index);
        Remember(conversationId, handoffId, agent);
        See(agent);
        await store.WriteStateAsync();
        return true;
    }

    async Task IAgentPoolGrain.UpsertAgent(AgentView agent)
    {
        // Agents repeat their view every reconciliation round: only a change is worth a write.
        if (See(agent))
        {
            await store.WriteStateAsync();
        }
    }

    async Task IAgentPoolGrain.RemoveAgent(string agentId)
    {
        if (State.Roster.Remove(agentId))
        {
            await store.WriteStateAsync();
        }
    }

    Task IAgentPoolGrain.AgentChanged(AgentView agent)
    {
        // Only members are refreshed: a late update must not bring back an agent that left this pool.
        if (State.Roster.ContainsKey(agent.AgentId))
        {
            See(agent);
        }
        return Task.CompletedTask;
    }

    Task IAgentPoolGrain.RecordHandled(TimeSpan handlingTime)
    {
        var seconds = Math.Max(1, handlingTime.TotalSeconds);
        State.AverageHandlingSeconds = State.AverageHandlingSeconds is { } average
            ? average + HandlingTimeWeight * (seconds - average)
            : seconds;
        return Task.CompletedTask;
    }

    Task<QueueStats> IAgentPoolGrain.GetStats() => Task.FromResult(new QueueStats
    {
        Name = _poolName,
        Waiting = State.Queue.Count,
        LongestWaitSeconds = State.Queue.Count == 0 ? 0 : (int)Math.Max(0, (clock.GetUtcNow() - State.Queue[0].EnqueuedAt).TotalSeconds),
        AvailableAgents = State.Roster.Values.Count(a => a.Status == AgentStatus.Available),
    });

    /// <summary>Offers the head of the queue to the best agents in turn until nobody can take it.</summary>
    private async Task Dispatch(string? requester)
    {
        while (State.Queue.Count > 0)
        {
            var head = State.Queue[0].Request;
            AgentView? taker = null;
            foreach (var candidate in AgentChoice.Rank(State.Roster.Values).ToList())
            {
                if ((taker = await Offer(head, candidate.AgentId)) is not null)
                {
                    break;
                }
            }
            if (taker is null)
            {
                return;
            }
            Assign(head, taker, notify: head.ConversationId != requester);
        }
    }

    /// <summary>Stores the offer, then asks the agent; the agent's view if it took the conversation.</summary>
    private async Task<AgentView?> Offer(HandoffRequest head, string agentId)
    {
        State.PendingOffer = new PendingOffer { ConversationId = head.ConversationId, HandoffId = head.HandoffId, AgentId = agentId };
        await store.WriteStateAsync();
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
        // Cleared in memory only: the write that follows the assignment, or the request's own, stores it.
        State.PendingOffer = null;
        See(answer.Agent);
        return answer.Accepted ? answer.Agent : null;
    }

    /// <summary>The agent took the conversation: out of the queue, and the conversation is told (one-way).</summary>
    private void Assign(HandoffRequest request, AgentView taker, bool notify)
    {
        State.Queue.RemoveAll(w => w.Request.ConversationId == request.ConversationId && w.Request.HandoffId == request.HandoffId);
        Remember(request.ConversationId, request.HandoffId, taker);
        if (notify)
        {
            // One-way: the conversation may itself be waiting on this pool, so the pool never waits on it. If the
            // notice is lost, the agent's reconciliation asks the conversation, which then adopts the assignment.
            _ = Conversation(request.ConversationId).OnAgentAssigned(new AgentAssignment
                {
                    HandoffId = request.HandoffId,
                    AgentId = taker.AgentId,
                    AgentDisplayName = taker.DisplayName,
                    AssignedAt = clock.GetUtcNow(),
                });
        }
    }

    private HandoffPlacement Placement(string conversationId, string handoffId)
    {
        if (_recent.TryGetValue(conversationId, out var assigned) && assigned.HandoffId == handoffId)
        {
            return new HandoffPlacement
            {
                Status = HandoffStatus.Assigned,
                AgentId = assigned.AgentId,
                AgentDisplayName = assigned.AgentDisplayName,
            };
        }
        var index = State.Queue.FindIndex(w => w.Request.ConversationId == conversationId && w.Request.HandoffId == handoffId);
        if (index < 0)
        {
            return HandoffPlacement.Unknown;
        }
        return new HandoffPlacement
        {
            Status = HandoffStatus.Queued,
            QueuePosition = index + 1,
            EstimatedWaitSeconds = EstimatedWait(index + 1),
        };
    }

    /// <summary>Position times the average handling time, spread over the slots of the agents available now.</summary>
    private int? EstimatedWait(int position)
    {
        var slots = State.Roster.Values.Where(a => a.Status == AgentStatus.Available).Sum(a => a.Capacity);
        if (slots == 0)
        {
            return null;
        }
        var handling = State.AverageHandlingSeconds ?? _policy.AverageHandlingTime.TotalSeconds;
        return (int)Math.Ceiling(position * handling / slots);
    }

    /// <summary>Takes an agent's view unless a newer one is known; true if the roster changed.</summary>
    private bool See(AgentView agent)
    {
        if (State.Roster.TryGetValue(agent.AgentId, out var known) && (known.Version > agent.Version || known == agent))
        {
            return false;
        }
        State.Roster[agent.AgentId] = agent;
        return true;
    }

    private void Remember(string conversationId, string handoffId, AgentView agent)
    {
        var assignment = new PoolAssignment
        {
            ConversationId = conversationId,
            HandoffId = handoffId,
            AgentId = agent.AgentId,
            AgentDisplayName = agent.DisplayName,
        };
        State.Recent.Add(assignment);
        _recent[conversationId] = assignment;
        if (State.Recent.Count > RecentAssignmentsKept)
        {
            var oldest = State.Recent[0];
            State.Recent.RemoveAt(0);
            if (_recent.TryGetValue(oldest.ConversationId, out var current) && ReferenceEquals(current, oldest))
            {
                _recent.Remove(oldest.ConversationId);
            }
        }
        logger.LogDebug("Pool {Pool} of tenant {TenantId} gave conversation {ConversationId} to agent {AgentId}",
            _poolName, _tenantId, conversationId, agent.AgentId);
    }

    private IAgentGrain Agent(string agentId) => GrainFactory.Agent(_tenantId, agentId);

    private IConversationGrain Conversation(string conversationId) =>
        GrainFactory.Conversation(_tenantId, conversationId);
}
