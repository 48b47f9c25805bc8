namespace CxCluster.Grains.Trust;

/// <summary>A named move of the trust score; a negative delta means less trust.</summary>
/// <param name="Name">The signal's name, as recorded in the conversation's trust history.</param>
/// <param name="Delta">The full, unfaded change of the score.</param>
public readonly record struct SignalDelta(string Name, double Delta);

/// <summary>Turns observations of a conversation into named trust deltas, calibrated for a score that starts at 100 with the default warning level 60 and threshold 40.</summary>
/// <remarks>
/// With the defaults and no fading: three <c>nlu.no_match</c> in a row end at 34 (two at 56, in the warning band);
/// two <c>sentiment</c> of −0.7 end at 37 (one at 68.5); the same message three times ends at 35 (twice at 75);
/// one negative message ends at 90; one abusive, shouted message with "!!!" ends at 53.
/// </remarks>
public static class TrustRules
{
    /// <summary>The customer sent the same message again.</summary>
    public const string Repetition = "repetition";

    /// <summary>The customer asked whether they talk to a bot or a person.</summary>
    public const string IdentityQuestion = "identity-question";

    /// <summary>The customer asked for a person.</summary>
    public const string HumanRequest = "human-request";

    /// <summary>The message carries words of frustration, disappointment or impatience.</summary>
    public const string NegativeWords = "negative-words";

    /// <summary>The message is abusive, shouted or full of exclamation marks.</summary>
    public const string Anger = "anger";

    /// <summary>The customer said thank you.</summary>
    public const string Thanks = "thanks";

    /// <summary>Platform signal: sentiment of the last turn, −1..1.</summary>
    public const string Sentiment = "sentiment";

    /// <summary>Platform signal: the bot did not understand the customer (value 1).</summary>
    public const string NluNoMatch = "nlu.no_match";

    /// <summary>Platform signal: the customer stayed silent on a voice channel, in milliseconds.</summary>
    public const string VoiceSilenceMs = "voice.silence_ms";

    /// <summary>Platform signal: the customer talked over the voice bot (value 1).</summary>
    public const string VoiceBargeIn = "voice.barge_in";

    /// <summary>Platform signal: customer satisfaction, 1..5.</summary>
    public const string Csat = "csat";

    // ------------------------------------------------------------ calibration

    /// <summary>The second time in a row the same message arrives: the customer is repeating themselves.</summary>
    public const double RepeatedOnceDelta = -25;

    /// <summary>The third and every later time in a row: with the second, this takes a fresh conversation below 40.</summary>
    public const double RepeatedAgainDelta = -40;

    /// <summary>Asking who they talk to is doubt, though not yet anger.</summary>
    public const double IdentityQuestionDelta = -8;

    /// <summary>Asking for a person hands off on its own; the penalty records the lost confidence.</summary>
    public const double HumanRequestDelta = -15;

    /// <summary>One negative message alone leaves the conversation healthy (90).</summary>
    public const double NegativeWordsDelta = -10;

    /// <summary>Anger part: the message is mostly in capitals.</summary>
    public const double ShoutingDelta = -12;

    /// <summary>Anger part: "!!!" and the like.</summary>
    public const double ExclaimingDelta = -10;

    /// <summary>Anger part: abuse or profanity. All three together (−47) reach the warning band but not the threshold.</summary>
    public const double AbusiveDelta = -25;

    /// <summary>A sincere thank-you raises trust a little.</summary>
    public const double ThanksDelta = 8;

    /// <summary>Each no-match: two stay above 40 (56), three fall below it (34).</summary>
    public const double NoMatchDelta = -22;

    /// <summary>Weight of negative sentiment: −0.7 gives −31.5, so two in a row fall below 40 and one does not.</summary>
    public const double NegativeSentimentWeight = 45;

    /// <summary>
    /// Negative sentiment milder than this is the noise of an ordinary turn (−0.1, −0.2): it costs nothing, so a calm chat
    /// whose every turn reads slightly negative never adds up to a handoff. From −0.3 on it weighs in full.
    /// </summary>
    public const double SentimentNeutralBand = 0.3;

    /// <summary>Weight of positive sentiment: at most +10.</summary>
    public const double PositiveSentimentWeight = 10;

    /// <summary>Points per CSAT step away from the neutral 3: 1 gives −20, 5 gives +20.</summary>
    public const double CsatStepWeight = 10;

    /// <summary>The neutral CSAT.</summary>
    public const double CsatNeutral = 3;

    /// <summary>Silence shorter than this is normal thinking time.</summary>
    public const double SilenceGraceMs = 3000;

    /// <summary>Penalty per second of silence beyond the grace period.</summary>
    public const double SilencePerSecondDelta = -2;

    /// <summary>The most a single silence can cost.</summary>
    public const double SilenceMaxPenalty = 20;

    /// <summary>The customer talking over the bot.</summary>
    public const double BargeInDelta = -8;

    /// <summary>The deltas one customer message causes, in a fixed order; empty when it changes nothing.</summary>
    /// <param name="analysis">What the message says, from <see cref="MessageSignals.Analyze"/>.</param>
    /// <param name="repeatCount">How many times this same message has now been seen in a row (1 = the first time).</param>
    public static IReadOnlyList<SignalDelta> ForCustomerMessage(MessageAnalysis analysis, int repeatCount)
    {
        ArgumentNullException.ThrowIfNull(analysis);

        double repetition = repeatCount switch
        {
            >= 3 => RepeatedAgainDelta,
            2 => RepeatedOnceDelta,
            _ => 0,
        };

        // Thanks in the same breath as frustration or abuse is sarcasm, not gratitude.
        bool thanks = analysis.Thanks && !analysis.Negative && !analysis.Abusive;

        // Capitals and exclamation marks around sincere thanks or praise are delight, not anger: "THANK YOU SO MUCH!!!",
        // "I'm so excited!!!", "I CAN'T WAIT FOR MY NEW PHONE".
        double anger = (thanks || (analysis.Delighted && !analysis.Negative && !analysis.Abusive) ? 0 : (analysis.Shouting ? ShoutingDelta : 0) + (analysis.Exclaiming ? ExclaimingDelta : 0))
            + (analysis.Abusive ? AbusiveDelta : 0);

        int count = (repetition != 0 ? 1 : 0)
            + (analysis.AsksIdentity ? 1 : 0)
            + (analysis.AsksForHuman ? 1 : 0)
            + (analysis.Negative ? 1 : 0)
            + (anger != 0 ? 1 : 0)
            + (thanks ? 1 : 0);
        if (count == 0)
        {
            return [];
        }

        var deltas = new SignalDelta[count];
        int n = 0;
        if (repetition != 0)
        {
            deltas[n++] = new SignalDelta(Repetition, repetition);
        }

        if (analysis.AsksIdentity)
        {
            deltas[n++] = new SignalDelta(IdentityQuestion, IdentityQuestionDelta);
        }

        if (analysis.AsksForHuman)
        {
            deltas[n++] = new SignalDelta(HumanRequest, HumanRequestDelta);
        }

        if (analysis.Negative)
        {
            deltas[n++] = new SignalDelta(NegativeWords, NegativeWordsDelta);
        }

        if (anger != 0)
        {
            deltas[n++] = new SignalDelta(Anger, anger);
        }

        if (thanks)
        {
            deltas[n] = new SignalDelta(Thanks, ThanksDelta);
        }

        return deltas;
    }

    /// <summary>
    /// The delta of a signal the platform measured itself, named as the platform named it. Unknown names give a
    /// delta of 0 (recorded, no effect), as do values that are not finite numbers; a blank name gives null.
    /// </summary>
    public static SignalDelta? ForPlatformSignal(string name, double value)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (!double.IsFinite(value))
        {
            return new SignalDelta(name, 0);
        }

        double delta = 0;
        if (Is(name, Sentiment))
        {
            double s = Math.Clamp(value, -1, 1);
            delta = s <= -SentimentNeutralBand ? NegativeSentimentWeight * s : s > 0 ? PositiveSentimentWeight * s : 0;
        }
        else if (Is(name, NluNoMatch))
        {
            delta = value > 0 ? NoMatchDelta : 0;
        }
        else if (Is(name, VoiceSilenceMs))
        {
            double seconds = Math.Max(0, value - SilenceGraceMs) / 1000;
            delta = -Math.Min(SilenceMaxPenalty, seconds * -SilencePerSecondDelta);
        }
        else if (Is(name, VoiceBargeIn))
        {
            delta = value > 0 ? BargeInDelta : 0;
        }
        else if (Is(name, Csat))
        {
            delta = (Math.Clamp(value, 1, 5) - CsatNeutral) * CsatStepWeight;
        }

        // No "-0" in the history.
        return new SignalDelta(name, delta == 0 ? 0 : delta);
    }

    private static bool Is(string name, string known) => string.Equals(name, known, StringComparison.OrdinalIgnoreCase);
}
