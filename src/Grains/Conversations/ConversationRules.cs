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
    public List<Fact> Facts { get; } = [];

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

    private const int RecentMessagesKept = 6;
    private const int SignalsKept = 32;

    public const string NormalPriority = "normal";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private List<Fact> _facts = [];

    /// <summary>The facts recorded since the last call, oldest first.</summary>
    public List<Fact> TakeFacts()
    {
        var taken = _facts;
        _facts = [];
        return taken;
    }

    private void Record(Fact fact) => _facts.Add(fact);

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
                    disclosure.DeliveredAt = e.OccurredAt;
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
                state.Status = ConversationStatus.Ended;
                state.EndedAt = e.OccurredAt;
                Record(new ConversationEnded { At = e.OccurredAt, Reason = e.Reason ?? "ended" });
                decision.LeavePool = true;
                break;
        }
        decision.Facts.AddRange(TakeFacts());
        return decision;
    }

    /// <summary>The assigned agent is done: the AI is in charge again and must disclose itself anew.</summary>
    public void TakeOver(DateTimeOffset at)
    {
        var handoff = state.Handoff!;
        state.Status = ConversationStatus.Ai;
        handoff.Status = HandoffStatus.Completed;
        handoff.AwaitingPool = false;
        Record(new HandoffCompleted { At = at, HandoffId = handoff.HandoffId, AgentId = handoff.AgentId });
        Record(new AiResumed { At = at, HandoffId = handoff.HandoffId });
        state.Signals.Clear();
        state.RecentMessages.Clear();
        state.HumanOffered = false;
        RecordBand(TrustScore.Start, TrustBand.Healthy, at);
        Issue(at, DisclosureIssued.AiResumed);
        state.AnnounceDisclosure = true;
    }

    /// <summary>Erases the personal data for good and ends the conversation; the non-personal proof stays.</summary>
    public void Erase(DateTimeOffset at)
    {
        if (state.Status != ConversationStatus.Ended)
        {
            LeaveHandoff(at);
            End(at);
        }
        state.Transcript.Clear();
        state.CustomerId = null;
        state.RecentMessages.Clear();
        if (state.ErasedAt is null)
        {
            state.ErasedAt = at;
            Record(new ConversationErased { At = at });
        }
    }

    /// <summary>The conversation is ended for good (erasure): nothing more may happen in it.</summary>
    private void End(DateTimeOffset at)
    {
        state.Status = ConversationStatus.Ended;
        state.EndedAt ??= at;
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
        state.HandoffCount++;
        var handoff = state.Handoff = new HandoffRecord
        {
            HandoffId = $"hnd-{state.HandoffCount}",
            Reason = reason,
            RequestedAt = at,
            PoolName = GrainKeys.PoolName(GrainKeys.Language(state.Locale), state.Channel),
            Status = HandoffStatus.Queued,
            AwaitingPool = true,
        };
        state.Status = ConversationStatus.Queued;
        Record(new HandoffRequested { At = at, HandoffId = handoff.HandoffId, Reason = reason, Priority = NormalPriority, Queue = handoff.PoolName });
        return handoff;
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
        var firstAnswer = handoff.AwaitingPool && placement.Status != HandoffStatus.None;
        if (placement.Status != HandoffStatus.None)
        {
            handoff.AwaitingPool = false;
        }
        if (placement.Status == HandoffStatus.Assigned && handoff.Status != HandoffStatus.Assigned)
        {
            var name = placement.AgentDisplayName ?? placement.AgentId ?? "";
            Record(new HandoffAssigned { At = at, HandoffId = handoff.HandoffId, AgentId = placement.AgentId ?? "", AgentDisplayName = name, Text = Texts.HandoffAssigned(name) });
        }
        else if (placement.Status == HandoffStatus.Queued && firstAnswer)
        {
            Record(new HandoffQueued { At = at, HandoffId = handoff.HandoffId, Queue = handoff.PoolName, Position = placement.QueuePosition ?? 1, EstimatedWaitSeconds = placement.EstimatedWaitSeconds });
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
        Record(new ConversationStarted { At = e.OccurredAt, Channel = state.Channel, Locale = state.Locale, Priority = NormalPriority, CustomerId = e.CustomerId });
        decision.Directives.Add(Disclose(Issue(e.OccurredAt, DisclosureIssued.Start)));
    }

    /// <summary>A second <c>conversation.started</c> (e.g. after an implicit start): adopt its channel and locale.</summary>
    private void Restart(ConversationEvent e, Decision decision)
    {
        state.CustomerId = e.CustomerId ?? state.CustomerId;
        var channelChanged = e.Channel is { } channel && channel != state.Channel;
        var localeChanged = e.Locale is { } locale && !string.Equals(locale, state.Locale, StringComparison.OrdinalIgnoreCase);
        if (channelChanged || localeChanged)
        {
            state.Channel = e.Channel ?? state.Channel;
            state.Locale = localeChanged ? e.Locale! : state.Locale;
            Record(new ChannelSwitched { At = e.OccurredAt, Channel = state.Channel, Locale = state.Locale });
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
        state.Channel = channel;
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
                state.HumanOffered = true;
                decision.Directives.Add(new Directive { Type = DirectiveType.OfferHuman, Text = Texts.OfferHuman });
                Record(new HumanOffered { At = at, Score = (int)Math.Floor(score) });
                break;
            case TrustBand.Healthy:
                state.HumanOffered = false;
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
        state.Band = band;
    }

    private IssuedDisclosure Issue(DateTimeOffset at, string reason)
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
        Record(new DisclosureIssued
        {
            At = at, DisclosureId = disclosure.DisclosureId, Channel = disclosure.Channel, Locale = disclosure.Locale, Text = disclosure.Text, Reason = reason,
        });
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
        Record(new TrustSignalled { At = at, Name = name, Delta = delta });
        state.Signals.RemoveAll(s => TrustScore.IsSpent(s, state.TrustClock, policy.TrustHalfLife));
        if (state.Signals.Count > SignalsKept)
        {
            state.Signals.RemoveRange(0, state.Signals.Count - SignalsKept);
        }
    }

    private void AddTurn(Speaker from, string text, DateTimeOffset at, string? agentId = null)
    {
        var redacted = Redactor.Redact(text);
        Record(new MessageRecorded { At = at, From = from, AgentId = agentId, Text = redacted });
        state.Transcript.Add(new TranscriptTurn { From = from, Text = redacted, At = at });
        if (state.Transcript.Count > options.TranscriptTurns)
        {
            state.Transcript.RemoveRange(0, state.Transcript.Count - options.TranscriptTurns);
        }
    }
}
