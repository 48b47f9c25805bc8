using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Conversations;

/// <summary>
/// What an event decided: the directives that answer it and the facts it recorded (a handoff it opened or left among
/// them), or why it was refused. Only a step that needs the pool is left to the grain, named by <see cref="Handoff"/>.
/// </summary>
internal sealed record Decision
{
    public IReadOnlyList<Directive> Directives { get; init; } = [];

    /// <summary>What happened, in order: the facts the event recorded.</summary>
    public IReadOnlyList<Fact> Facts { get; init; } = [];

    /// <summary>What the grain must still do with the pool; its answer adds the handoff directive, last.</summary>
    public HandoffStep Handoff { get; init; }

    public Refusal? Refusal { get; init; }

    /// <summary>
    /// The trust score the event was judged by, when it was: nothing after that in the event moves the score, so its
    /// answer reports this one rather than computing it again.
    /// </summary>
    public (double Score, TrustBand Band)? Trust { get; init; }

    public static Decision Refused(RefusalKind kind, string detail, string? field) =>
        new() { Refusal = new Refusal { Kind = kind, Detail = detail, Field = field } };
}

/// <summary>The step with the pool an event's decision leaves to the grain.</summary>
internal enum HandoffStep
{
    None,
    /// <summary>The event opened a handoff (its <c>handoff.requested</c> is among the facts): send it to its pool.</summary>
    Request,
    /// <summary>The customer asked again for a person while the pool has not acknowledged the handoff: send it again.</summary>
    Resend,
    /// <summary>The customer asked again while waiting: ask the pool where they stand, and answer with it.</summary>
    Locate,
    /// <summary>The waiting handoff moved to another queue (the channel or language changed): leave the old one, ask the new.</summary>
    Move,
}

/// <summary>
/// One conversation's decisions, composed from the deciders of its concepts (<see cref="DisclosureDecider"/>,
/// <see cref="TrustDecider"/>, <see cref="HandoffDecider"/>): <see cref="Decide"/> turns an event and the time now into
/// the directives that answer it and the facts it records, with no I/O. Every fact is applied to the state as it is
/// recorded (<see cref="ConversationEvolution"/>), so each step sees the ones before it, and nothing else changes the
/// state: a conversation rebuilt from a checkpoint and the facts after it is the live one. A refused event, or one that
/// records nothing, changes nothing. Facts of changes the grain makes outside an event (placements, hand-back,
/// erasure) wait in <see cref="TakeFacts"/>.
/// </summary>
internal sealed class ConversationDecider(string conversationId, ConversationState state, TenantPolicy policy, CustomerTexts texts, ConversationSettings options)
{
    public const string CustomerRequest = "customer-request";
    public const string TrustThreshold = "trust-threshold";
    public const string HumanInCharge = "human-in-charge";
    public const string AwaitingHuman = "awaiting-human";

    private List<Fact> _facts = [];

    /// <summary>What deciding one event has gathered so far.</summary>
    private sealed class Draft
    {
        public List<Directive> Directives { get; } = [];
        /// <summary>The conversation must now ask for a human, for this reason.</summary>
        public string? HandoffReason { get; set; }
        /// <summary>The customer asked again while waiting.</summary>
        public bool RepeatHandoff { get; set; }
        /// <summary>The conversation ended: it leaves its queue or its agent.</summary>
        public bool LeavePool { get; set; }
        /// <summary>The waiting handoff moved to another queue.</summary>
        public bool MoveHandoff { get; set; }
        public (double Score, TrustBand Band)? Trust { get; set; }
    }

    /// <summary>
    /// How far the conversation's latest time may be ahead of the silo's now and still be the cluster's own time: the
    /// pools and the silos stamp their notices with their own clocks, a little apart. Further ahead, it is a platform's
    /// clock that runs ahead (see <see cref="_now"/>).
    /// </summary>
    private static readonly TimeSpan SiloClocksApart = TimeSpan.FromSeconds(1);

    /// <summary>While an event is decided: when it is scored (its <c>occurredAt</c>, or now if that is sooner).</summary>
    private DateTimeOffset? _scoredAt;

    /// <summary>While an event sent late is decided: when it happened, before the conversation's latest time it is recorded at.</summary>
    private DateTimeOffset? _happenedAt;

    /// <summary>
    /// While a change is recorded: the silo's now, as far forward as a fact told with an earlier time may be moved. A
    /// conversation whose latest time is ahead of it (events stamped by a platform's clock that runs ahead) keeps the
    /// grain's facts at the silo's time, so no deadline that follows from them moves with that clock.
    /// </summary>
    private DateTimeOffset? _now;

    /// <summary>
    /// The names this conversation's messages held, in memory only, so a later message that uses one alone has it
    /// replaced too (a name is never stored, so a conversation back in memory starts with none).
    /// </summary>
    private NamesSeen? _names;

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

    /// <summary>Records a fact and applies it: the only way decisions change the state.</summary>
    private void Record(Fact? fact)
    {
        if (fact is null)
        {
            return;
        }
        if (_scoredAt is { } scoredAt && fact.At > scoredAt && TrustDecider.ScoringTime(fact) is not null)
        {
            // An event stamped ahead of the silo's clock: its fact says when it was scored, which is where it moves the clock.
            fact = fact with { ScoredAt = scoredAt };
        }
        if (_happenedAt is { } happened && fact is TrustSignalled signalled && happened < signalled.At)
        {
            fact = signalled with { HappenedAt = happened };
        }
        if (fact.At < state.LatestAt && state.LatestAt <= (_now ?? state.LatestAt) + SiloClocksApart && TrustDecider.ScoringTime(fact) is null)
        {
            // Told after what the conversation recorded last, stamped by another clock or earlier (an offer the agent
            // made while the pool's answer was on its way, an agent's completion, an assignment the pool stamped just
            // before the widening it told first): recorded then, so a conversation's facts never go back in time. A
            // signal keeps the time it was scored at, which is the score's own clock.
            fact = fact with { At = state.LatestAt };
        }
        ConversationEvolution.Apply(state, fact, policy, options);
        if (fact is HandoffOffered offered)
        {
            // The offer carries the context the offered agent may read from now on, as it stands when the offer is made.
            fact = offered with { Context = HandoffContextBuilder.Build(conversationId, state, policy, offered.AgentId, offered.At) };
        }
        _facts.Add(fact);
    }

    private LocalizedTexts Texts => texts.For(policy.TenantId, state.Locale);

    /// <summary>The conversation's trust score now, and its band under the tenant's levels.</summary>
    public static (double Score, TrustBand Band) Trust(ConversationState state, TenantPolicy policy) => TrustDecider.Score(state.Trust, policy);

    /// <summary>The disclosure in force was confirmed on the channel the customer is on now.</summary>
    public bool DisclosureDelivered => state.Disclosure.DeliveredOn(state.Channel);

    /// <summary>
    /// Decides one event at <paramref name="now"/>: the event is recorded at the platform's <c>occurredAt</c>, or at
    /// the latest time the conversation has recorded when that is later, and scored no later than <paramref name="now"/>.
    /// </summary>
    public Decision Decide(ConversationEvent e, DateTimeOffset now)
    {
        if (Precheck(e) is { } refusal)
        {
            return refusal;
        }
        DateTimeOffset? happenedAt = null;
        if (e.OccurredAt < state.LatestAt)
        {
            // Stamped before what the conversation already recorded (sent late, or by a clock behind): recorded then,
            // so its times never go backwards and no notice reads delivered before it was issued; its trust signals
            // still fade from when it happened.
            happenedAt = e.OccurredAt;
            e = e with { OccurredAt = state.LatestAt };
        }

        var decision = new Draft();
        var scoredAt = TrustDecider.ScoredAt(e.OccurredAt, now);
        _scoredAt = scoredAt;
        _happenedAt = happenedAt;
        using (RecordingAt(now))
        {
            try
            {
                DecideAccepted(e, scoredAt, decision);
            }
            finally
            {
                _scoredAt = null;
                _happenedAt = null;
            }
        }
        var step = HandoffStep.None;
        if (decision.LeavePool)
        {
            LeaveHandoff(e.OccurredAt);
        }
        else if (decision.HandoffReason is { } reason)
        {
            OpenHandoff(reason, e.OccurredAt);
            step = HandoffStep.Request;
        }
        else if (decision.RepeatHandoff && state.Handoff is { } waiting)
        {
            step = waiting.AwaitingPool ? HandoffStep.Resend : HandoffStep.Locate;
        }
        else if (decision.MoveHandoff)
        {
            step = HandoffStep.Move;
        }
        return new Decision { Directives = decision.Directives, Facts = TakeFacts(), Handoff = step, Trust = decision.Trust };
    }

    private void DecideAccepted(ConversationEvent e, DateTimeOffset scoredAt, Draft decision)
    {
        var announced = false;
        var recordedBefore = _facts.Count;
        if (!state.Started)
        {
            Start(e, decision);
        }
        else if (e is ConversationStartedEvent started)
        {
            Restart(started, decision);
        }
        else if (e is not ConversationEndedEvent && state.Disclosure.Announce && state.Disclosure.Current is { } current
            && current.DeliveredAt is null
            && !(e is DisclosureDeliveredEvent confirmed && confirmed.DisclosureId == current.DisclosureId)
            && !(e is ChannelSwitchedEvent switched && switched.Channel != current.Channel))
        {
            // A contact that ends now hears no AI: its answer tells no notice. Nor is a notice told again that the platform
            // has delivered (or confirms with this very event), or one for a channel the customer is leaving: the switch
            // issues the notice of the new channel.
            // Added before the event's own rules, which see it leads the answer (an AI message then repeats no notice).
            decision.Directives.Add(DisclosureDecider.Disclose(current));
            announced = true;
        }

        switch (e)
        {
            case CustomerMessageEvent message:
                OnCustomerMessage(message, scoredAt, decision);
                break;
            case AiMessageEvent message:
                OnAiMessage(message, decision);
                break;
            case AgentMessageEvent message:
                AddTurn(Speaker.Agent, message.Text, message.OccurredAt, message.AgentId);
                break;
            case DisclosureDeliveredEvent delivered:
                Record(DisclosureDecider.Deliver(state.Disclosure, delivered.DisclosureId, delivered.OccurredAt));
                break;
            case SignalEvent signal:
                Record(TrustDecider.ForPlatformSignal(signal.Name, signal.Value, scoredAt));
                EvaluateTrust(decision, signal.OccurredAt);
                break;
            case ChannelSwitchedEvent switched:
                SwitchChannel(switched.Channel, switched.OccurredAt, decision);
                break;
            case ConversationEndedEvent ended:
                // The platform's reason is told in the facts, which an erasure keeps: redacted like a message.
                Record(new ConversationEnded { At = ended.OccurredAt, Reason = ended.Reason is { } reason ? Redactor.Redact(reason) : "ended" });
                decision.LeavePool = true;
                break;
        }
        if (announced && _facts.Count == recordedBefore)
        {
            // The notice leads the answer of an event that records something, whose first fact ends the announcement
            // live and rebuilt alike; an event that changes nothing leaves it to the next one.
            decision.Directives.RemoveAt(0);
        }
    }

    /// <summary>The assigned agent is done: the AI is in charge again and must disclose itself anew.</summary>
    public void TakeOver(DateTimeOffset at, DateTimeOffset? now = null)
    {
        using var _ = RecordingAt(now ?? at);
        var (completed, resumed) = HandoffDecider.HandBack(state.Handoffs, at);
        Record(completed);
        Record(resumed);
        Record(TrustDecider.Restart(state.Trust, at));
        Issue(at, DisclosureIssued.AiResumed);
    }

    /// <summary>Erases the personal data for good and ends the conversation; the non-personal proof stays.</summary>
    public void Erase(DateTimeOffset at)
    {
        _names = null;
        if (state.Status != ConversationStatus.Ended)
        {
            LeaveHandoff(at);
            Record(new ConversationEnded { At = at, Reason = "erased" });
        }
        if (state.ErasedAt is null)
        {
            Record(new ConversationErased { At = at });
        }
    }

    /// <summary>The directive that tells the platform where <paramref name="handoff"/> stands.</summary>
    public HandoffDirective Answer(HandoffRecord handoff) => HandoffDecider.Directive(handoff, Texts);

    /// <summary>
    /// Opens a new handoff in the pool of the conversation's language and channel: for an event that asks for a human
    /// (within <see cref="Decide"/>), or when a repair finds nobody holds the customer.
    /// </summary>
    public HandoffRecord OpenHandoff(string reason, DateTimeOffset at)
    {
        // A tenant whose first step already matches the language alone starts the wait in the language-wide pool.
        Record(HandoffDecider.Open(state.Handoffs, reason, state.Priority, QueueAt(0), at));
        return state.Handoff!;
    }

    /// <summary>The queue the conversation waits in at routing step <paramref name="step"/>: its language on its channel, or on any channel once the step matches the language alone.</summary>
    private string QueueAt(int step)
    {
        var language = GrainKeys.Language(state.Locale);
        var steps = policy.Routing.Steps;
        return steps[Math.Clamp(step, 0, steps.Count - 1)].Match == RoutingMatch.Language
            ? GrainKeys.LanguagePoolName(language)
            : GrainKeys.PoolName(language, state.Channel);
    }

    /// <summary>
    /// A conversation waiting for a person whose channel or language just changed waits where agents serve them now: an
    /// agent who serves only its old channel or language is never offered it (nor keeps an offer of it). It keeps its
    /// routing step and, in the new queue, the seniority of its request.
    /// </summary>
    private void MoveWaitingHandoff(DateTimeOffset at, Draft decision)
    {
        if (state.Status != ConversationStatus.Queued || state.Handoff is not { } waiting)
        {
            return;
        }
        var recorded = _facts.Count;
        foreach (var fact in HandoffDecider.Move(waiting, QueueAt(waiting.Step), at))
        {
            Record(fact);
        }
        decision.MoveHandoff |= _facts.Count > recorded;
    }

    /// <summary>
    /// The conversation is leaving its handoff (it ended or is erased): notes what must still be freed (its queue place
    /// or its agent) and closes the handoff.
    /// </summary>
    public void LeaveHandoff(DateTimeOffset at)
    {
        foreach (var fact in HandoffDecider.Leave(state.Handoffs, at))
        {
            Record(fact);
        }
    }

    /// <summary>Records what an agent's notice about an offer of the waiting handoff says, if it is news; true if it was.</summary>
    public bool OfferChanged(HandoffOfferNotice notice, DateTimeOffset now)
    {
        using var _ = RecordingAt(now);
        // An offer made from a queue the handoff moved away from: heard of only after the move, which ends it.
        if (WaitingHandoff is { } waiting && waiting.LeftQueue(notice.Queue))
        {
            return OfferLeftBehind(waiting, notice, now);
        }
        // Its end told of an offer whose making was never told: made first, then ended (recording the making changes
        // nothing of what the end records).
        var made = notice.Outcome is null ? null : HandoffDecider.Unrecorded(WaitingHandoff, notice);
        return RecordOffer(made, HandoffDecider.Offer(WaitingHandoff, notice, now), notice);
    }

    /// <summary>
    /// An offer made from a queue the waiting handoff moved away from, heard of after the move: as for an offer open at
    /// the move, it is declined for its agent (<see cref="HandoffDeclined.AgentIneligible"/>) unless it already ended
    /// otherwise, with its making recorded first if it never was. Never recorded as open, and never taken as the new
    /// queue's answer: the handoff still waits for that one.
    /// </summary>
    private bool OfferLeftBehind(HandoffRecord waiting, HandoffOfferNotice notice, DateTimeOffset now)
    {
        var ended = notice.Outcome is null ? notice with { Outcome = OfferOutcome.Declined, Reason = HandoffDeclined.AgentIneligible, At = now } : notice;
        // Its making is told unless an offer from the new queue is open meanwhile, which the making would replace.
        var made = waiting.OfferId is null ? HandoffDecider.Unrecorded(waiting, ended) : null;
        var news = HandoffDecider.Offer(waiting, ended, now);
        if (made is null && news is null)
        {
            return false;
        }
        Record(made);
        Record(news);
        return true;
    }

    /// <summary>
    /// The waiting handoff left a queue it moved away from, where <paramref name="placement"/> shows an offer of it still
    /// open: that offer is declined for its agent as the move's, if the conversation had not recorded its end; true if
    /// anything was recorded. The agent is told to let it go by the caller.
    /// </summary>
    public bool LeftQueue(string queue, HandoffPlacement placement, DateTimeOffset now)
    {
        if (WaitingHandoff is not { } waiting || placement is not { OfferId: { } offerId, OfferedAgentId: { } agentId, OfferExpiresAt: { } expiresAt })
        {
            return false;
        }
        return OfferChanged(new HandoffOfferNotice { HandoffId = waiting.HandoffId, OfferId = offerId, AgentId = agentId, ExpiresAt = expiresAt, At = now, Queue = queue }, now);
    }

    /// <summary>Records the offer an agent accepted if the waiting handoff never recorded it (its notice still on its way).</summary>
    public void OfferAccepted(HandoffOfferNotice offer, DateTimeOffset now)
    {
        using var _ = RecordingAt(now);
        RecordOffer(HandoffDecider.Unrecorded(WaitingHandoff, offer), null, offer);
    }

    /// <summary>
    /// Records an offer's making and its news, if any, after the queueing the offer tells of when the pool's answer to
    /// the request never came; true if anything was recorded.
    /// </summary>
    private bool RecordOffer(HandoffOffered? made, Fact? news, HandoffOfferNotice notice)
    {
        if (made is null && news is null)
        {
            return false;
        }
        Record(HandoffDecider.QueuedBeforeOffer(WaitingHandoff, notice.OfferedAt ?? notice.At));
        Record(made);
        Record(news);
        return true;
    }

    /// <summary>The handoff while the conversation waits for an agent, or null: only a waiting handoff is offered.</summary>
    private HandoffRecord? WaitingHandoff => state.Status == ConversationStatus.Queued ? state.Handoff : null;

    /// <summary>Records that the waiting handoff's wait widened to another queue; true if that was news.</summary>
    public bool Escalate(int step, string queue, DateTimeOffset at)
    {
        using var _ = RecordingAt(at);
        var fact = HandoffDecider.Escalate(state.Handoff, step, queue, at);
        Record(fact);
        return fact is not null;
    }

    /// <summary>The deadline of the waiting handoff's open offer, by which it ended one way or another; null when no offer is open.</summary>
    public DateTimeOffset? OpenOfferDeadline => WaitingHandoff is { OfferedAgentId: not null, OfferExpiresAt: { } expiresAt } ? expiresAt : null;

    /// <summary>When the assigned agent must have written to the customer, or null when no first reply is due.</summary>
    public DateTimeOffset? FirstReplyDue => state.Status == ConversationStatus.Human ? HandoffDecider.FirstReplyDue(state.Handoff, policy.Routing.FirstReply) : null;

    /// <summary>
    /// The assigned agent wrote nothing in time, or went offline before writing (<paramref name="reason"/>): the
    /// conversation waits again, at the head of its queue; the agent it left.
    /// </summary>
    public string Reclaim(string reason, DateTimeOffset at)
    {
        using var _ = RecordingAt(at);
        var handoff = state.Handoff!;
        var agentId = handoff.AgentId!;
        Record(HandoffDecider.Reclaim(handoff, reason, Texts, at));
        // Its wait counts from when it first waited: one that has waited into a later routing step goes back to the head
        // of that step's wider queue, not of the narrow one it was taken from.
        var step = policy.Routing.StepReachedAfter(at - handoff.RequestedAt);
        if (step > handoff.Step && HandoffDecider.Escalate(handoff, step, QueueAt(step), at) is { } widened)
        {
            Record(widened);
        }
        return agentId;
    }

    /// <summary>Records where the pool put the handoff: with an agent, or in the queue.</summary>
    public void Place(HandoffRecord handoff, HandoffPlacement placement, DateTimeOffset at)
    {
        using var _ = RecordingAt(at);
        Record(HandoffDecider.Place(handoff, placement, Texts, at));
    }

    /// <summary>Records the grain's own change at the silo's <paramref name="now"/> until disposed.</summary>
    private NowScope RecordingAt(DateTimeOffset now)
    {
        var scope = new NowScope(this, _now);
        _now = now;
        return scope;
    }

    private readonly struct NowScope(ConversationDecider decider, DateTimeOffset? before) : IDisposable
    {
        public void Dispose() => decider._now = before;
    }

    /// <summary>Whether the pool's placement of the handoff tells something the conversation has not recorded yet; records nothing.</summary>
    public bool IsNews(HandoffRecord handoff, HandoffPlacement placement, DateTimeOffset at) =>
        placement.Status == HandoffStatus.None || HandoffDecider.OfferGone(handoff, placement) || HandoffDecider.EndedOfferUntold(handoff, placement)
        || HandoffDecider.News(handoff, placement, Texts, at) is not null;

    private Decision? Precheck(ConversationEvent e)
    {
        if (state.Status == ConversationStatus.Ended && state.Started)
        {
            return Decision.Refused(RefusalKind.Conflict, "The conversation has ended; no further events are accepted.", null);
        }
        switch (e)
        {
            case DisclosureDeliveredEvent delivered when DisclosureDecider.Unknown(state.Disclosure, delivered.DisclosureId) is { } unknown:
                return Decision.Refused(RefusalKind.Invalid, unknown, "disclosureId");
            case AgentMessageEvent message when state.Status != ConversationStatus.Human || state.Handoff?.AgentId != message.AgentId:
                return Decision.Refused(RefusalKind.Conflict, $"Agent '{message.AgentId}' is not assigned to this conversation.", "agentId");
            default:
                return null;
        }
    }

    private void Start(ConversationEvent e, Draft decision)
    {
        Record(new ConversationStarted
        {
            At = e.OccurredAt,
            Channel = e switch
            {
                ConversationStartedEvent started => started.Channel,
                ChannelSwitchedEvent switched => switched.Channel,
                _ => policy.DefaultChannel,
            },
            Locale = e is ConversationStartedEvent { Locale: { } locale } ? locale : policy.DefaultLocale,
            Priority = e is ConversationStartedEvent { Priority: var priority } ? priority : HandoffPriority.Default,
            CustomerId = e is ConversationStartedEvent first ? first.CustomerId : null,
            Attributes = e is ConversationStartedEvent { Attributes.Count: > 0 } withAttributes ? RedactValues(withAttributes.Attributes) : null,
        });
        if (e is not ConversationEndedEvent)
        {
            // A contact that is over before it began hears no AI, so it needs no notice.
            decision.Directives.Add(DisclosureDecider.Disclose(Issue(e.OccurredAt, DisclosureIssued.Start)));
        }
    }

    /// <summary>
    /// The attributes as they are kept and shown to the agent: each value redacted as a message is ("note": "email saya
    /// budi@gmail.com" keeps "email saya [email]"), or whole where its key says it is a person's name or a user name
    /// ("customerName": "Budi Santoso" keeps "[name]"), the keys (the platform's own names) as they are.
    /// </summary>
    private Dictionary<string, string> RedactValues(IReadOnlyDictionary<string, string> attributes)
    {
        var redacted = new Dictionary<string, string>(attributes.Count, StringComparer.Ordinal);
        foreach ((string key, string value) in attributes)
        {
            redacted[key] = Redactor.RedactAttribute(key, value, _names ??= new());
        }

        return redacted;
    }

    /// <summary>
    /// A second <c>conversation.started</c> (e.g. after an implicit start): adopt its channel and locale, and a customer
    /// id it names. While the AI is in charge, a higher priority than the conversation has, and attributes where it has
    /// none, are taken too (a start that arrived after the first message, which started the conversation with the
    /// defaults); a start never lowers the priority nor replaces attributes, and a waiting or served handoff keeps its
    /// place and its context.
    /// </summary>
    private void Restart(ConversationStartedEvent e, Draft decision)
    {
        if (e.CustomerId is { } customerId && customerId != state.CustomerId)
        {
            Record(new CustomerIdentified { At = e.OccurredAt, CustomerId = customerId });
        }
        if (state.Status == ConversationStatus.Ai)
        {
            var raised = e.Priority > state.Priority;
            var attributes = state.Attributes is not { Count: > 0 } && e.Attributes is { Count: > 0 } given ? RedactValues(given) : null;
            if (raised || attributes is not null)
            {
                Record(new ConversationDescribed { At = e.OccurredAt, Priority = Math.Max(e.Priority, state.Priority), Attributes = attributes });
            }
        }
        var channelChanged = e.Channel != state.Channel;
        var localeChanged = !string.Equals(e.Locale, state.Locale, StringComparison.OrdinalIgnoreCase);
        if (channelChanged || localeChanged)
        {
            Record(new ChannelSwitched { At = e.OccurredAt, Channel = e.Channel, Locale = localeChanged ? e.Locale : state.Locale });
            MoveWaitingHandoff(e.OccurredAt, decision);
        }
        if (state.Status != ConversationStatus.Ai)
        {
            return;
        }
        if (channelChanged || localeChanged)
        {
            decision.Directives.Add(DisclosureDecider.Disclose(Issue(e.OccurredAt, channelChanged ? DisclosureIssued.ChannelSwitch : DisclosureIssued.Start)));
        }
        else if (!DisclosureDelivered && state.Disclosure.Current is { } current)
        {
            decision.Directives.Add(DisclosureDecider.Disclose(current));
        }
    }

    private void OnCustomerMessage(CustomerMessageEvent e, DateTimeOffset scoredAt, Draft decision)
    {
        var analysis = MessageSignals.Analyze(e.Text);
        // "yes please" right after the cluster offered a person (a warning's question, or the end of an identity answer)
        // asks for one, as a request in words does.
        if (!analysis.AsksForHuman && state.Status == ConversationStatus.Ai && HumanOfferReply.Accepts(e.Text, state.Trust.OfferAwaiting))
        {
            analysis = analysis with { AsksForHuman = true };
        }
        var fingerprint = MessageSignals.Fingerprint(e.Text);
        var repeatCount = TrustDecider.RepeatCount(state.Trust, fingerprint);
        if (repeatCount > 1 && HumanOfferReply.IsOnlyChatter(e.Text))
        {
            // "ok", "ok", "ok" to the AI's successive answers repeat nothing the customer asked.
            repeatCount = 1;
        }
        AddTurn(Speaker.Customer, e.Text, e.OccurredAt, fingerprint: fingerprint);
        foreach (var signal in TrustDecider.ForCustomerMessage(analysis, repeatCount, scoredAt))
        {
            Record(signal);
        }

        if (analysis.AsksIdentity)
        {
            // A message that also asks for a person hands off now: the honest answer is that no human has joined
            // yet, not an offer of one.
            var answerFor = analysis.AsksForHuman && state.Status == ConversationStatus.Ai ? ConversationStatus.Queued : state.Status;
            decision.Directives.Add(new AnswerIdentityDirective { Text = Texts.Identity(answerFor, state.Handoff?.AgentDisplayName) });
            var human = answerFor == ConversationStatus.Human;
            Record(new IdentityAnswered { At = e.OccurredAt, AnsweredAs = human ? IdentityAnswered.Human : IdentityAnswered.Ai, AgentId = human ? state.Handoff?.AgentId : null });
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
            // Nobody else answers a customer who waits for a human: one who asks how long, or where they stand, is told.
            decision.RepeatHandoff = state.Status == ConversationStatus.Queued && WaitQuestion.IsIn(e.Text);
        }
        // The customer's own request hands off: where its signals left the band is still told, before the handoff.
        EvaluateTrust(decision, e.OccurredAt, handoffUnderWay: analysis.AsksForHuman);
    }

    private void OnAiMessage(AiMessageEvent e, Draft decision)
    {
        if (state.Status != ConversationStatus.Ai)
        {
            var reason = state.Status == ConversationStatus.Queued ? AwaitingHuman : HumanInCharge;
            decision.Directives.Add(new SuppressAiDirective { Reason = reason });
            Record(new AiSuppressed { At = e.OccurredAt, Reason = reason });
            return;
        }
        if (DisclosureDecider.BeforeAiMessage(state.Disclosure, state.Channel, decision.Directives) is { } disclose)
        {
            decision.Directives.Add(disclose);
        }
        decision.Directives.Add(new AllowAiDirective());
        Record(new AiAllowed { At = e.OccurredAt, DisclosureId = state.Disclosure.Current!.DisclosureId });
        AddTurn(Speaker.Ai, e.Text, e.OccurredAt);
    }

    private void SwitchChannel(Channel channel, DateTimeOffset at, Draft decision)
    {
        if (channel == state.Channel)
        {
            return;
        }
        Record(new ChannelSwitched { At = at, Channel = channel, Locale = state.Locale });
        MoveWaitingHandoff(at, decision);
        // The customer is told again on the new channel while the AI is in charge or while they wait for a person (the AI
        // is who they are with until one joins). While a human is in charge nothing is disclosed, which would tell the
        // customer a machine speaks; the AI discloses itself anew when it takes over.
        if (state.Status is ConversationStatus.Ai or ConversationStatus.Queued)
        {
            decision.Directives.Add(DisclosureDecider.Disclose(Issue(at, DisclosureIssued.ChannelSwitch)));
        }
    }

    /// <summary>
    /// Where the score stands after the event's signals: a band that moved is a fact; with the AI in charge, a warning
    /// offers a person and a breach hands off. Queued, with a person, or when the event itself asks for one
    /// (<paramref name="handoffUnderWay"/>), the band is still told as it moves (the board, webhooks and the stream hear
    /// of it), but nothing is offered and no handoff is asked for: one is under way.
    /// </summary>
    private void EvaluateTrust(Draft decision, DateTimeOffset at, bool handoffUnderWay = false)
    {
        var now = Trust(state, policy);
        decision.Trust = now;
        if (handoffUnderWay || state.Status != ConversationStatus.Ai)
        {
            Record(TrustDecider.BandChange(state.Trust, now, at));
            return;
        }
        var verdict = TrustDecider.Evaluate(state.Trust, now, Texts.OfferHuman, at);
        Record(verdict.Changed);
        if (verdict.Breached)
        {
            decision.HandoffReason ??= TrustThreshold;
        }
        if (verdict.Offer is { } offer)
        {
            decision.Directives.Add(offer);
            Record(verdict.Offered);
        }
    }

    private IssuedDisclosure Issue(DateTimeOffset at, string reason)
    {
        LocalizedTexts texts = Texts;
        Record(DisclosureDecider.Issue(state.Disclosure, state.Channel, texts.DisclosureLocale(state.Channel), texts.Disclosure(state.Channel), reason, at));
        return state.Disclosure.Current!;
    }

    private void AddTurn(Speaker from, string text, DateTimeOffset at, string? agentId = null, ulong? fingerprint = null) =>
        Record(new MessageRecorded { At = at, From = from, AgentId = agentId, Text = Redactor.Redact(text, introducedNames: from == Speaker.Customer, _names ??= new()), Fingerprint = fingerprint });
}
