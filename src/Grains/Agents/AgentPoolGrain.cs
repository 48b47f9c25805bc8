using CxCluster.Grains.Agents.Pool;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Agents;

/// <summary>
/// One partition of a tenant's supervisor pool: one language on one channel. It queues conversations by priority,
/// then first come, first served, and offers them to agents in <see cref="AgentChoice.Rank"/>'s order; the agent
/// grain has the last word on capacity. It only ever waits on agents (which are reentrant) and tells conversations
/// one-way, so no call cycle can deadlock.
/// While active it serves its queue every reconciliation round (waking agents whose silo died) and asks a few
/// waiting conversations at a time whether they still wait, so an entry whose conversation moved on goes away.
/// </summary>
/// <remarks>
/// Every change is a small record appended to the partition's stream in the journal (a conversation joining or
/// leaving the queue, an assignment, an agent's view), never a rewrite of the queue; the partition is rebuilt from its
/// latest checkpoint plus the records after it. Finding a conversation and its position take the same time whether
/// ten or ten thousand wait.
/// </remarks>
internal sealed partial class AgentPoolGrain(
    TenantDirectory tenants,
    CxMetrics metrics,
    HandoffSettings handoffs,
    CrashPoints crash,
    TimeProvider clock,
    IFactJournal journal,
    JsonEncoders encoders,
    Orleans.Serialization.Serializer<AgentPoolState> states,
    IHostApplicationLifetime lifetime,
    ILogger<AgentPoolGrain> logger) : Grain, IAgentPoolGrain
{
    /// <summary>A checkpoint is written once this many records, or as many as wait in the queue if more, were appended after the last one.</summary>
    private const int CheckpointEvery = 256;
    /// <summary>Weight of the newest handling time in the running average.</summary>
    private const double HandlingTimeWeight = 0.2;
    /// <summary>How many waiting entries one pass looks through for one an available agent may be offered.</summary>
    private const int MaxScan = 512;

    /// <summary>
    /// How far a look for a conversation an agent may be offered goes: past every one under an open offer or being
    /// moved (they keep their places at the head), and then at most <see cref="MaxScan"/> more.
    /// </summary>
    private int ScanLimit => MaxScan + _ledger.Offered.Count + _ledger.Escalating.Count;
    /// <summary>An offer this long past its deadline makes the pool wake its agent, whose timer may have died with its silo.</summary>
    private static readonly TimeSpan OverdueOffer = TimeSpan.FromSeconds(2);
    /// <summary>How long what the wider pool told of its queue counts as current.</summary>
    private static readonly TimeSpan WiderDepthAge = TimeSpan.FromMilliseconds(500);
    /// <summary>How long asking the wider pool may hold this pool up; past it, the figures it told last stand.</summary>
    private static readonly TimeSpan WiderDepthPatience = TimeSpan.FromMilliseconds(500);

    private string _tenantId = "";
    private string _poolName = "";
    private TenantPolicy _policy = null!;
    private PoolJournal _journal = null!;
    private PoolLedger _ledger = new();
    private Checkpoints _checkpoints = null!;
    /// <summary>An append failed: memory may be ahead of the journal and is never kept by a checkpoint.</summary>
    private bool _faulted;
    /// <summary>Fires when the longest-waiting conversation's wait widens; re-armed after every change.</summary>
    private DeadlineTimer _wideningTimer = null!;
    /// <summary>The one-shot timer that re-reads the agents after activation.</summary>
    private IGrainTimer? _recovery;
    /// <summary>The routing step this pool's conversations widen to (its index) and the wider pool; null when they never do.</summary>
    private (int Step, TimeSpan After, string Queue)? _widening;
    /// <summary>How many waited in the wider pool when it was last asked (<see cref="ReadWiderDepth"/>), and when that was.</summary>
    private QueueDepth? _widerDepth;
    private long _widerDepthReadAt;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _poolName) = GrainKeys.Split(this.GetPrimaryKeyString());
        _policy = tenants.Get(_tenantId);
        _widening = WideningOf(_poolName, _policy.Routing);
        _wideningTimer = new DeadlineTimer(this, clock, Widen, keepAlive: false);
        var stream = PoolJournal.Stream(_tenantId, _poolName);
        _journal = new PoolJournal(journal, encoders, states, stream);
        _checkpoints = new Checkpoints(logger, stream);
        (_ledger, var checkpointSeq) = await _journal.LoadAsync(e => logger.LogWarning(e,
            "The checkpoint of pool {Pool} of tenant {TenantId} cannot be read; its records are replayed from the start", _poolName, _tenantId));
        _checkpoints.Seq = checkpointSeq;
        await SettlePendingOffer();
        ArmWidening();
        this.RegisterGrainTimer(Reconcile, new GrainTimerCreationOptions
        {
            DueTime = handoffs.ReconcileInterval,
            Period = handoffs.ReconcileInterval,
        });
        // The agents are re-read once this activation is done, not during it: an agent whose own call to this pool is
        // waiting for the activation (an agent leaving a stopping silo, say) would otherwise wait on it in turn.
        _recovery = this.RegisterGrainTimer(Recover, new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _checkpoints.Settled;
        if (!_faulted && !_journal.HasPending && _ledger.Version > _checkpoints.Seq)
        {
            await _checkpoints.WriteAsync(_ledger.Version, WriteCheckpoint);
        }
    }

    /// <summary>The silo is shutting down: rounds and re-reads stop, the partition's next activation takes them up.</summary>
    private bool Stopping => lifetime.ApplicationStopping.IsCancellationRequested;

    async Task<HandoffPlacement> IAgentPoolGrain.Request(HandoffRequest request)
    {
        using var span = CxTelemetry.Source.StartActivity(CxTelemetry.PoolRequestSpan);
        if (span is not null)
        {
            span.SetTag(CxTelemetry.TenantTag, _tenantId);
            span.SetTag(CxTelemetry.PoolTag, _poolName);
            span.SetTag(CxTelemetry.ConversationTag, request.ConversationId);
            span.SetTag(CxTelemetry.ReasonTag, request.Reason);
        }
        try
        {
            var stale = false;
            if (Placement(request.ConversationId, request.HandoffId) is { Status: not HandoffStatus.None } known)
            {
                stale = known.Status == HandoffStatus.Assigned && request.StaleAgentId is not null && request.StaleAgentId == known.AgentId;
                if (!stale && !(known.Status == HandoffStatus.Assigned && request.Front
                    && (request.TakenFrom == known.AgentId || request.Excluded.Contains(known.AgentId!))))
                {
                    // Known already (a retry), unless its agent lost it and it comes back to wait at the head.
                    return known;
                }
            }
            // A conversation waits at most once: an older request of it gives way to the new one.
            Record(new PoolEntered { At = Now(), Request = request, Sequence = _ledger.NextSequence, Front = request.Front || stale });
            await Dispatch(requester: request.ConversationId);
            await Store();
            await ReadWiderDepth();
            return Placement(request.ConversationId, request.HandoffId);
        }
        catch (Exception e) when (span.Failed(e))
        {
            throw;
        }
    }

    async Task<HandoffPlacement> IAgentPoolGrain.Locate(string conversationId, string handoffId)
    {
        await ReadWiderDepth();
        return Placement(conversationId, handoffId);
    }

    Task<QueueDepth> IAgentPoolGrain.GetDepth()
    {
        var waiting = _ledger.Queue.CountsByPriority();
        var offered = new int[waiting.Length];
        foreach (var offer in _ledger.Offered)
        {
            if (_ledger.Queue.PriorityOf(offer.ConversationId) is { } level)
            {
                offered[level]++;
            }
        }
        return Task.FromResult(new QueueDepth { Waiting = waiting, Offered = offered });
    }

    /// <summary>
    /// Learns, at most every <see cref="WiderDepthAge"/>, how many wait in the language-wide pool this pool's
    /// conversations widen to. Every agent of this pool serves that one too and takes its conversations (which have
    /// waited longer) first, so those of the same or a higher priority are ahead of everyone waiting here. If the wider
    /// pool does not answer at once, the figures it told last stand: a queue position is never held up for them.
    /// </summary>
    private async Task ReadWiderDepth()
    {
        if (_widening is not var (_, _, queue) || (_widerDepth is not null && clock.GetElapsedTime(_widerDepthReadAt) < WiderDepthAge))
        {
            return;
        }
        try
        {
            _widerDepth = await GrainFactory.Pool(_tenantId, queue).GetDepth().WaitAsync(WiderDepthPatience);
            _widerDepthReadAt = clock.GetTimestamp();
        }
        catch (Exception e)
        {
            logger.LogDebug("Pool {Pool} of tenant {TenantId} could not learn how many wait in {Queue} ({Reason}); positions count what it knew",
                _poolName, _tenantId, queue, e.GetBaseException().Message);
        }
    }

    async Task<HandoffPlacement> IAgentPoolGrain.Cancel(string conversationId, string handoffId)
    {
        var placement = Placement(conversationId, handoffId);
        if (placement.Status == HandoffStatus.Queued)
        {
            Record(new PoolLeft { At = Now(), ConversationId = conversationId, HandoffId = handoffId });
            await Store();
        }
        return placement;
    }

    Task<QueueHead?> IAgentPoolGrain.PeekHead(string agentId) => Task.FromResult(
        _ledger.Queue.Entries.Take(ScanLimit).FirstOrDefault(w => _ledger.Offerable(w.Request, agentId)) is not { } head
            ? null
            : new QueueHead
            {
                ConversationId = head.Request.ConversationId,
                HandoffId = head.Request.HandoffId,
                EnqueuedAt = head.EnqueuedAt,
                Sequence = head.Sequence,
                // The level it waits at: one its agent lost is ahead of every priority in every queue an agent serves.
                Priority = PoolQueue.Level(head.Request),
            });

    async Task<bool> IAgentPoolGrain.Claim(string conversationId, string handoffId, AgentView agent, AgentOffer? offer)
    {
        using var span = CxTelemetry.Source.StartActivity(CxTelemetry.PoolClaimSpan);
        if (span is not null)
        {
            span.SetTag(CxTelemetry.TenantTag, _tenantId);
            span.SetTag(CxTelemetry.PoolTag, _poolName);
            span.SetTag(CxTelemetry.ConversationTag, conversationId);
            span.SetTag(CxTelemetry.AgentTag, agent.AgentId);
        }
        try
        {
            if (_ledger.Queue.Find(conversationId, handoffId) is not { } waiting)
            {
                // Already this agent's (a retried claim after a crash): say so again.
                return offer is not null && _ledger.OfferOf(conversationId) is { } open && open.OfferId == offer.OfferId && open.AgentId == agent.AgentId;
            }
            if (_ledger.OfferOf(conversationId) is { } held)
            {
                return offer is not null && held.OfferId == offer.OfferId && held.AgentId == agent.AgentId;
            }
            if (_ledger.Passed(waiting.Request, agent.AgentId))
            {
                return false;
            }
            if (offer is null)
            {
                Remember(conversationId, handoffId, agent);
            }
            else
            {
                Record(new PoolOffered { At = Now(), Offer = Mark(offer, agent.AgentId) });
            }
            Observe(agent);
            await Store();
            return true;
        }
        catch (Exception e) when (span.Failed(e))
        {
            throw;
        }
    }

    Task<bool> IAgentPoolGrain.SettleOffer(OfferSettlement settlement) => Settle(settlement);

    /// <summary>How an offer ended, told by its agent (or learnt from it by a reconciliation round); false when the request no longer waits here.</summary>
    private async Task<bool> Settle(OfferSettlement settlement)
    {
        var (conversationId, handoffId) = (settlement.ConversationId, settlement.HandoffId);
        Observe(settlement.Agent);
        if (_ledger.Queue.Find(conversationId, handoffId) is null)
        {
            // Told again after a crash: the acceptance that took it out of the queue stands.
            return settlement.Outcome != OfferOutcome.Accepted
                || _ledger.Assigned(conversationId, handoffId)?.AgentId == settlement.Agent.AgentId;
        }
        if (settlement.Outcome == OfferOutcome.Accepted)
        {
            var open = _ledger.OfferOf(conversationId);
            if (open is not null && (open.OfferId != settlement.OfferId || open.AgentId != settlement.Agent.AgentId))
            {
                // Another agent holds the offer now: this one's acceptance came after its own offer ended.
                return false;
            }
            Remember(conversationId, handoffId, settlement.Agent);
            await Store();
            return true;
        }
        if ((_ledger.OfferOf(conversationId) is { } mark && mark.OfferId == settlement.OfferId && mark.AgentId == settlement.Agent.AgentId)
            || settlement.Outcome is OfferOutcome.Declined or OfferOutcome.Expired)
        {
            Record(new PoolOfferEnded
            {
                At = Now(),
                ConversationId = conversationId,
                HandoffId = handoffId,
                OfferId = settlement.OfferId,
                AgentId = settlement.Agent.AgentId,
                // An agent who let it expire is off duty meanwhile (Routing:NotRespondingStatus) and may have it once back; so
                // may one it was declined for by the cluster (gone offline, no longer fit), once back or fit again.
                Passed = settlement.Outcome is OfferOutcome.Declined && Abstractions.Facts.HandoffDeclined.IsTheAgentsChoice(settlement.Reason),
            });
        }
        await Dispatch(requester: null);
        await Store();
        return true;
    }

    async Task IAgentPoolGrain.UpsertAgent(AgentView agent)
    {
        // Agents repeat their view every reconciliation round: only a change is worth a write.
        if (See(agent))
        {
            await Store();
        }
    }

    async Task IAgentPoolGrain.RemoveAgent(string agentId)
    {
        if (_ledger.Roster.ContainsKey(agentId))
        {
            Record(new PoolAgentRemoved { At = Now(), AgentId = agentId });
            await Store();
        }
    }

    Task IAgentPoolGrain.AgentChanged(AgentView agent)
    {
        // Only members are refreshed: a late update must not bring back an agent that left this pool.
        if (_ledger.Roster.ContainsKey(agent.AgentId))
        {
            Observe(agent);
        }
        return Task.CompletedTask;
    }

    Task IAgentPoolGrain.RecordHandled(TimeSpan handlingTime)
    {
        var seconds = Math.Max(1, handlingTime.TotalSeconds);
        // The tenant's expected handling time is the first average: one conversation closed in two seconds (a misroute,
        // a test) moves every waiting customer's estimate a fifth of the way, not all the way to "a moment".
        var average = _ledger.AverageHandlingSeconds ?? _policy.AverageHandlingTime.TotalSeconds;
        _ledger.AverageHandlingSeconds = average + HandlingTimeWeight * (seconds - average);
        return Task.CompletedTask;
    }

    Task<QueueStats> IAgentPoolGrain.GetStats() => Task.FromResult(new QueueStats
    {
        Name = _poolName,
        Waiting = _ledger.Queue.Count,
        LongestWaitSeconds = _ledger.Queue.LongestWaiting is { } head ? (int)Math.Max(0, (Now() - head.EnqueuedAt).TotalSeconds) : 0,
        AvailableAgents = _ledger.AvailableAgents,
    });

    Task<IReadOnlyList<AgentView>> IAgentPoolGrain.GetRoster() => Task.FromResult<IReadOnlyList<AgentView>>([.. _ledger.Roster.Values]);

    private void Remember(string conversationId, string handoffId, AgentView agent)
    {
        // The assignment is decided here: how long the conversation waited, from its place in the queue to an agent.
        if (_ledger.Queue.Find(conversationId, handoffId) is { } waiting)
        {
            metrics.QueueWaited(_tenantId, _poolName, waiting.Request.Reason, Now() - waiting.EnqueuedAt);
        }
        Record(new PoolAssigned
        {
            At = Now(),
            Assignment = new PoolAssignment
            {
                ConversationId = conversationId,
                HandoffId = handoffId,
                AgentId = agent.AgentId,
                AgentDisplayName = agent.DisplayName,
            },
        });
        logger.LogDebug("Pool {Pool} of tenant {TenantId} gave conversation {ConversationId} to agent {AgentId}",
            _poolName, _tenantId, conversationId, agent.AgentId);
    }

    /// <summary>Applies a record to memory and keeps it for the next append.</summary>
    private void Record(PoolRecord record)
    {
        _ledger.Apply(record);
        _ledger.Version++;
        _journal.Record(record);
    }

    /// <summary>
    /// Appends the pending records in one commit. A failure leaves memory ahead of the journal, so the activation is
    /// dropped and the next one starts from what was stored. A checkpoint follows, off the caller's path, once enough
    /// records were appended since the last one.
    /// </summary>
    private async Task Store()
    {
        if (!_ledger.Listed && _journal.HasPending)
        {
            // Listed with its first record, not when it is first activated: a pool only asked how many wait in it (a
            // channel's pool asking its language's wider one) shows no queue of nothing on the board or in the API.
            await GrainFactory.PoolDirectory(_tenantId).Register(_poolName);
            Record(new PoolListed { At = Now() });
        }
        using (var span = CxTelemetry.Source.StartActivity(CxTelemetry.AppendSpan))
        {
            span?.SetTag(CxTelemetry.PoolTag, _poolName);
            try
            {
                await _journal.AppendAsync(_ledger.Version);
            }
            catch (Exception e) when (span.Failed(e))
            {
                throw;
            }
            catch
            {
                _faulted = true;
                DeactivateOnIdle();
                throw;
            }
        }
        if (_checkpoints.Wanted || _ledger.Version - _checkpoints.Seq >= Math.Max(CheckpointEvery, _ledger.Queue.Count))
        {
            _checkpoints.WriteSoon(_ledger.Version, WriteCheckpoint);
        }
        ArmWidening();
    }

    /// <summary>Writes a checkpoint of the ledger as it is now (its bytes are taken before anything awaits).</summary>
    private Task WriteCheckpoint() => _journal.SaveCheckpointAsync(_ledger);

    private IAgentGrain Agent(string agentId) => GrainFactory.Agent(_tenantId, agentId);

    private IConversationGrain Conversation(string conversationId) =>
        GrainFactory.Conversation(_tenantId, conversationId);

    /// <summary>Now, to the microsecond the journal keeps, so the pool rebuilt from its records is the one reached live.</summary>
    private DateTimeOffset Now() => JournalTime.Now(clock);
}
