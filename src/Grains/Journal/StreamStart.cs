namespace CxCluster.Grains.Journal;

/// <summary>What a grain rebuilt from its stream reads first, in one read: its latest checkpoint and the facts after it.</summary>
/// <param name="Checkpoint">The stream's latest checkpoint, or null when it has none.</param>
/// <param name="Facts">The first facts after the checkpoint's seq (after 0 without one), in seq order; as many as asked for at most.</param>
public sealed record StreamStart(StreamCheckpoint? Checkpoint, IReadOnlyList<JournalFact> Facts);
