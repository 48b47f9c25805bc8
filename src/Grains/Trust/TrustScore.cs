using System.Runtime.InteropServices;

namespace CxCluster.Grains.Trust;

/// <summary>
/// The rolling trust score: 100, moved by every signal's delta in turn, each faded by its age with a half-life once it is
/// older than a time of full weight, and kept within 0..100 after each.
/// </summary>
public static class TrustScore
{
    /// <summary>The score of a conversation nothing has happened in yet.</summary>
    public const double Start = 100;

    /// <summary>The lowest score.</summary>
    public const double Min = 0;

    /// <summary>The highest score.</summary>
    public const double Max = 100;

    /// <summary>The default threshold: below it the conversation hands off by itself.</summary>
    public const int DefaultThreshold = 40;

    /// <summary>The default warning level: below it the customer is offered a human.</summary>
    public const int DefaultWarningLevel = 60;

    /// <summary>A signal whose weight has faded below this no longer matters.</summary>
    public const double SpentWeight = 0.01;

    /// <summary>
    /// From 100, each signal in the order given adds delta · 0.5^(age / halfLife), where age = max(0, now − at −
    /// fullWeight), and the score is kept within 0..100 after each. Trouble that keeps coming at a conversation's pace
    /// (three misunderstandings a minute or two apart) weighs in full, as trouble in a row does; older trouble fades. The
    /// score is kept within bounds after each signal: good signals never bank trust above 100 for later penalties to use up (five
    /// good ratings and then three misunderstandings breach as three misunderstandings alone do), nor penalties below 0
    /// for later good signals to pay off. Signals from the future count in full; deltas that are not finite numbers are
    /// ignored.
    /// </summary>
    public static double Compute(IEnumerable<TrustSignal> signals, DateTimeOffset now, TimeSpan halfLife, TimeSpan fullWeight = default)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(fullWeight, TimeSpan.Zero);

        double score = Start;
        if (signals is List<TrustSignal> list)
        {
            // A conversation's own signals: walked without an enumerator on the heap.
            foreach (TrustSignal signal in CollectionsMarshal.AsSpan(list))
            {
                score = Math.Clamp(score + Contribution(signal, now, halfLife, fullWeight), Min, Max);
            }
        }
        else
        {
            foreach (TrustSignal signal in signals)
            {
                score = Math.Clamp(score + Contribution(signal, now, halfLife, fullWeight), Min, Max);
            }
        }

        return score;
    }

    private static double Contribution(TrustSignal? signal, DateTimeOffset now, TimeSpan halfLife, TimeSpan fullWeight) =>
        signal is not null && double.IsFinite(signal.Delta) && signal.Delta != 0 ? signal.Delta * Weight(signal.At, now, halfLife, fullWeight) : 0;

    /// <summary>
    /// How much of its delta a signal made at <paramref name="at"/> still carries at <paramref name="now"/>: 1 when new and
    /// for <paramref name="fullWeight"/> after, ½ one half-life later.
    /// </summary>
    public static double Weight(DateTimeOffset at, DateTimeOffset now, TimeSpan halfLife, TimeSpan fullWeight = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);

        long ageTicks = now.UtcTicks - at.UtcTicks - fullWeight.Ticks;
        return ageTicks <= 0 ? 1 : Math.Pow(0.5, ageTicks / (double)halfLife.Ticks);
    }

    /// <summary>Which side of the threshold and warning level a score is on: Breached below the threshold, Warning below the warning level, else Healthy.</summary>
    public static TrustBand Band(double score, int threshold, int warningLevel)
    {
        if (score < threshold)
        {
            return TrustBand.Breached;
        }

        return score < warningLevel ? TrustBand.Warning : TrustBand.Healthy;
    }

    /// <summary>True when the signal's weight has faded below 1%, so it can be dropped from state.</summary>
    public static bool IsSpent(TrustSignal signal, DateTimeOffset now, TimeSpan halfLife, TimeSpan fullWeight = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return Weight(signal.At, now, halfLife, fullWeight) < SpentWeight;
    }
}
