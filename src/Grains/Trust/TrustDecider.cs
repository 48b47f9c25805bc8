using CxCluster.Abstractions.Facts;

namespace CxCluster.Grains.Trust;

/// <summary>What trust decided for one event: the band's change, an offer of a person, or a breach that hands off.</summary>
internal readonly record struct TrustVerdict(TrustChanged? Changed, HumanOffered? Offered, OfferHumanDirective? Offer, bool Breached);

/// <summary>
/// The trust rules over their own slice of state, with no I/O: which signals a message or a platform's measurement
/// gives, and what the score's band then asks for (nothing, an offer of a person, a handoff). Each decision is a fact;
/// <see cref="Evolve"/> is the only way a fact changes the slice, the scoring clock included (<see cref="ScoringTime"/>).
/// </summary>
internal static class TrustDecider
{
    public const int RecentMessagesKept = 6;
    public const int SignalsKept = 32;
    public const int TrajectoryKept = 20;

    /// <summary>When an event that occurred at <paramref name="occurredAt"/> counts for the score: then, or now if that is sooner.</summary>
    public static DateTimeOffset ScoredAt(DateTimeOffset occurredAt, DateTimeOffset now) => occurredAt < now ? occurredAt : now;

    /// <summary>
    /// The time <paramref name="fact"/> moves the scoring clock to, or null when it leaves the clock where it is. The
    /// facts the platform's events record move it to when their event was scored: its <c>occurredAt</c>, or the silo's
    /// now when that was sooner (then kept as <see cref="Fact.ScoredAt"/>). An event records one of these before the
    /// rules read the score, so the clock a decision reads, live or rebuilt, is the one the facts say; an event that
    /// records nothing moves nothing. The facts the grain records at its own times (a handoff's, the AI resuming, the
    /// erasure itself) leave the clock to the events; the end an erasure records moves it as an end event's does.
    /// </summary>
    public static DateTimeOffset? ScoringTime(Fact fact) => fact switch
    {
        ConversationStarted or ChannelSwitched or CustomerIdentified or ConversationDescribed or MessageRecorded or AiAllowed or AiSuppressed
            or DisclosureDelivered or TrustSignalled or ConversationEnded => fact.ScoredAt ?? fact.At,
        _ => null,
    };

    /// <summary>
    /// The scoring clock only moves forward: a stamp from a clock that runs ahead cannot fade earlier penalties (it is
    /// scored no later than now), nor an old one turn the clock back.
    /// </summary>
    private static void Advance(TrustState state, DateTimeOffset scoredAt)
    {
        if (scoredAt > state.Clock)
        {
            state.Clock = scoredAt;
        }
    }

    /// <summary>The score now, and its band under the tenant's levels.</summary>
    public static (double Score, TrustBand Band) Score(TrustState state, TenantPolicy policy)
    {
        var score = TrustScore.Compute(state.Signals, state.Clock, policy.TrustHalfLife, policy.TrustFullWeight);
        return (score, TrustScore.Band(score, policy.Threshold, policy.WarningLevel));
    }

    /// <summary>
    /// How far above the warning level trust must come back before a new fall offers a person again: hysteresis, so a
    /// score moving between 56 and 61 does not offer one every few seconds.
    /// </summary>
    public const int OfferAgainMargin = 10;

    /// <summary>The score trust must come back to before a new fall offers a person again (at most full trust).</summary>
    private static double OfferAgainAt(TenantPolicy policy) => Math.Min(policy.WarningLevel + OfferAgainMargin, TrustScore.Max);

    /// <summary>
    /// How often in a row the customer has now sent this message, this one included: the customer's messages just before
    /// it that are the same (the AI's answers between do not break the run; another message of the customer's does).
    /// </summary>
    public static int RepeatCount(TrustState state, ulong fingerprint)
    {
        var count = 1;
        for (var i = state.RecentMessages.Count - 1; i >= 0 && state.RecentMessages[i] == fingerprint; i--)
        {
            count++;
        }
        return count;
    }

    /// <summary>The signals a customer's message gives.</summary>
    public static TrustSignalled[] ForCustomerMessage(MessageAnalysis analysis, int repeatCount, DateTimeOffset scoredAt)
    {
        var deltas = TrustRules.ForCustomerMessage(analysis, repeatCount);
        if (deltas.Count == 0)
        {
            return [];
        }
        var signals = new TrustSignalled[deltas.Count];
        for (var i = 0; i < signals.Length; i++)
        {
            signals[i] = new TrustSignalled { At = scoredAt, Name = deltas[i].Name, Delta = deltas[i].Delta };
        }
        return signals;
    }

    /// <summary>The signal a platform's measurement gives, if any.</summary>
    public static TrustSignalled? ForPlatformSignal(string name, double value, DateTimeOffset scoredAt) =>
        TrustRules.ForPlatformSignal(name, value) is { } signal
            ? new TrustSignalled { At = scoredAt, Name = signal.Name, Delta = signal.Delta }
            : null;

    /// <summary>
    /// Where the score stands after the event's signals: a band other than the last recorded is a fact; a warning
    /// offers a person once per episode; a breach asks for a handoff.
    /// </summary>
    public static TrustVerdict Evaluate(TrustState state, TenantPolicy policy, string offerText, DateTimeOffset at) =>
        Evaluate(state, Score(state, policy), offerText, at);

    /// <summary>The same, given the score and band <see cref="Score"/> reads now.</summary>
    public static TrustVerdict Evaluate(TrustState state, (double Score, TrustBand Band) now, string offerText, DateTimeOffset at)
    {
        var (score, band) = now;
        var changed = Change(state, score, band, at);
        return band switch
        {
            TrustBand.Breached => new TrustVerdict(changed, null, null, Breached: true),
            // A change of band to Warning keeps the episode's offer: only Healthy ends an episode.
            TrustBand.Warning when !state.HumanOffered => new TrustVerdict(
                changed, new HumanOffered { At = at, Score = (int)Math.Floor(score) }, new OfferHumanDirective { Text = offerText }, Breached: false),
            _ => new TrustVerdict(changed, null, null, Breached: false),
        };
    }

    /// <summary>The band's change alone, while a handoff is under way: a fact, but it offers nothing and asks for no handoff.</summary>
    public static TrustChanged? BandChange(TrustState state, (double Score, TrustBand Band) now, DateTimeOffset at) => Change(state, now.Score, now.Band, at);

    /// <summary>The AI is in charge again: trust starts over at full.</summary>
    public static TrustChanged? Restart(TrustState state, DateTimeOffset at) => Change(state, TrustScore.Start, TrustBand.Healthy, at);

    private static TrustChanged? Change(TrustState state, double score, TrustBand band, DateTimeOffset at) =>
        band == state.Band ? null : new TrustChanged { At = at, Score = (int)Math.Floor(score), Band = band, PreviousBand = state.Band };

    /// <summary>
    /// Keeps <see cref="SignalsKept"/> signals: the oldest that move nothing (another platform's name, a pause within the
    /// grace) go first, so a platform that sends one every turn never pushes a real penalty out; then the oldest.
    /// </summary>
    private static void DropBeyondKept(List<TrustSignal> signals)
    {
        var excess = signals.Count - SignalsKept;
        var kept = 0;
        for (var i = 0; i < signals.Count; i++)
        {
            if (excess > 0 && signals[i].Delta == 0)
            {
                excess--;
                continue;
            }
            signals[kept++] = signals[i];
        }
        signals.RemoveRange(kept, signals.Count - kept);
        if (excess > 0)
        {
            signals.RemoveRange(0, excess);
        }
    }

    /// <summary>Drops the signals whose weight has faded away by <paramref name="now"/>, keeping the others in order.</summary>
    private static void RemoveSpent(List<TrustSignal> signals, DateTimeOffset now, TimeSpan halfLife, TimeSpan fullWeight)
    {
        var kept = 0;
        for (var i = 0; i < signals.Count; i++)
        {
            if (!TrustScore.IsSpent(signals[i], now, halfLife, fullWeight))
            {
                signals[kept++] = signals[i];
            }
        }
        signals.RemoveRange(kept, signals.Count - kept);
    }

    /// <summary>
    /// Adds the score at <paramref name="at"/> to the trajectory; the signals of one moment (a message that gives two)
    /// make one point, and only the latest <see cref="TrajectoryKept"/> points are kept.
    /// </summary>
    private static void Mark(List<TrustPoint> trajectory, DateTimeOffset at, double score)
    {
        var point = new TrustPoint { At = at, Score = (int)Math.Floor(score) };
        if (trajectory.Count > 0 && trajectory[^1].At == at)
        {
            trajectory[^1] = point;
            return;
        }
        if (trajectory.Count == TrajectoryKept)
        {
            trajectory.RemoveAt(0);
        }
        trajectory.Add(point);
    }

    public static void Evolve(TrustState state, Fact fact, TenantPolicy policy)
    {
        if (ScoringTime(fact) is { } scoredAt)
        {
            Advance(state, scoredAt);
        }
        switch (fact)
        {
            case ConversationStarted started:
                Mark(state.Trajectory, started.At, TrustScore.Start);
                break;
            case MessageRecorded { From: Speaker.Customer } customer:
                // The customer's next message answers the offer or not: after it, none waits.
                state.OfferAwaiting = OfferAwaiting.None;
                if (customer.Fingerprint is { } fingerprint)
                {
                    state.RecentMessages.Add(fingerprint);
                }
                if (state.RecentMessages.Count > RecentMessagesKept)
                {
                    state.RecentMessages.RemoveAt(0);
                }
                break;
            case MessageRecorded { From: Speaker.Ai } ai:
                // The AI has moved on ("Would you like the tracking link?"): a yes now answers the AI, not the offer. An AI
                // message that offers a person itself asks anew, or keeps the offer open.
                state.OfferAwaiting = HumanOfferReply.AfterAiMessage(ai.Text, state.OfferAwaiting);
                break;
            case TrustSignalled signalled:
                // Trust that came back well above the warning level (by fading or good signals) ends the episode, so the
                // next fall offers a person anew; a score wobbling around the level does not offer again and again.
                if (state.HumanOffered
                    && TrustScore.Compute(state.Signals, signalled.At, policy.TrustHalfLife, policy.TrustFullWeight) >= OfferAgainAt(policy))
                {
                    state.HumanOffered = false;
                }
                // Recorded at the time it was scored (never later than its silo's now), where it moved the clock to above;
                // one sent late weighs from when it happened, so a backlog replayed counts as faded as it is.
                state.Signals.Add(new TrustSignal { Name = signalled.Name, Delta = signalled.Delta, At = signalled.HappenedAt ?? signalled.At });
                RemoveSpent(state.Signals, state.Clock, policy.TrustHalfLife, policy.TrustFullWeight);
                if (state.Signals.Count > SignalsKept)
                {
                    DropBeyondKept(state.Signals);
                }
                // Scored at the signal's own time, not the clock other events moved: the same point live and rebuilt from facts.
                Mark(state.Trajectory, signalled.At, TrustScore.Compute(state.Signals, signalled.At, policy.TrustHalfLife, policy.TrustFullWeight));
                break;
            case TrustChanged changed:
                state.Band = changed.Band;
                if (changed.Band == TrustBand.Healthy && changed.Score >= OfferAgainAt(policy))
                {
                    state.HumanOffered = false;
                }
                break;
            case HumanOffered:
                state.HumanOffered = true;
                state.OfferAwaiting = OfferAwaiting.Asked;
                break;
            case IdentityAnswered { AnsweredAs: IdentityAnswered.Ai }:
                // "... If you like, I can connect you with a human agent."
                state.OfferAwaiting = OfferAwaiting.Mentioned;
                break;
            case HandoffRequested:
                state.OfferAwaiting = OfferAwaiting.None;
                break;
            case AiResumed resumed:
                state.Signals.Clear();
                state.RecentMessages.Clear();
                state.HumanOffered = false;
                state.OfferAwaiting = OfferAwaiting.None;
                Mark(state.Trajectory, resumed.At, TrustScore.Start);
                break;
            case ConversationErased:
                state.RecentMessages.Clear();
                break;
        }
    }
}
