using CxCluster.Grains.Trust.Understanding;

namespace CxCluster.Grains.Trust;

/// <summary>
/// The learnt half of the recogniser: a linear model over hashed character n-grams and words
/// (<see cref="MessageFeatures"/>, <see cref="LinearSignalModel"/>), trained on the train split of
/// <c>data/understanding</c>. The embedded model, loaded on first use (not when the grammar alone is asked); immutable.
/// </summary>
internal static class LearntSignals
{
    /// <summary>The signals the model scores: identity and human.</summary>
    public const int Count = 2;

    public static readonly LinearSignalModel Model = Checked(LinearSignalModel.Embedded);

    public static readonly int Identity = Model.IndexOf("identity");

    public static readonly int Human = Model.IndexOf("human");

    private static LinearSignalModel Checked(LinearSignalModel model) => model.Signals.Count == Count
        ? model
        : throw new InvalidOperationException($"the understanding model has {model.Signals.Count} signals, {Count} expected");
}
