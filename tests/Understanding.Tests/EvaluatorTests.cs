namespace CxCluster.Understanding.Tests;

/// <summary>The scores are computed as the tuning work will read them, on a corpus small enough to count by hand.</summary>
public sealed class EvaluatorTests
{
    // A recogniser that flags identity when the text contains "bot" and a request when it contains "agent".
    private readonly Evaluator _keyword = new(text => new Verdict(text.Contains("bot", StringComparison.Ordinal), text.Contains("agent", StringComparison.Ordinal)));

    private readonly CorpusLine[] _tiny =
    [
        Line("aa", MessageClass.Identity, "is this a bot", 1),        // identity TP
        Line("aa", MessageClass.Identity, "are you a machine", 2),    // identity FN
        Line("aa", MessageClass.Identity, "bot? agent", 3),           // identity TP, human FP
        Line("aa", MessageClass.Human, "agent please", 1),            // human TP
        Line("aa", MessageClass.Human, "a person please", 2),         // human FN
        Line("aa", MessageClass.Both, "bot? agent please", 1),        // identity TP, human TP
        Line("aa", MessageClass.Both, "machine? person", 2),          // identity FN, human FN
        Line("aa", MessageClass.Other, "robot vacuum", 1),            // identity FP ("bot" inside "robot")
        Line("aa", MessageClass.Other, "my travel agent", 2),         // human FP
        Line("aa", MessageClass.Other, "where is my order", 3),       // TN for both
        Line("bb", MessageClass.Identity, "bot", 1),                  // identity TP
        Line("bb", MessageClass.Other, "thanks", 1),                  // TN for both
    ];

    [Fact]
    public void Identity_counts_identity_and_both_lines_as_positives_and_every_other_line_as_negative()
    {
        var score = _keyword.Evaluate(_tiny).Score("aa", Signal.Identity);

        Assert.Equal((3, 1, 2, 4), (score.TruePositives, score.FalsePositiveCount, score.FalseNegativeCount, score.TrueNegatives));
        Assert.Equal(5, score.Positives);
        Assert.Equal(5, score.Negatives);
        Assert.Equal(0.75, score.Precision!.Value, 9);
        Assert.Equal(0.6, score.Recall!.Value, 9);
        Assert.Equal(2 * 0.75 * 0.6 / (0.75 + 0.6), score.F1!.Value, 9);
        Assert.Equal(["robot vacuum"], score.FalsePositives.Select(l => l.Text));
        Assert.Equal(["are you a machine", "machine? person"], score.Misses.Select(l => l.Text));
    }

    [Fact]
    public void Human_counts_human_and_both_lines_as_positives_and_identity_lines_as_negatives()
    {
        var score = _keyword.Evaluate(_tiny).Score("aa", Signal.Human);

        Assert.Equal((2, 2, 2, 4), (score.TruePositives, score.FalsePositiveCount, score.FalseNegativeCount, score.TrueNegatives));
        Assert.Equal(0.5, score.Precision!.Value, 9);
        Assert.Equal(0.5, score.Recall!.Value, 9);
        Assert.Equal(0.5, score.F1!.Value, 9);
        Assert.Equal(["bot? agent", "my travel agent"], score.FalsePositives.Select(l => l.Text));
        Assert.Equal(["a person please", "machine? person"], score.Misses.Select(l => l.Text));
    }

    [Fact]
    public void Languages_are_scored_apart_and_together()
    {
        var evaluation = _keyword.Evaluate(_tiny);

        var bb = evaluation.Score("bb", Signal.Identity);
        Assert.Equal((1, 0, 0, 1), (bb.TruePositives, bb.FalsePositiveCount, bb.FalseNegativeCount, bb.TrueNegatives));
        Assert.Equal(1.0, bb.Recall);

        var all = evaluation.Score(Evaluation.AllLanguages, Signal.Identity);
        Assert.Equal((4, 1, 2, 5), (all.TruePositives, all.FalsePositiveCount, all.FalseNegativeCount, all.TrueNegatives));
        Assert.Equal(0.8, all.Precision!.Value, 9);
        Assert.Equal(4.0 / 6, all.Recall!.Value, 9);

        // Nothing flagged and nothing to find: precision and recall are undefined, not 0 or 100%.
        var bbHuman = evaluation.Score("bb", Signal.Human);
        Assert.Null(bbHuman.Precision);
        Assert.Null(bbHuman.Recall);
        Assert.Null(bbHuman.F1);
    }

    [Fact]
    public void The_report_prints_the_table_the_mistakes_and_the_cost()
    {
        var evaluation = _keyword.Evaluate(_tiny);
        var cost = CostMeter.Measure(_tiny.Select(l => l.Text).ToArray(), text => text.ToUpperInvariant(), passes: 2, warmup: TimeSpan.Zero);
        var output = new StringWriter();

        EvaluationReport.Print(output, evaluation, "tiny", cost);

        string report = output.ToString();
        Assert.Contains("| aa | identity | 5 | 5 | 3 | 1 | 2 | 4 | 75.0% | 60.0% | 66.7% |", report, StringComparison.Ordinal);
        Assert.Contains("| bb | human | 0 | 2 | 0 | 0 | 0 | 2 | n/a | n/a | n/a |", report, StringComparison.Ordinal);
        Assert.Contains("| xx/other.txt:2 | other | my travel agent |", report, StringComparison.Ordinal);
        Assert.Contains("| 12 | 2 | 24 |", report, StringComparison.Ordinal);
        Assert.True(cost.BytesPerCall > 0, "ToUpperInvariant allocates a string per call");
    }

    private static CorpusLine Line(string language, MessageClass messageClass, string text, int lineNumber) =>
        new(language, messageClass, Split.Heldout, text, $"xx/{Corpus.ClassName(messageClass)}.txt", lineNumber);
}
