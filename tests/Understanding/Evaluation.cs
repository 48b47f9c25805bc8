namespace CxCluster.Understanding;

/// <summary>The two signals the corpus measures.</summary>
public enum Signal
{
    /// <summary>The message asks whether it is a bot or a person.</summary>
    Identity,

    /// <summary>The message asks for a person.</summary>
    Human,
}

/// <summary>What a recogniser says about one message.</summary>
public readonly record struct Verdict(bool AsksIdentity, bool AsksForHuman)
{
    public bool Says(Signal signal) => signal == Signal.Identity ? AsksIdentity : AsksForHuman;
}

/// <summary>How well one signal is recognised on a set of lines.</summary>
/// <param name="Language">The language, or <c>all</c>.</param>
/// <param name="Signal">The signal scored.</param>
/// <param name="TruePositives">Positive lines the recogniser flagged.</param>
/// <param name="FalsePositives">Negative lines it flagged, in corpus order.</param>
/// <param name="Misses">Positive lines it did not flag (false negatives), in corpus order.</param>
/// <param name="TrueNegatives">Negative lines it left alone.</param>
public sealed record SignalScore(
    string Language,
    Signal Signal,
    int TruePositives,
    IReadOnlyList<CorpusLine> FalsePositives,
    IReadOnlyList<CorpusLine> Misses,
    int TrueNegatives)
{
    public int FalsePositiveCount => FalsePositives.Count;

    public int FalseNegativeCount => Misses.Count;

    public int Positives => TruePositives + FalseNegativeCount;

    public int Negatives => TrueNegatives + FalsePositiveCount;

    /// <summary>TP / (TP + FP); null when nothing was flagged.</summary>
    public double? Precision => TruePositives + FalsePositiveCount == 0 ? null : (double)TruePositives / (TruePositives + FalsePositiveCount);

    /// <summary>TP / (TP + FN); null when there is no positive line.</summary>
    public double? Recall => Positives == 0 ? null : (double)TruePositives / Positives;

    /// <summary>The harmonic mean of precision and recall; null when either is undefined, 0 when both are 0.</summary>
    public double? F1 => Precision is not { } p || Recall is not { } r ? null : p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>The scores of a recogniser on a set of lines: per language and signal, and over all languages.</summary>
public sealed record Evaluation(IReadOnlyList<CorpusLine> Lines, IReadOnlyList<SignalScore> ByLanguage, IReadOnlyList<SignalScore> Overall)
{
    /// <summary>The word used for the scores over every language.</summary>
    public const string AllLanguages = "all";

    public SignalScore Score(string language, Signal signal) =>
        (language == AllLanguages ? Overall : ByLanguage).Single(s => s.Language == language && s.Signal == signal);
}

/// <summary>
/// Scores a recogniser against labelled lines. For <see cref="Signal.Identity"/> the positives are the
/// <c>identity</c> and <c>both</c> lines; for <see cref="Signal.Human"/> the <c>human</c> and <c>both</c> lines.
/// Every other line is a negative for that signal: <c>other</c> for both signals, <c>human</c> lines for identity
/// and <c>identity</c> lines for human.
/// </summary>
public sealed class Evaluator(Func<string, Verdict> recognise)
{
    private readonly Func<string, Verdict> _recognise = recognise ?? throw new ArgumentNullException(nameof(recognise));

    public Evaluation Evaluate(IReadOnlyList<CorpusLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var verdicts = new Verdict[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            verdicts[i] = _recognise(lines[i].Text);
        }

        var byLanguage = new List<SignalScore>();
        var overall = new List<SignalScore>();
        string[] languages = lines.Select(l => l.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (Signal signal in Enum.GetValues<Signal>())
        {
            foreach (string language in languages)
            {
                byLanguage.Add(Score(language, signal, lines, verdicts, l => l.Language == language));
            }

            overall.Add(Score(Evaluation.AllLanguages, signal, lines, verdicts, _ => true));
        }

        return new Evaluation(lines, byLanguage, overall);
    }

    /// <summary>Whether a line is a positive for a signal.</summary>
    public static bool IsPositive(CorpusLine line, Signal signal)
    {
        ArgumentNullException.ThrowIfNull(line);
        return signal == Signal.Identity ? line.IsIdentity : line.IsHuman;
    }

    private static SignalScore Score(string language, Signal signal, IReadOnlyList<CorpusLine> lines, Verdict[] verdicts, Func<CorpusLine, bool> include)
    {
        int truePositives = 0;
        int trueNegatives = 0;
        var falsePositives = new List<CorpusLine>();
        var misses = new List<CorpusLine>();
        for (int i = 0; i < lines.Count; i++)
        {
            CorpusLine line = lines[i];
            if (!include(line))
            {
                continue;
            }

            bool expected = IsPositive(line, signal);
            bool said = verdicts[i].Says(signal);
            if (expected && said)
            {
                truePositives++;
            }
            else if (expected)
            {
                misses.Add(line);
            }
            else if (said)
            {
                falsePositives.Add(line);
            }
            else
            {
                trueNegatives++;
            }
        }

        return new SignalScore(language, signal, truePositives, falsePositives, misses, trueNegatives);
    }
}
