namespace CxCluster.Grains.Journal;

/// <summary>What an event was answered with, kept for retries of the same event id.</summary>
/// <param name="LastSeq">The stream's last seq once the event was appended (its last fact, or the seq before it when it added none).</param>
/// <param name="Answer">The answer as the grain stored it.</param>
public sealed record RecordedAnswer(long LastSeq, ReadOnlyMemory<byte> Answer);
