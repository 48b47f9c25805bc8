namespace CxCluster.Grains.Journal;

/// <summary>A stream's state as of a seq, so a grain rebuilds from it and the facts after it.</summary>
/// <param name="Seq">The last fact the state includes.</param>
/// <param name="State">The state as the grain stored it.</param>
/// <param name="SavedAt">When it was saved.</param>
public sealed record StreamCheckpoint(long Seq, ReadOnlyMemory<byte> State, DateTimeOffset SavedAt);
