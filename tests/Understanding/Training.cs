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
/// is chosen by <see cref="Folds"/>-fold cross-validation inside the train split.
/// </summary>
public static class Training
{
    public const int Folds = 5;

    /// <summary>The model file inside the repository.</summary>
    public const string ModelRelativePath = "src/Grains/Trust/Understanding/model.bin";

    /// <summary>Signals in model order, and which corpus lines are positive for each.</summary>
    public static readonly (string Name, Func<CorpusLine, bool> IsPositive, Func<GrammarVerdict, bool> Grammar, Func<GrammarVerdict, bool> Veto)[] SignalDefinitions =
    [
        ("identity", l => l.IsIdentity, g => g.AsksIdentity, _ => false),
        ("human", l => l.IsHuman, g => g.AsksForHuman, g => g.DeclinesPerson),
    ];

    /// <summary>Regularisation tried (L1, L2); the one with the best out-of-fold result of the combination is kept.</summary>
    public static readonly (float L1, float L2)[] Regularisations = [(0.002f, 0.002f), (0.01f, 0.01f), (0.002f, 0.02f)];

    /// <summary>Out-of-fold precision the threshold must keep, when it can.</summary>
    public const double TargetPrecision = 0.97;

    public static (LinearSignalModel Model, IReadOnlyList<TrainedSignal> Report) Train(IReadOnlyList<CorpusLine> train)
    {
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
        foreach (var (name, isPositive, grammarSays, veto) in SignalDefinitions)
        {
            bool[] labels = train.Select(isPositive).ToArray();
            bool[] rowLabels = rows.Select(r => labels[r.Source]).ToArray();
            bool[] byGrammar = grammar.Select(grammarSays).ToArray();
            bool[] vetoed = grammar.Select(veto).ToArray();
            // The model may add recall, not cost precision: the combination must keep TargetPrecision, or the
            // grammar's own precision on the train split when that is lower.
            int grammarTrue = Enumerable.Range(0, labels.Length).Count(i => byGrammar[i] && labels[i]);
            int grammarAll = byGrammar.Count(g => g);
            double target = Math.Min(TargetPrecision, grammarAll == 0 ? TargetPrecision : (double)grammarTrue / grammarAll);
            Console.WriteLine($"  {name}: the grammar alone on train has precision {(grammarAll == 0 ? 0 : (double)grammarTrue / grammarAll):P1}; target {target:P1}");
            (float T, double P, double R, double F) best = (float.NaN, 0, -1, -1);
            (float L1, float L2) bestRegularisation = default;
            foreach (var regularisation in Regularisations)
            {
                // Out-of-fold margins of the train lines themselves: fold k holds lines i with i % Folds == k (the
                // corpus is in file order, so every fold has every language and class) and every variant of them.
                var margins = new float[train.Count];
                for (int fold = 0; fold < Folds; fold++)
                {
                    var inFold = Enumerable.Range(0, train.Count).Where(i => i % Folds == fold).ToArray();
                    var outOfFold = Enumerable.Range(0, rows.Count).Where(r => rows[r].Source % Folds != fold).ToArray();
                    SignalWeights weights = Fit(name, outOfFold.Select(r => features[r]).ToArray(), outOfFold.Select(r => rowLabels[r]).ToArray(), 0f, regularisation);
                    var model = new LinearSignalModel([weights]);
                    var margin = new float[1];
                    foreach (int i in inFold)
                    {
                        model.Score(train[i].Text, margin);
                        margins[i] = margin[0];
                    }
                }

                var chosen = ChooseThreshold(margins, labels, byGrammar, vetoed, target);
                Console.WriteLine($"  {name} L1 {regularisation.L1} L2 {regularisation.L2}: out-of-fold combined precision {chosen.P:P1} recall {chosen.R:P1} F1 {chosen.F:P1}");
                if (IsBetter(chosen, best, target))
                {
                    best = chosen;
                    bestRegularisation = regularisation;
                }
            }

            SignalWeights final = Fit(name, features, rowLabels, best.T, bestRegularisation);
            signals.Add(final);
            report.Add(new TrainedSignal(name, best.T, best.P, best.R, final.Weights.Count));
        }

        return (new LinearSignalModel(signals), report);
    }

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

    private static bool IsBetter((float T, double P, double R, double F) candidate, (float T, double P, double R, double F) best, double target)
    {
        bool candidateAtTarget = candidate.P >= target;
        bool bestAtTarget = best.P >= target;
        if (candidateAtTarget != bestAtTarget)
        {
            return candidateAtTarget;
        }

        return candidateAtTarget ? candidate.R > best.R : candidate.F > best.F;
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
    /// The threshold whose combination (grammar, or model at or above it and not vetoed) has the best out-of-fold
    /// recall among those with precision at least <see cref="TargetPrecision"/> (ties: the highest threshold); if
    /// none reaches it, the one with the best F1.
    /// </summary>
    private static (float T, double P, double R, double F) ChooseThreshold(float[] margins, bool[] labels, bool[] byGrammar, bool[] vetoed, double targetPrecision)
    {
        int positives = labels.Count(l => l);
        var order = Enumerable.Range(0, margins.Length).OrderByDescending(i => margins[i]).ThenBy(i => i).ToArray();
        (float T, double P, double R, double F) bestAtTarget = (float.NaN, 0, -1, 0);
        (float T, double P, double R, double F) bestF1 = (float.NaN, 0, 0, -1);

        // Start from the grammar alone, then let the model add the lines it ranks highest.
        int tp = Enumerable.Range(0, labels.Length).Count(i => byGrammar[i] && labels[i]);
        int fp = Enumerable.Range(0, labels.Length).Count(i => byGrammar[i] && !labels[i]);
        for (int k = 0; k < order.Length; k++)
        {
            int line = order[k];
            if (!byGrammar[line] && !vetoed[line])
            {
                if (labels[line]) { tp++; } else { fp++; }
            }

            // Only between distinct margins: a threshold cannot split equal margins.
            if (k + 1 < order.Length && margins[order[k + 1]] == margins[order[k]])
            {
                continue;
            }

            float threshold = k + 1 < order.Length ? (margins[order[k]] + margins[order[k + 1]]) / 2f : margins[order[k]];
            double precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            double recall = positives == 0 ? 0 : (double)tp / positives;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (precision >= targetPrecision && recall > bestAtTarget.R)
            {
                bestAtTarget = (threshold, precision, recall, f1);
            }

            if (f1 > bestF1.F)
            {
                bestF1 = (threshold, precision, recall, f1);
            }
        }

        return float.IsNaN(bestAtTarget.T) ? bestF1 : bestAtTarget;
    }
}
