using CxCluster.Grains.Agents.Pool;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Agents;

/// <summary>Reconciliation rounds and recovery after a silo died: offers settled, agents read again, waiting conversations asked whether they still wait.</summary>
internal sealed partial class AgentPoolGrain
{
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
            try
            {
                await SettleOverdue(overdue);
            }
            catch (Exception e)
            {
                logger.LogWarning("Pool {Pool} of tenant {TenantId} could not settle the overdue offer {OfferId} of agent {AgentId} ({Reason}); the next round tries again",
                    _poolName, _tenantId, overdue.OfferId, overdue.AgentId, e.GetBaseException().Message);
            }
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

    /// <summary>
    /// An offer past its deadline that its agent never settled here: the agent is asked how it stands. Still open there
    /// (its timer died with its silo), the agent is nudged to end it. Ended there (its word of the end lost), or unknown
    /// to it (an offer it no longer remembers, or never stored), the pool settles it as the agent's word would have,
    /// unanswered in time when the agent knows nothing of it: otherwise the conversation would stay held by an offer
    /// nobody has, offered to no one, for good. An acceptance the agent has let go of since is settled as not taken.
    /// </summary>
    private async Task SettleOverdue(PoolOfferMark overdue)
    {
        var agent = Agent(overdue.AgentId);
        var notice = await agent.GetOffer(overdue.ConversationId, overdue.HandoffId, overdue.OfferId);
        if (notice is { Outcome: null })
        {
            await agent.CheckOffers();
            return;
        }
        var outcome = notice?.Outcome ?? OfferOutcome.Expired;
        if (outcome == OfferOutcome.Accepted && await agent.Holds(overdue.ConversationId, overdue.HandoffId) is not (AgentHold.Held or AgentHold.HeldOffline))
        {
            // Accepted once and let go since (taken back for want of a first reply, or the conversation moved on): that
            // acceptance is history and makes no assignment now. The offer ends here as one not taken.
            outcome = OfferOutcome.Expired;
        }
        if (_ledger.OfferOf(overdue.ConversationId) != overdue || !_ledger.Roster.TryGetValue(overdue.AgentId, out var view))
        {
            return;
        }
        metrics.Repaired("pool-offer-settled");
        logger.LogWarning("Pool {Pool} of tenant {TenantId} settled offer {OfferId} of conversation {ConversationId} to agent {AgentId} as {Outcome}: the agent's word of it never came",
            _poolName, _tenantId, overdue.OfferId, overdue.ConversationId, overdue.AgentId, outcome);
        await Settle(new OfferSettlement
        {
            ConversationId = overdue.ConversationId,
            HandoffId = overdue.HandoffId,
            OfferId = overdue.OfferId,
            Outcome = outcome,
            Agent = view,
            Reason = notice?.Reason,
        });
    }

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
        foreach (var move in _ledger.EscalatingInQueueOrder())
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
}
