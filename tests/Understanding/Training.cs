using CxCluster.Grains.Trust;
using CxCluster.Grains.Trust.Understanding;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CxCluster.Understanding;

/// <summary>One training row: the hashed features of a message and its label for one signal.</summary>
public sealed class FeatureRow
{
    [VectorType(MessageFeatures.BucketCount)]
    public VBuffer<float> Features { get; set; }

    public bool Label { get; set; }
}

/// <summary>How a signal's threshold was chosen.</summary>
/// <param name="Signal">The signal.</param>
/// <param name="Threshold">The margin threshold.</param>
/// <param name="Precision">Out-of-fold precision on the train split at that threshold.</param>
/// <param name="Recall">Out-of-fold recall on the train split at that threshold.</param>
/// <param name="NonZero">Non-zero weights of the final model.</param>
public sealed record TrainedSignal(string Signal, float Threshold, double Precision, double Recall, int NonZero);

/// <summary>
/// Trains one L-BFGS logistic regression per signal on the TRAIN split only, over <see cref="MessageFeatures"/>,
/// single-threaded with a fixed seed so the same corpus always gives the same bytes. The threshold of each signal
/// is chosen by <see cref="Folds"/>-fold cross-validation inside the train split, repeated <see cref="Repeats"/> times
/// with different assignments of lines to folds.
/// </summary>
public static class Training
{
    public const int Folds = 5;

    /// <summary>
    /// Repeats of the cross-validation; the threshold is chosen on the out-of-fold margins of all of them together, so
    /// it moves less when a few lines change.
    /// </summary>
    public const int Repeats = 3;

    /// <summary>The model file inside the repository.</summary>
    public const string ModelRelativePath = "src/Grains/Trust/Understanding/model.bin";

    /// <summary>
    /// Signals in model order, which corpus lines are positive for each, and the largest share of its negatives the
    /// combination may flag out of fold. The grammar finds most identity questions on its own, so the model may add
    /// recall there only within three quarters of the budget of a request for a person, whose phrasings vary more.
    /// </summary>
    public static readonly (string Name, Func<CorpusLine, bool> IsPositive, Func<GrammarVerdict, bool> Grammar, Func<GrammarVerdict, bool> Veto, double MaxFalseAlarmRate)[] SignalDefinitions =
    [
        ("identity", l => l.IsIdentity, g => g.AsksIdentity, g => g.VetoesIdentity, 0.0075),
        ("human", l => l.IsHuman, g => g.AsksForHuman, g => g.VetoesRequest, 0.01),
    ];

    /// <summary>Regularisation tried (L1, L2); the one with the best out-of-fold result of the combination is kept.</summary>
    public static readonly (float L1, float L2)[] Regularisations = [(0.002f, 0.002f), (0.002f, 0.02f)];

    /// <summary>Learns the model from <paramref name="train"/>, recording <paramref name="trainedOn"/> (see <see cref="TrainingFingerprint"/>) in it.</summary>
    /// <param name="train">The train lines.</param>
    /// <param name="trainedOn">The fingerprint of the data, recorded in the model.</param>
    /// <param name="repeats">Repeats of the cross-validation; fewer only to test the trainer quickly.</param>
    public static (LinearSignalModel Model, IReadOnlyList<TrainedSignal> Report) Train(IReadOnlyList<CorpusLine> train, byte[] trainedOn, int repeats = Repeats)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        ArgumentNullException.ThrowIfNull(trainedOn);
        ArgumentNullException.ThrowIfNull(train);
        if (train.Any(l => l.Split != Split.Train))
        {
            throw new ArgumentException("only train lines may be learnt from", nameof(train));
        }

        // The rows learnt from: every train line, then its variants; rows[i] is train[i] for i < train.Count.
        IReadOnlyList<TrainingText> rows = Augmentation.Expand(train);
        VBuffer<float>[] features = rows.Select(r => Featurize(r.Text)).ToArray();
        Console.WriteLine($"  {train.Count} train messages and {rows.Count - train.Count} variants of them");
        var signals = new List<SignalWeights>();
        var report = new List<TrainedSignal>();
        GrammarVerdict[] grammar = train.Select(l => MessageSignals.Grammar(l.Text)).ToArray();
        // A false-alarm budget is a rate, not a precision: the quantile of the negatives' margins it sets moves little
        // when a few lines change, where the point at which precision crosses a target can jump.
        foreach (var (name, isPositive, grammarSays, veto, maxFalseAlarmRate) in SignalDefinitions)
        {
            bool[] labels = train.Select(isPositive).ToArray();
            bool[] rowLabels = rows.Select(r => labels[r.Source]).ToArray();
            bool[] byGrammar = grammar.Select(grammarSays).ToArray();
            bool[] vetoed = grammar.Select(veto).ToArray();
            // The model may add recall while the combination flags at most maxFalseAlarmRate of the negatives.
            int negatives = labels.Count(l => !l);
            int grammarFalse = Enumerable.Range(0, labels.Length).Count(i => byGrammar[i] && !labels[i]);
            int allowed = (int)Math.Floor(maxFalseAlarmRate * negatives * repeats);
            Console.WriteLine($"  {name}: the grammar alone flags {grammarFalse} of {negatives} negatives; the combination may flag {maxFalseAlarmRate:P1}");
            (float T, double P, double R, double F) best = (float.NaN, 0, -1, -1);
            (float L1, float L2) bestRegularisation = default;
            foreach (var regularisation in Regularisations)
            {
                // Out-of-fold margins of the train lines themselves, once per repeat: a line and all its variants
                // are in one fold of each repeat. margins[repeat * n + i] is line i's margin in that repeat.
                int n = train.Count;
                var margins = new float[n * repeats];
                for (int repeat = 0; repeat < repeats; repeat++)
                {
                    for (int fold = 0; fold < Folds; fold++)
                    {
                        var inFold = Enumerable.Range(0, n).Where(i => FoldOf(i, repeat) == fold).ToArray();
                        var outOfFold = Enumerable.Range(0, rows.Count).Where(r => FoldOf(rows[r].Source, repeat) != fold).ToArray();
                        SignalWeights weights = Fit(name, outOfFold.Select(r => features[r]).ToArray(), outOfFold.Select(r => rowLabels[r]).ToArray(), 0f, regularisation);
                        var model = new LinearSignalModel([weights]);
                        var margin = new float[1];
                        foreach (int i in inFold)
                        {
                            model.Score(train[i].Text, margin);
                            margins[(repeat * n) + i] = margin[0];
                        }
                    }
                }

                var chosen = ChooseThreshold(margins, Repeated(labels, repeats), Repeated(byGrammar, repeats), Repeated(vetoed, repeats), allowed);
                Console.WriteLine($"  {name} L1 {regularisation.L1} L2 {regularisation.L2}: out-of-fold combined precision {chosen.P:P1} recall {chosen.R:P1} F1 {chosen.F:P1}");
                if (chosen.R > best.R)
                {
                    best = chosen;
                    bestRegularisation = regularisation;
                }
            }

            SignalWeights final = Fit(name, features, rowLabels, best.T, bestRegularisation);
            signals.Add(final);
            report.Add(new TrainedSignal(name, best.T, best.P, best.R, final.Weights.Count));
        }

        return (new LinearSignalModel(signals, trainedOn), report);
    }

    /// <summary>
    /// The fold of line <paramref name="line"/> in repeat <paramref name="repeat"/>: in the first, by position (the
    /// corpus is in file order, so every fold has every language and class); in the others, by a fixed hash of the
    /// position and the repeat.
    /// </summary>
    public static int FoldOf(int line, int repeat)
    {
        if (repeat == 0)
        {
            return line % Folds;
        }

        uint h = unchecked(((uint)line * 2654435761u) ^ ((uint)repeat * 2246822519u));
        h ^= h >> 15;
        h = unchecked(h * 2654435761u);
        h ^= h >> 13;
        return (int)(h % Folds);
    }

    private static bool[] Repeated(bool[] values, int repeats) => Enumerable.Repeat(values, repeats).SelectMany(v => v).ToArray();

    /// <summary>The features of a message as a sparse vector, with the values the scorer uses.</summary>
    public static VBuffer<float> Featurize(string text)
    {
        int[] buckets = new int[MessageFeatures.MaxFeatures(MessageFeatures.MaxNormalizedLength)];
        int n = MessageFeatures.Extract(text, buckets);
        float value = LinearSignalModel.FeatureValue(n);
        var counts = new SortedDictionary<int, float>();
        for (int k = 0; k < n; k++)
        {
            counts[buckets[k]] = counts.GetValueOrDefault(buckets[k]) + value;
        }

        return new VBuffer<float>(MessageFeatures.BucketCount, counts.Count, counts.Values.ToArray(), counts.Keys.ToArray());
    }

    private static SignalWeights Fit(string name, VBuffer<float>[] features, bool[] labels, float threshold, (float L1, float L2) regularisation)
    {
        var context = new MLContext(seed: 1);
        var rows = features.Zip(labels, (f, l) => new FeatureRow { Features = f, Label = l }).ToArray();
        IDataView data = context.Data.LoadFromEnumerable(rows);
        var trainer = context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Label),
            FeatureColumnName = nameof(FeatureRow.Features),
            NumberOfThreads = 1,
            L1Regularization = regularisation.L1,
            L2Regularization = regularisation.L2,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 1000,
            ShowTrainingStatistics = false,
        });
        var fitted = trainer.Fit(data);
        LinearBinaryModelParameters linear = fitted.Model.SubModel;
        var pairs = new List<KeyValuePair<int, float>>();
        IReadOnlyList<float> weights = linear.Weights;
        for (int bucket = 0; bucket < weights.Count; bucket++)
        {
            if (weights[bucket] != 0f)
            {
                pairs.Add(new(bucket, weights[bucket]));
            }
        }

        return new SignalWeights(name, linear.Bias, threshold, pairs);
    }

    /// <summary>
    /// The lowest threshold at which the combination (grammar, or model at or above it and not vetoed) flags at most
    /// <paramref name="allowedFalse"/> negatives out of fold: the best recall within that budget. When the grammar
    /// alone already spends it, the model only adds what it ranks above every negative.
    /// </summary>
    private static (float T, double P, double R, double F) ChooseThreshold(float[] margins, bool[] labels, bool[] byGrammar, bool[] vetoed, int allowedFalse)
    {
        int positives = labels.Count(l => l);
        var order = Enumerable.Range(0, margins.Length).OrderByDescending(i => margins[i]).ThenBy(i => i).ToArray();

        // Start from the grammar alone, then let the model add the lines it ranks highest.
        int tp = Enumerable.Range(0, labels.Length).Count(i => byGrammar[i] && labels[i]);
        int fp = Enumerable.Range(0, labels.Length).Count(i => byGrammar[i] && !labels[i]);
        (float T, double P, double R, double F) chosen = (order.Length == 0 ? 0f : margins[order[0]] + 1f, Precision(tp, fp), Recall(tp, positives), 0);
        for (int k = 0; k < order.Length; k++)
        {
            int line = order[k];
            if (!byGrammar[line] && !vetoed[line])
            {
                if (labels[line]) { tp++; } else { fp++; }
            }

            if (fp > allowedFalse && !labels[line] && !byGrammar[line] && !vetoed[line])
            {
                break;
            }

            // Only between distinct margins: a threshold cannot split equal margins.
            if (k + 1 < order.Length && margins[order[k + 1]] == margins[order[k]])
            {
                continue;
            }

            float threshold = k + 1 < order.Length ? (margins[order[k]] + margins[order[k + 1]]) / 2f : margins[order[k]];
            chosen = (threshold, Precision(tp, fp), Recall(tp, positives), 0);
        }

        double f1 = chosen.P + chosen.R == 0 ? 0 : 2 * chosen.P * chosen.R / (chosen.P + chosen.R);
        return chosen with { F = f1 };
    }

    private static double Precision(int tp, int fp) => tp + fp == 0 ? 0 : (double)tp / (tp + fp);

    private static double Recall(int tp, int positives) => positives == 0 ? 0 : (double)tp / positives;
}
