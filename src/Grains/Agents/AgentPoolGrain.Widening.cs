using CxCluster.Grains.Agents.Pool;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Agents;

/// <summary>A wait that widens: the next routing step, its timer, and the move of a conversation to the wider queue.</summary>
internal sealed partial class AgentPoolGrain
{
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
            foreach (var move in _ledger.EscalatingInQueueOrder())
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
}
