using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Telemetry;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxCluster.Grains.Conversations;

/// <summary>
/// One conversation: applies the rules to each event, asks the pool for a human when they say so, and keeps the
/// state. If anything fails mid-event the activation is dropped, so its half-applied memory never outlives the call.
/// </summary>
internal sealed class ConversationGrain(
    [PersistentState("conversation", CxStorage.Name)] IPersistentState<ConversationState> store,
    TenantDirectory tenants,
    CustomerTexts texts,
    IOptions<ConversationOptions> options,
    CxMetrics metrics,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain
{
    private readonly Dictionary<string, ProcessedEvent> _processed = new(StringComparer.Ordinal);
    private string _tenantId = "";
    private string _conversationId = "";
    private TenantPolicy _policy = null!;
    private ConversationRules _rules = null!;

    private ConversationState State => store.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _conversationId) = GrainKeys.Split(this.GetPrimaryKeyString());
        _policy = tenants.Get(_tenantId);
        _rules = new ConversationRules(State, _policy, texts, options.Value);
        foreach (var processed in State.Processed)
        {
            _processed[processed.EventId] = processed;
        }
        return Task.CompletedTask;
    }

    Task<EventOutcome> IConversationGrain.Apply(ConversationEvent @event) => this.DropOnFailure(async () =>
    {
        var outcome = await ApplyOne(@event);
        if (outcome.Result is { Duplicate: false })
        {
            await store.WriteStateAsync();
        }
        return outcome;
    });

    Task<IReadOnlyList<EventOutcome>> IConversationGrain.ApplyAll(IReadOnlyList<ConversationEvent> events) => this.DropOnFailure<IReadOnlyList<EventOutcome>>(async () =>
    {
        var outcomes = new EventOutcome[events.Count];
        var changed = false;
        for (var i = 0; i < events.Count; i++)
        {
            outcomes[i] = await ApplyOne(events[i]);
            changed |= outcomes[i].Result is { Duplicate: false };
        }
        // One write covers the whole batch: none of its answers leaves the grain before it is stored.
        if (changed)
        {
            await store.WriteStateAsync();
        }
        return outcomes;
    });

    Task<ConversationSnapshot?> IConversationGrain.GetSnapshot() => this.DropOnFailure(async () =>
    {
        if (!State.Started)
        {
            return null;
        }
        if (await RefreshPlacement())
        {
            await store.WriteStateAsync();
        }
        return (ConversationSnapshot?)Snapshot();
    });

    async Task<bool> IConversationGrain.Erase()
    {
        if (!State.Started)
        {
            return false;
        }
        await this.DropOnFailure(async () =>
        {
            var now = DateTimeOffset.UtcNow;
            if (State.Status != ConversationStatus.Ended)
            {
                await LeavePool();
                _rules.End(now);
            }
            State.Transcript.Clear();
            State.CustomerId = null;
            State.RecentMessages.Clear();
            State.ErasedAt ??= now;
            await store.WriteStateAsync();
        });
        logger.LogInformation("Erased the personal data of conversation {ConversationId} of tenant {TenantId}", _conversationId, _tenantId);
        return true;
    }

    Task IConversationGrain.OnAgentAssigned(AgentAssignment assignment) => this.DropOnFailure(async () =>
    {
        var handoff = State.Handoff;
        if (State.Status == ConversationStatus.Queued && handoff?.HandoffId == assignment.HandoffId)
        {
            _rules.Place(handoff, new HandoffPlacement
            {
                Status = HandoffStatus.Assigned,
                AgentId = assignment.AgentId,
                AgentDisplayName = assignment.AgentDisplayName,
            }, assignment.AssignedAt);
            await store.WriteStateAsync();
            return;
        }
        if (State.Status == ConversationStatus.Human && handoff?.HandoffId == assignment.HandoffId && handoff.AgentId == assignment.AgentId)
        {
            return;
        }
        if (_rules.IsAhead(assignment.HandoffId))
        {
            // Releasing it now would leave the retried request assigned to an agent that no longer holds it.
            return;
        }
        // The conversation moved on (ended, or another handoff): the agent must not keep a slot for it.
        await GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(_tenantId, assignment.AgentId)).Release(_conversationId, assignment.HandoffId);
    });

    Task IConversationGrain.OnAgentCompleted(string handoffId, string agentId, DateTimeOffset completedAt) => this.DropOnFailure(async () =>
    {
        if (State.Status != ConversationStatus.Human || State.Handoff?.HandoffId != handoffId || State.Handoff.AgentId != agentId)
        {
            return;
        }
        _rules.TakeOver(completedAt);
        await store.WriteStateAsync();
    });

    private async Task<EventOutcome> ApplyOne(ConversationEvent e)
    {
        if (_processed.TryGetValue(e.Id, out var seen))
        {
            metrics.EventApplied(e.Type, "duplicate");
            return EventOutcome.Accepted(Result(e.Id, seen.Directives, duplicate: true));
        }

        var decision = _rules.Apply(e);
        if (decision.Refusal is { } refusal)
        {
            metrics.EventApplied(e.Type, "refused");
            return new EventOutcome { Refusal = refusal };
        }

        if (decision.HandoffReason is { } reason)
        {
            decision.Directives.Add(await RequestHuman(reason, e.OccurredAt));
        }
        else if (decision.RepeatHandoff && State.Handoff is { } waiting)
        {
            await RefreshPlacement();
            decision.Directives.Add(_rules.HandoffDirective(waiting));
        }
        else if (State.Status == ConversationStatus.Queued)
        {
            await RefreshPlacement();
        }
        if (decision.LeavePool)
        {
            await LeavePool();
        }

        var result = Result(e.Id, Remember(e.Id, decision.Directives), duplicate: false);
        metrics.EventApplied(e.Type, "accepted");
        metrics.DirectivesAnswered(decision.Directives);
        if (e.Type is EventType.CustomerMessage or EventType.Signal)
        {
            metrics.TrustScored(result.Conversation.Trust.Score);
        }
        return EventOutcome.Accepted(result);
    }

    private async Task<Directive> RequestHuman(string reason, DateTimeOffset at)
    {
        var handoff = _rules.OpenHandoff(reason, at);
        var placement = await Pool(handoff.PoolName).Request(new HandoffRequest
        {
            ConversationId = _conversationId,
            HandoffId = handoff.HandoffId,
            Reason = reason,
            RequestedAt = at,
        });
        _rules.Place(handoff, placement, at);
        metrics.HandoffRequested(reason, handoff.Status);
        logger.LogInformation(
            "Conversation {ConversationId} of tenant {TenantId} handed off ({Reason}): {Placement} in pool {Pool}",
            _conversationId, _tenantId, reason, handoff.Status.Name(), handoff.PoolName);
        return _rules.HandoffDirective(handoff);
    }

    /// <summary>Asks the pool where a waiting handoff stands; true if the conversation changed because of it.</summary>
    private async Task<bool> RefreshPlacement()
    {
        if (State.Status != ConversationStatus.Queued || State.Handoff is not { } handoff)
        {
            return false;
        }
        var placement = await Pool(handoff.PoolName).Locate(_conversationId, handoff.HandoffId);
        var before = (handoff.Status, handoff.QueuePosition, handoff.EstimatedWaitSeconds);
        _rules.Place(handoff, placement, DateTimeOffset.UtcNow);
        return before != (handoff.Status, handoff.QueuePosition, handoff.EstimatedWaitSeconds);
    }

    /// <summary>The conversation is over: withdraw it from its queue, or free its agent.</summary>
    private async Task LeavePool()
    {
        if (State.Handoff is not { } handoff)
        {
            return;
        }
        var agentId = handoff.Status == HandoffStatus.Assigned ? handoff.AgentId : null;
        if (handoff.Status == HandoffStatus.Queued)
        {
            var placement = await Pool(handoff.PoolName).Cancel(_conversationId, handoff.HandoffId);
            agentId = placement.Status == HandoffStatus.Assigned ? placement.AgentId : null;
        }
        if (agentId is not null)
        {
            await GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Agent(_tenantId, agentId)).Release(_conversationId, handoff.HandoffId);
        }
        handoff.Status = HandoffStatus.Completed;
    }

    /// <summary>Keeps the answer for retries of this event id; returns the directives as kept, for the answer itself.</summary>
    private IReadOnlyList<Directive> Remember(string eventId, IReadOnlyList<Directive> directives)
    {
        var processed = new ProcessedEvent { EventId = eventId, Directives = directives.ToArray() };
        State.Processed.Add(processed);
        _processed[eventId] = processed;
        var excess = State.Processed.Count - options.Value.IdempotencyWindow;
        if (excess > 0)
        {
            foreach (var old in State.Processed.Take(excess))
            {
                _processed.Remove(old.EventId);
            }
            State.Processed.RemoveRange(0, excess);
        }
        return processed.Directives;
    }

    private EventResult Result(string eventId, IReadOnlyList<Directive> directives, bool duplicate) => new()
    {
        ConversationId = _conversationId,
        EventId = eventId,
        Duplicate = duplicate,
        Directives = directives,
        Conversation = Snapshot(),
    };

    private ConversationSnapshot Snapshot() => ConversationSnapshots.Build(_conversationId, State, _policy, options.Value);

    private IAgentPoolGrain Pool(string poolName) => GrainFactory.GetGrain<IAgentPoolGrain>(GrainKeys.Pool(_tenantId, poolName));
}
