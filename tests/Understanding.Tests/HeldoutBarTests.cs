using CxCluster.Grains.Trust;

namespace CxCluster.Understanding.Tests;

/// <summary>
/// The recogniser that runs in production (<see cref="MessageSignals.Analyze"/>: the grammar and the embedded model)
/// keeps its held-out figures above the bar, per language and signal. The held-out split is never learnt from, so
/// these figures say how it does on phrasings it has never seen. A change that drops below the bar is fixed by
/// better grammar or more training phrasings of the kind that fails, never by editing a held-out line.
/// </summary>
/// <remarks>
/// The bar is the issue's: 95% recall for every language and signal. Precision and false alarms on ordinary messages
/// are held at what the recogniser reaches today (precision 98.3% to 99.4%; ordinary messages setting a signal off
/// 0.2% to 0.8%), so they cannot slip back; the goal there is no false alarm at all.
/// </remarks>
public sealed class HeldoutBarTests
{
    /// <summary>The least recall of each signal in each language.</summary>
    public const double RecallBar = 0.95;

    /// <summary>The least precision of each signal in each language.</summary>
    public const double PrecisionBar = 0.98;

    /// <summary>
    /// The largest share of ordinary messages (class <c>other</c>, hard negatives included) of one language that may
    /// set off one signal: a false handoff or a needless identity answer on an ordinary question.
    /// </summary>
    public const double OrdinaryFalseAlarmBar = 0.01;

    private static readonly Lazy<Evaluation> Heldout = new(() =>
    {
        var corpus = Corpus.Load(RepositoryRoot.CorpusDirectory());
        return new Evaluator(text =>
        {
            MessageAnalysis analysis = MessageSignals.Analyze(text);
            return new Verdict(analysis.AsksIdentity, analysis.AsksForHuman);
        }).Evaluate(corpus.InSplit(Split.Heldout));
    });

    public static TheoryData<string, Signal> LanguagesAndSignals() => new()
    {
        { "id", Signal.Identity },
        { "id", Signal.Human },
        { "en", Signal.Identity },
        { "en", Signal.Human },
    };

    [Theory]
    [MemberData(nameof(LanguagesAndSignals))]
    public void Recall_on_the_heldout_split_meets_the_bar(string language, Signal signal)
    {
        SignalScore score = Heldout.Value.Score(language, signal);

        Assert.True(score.Positives >= 100, $"{language} {signal}: only {score.Positives} held-out positives");
        Assert.True(score.Recall >= RecallBar, $"{language} {signal}: held-out recall {score.Recall:P1} < {RecallBar:P0}; missed: {Listed(score.Misses)}");
    }

    [Theory]
    [MemberData(nameof(LanguagesAndSignals))]
    public void Precision_on_the_heldout_split_meets_the_bar(string language, Signal signal)
    {
        SignalScore score = Heldout.Value.Score(language, signal);

        Assert.True(score.Precision >= PrecisionBar, $"{language} {signal}: held-out precision {score.Precision:P1} < {PrecisionBar:P0}; false positives: {Listed(score.FalsePositives)}");
    }

    [Theory]
    [MemberData(nameof(LanguagesAndSignals))]
    public void Ordinary_messages_rarely_set_off_a_signal(string language, Signal signal)
    {
        SignalScore score = Heldout.Value.Score(language, signal);
        var ordinary = score.FalsePositives.Where(l => l.Class == MessageClass.Other).ToArray();
        int ordinaryLines = Heldout.Value.Lines.Count(l => l.Language == language && l.Class == MessageClass.Other);

        Assert.True(ordinaryLines >= 200, $"{language}: only {ordinaryLines} held-out ordinary messages");
        Assert.True(ordinary.Length <= OrdinaryFalseAlarmBar * ordinaryLines, $"{language} {signal}: {ordinary.Length} of {ordinaryLines} ordinary messages set it off: {Listed(ordinary)}");
    }

    private static string Listed(IEnumerable<CorpusLine> lines) => string.Join("; ", lines.Select(l => $"{l.Location} \"{l.Text}\""));
}
