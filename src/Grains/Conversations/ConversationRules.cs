using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Tenants;
using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Conversations;

/// <summary>What an event decided, before the grain talks to the pool.</summary>
internal sealed class Decision
{
    public List<Directive> Directives { get; } = [];

    /// <summary>Set when the conversation must now ask for a human, with the reason; the handoff directive comes last.</summary>
    public string? HandoffReason { get; set; }

    /// <summary>The customer asked again while waiting: answer with where they stand.</summary>
    public bool RepeatHandoff { get; set; }

    /// <summary>The conversation ended: leave the queue or free the agent.</summary>
    public bool LeavePool { get; set; }

    public Refusal? Refusal { get; private init; }

    public static Decision Refused(RefusalKind kind, string detail, string? field) =>
        new() { Refusal = new Refusal { Kind = kind, Detail = detail, Field = field } };
}

/// <summary>
/// The contract's rules for one conversation as a pure state machine: it changes the state and says which directives
/// answer an event, with no I/O. A refused event changes nothing. <paramref name="clock"/> (the system clock when
/// null) bounds the time events are scored at: never later than now.
/// </summary>
internal sealed class ConversationRules(
    ConversationState state, TenantPolicy policy, CustomerTexts texts, ConversationOptions options, TimeProvider? clock = null)
{
    public const string CustomerRequest = "customer-request";
    public const string TrustThreshold = "trust-threshold";
    public const string HumanInCharge = "human-in-charge";
    public const string AwaitingHuman = "awaiting-human";

    private const int RecentMessagesKept = 6;
    private const int SignalsKept = 32;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private LocalizedTexts Texts => texts.For(policy.TenantId, state.Locale);

    public IssuedDisclosure? CurrentDisclosure => Current(state);

    public bool DisclosureDelivered => Delivered(state);

    /// <summary>The disclosure in force: the last one issued.</summary>
    public static IssuedDisclosure? Current(ConversationState state) => state.Disclosures.Count == 0 ? null : state.Disclosures[^1];

    /// <summary>The conversation's trust score now, and its band under the tenant's levels.</summary>
    public static (double Score, TrustBand Band) Trust(ConversationState state, TenantPolicy policy)
    {
        var score = TrustScore.Compute(state.Signals, state.TrustClock, policy.TrustHalfLife);
        return (score, TrustScore.Band(score, policy.Threshold, policy.WarningLevel));
    }

    /// <summary>The disclosure in force was confirmed on the channel the customer is on now.</summary>
    public static bool Delivered(ConversationState state) =>
        Current(state) is { DeliveredAt: not null } current && current.Channel == state.Channel;

    public Decision Apply(ConversationEvent e)
    {
        if (Precheck(e) is { } refusal)
        {
            return refusal;
        }

        var decision = new Decision();
        // The event is recorded at the platform's occurredAt but scored no later than now, and the trust clock only
        // moves forward: a stamp from a clock that runs ahead cannot fade earlier penalties, nor an old one turn the clock back.
        var scoredAt = ScoredAt(e.OccurredAt);
        if (scoredAt > state.TrustClock)
        {
            state.TrustClock = scoredAt;
        }

        if (!state.Started)
        {
            Start(e, decision);
        }
        else if (e.Type == EventType.ConversationStarted)
        {
            Restart(e, decision);
        }
        else if (state.AnnounceDisclosure && CurrentDisclosure is { } current)
        {
            decision.Directives.Add(Disclose(current));
        }
        state.AnnounceDisclosure = false;

        switch (e.Type)
        {
            case EventType.CustomerMessage:
                OnCustomerMessage(e, scoredAt, decision);
                break;
            case EventType.AiMessage:
                OnAiMessage(e, decision);
                break;
            case EventType.AgentMessage:
                AddTurn(Speaker.Agent, e.Text!, e.OccurredAt);
                break;
            case EventType.DisclosureDelivered:
                var disclosure = state.Disclosures.First(d => d.DisclosureId == e.DisclosureId);
                disclosure.DeliveredAt ??= e.OccurredAt;
                break;
            case EventType.Signal:
                var delta = TrustRules.ForPlatformSignal(e.SignalName!, e.SignalValue ?? 0);
                if (delta is { } signal)
                {
                    AddSignal(signal.Name, signal.Delta, scoredAt);
                }
                EvaluateTrust(decision);
                break;
            case EventType.ChannelSwitched:
                SwitchChannel(e.Channel!.Value, e.OccurredAt, decision);
                break;
            case EventType.ConversationEnded:
                state.Status = ConversationStatus.Ended;
                state.EndedAt = e.OccurredAt;
                decision.LeavePool = true;
                break;
        }
        return decision;
    }

    /// <summary>The assigned agent is done: the AI is in charge again and must disclose itself anew.</summary>
    public void TakeOver(DateTimeOffset at)
    {
        state.Status = ConversationStatus.Ai;
        state.Handoff!.Status = HandoffStatus.Completed;
        state.Handoff.AwaitingPool = false;
        state.Signals.Clear();
        state.RecentMessages.Clear();
        state.HumanOffered = false;
        Issue(at);
        state.AnnounceDisclosure = true;
    }

    /// <summary>The conversation is ended for good (erasure): nothing more may happen in it.</summary>
    public void End(DateTimeOffset at)
    {
        state.Status = ConversationStatus.Ended;
        state.EndedAt ??= at;
    }

    public Directive HandoffDirective(HandoffRecord handoff) => handoff.Status == HandoffStatus.Assigned
        ? new Directive
        {
            Type = DirectiveType.Handoff,
            HandoffId = handoff.HandoffId,
            HandoffStatus = HandoffStatus.Assigned,
            Reason = handoff.Reason,
            AgentId = handoff.AgentId,
            Text = Texts.HandoffAssigned(handoff.AgentDisplayName ?? handoff.AgentId ?? ""),
        }
        : new Directive
        {
            Type = DirectiveType.Handoff,
            HandoffId = handoff.HandoffId,
            HandoffStatus = HandoffStatus.Queued,
            Reason = handoff.Reason,
            QueuePosition = handoff.QueuePosition,
            EstimatedWaitSeconds = handoff.EstimatedWaitSeconds,
            Text = Texts.HandoffQueued(handoff.QueuePosition ?? 1, handoff.EstimatedWaitSeconds),
        };

    /// <summary>Opens a new handoff record, numbered per conversation so a retried request finds its first placement.</summary>
    public HandoffRecord OpenHandoff(string reason, DateTimeOffset at)
    {
        state.HandoffCount++;
        state.Handoff = new HandoffRecord
        {
            HandoffId = $"hnd-{state.HandoffCount}",
            Reason = reason,
            RequestedAt = at,
            PoolName = GrainKeys.PoolName(GrainKeys.Language(state.Locale), state.Channel),
            Status = HandoffStatus.Queued,
            AwaitingPool = true,
        };
        state.Status = ConversationStatus.Queued;
        return state.Handoff;
    }

    /// <summary>
    /// The conversation is leaving its handoff (it ended or is erased): notes what must still be freed (its queue place
    /// or its agent) and closes the handoff.
    /// </summary>
    public void LeaveHandoff()
    {
        if (state.Handoff is not { Status: HandoffStatus.Queued or HandoffStatus.Assigned } handoff)
        {
            return;
        }
        state.Release = new PendingRelease
        {
            HandoffId = handoff.HandoffId,
            PoolName = handoff.PoolName,
            AgentId = handoff.Status == HandoffStatus.Assigned ? handoff.AgentId : null,
        };
        handoff.Status = HandoffStatus.Completed;
        handoff.AwaitingPool = false;
    }

    /// <summary>Records where the pool put the handoff: with an agent, or in the queue.</summary>
    public void Place(HandoffRecord handoff, HandoffPlacement placement, DateTimeOffset at)
    {
        if (placement.Status != HandoffStatus.None)
        {
            handoff.AwaitingPool = false;
        }
        if (placement.Status == HandoffStatus.Assigned)
        {
            handoff.Status = HandoffStatus.Assigned;
            handoff.AgentId = placement.AgentId;
            handoff.AgentDisplayName = placement.AgentDisplayName;
            handoff.AssignedAt ??= at;
            handoff.QueuePosition = null;
            handoff.EstimatedWaitSeconds = null;
            if (state.Status == ConversationStatus.Queued)
            {
                state.Status = ConversationStatus.Human;
            }
        }
        else if (placement.Status == HandoffStatus.Queued)
        {
            handoff.QueuePosition = placement.QueuePosition;
            handoff.EstimatedWaitSeconds = placement.EstimatedWaitSeconds;
        }
    }

    private Decision? Precheck(ConversationEvent e)
    {
        if (state.Status == ConversationStatus.Ended && state.Started)
        {
            return Decision.Refused(RefusalKind.Conflict, "The conversation has ended; no further events are accepted.", null);
        }
        if (e.Type == EventType.DisclosureDelivered && state.Disclosures.All(d => d.DisclosureId != e.DisclosureId))
        {
            return Decision.Refused(RefusalKind.Invalid, $"No disclosure '{e.DisclosureId}' was issued in this conversation.", "disclosureId");
        }
        if (e.Type == EventType.AgentMessage && (state.Status != ConversationStatus.Human || state.Handoff?.AgentId != e.AgentId))
        {
            return Decision.Refused(RefusalKind.Conflict, $"Agent '{e.AgentId}' is not assigned to this conversation.", "agentId");
        }
        return null;
    }

    private void Start(ConversationEvent e, Decision decision)
    {
        var fromStart = e.Type is EventType.ConversationStarted or EventType.ChannelSwitched;
        state.Started = true;
        state.Status = ConversationStatus.Ai;
        state.StartedAt = e.OccurredAt;
        state.Channel = (fromStart ? e.Channel : null) ?? policy.DefaultChannel;
        state.Locale = e.Type == EventType.ConversationStarted && e.Locale is not null ? e.Locale : policy.DefaultLocale;
        state.CustomerId = e.CustomerId;
        decision.Directives.Add(Disclose(Issue(e.OccurredAt)));
    }

    /// <summary>A second <c>conversation.started</c> (e.g. after an implicit start): adopt its channel and locale.</summary>
    private void Restart(ConversationEvent e, Decision decision)
    {
        state.CustomerId = e.CustomerId ?? state.CustomerId;
        var changed = false;
        if (e.Channel is { } channel && channel != state.Channel)
        {
            state.Channel = channel;
            changed = true;
        }
        if (e.Locale is { } locale && !string.Equals(locale, state.Locale, StringComparison.OrdinalIgnoreCase))
        {
            state.Locale = locale;
            changed = true;
        }
        if (state.Status != ConversationStatus.Ai)
        {
            return;
        }
        if (changed)
        {
            decision.Directives.Add(Disclose(Issue(e.OccurredAt)));
        }
        else if (!DisclosureDelivered && CurrentDisclosure is { } current)
        {
            decision.Directives.Add(Disclose(current));
        }
    }

    private void OnCustomerMessage(ConversationEvent e, DateTimeOffset scoredAt, Decision decision)
    {
        var text = e.Text!;
        AddTurn(Speaker.Customer, text, e.OccurredAt);

        var analysis = MessageSignals.Analyze(text);
        var fingerprint = MessageSignals.Fingerprint(text);
        var repeatCount = 1 + state.RecentMessages.Count(f => f == fingerprint);
        state.RecentMessages.Add(fingerprint);
        if (state.RecentMessages.Count > RecentMessagesKept)
        {
            state.RecentMessages.RemoveAt(0);
        }
        foreach (var signal in TrustRules.ForCustomerMessage(analysis, repeatCount))
        {
            AddSignal(signal.Name, signal.Delta, scoredAt);
        }

        if (analysis.AsksIdentity)
        {
            // A message that also asks for a person hands off now: the honest answer is that no human has joined
            // yet, not an offer of one.
            var answerFor = analysis.AsksForHuman && state.Status == ConversationStatus.Ai ? ConversationStatus.Queued : state.Status;
            decision.Directives.Add(new Directive
            {
                Type = DirectiveType.AnswerIdentity,
                Text = Texts.Identity(answerFor, state.Handoff?.AgentDisplayName),
            });
        }
        if (analysis.AsksForHuman && state.Status == ConversationStatus.Ai)
        {
            decision.HandoffReason = CustomerRequest;
        }
        else if (analysis.AsksForHuman && state.Status == ConversationStatus.Queued)
        {
            decision.RepeatHandoff = true;
        }
        else
        {
            EvaluateTrust(decision);
        }
    }

    private void OnAiMessage(ConversationEvent e, Decision decision)
    {
        if (state.Status != ConversationStatus.Ai)
        {
            decision.Directives.Add(new Directive
            {
                Type = DirectiveType.SuppressAi,
                Reason = state.Status == ConversationStatus.Queued ? AwaitingHuman : HumanInCharge,
            });
            return;
        }
        var current = CurrentDisclosure!;
        if (!DisclosureDelivered && !decision.Directives.Any(d => d.Type == DirectiveType.Disclose && d.DisclosureId == current.DisclosureId))
        {
            decision.Directives.Add(Disclose(current));
        }
        decision.Directives.Add(new Directive { Type = DirectiveType.AllowAi });
        AddTurn(Speaker.Ai, e.Text!, e.OccurredAt);
    }

    private void SwitchChannel(Channel channel, DateTimeOffset at, Decision decision)
    {
        if (channel == state.Channel)
        {
            return;
        }
        state.Channel = channel;
        // While a human is in charge nothing is disclosed; the AI discloses itself anew when it takes over.
        if (state.Status == ConversationStatus.Ai)
        {
            decision.Directives.Add(Disclose(Issue(at)));
        }
    }

    /// <summary>When an event that occurred at <paramref name="occurredAt"/> counts for the trust score: then, or now if that is sooner.</summary>
    private DateTimeOffset ScoredAt(DateTimeOffset occurredAt)
    {
        var now = _clock.GetUtcNow();
        return occurredAt < now ? occurredAt : now;
    }

    private void EvaluateTrust(Decision decision)
    {
        if (state.Status != ConversationStatus.Ai)
        {
            return;
        }
        switch (Trust(state, policy).Band)
        {
            case TrustBand.Breached:
                decision.HandoffReason ??= TrustThreshold;
                break;
            case TrustBand.Warning when !state.HumanOffered:
                state.HumanOffered = true;
                decision.Directives.Add(new Directive { Type = DirectiveType.OfferHuman, Text = Texts.OfferHuman });
                break;
            case TrustBand.Healthy:
                state.HumanOffered = false;
                break;
        }
    }

    private IssuedDisclosure Issue(DateTimeOffset at)
    {
        var disclosure = new IssuedDisclosure
        {
            DisclosureId = $"dsc-{state.Disclosures.Count + 1}",
            Channel = state.Channel,
            Locale = state.Locale,
            Text = Texts.Disclosure(state.Channel),
            IssuedAt = at,
        };
        state.Disclosures.Add(disclosure);
        return disclosure;
    }

    private static Directive Disclose(IssuedDisclosure disclosure) => new()
    {
        Type = DirectiveType.Disclose,
        DisclosureId = disclosure.DisclosureId,
        Text = disclosure.Text,
        Channel = disclosure.Channel,
        Locale = disclosure.Locale,
    };

    private void AddSignal(string name, double delta, DateTimeOffset at)
    {
        state.Signals.Add(new TrustSignal { Name = name, Delta = delta, At = at });
        state.Signals.RemoveAll(s => TrustScore.IsSpent(s, state.TrustClock, policy.TrustHalfLife));
        if (state.Signals.Count > SignalsKept)
        {
            state.Signals.RemoveRange(0, state.Signals.Count - SignalsKept);
        }
    }

    private void AddTurn(Speaker from, string text, DateTimeOffset at)
    {
        state.Transcript.Add(new TranscriptTurn { From = from, Text = Redactor.Redact(text), At = at });
        if (state.Transcript.Count > options.TranscriptTurns)
        {
            state.Transcript.RemoveRange(0, state.Transcript.Count - options.TranscriptTurns);
        }
    }
}
