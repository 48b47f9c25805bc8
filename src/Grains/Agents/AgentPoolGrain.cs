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
internal sealed class AgentPoolGrain(
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

    /// <summary>
    /// Serves the queue (an agent that can take work but whose silo died is woken by the offer), then asks the next
    /// few waiting conversations, one-way, whether they still wait; one that does not withdraws its entry itself.
    /// </summary>
    private async Task Reconcile()
    {
        // A silo shutting down leaves serving the queue to the partition's next activation.
        if (_ledger.Queue.Count == 0 || Stopping)
        {
            return;
        }
        try
        {
            await Dispatch(requester: null);
            await Store();
        }
        catch (Exception e)
        {
            logger.LogWarning("Pool {Pool} of tenant {TenantId} could not serve its queue ({Reason}); the next round tries again",
                _poolName, _tenantId, e.GetBaseException().Message);
        }
        var now = Now();
        foreach (var overdue in _ledger.Offered.Where(o => o.ExpiresAt + OverdueOffer < now).ToArray())
        {
            if (Stopping)
            {
                return;
            }
            await Agent(overdue.AgentId).CheckOffers();
        }
        var settled = now - handoffs.ReconcileInterval;
        foreach (var waiting in _ledger.Queue.NextToCheck(handoffs.QueueChecksPerRound))
        {
            if (waiting.EnqueuedAt <= settled && !Stopping)
            {
                await Conversation(waiting.Request.ConversationId).ConfirmWaiting(_poolName, waiting.Request.HandoffId);
            }
        }
    }

    /// <summary>
    /// After a restart an offer may have been cut off: it is settled with the agent it was made to, before anything else.
    /// Agents never call a pool while activating, so waiting on one here cannot deadlock.
    /// </summary>
    private async Task SettlePendingOffer()
    {
        if (_ledger.PendingOffer is { } pending)
        {
            var head = _ledger.Queue.Find(pending.ConversationId, pending.HandoffId);
            if (head is not null && await Offer(head.Request, pending.AgentId) is { Accepted: true } answer && answer.Offer is null)
            {
                Assign(head.Request, answer.Agent, notify: true);
            }
            _ledger.PendingOffer = null;
        }
    }

    /// <summary>
    /// After a restart the stored roster may be stale: re-read every agent, serve the queue and finish the moves under
    /// way; tried again a second later while an agent cannot answer.
    /// </summary>
    private async Task Recover()
    {
        if (Stopping)
        {
            return;
        }
        try
        {
            if (!await RecoverOnce())
            {
                _recovery?.Change(RecoveryRetry, Timeout.InfiniteTimeSpan);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning("Pool {Pool} of tenant {TenantId} could not re-read its agents ({Reason}); it tries again",
                _poolName, _tenantId, e.GetBaseException().Message);
            _recovery?.Change(RecoveryRetry, Timeout.InfiniteTimeSpan);
        }
    }

    private static readonly TimeSpan RecoveryRetry = TimeSpan.FromSeconds(1);

    /// <summary>How long the re-read waits for one agent: one still leaving a stopping silo answers only after it left.</summary>
    private static readonly TimeSpan AgentReadWait = TimeSpan.FromMilliseconds(500);

    /// <summary>True once every agent answered; an agent that did not keeps its stored view until the next try.</summary>
    private async Task<bool> RecoverOnce()
    {
        var views = await Task.WhenAll(_ledger.Roster.Keys.ToArray().Select(async id => (id, view: await ReadAgent(id))));
        var complete = true;
        foreach (var (id, view) in views)
        {
            if (!view.Answered)
            {
                complete = false;
            }
            else if (view.Current is not { } current)
            {
                Record(new PoolAgentRemoved { At = Now(), AgentId = id });
            }
            else
            {
                See(current);
            }
        }
        await Dispatch(requester: null);
        await Store();
        foreach (var move in _ledger.Escalating.ToArray())
        {
            await FinishMove(move);
        }
        return complete;
    }

    /// <summary>Whether the agent answered in time, and its view (null: it no longer exists).</summary>
    private async Task<(bool Answered, AgentView? Current)> ReadAgent(string agentId)
    {
        try
        {
            return (true, await Agent(agentId).GetView().WaitAsync(AgentReadWait));
        }
        catch (Exception e) when (Unanswered.Is(e))
        {
            return (false, null);
        }
    }

    /// <summary>
    /// The wider step of the tenant's routing this pool's conversations move to, after how long a wait, and the pool they
    /// move to: none for a pool that is already language-wide, or when the steps never widen past the channel.
    /// </summary>
    private static (int Step, TimeSpan After, string Queue)? WideningOf(string poolName, RoutingPolicy routing)
    {
        var (language, channel) = GrainKeys.Split(poolName);
        return channel == GrainKeys.AnyChannel || routing.WideningStep is not { } step
            ? null
            : (step, routing.Steps[step].After, GrainKeys.LanguagePoolName(language));
    }

    /// <summary>The timer at the moment the longest-waiting conversation's wait widens (shortly, if overdue).</summary>
    private void ArmWidening()
    {
        DateTimeOffset? due = _widening is { } widening && _ledger.Queue.EarliestWait is { } earliest ? earliest + widening.After : null;
        if (due is { } at && at < Now())
        {
            // Overdue (one under offer is moved once its offer ends): look again shortly, not in a loop.
            due = Now() + TimeSpan.FromMilliseconds(200);
        }
        _wideningTimer.Arm(due);
    }

    /// <summary>
    /// Moves every conversation whose wait reached the wider step (and that no agent holds an offer of) to the
    /// language-wide pool: stored as a move first, then asked there, then taken out of this queue.
    /// </summary>
    private async Task Widen()
    {
        try
        {
            if (_widening is not var (step, after, queue))
            {
                return;
            }
            var cutoff = Now() - after;
            var due = _ledger.Queue.Entries.Take(MaxScan)
                .Where(w => w.EnqueuedAt <= cutoff && _ledger.OfferOf(w.Request.ConversationId) is null)
                .ToList();
            foreach (var waiting in due)
            {
                Record(new PoolEscalating
                {
                    At = Now(),
                    Move = new PoolMove { ConversationId = waiting.Request.ConversationId, HandoffId = waiting.Request.HandoffId, Step = step, Queue = queue },
                });
            }
            if (due.Count > 0)
            {
                await Store();
            }
            foreach (var move in _ledger.Escalating.ToArray())
            {
                await FinishMove(move);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning("Pool {Pool} of tenant {TenantId} could not widen the wait of its conversations ({Reason}); it tries again",
                _poolName, _tenantId, e.GetBaseException().Message);
        }
        finally
        {
            ArmWidening();
        }
    }

    /// <summary>Asks the wider pool to take the conversation (it answers a request it holds already with where it stands), then lets it go here.</summary>
    private async Task FinishMove(PoolMove move)
    {
        if (_ledger.Queue.Find(move.ConversationId, move.HandoffId) is not { } waiting)
        {
            return;
        }
        // One its agent lost keeps its place at the head in the wider pool too, ahead of those that asked after it.
        var request = waiting.Request with
        {
            WaitingSince = waiting.EnqueuedAt,
            Excluded = [.. waiting.Request.Excluded.Union(_ledger.PassesOf(waiting.Request))],
        };
        // The conversation hears of the move before the wider pool can give it to an agent, so its facts come in order.
        _ = Conversation(move.ConversationId).OnEscalated(move.HandoffId, move.Step, move.Queue);
        await GrainFactory.Pool(_tenantId, move.Queue).Request(request);
        Record(new PoolEscalated { At = Now(), Move = move });
        await Store();
        metrics.HandoffStep(_tenantId, "escalated");
        logger.LogInformation("Pool {Pool} of tenant {TenantId} widened the wait of conversation {ConversationId} to {Queue}",
            _poolName, _tenantId, move.ConversationId, move.Queue);
    }

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
            if (Placement(request.ConversationId, request.HandoffId) is { Status: not HandoffStatus.None } known
                && !(known.Status == HandoffStatus.Assigned && request.Front
                    && (request.TakenFrom == known.AgentId || request.Excluded.Contains(known.AgentId!))))
            {
                // Known already (a retry), unless its agent lost it and it comes back to wait at the head.
                return known;
            }
            // A conversation waits at most once: an older request of it gives way to the new one.
            Record(new PoolEntered { At = Now(), Request = request, Sequence = _ledger.NextSequence, Front = request.Front });
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
                Priority = head.Request.Priority,
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

    async Task<bool> IAgentPoolGrain.SettleOffer(OfferSettlement settlement)
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
            if (open is not null && open.OfferId != settlement.OfferId)
            {
                // Another agent holds the offer now: this one's acceptance came after its own offer ended.
                return false;
            }
            Remember(conversationId, handoffId, settlement.Agent);
            await Store();
            return true;
        }
        if (_ledger.OfferOf(conversationId)?.OfferId == settlement.OfferId || settlement.Outcome is OfferOutcome.Declined or OfferOutcome.Expired)
        {
            Record(new PoolOfferEnded
            {
                At = Now(),
                ConversationId = conversationId,
                HandoffId = handoffId,
                OfferId = settlement.OfferId,
                AgentId = settlement.Agent.AgentId,
                // An agent who let it expire is off duty meanwhile (Routing:NotRespondingStatus) and may have it once back.
                Passed = settlement.Outcome is OfferOutcome.Declined,
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
        _ledger.AverageHandlingSeconds = _ledger.AverageHandlingSeconds is { } average
            ? average + HandlingTimeWeight * (seconds - average)
            : seconds;
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
        var (wider, widerOffered) = _widerDepth?.AtOrAbove(waiting.Request.Priority) ?? (0, 0);
        return new HandoffPlacement
        {
            Status = HandoffStatus.Queued,
            QueuePosition = position + wider,
            EstimatedWaitSeconds = EstimatedWait(waiting.Request, position, wider - widerOffered, offer is not null),
            OfferId = offer?.OfferId,
            OfferedAgentId = offer?.AgentId,
            OfferExpiresAt = offer?.ExpiresAt,
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
    /// Takes an agent's view in memory only, unless a newer one is known: views learnt from offers and notices change
    /// with every assignment, and after a restart every agent is asked again anyway.
    /// </summary>
    private void Observe(AgentView agent)
    {
        if (!_ledger.Roster.TryGetValue(agent.AgentId, out var known) || known.Version < agent.Version)
        {
            _ledger.See(agent);
        }
    }

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
