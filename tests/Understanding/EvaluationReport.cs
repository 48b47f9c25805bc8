using System.Globalization;

namespace CxCluster.Understanding;

/// <summary>Prints an evaluation as Markdown: the scores, the mistakes to look at, and the cost per message.</summary>
public static class EvaluationReport
{
    /// <summary>Mistakes listed per language, signal and kind, unless told otherwise.</summary>
    public const int ListedMistakes = 15;

    public static void Print(TextWriter output, Evaluation evaluation, string title, CallCost? cost, int listed = ListedMistakes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(evaluation);

        output.WriteLine($"## {title}");
        output.WriteLine();
        foreach (var language in evaluation.Lines.GroupBy(l => l.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string counts = string.Join(", ", Enum.GetValues<MessageClass>().Select(c => $"{Corpus.ClassName(c)} {language.Count(l => l.Class == c)}"));
            output.WriteLine($"- `{language.Key}`: {language.Count()} messages ({counts})");
        }

        output.WriteLine();
        output.WriteLine("A `both` line is a positive for both signals and an `other` line a negative for both; an `identity` line is a negative for `human`, a `human` line a negative for `identity`.");
        output.WriteLine();
        output.WriteLine("| language | signal | positives | negatives | TP | FP | FN | TN | precision | recall | F1 |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (SignalScore score in evaluation.ByLanguage.Concat(evaluation.Overall))
        {
            output.WriteLine($"| {score.Language} | {SignalName(score.Signal)} | {score.Positives} | {score.Negatives} | {score.TruePositives} | {score.FalsePositiveCount} | {score.FalseNegativeCount} | {score.TrueNegatives} | {Percent(score.Precision)} | {Percent(score.Recall)} | {Percent(score.F1)} |");
        }

        foreach (SignalScore score in evaluation.ByLanguage)
        {
            PrintLines(output, $"False positives: `{score.Language}` {SignalName(score.Signal)}", score.FalsePositives, listed);
            PrintLines(output, $"Misses: `{score.Language}` {SignalName(score.Signal)}", score.Misses, listed);
        }

        if (cost is not null)
        {
            output.WriteLine();
            output.WriteLine("### Cost per message");
            output.WriteLine();
            output.WriteLine("| messages | timed passes | calls | mean µs per call | µs per call, median pass | µs per call, fastest pass | bytes allocated per call |");
            output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cost.Messages} | {cost.Passes} | {cost.Calls} | {cost.MeanMicroseconds:0.00} | {cost.MedianPassMicroseconds:0.00} | {cost.FastestPassMicroseconds:0.00} | {cost.BytesPerCall:0.0} |"));
            output.WriteLine();
            output.WriteLine("Untimed warm-up passes for a second first; wall-clock time and `GC.GetAllocatedBytesForCurrentThread` over the timed passes, on one thread. Other work on the machine inflates the mean; the median and fastest passes show less of it.");
        }
    }

    public static string SignalName(Signal signal) => signal == Signal.Identity ? "identity" : "human";

    private static void PrintLines(TextWriter output, string heading, IReadOnlyList<CorpusLine> lines, int listed)
    {
        output.WriteLine();
        output.WriteLine(lines.Count <= listed
            ? $"### {heading} ({lines.Count})"
            : $"### {heading} (first {listed} of {lines.Count})");
        if (lines.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("| where | class | message |");
        output.WriteLine("| --- | --- | --- |");
        foreach (CorpusLine line in lines.Take(listed))
        {
            output.WriteLine($"| {line.Location} | {Corpus.ClassName(line.Class)} | {Escape(line.Text)} |");
        }
    }

    private static string Percent(double? value) =>
        value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
