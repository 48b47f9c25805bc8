using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Tenants;
using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Conversations;

/// <summary>What an event decided, before the grain talks to the pool.</summary>
internal sealed class Decision
{
    public List<Directive> Directives { get; } = [];

    /// <summary>What happened, in order: the facts the event recorded.</summary>
    public IReadOnlyList<Fact> Facts { get; set; } = [];

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
/// The contract's rules for one conversation as a pure state machine: it changes the state, says which directives
/// answer an event and records every change as a fact, with no I/O. A refused event changes nothing.
/// <paramref name="clock"/> (the system clock when null) bounds the time events are scored at: never later than now.
/// Facts of changes the grain makes outside an event (placements, take-over, erasure) wait in <see cref="TakeFacts"/>.
/// </summary>
internal sealed class ConversationRules(
    ConversationState state, TenantPolicy policy, CustomerTexts texts, ConversationOptions options, TimeProvider? clock = null)
{
    public const string CustomerRequest = "customer-request";
    public const string TrustThreshold = "trust-threshold";
    public const string HumanInCharge = "human-in-charge";
    public const string AwaitingHuman = "awaiting-human";

    public const string NormalPriority = "normal";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private List<Fact> _facts = [];

    /// <summary>The facts recorded since the last call, oldest first.</summary>
    public IReadOnlyList<Fact> TakeFacts()
    {
        if (_facts.Count == 0)
        {
            // Most changes outside an event record nothing: no list is given away, none is made.
            return [];
        }
        var taken = _facts;
        _facts = [];
        return taken;
    }

    /// <summary>Records a fact and applies it: the only way the rules change the state.</summary>
    private void Record(Fact fact)
    {
        _facts.Add(fact);
        ConversationEvolution.Apply(state, fact, policy, options);
    }

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
                AddTurn(Speaker.Agent, e.Text!, e.OccurredAt, e.AgentId);
                break;
            case EventType.DisclosureDelivered:
                var disclosure = state.Disclosures.First(d => d.DisclosureId == e.DisclosureId);
                if (disclosure.DeliveredAt is null)
                {
                    Record(new DisclosureDelivered { At = e.OccurredAt, DisclosureId = disclosure.DisclosureId });
                }
                break;
            case EventType.Signal:
                var delta = TrustRules.ForPlatformSignal(e.SignalName!, e.SignalValue ?? 0);
                if (delta is { } signal)
                {
                    AddSignal(signal.Name, signal.Delta, scoredAt);
                }
                EvaluateTrust(decision, e.OccurredAt);
                break;
            case EventType.ChannelSwitched:
                SwitchChannel(e.Channel!.Value, e.OccurredAt, decision);
                break;
            case EventType.ConversationEnded:
                Record(new ConversationEnded { At = e.OccurredAt, Reason = e.Reason ?? "ended" });
                decision.LeavePool = true;
                break;
        }
        decision.Facts = TakeFacts();
        return decision;
    }

    /// <summary>The assigned agent is done: the AI is in charge again and must disclose itself anew.</summary>
    public void TakeOver(DateTimeOffset at)
    {
        var handoff = state.Handoff!;
        Record(new HandoffCompleted { At = at, HandoffId = handoff.HandoffId, AgentId = handoff.AgentId });
        Record(new AiResumed { At = at, HandoffId = handoff.HandoffId });
        RecordBand(TrustScore.Start, TrustBand.Healthy, at);
        Issue(at, DisclosureIssued.AiResumed);
    }

    /// <summary>Erases the personal data for good and ends the conversation; the non-personal proof stays.</summary>
    public void Erase(DateTimeOffset at)
    {
        if (state.Status != ConversationStatus.Ended)
        {
            LeaveHandoff(at);
            End(at);
        }
        if (state.ErasedAt is null)
        {
            Record(new ConversationErased { At = at });
        }
    }

    /// <summary>The conversation is ended for good (erasure): nothing more may happen in it.</summary>
    private void End(DateTimeOffset at)
    {
        Record(new ConversationEnded { At = at, Reason = "erased" });
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
        Record(new HandoffRequested
        {
            At = at,
            HandoffId = $"hnd-{state.HandoffCount + 1}",
            Reason = reason,
            Priority = NormalPriority,
            Queue = GrainKeys.PoolName(GrainKeys.Language(state.Locale), state.Channel),
        });
        return state.Handoff!;
    }

    /// <summary>
    /// The conversation is leaving its handoff (it ended or is erased): notes what must still be freed (its queue place
    /// or its agent) and closes the handoff.
    /// </summary>
    public void LeaveHandoff(DateTimeOffset at)
    {
        if (state.Handoff is not { Status: HandoffStatus.Queued or HandoffStatus.Assigned } handoff)
        {
            return;
        }
        Record(new HandoffCompleted { At = at, HandoffId = handoff.HandoffId, AgentId = handoff.Status == HandoffStatus.Assigned ? handoff.AgentId : null });
    }

    /// <summary>Records where the pool put the handoff: with an agent, or in the queue.</summary>
    public void Place(HandoffRecord handoff, HandoffPlacement placement, DateTimeOffset at)
    {
        if (placement.Status == HandoffStatus.Assigned && handoff.Status != HandoffStatus.Assigned)
        {
            var name = placement.AgentDisplayName ?? placement.AgentId ?? "";
            Record(new HandoffAssigned { At = at, HandoffId = handoff.HandoffId, AgentId = placement.AgentId ?? "", AgentDisplayName = name, Text = Texts.HandoffAssigned(name) });
        }
        else if (placement.Status == HandoffStatus.Queued && handoff.AwaitingPool)
        {
            Record(new HandoffQueued { At = at, HandoffId = handoff.HandoffId, Queue = handoff.PoolName, Position = placement.QueuePosition ?? 1, EstimatedWaitSeconds = placement.EstimatedWaitSeconds });
        }
        else if (placement.Status == HandoffStatus.Queued)
        {
            // Where it stands now is the pool's to say again; only the first answer is a fact.
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
        Record(new ConversationStarted
        {
            At = e.OccurredAt,
            Channel = (fromStart ? e.Channel : null) ?? policy.DefaultChannel,
            Locale = e.Type == EventType.ConversationStarted && e.Locale is not null ? e.Locale : policy.DefaultLocale,
            Priority = NormalPriority,
            CustomerId = e.CustomerId,
        });
        decision.Directives.Add(Disclose(Issue(e.OccurredAt, DisclosureIssued.Start)));
    }

    /// <summary>A second <c>conversation.started</c> (e.g. after an implicit start): adopt its channel and locale.</summary>
    private void Restart(ConversationEvent e, Decision decision)
    {
        // Not a fact yet: a customer id given only on a repeated start is kept in the state alone (the snapshot never shows it).
        state.CustomerId = e.CustomerId ?? state.CustomerId;
        var channelChanged = e.Channel is { } channel && channel != state.Channel;
        var localeChanged = e.Locale is { } locale && !string.Equals(locale, state.Locale, StringComparison.OrdinalIgnoreCase);
        if (channelChanged || localeChanged)
        {
            Record(new ChannelSwitched { At = e.OccurredAt, Channel = e.Channel ?? state.Channel, Locale = localeChanged ? e.Locale! : state.Locale });
        }
        if (state.Status != ConversationStatus.Ai)
        {
            return;
        }
        if (channelChanged || localeChanged)
        {
            decision.Directives.Add(Disclose(Issue(e.OccurredAt, channelChanged ? DisclosureIssued.ChannelSwitch : DisclosureIssued.Start)));
        }
        else if (!DisclosureDelivered && CurrentDisclosure is { } current)
        {
            decision.Directives.Add(Disclose(current));
        }
    }

    private void OnCustomerMessage(ConversationEvent e, DateTimeOffset scoredAt, Decision decision)
    {
        var text = e.Text!;
        var analysis = MessageSignals.Analyze(text);
        var fingerprint = MessageSignals.Fingerprint(text);
        var repeatCount = 1 + state.RecentMessages.Count(f => f == fingerprint);
        AddTurn(Speaker.Customer, text, e.OccurredAt, fingerprint: fingerprint);
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
            var human = answerFor == ConversationStatus.Human;
            Record(new IdentityAnswered { At = e.OccurredAt, AnsweredAs = human ? "human" : "ai", AgentId = human ? state.Handoff?.AgentId : null });
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
            EvaluateTrust(decision, e.OccurredAt);
        }
    }

    private void OnAiMessage(ConversationEvent e, Decision decision)
    {
        if (state.Status != ConversationStatus.Ai)
        {
            var reason = state.Status == ConversationStatus.Queued ? AwaitingHuman : HumanInCharge;
            decision.Directives.Add(new Directive { Type = DirectiveType.SuppressAi, Reason = reason });
            Record(new AiSuppressed { At = e.OccurredAt, Reason = reason });
            return;
        }
        var current = CurrentDisclosure!;
        if (!DisclosureDelivered && !decision.Directives.Any(d => d.Type == DirectiveType.Disclose && d.DisclosureId == current.DisclosureId))
        {
            decision.Directives.Add(Disclose(current));
        }
        decision.Directives.Add(new Directive { Type = DirectiveType.AllowAi });
        Record(new AiAllowed { At = e.OccurredAt, DisclosureId = current.DisclosureId });
        AddTurn(Speaker.Ai, e.Text!, e.OccurredAt);
    }

    private void SwitchChannel(Channel channel, DateTimeOffset at, Decision decision)
    {
        if (channel == state.Channel)
        {
            return;
        }
        Record(new ChannelSwitched { At = at, Channel = channel, Locale = state.Locale });
        // While a human is in charge nothing is disclosed; the AI discloses itself anew when it takes over.
        if (state.Status == ConversationStatus.Ai)
        {
            decision.Directives.Add(Disclose(Issue(at, DisclosureIssued.ChannelSwitch)));
        }
    }

    /// <summary>When an event that occurred at <paramref name="occurredAt"/> counts for the trust score: then, or now if that is sooner.</summary>
    private DateTimeOffset ScoredAt(DateTimeOffset occurredAt)
    {
        var now = _clock.GetUtcNow();
        return occurredAt < now ? occurredAt : now;
    }

    private void EvaluateTrust(Decision decision, DateTimeOffset at)
    {
        if (state.Status != ConversationStatus.Ai)
        {
            return;
        }
        var (score, band) = Trust(state, policy);
        RecordBand(score, band, at);
        switch (band)
        {
            case TrustBand.Breached:
                decision.HandoffReason ??= TrustThreshold;
                break;
            case TrustBand.Warning when !state.HumanOffered:
                decision.Directives.Add(new Directive { Type = DirectiveType.OfferHuman, Text = Texts.OfferHuman });
                Record(new HumanOffered { At = at, Score = (int)Math.Floor(score) });
                break;
        }
    }

    /// <summary>A band other than the last one recorded is a <see cref="TrustChanged"/> fact.</summary>
    private void RecordBand(double score, TrustBand band, DateTimeOffset at)
    {
        if (band == state.Band)
        {
            return;
        }
        Record(new TrustChanged { At = at, Score = (int)Math.Floor(score), Band = band, PreviousBand = state.Band });
    }

    private IssuedDisclosure Issue(DateTimeOffset at, string reason)
    {
        Record(new DisclosureIssued
        {
            At = at,
            DisclosureId = $"dsc-{state.Disclosures.Count + 1}",
            Channel = state.Channel,
            Locale = state.Locale,
            Text = Texts.Disclosure(state.Channel),
            Reason = reason,
        });
        return state.Disclosures[^1];
    }

    private static Directive Disclose(IssuedDisclosure disclosure) => new()
    {
        Type = DirectiveType.Disclose,
        DisclosureId = disclosure.DisclosureId,
        Text = disclosure.Text,
        Channel = disclosure.Channel,
        Locale = disclosure.Locale,
    };

    private void AddSignal(string name, double delta, DateTimeOffset at) =>
        Record(new TrustSignalled { At = at, Name = name, Delta = delta });

    private void AddTurn(Speaker from, string text, DateTimeOffset at, string? agentId = null, ulong? fingerprint = null) =>
        Record(new MessageRecorded { At = at, From = from, AgentId = agentId, Text = Redactor.Redact(text), Fingerprint = fingerprint });
}
