namespace CxCluster.Grains.Journal;

/// <summary>One fact of a stream, never rewritten once appended (only its personal part can be erased).</summary>
/// <param name="Seq">The fact's number in its stream: 1, 2, 3, … without gaps.</param>
/// <param name="Type">The fact's type, such as <c>disclosure.issued</c>.</param>
/// <param name="At">When it happened (PostgreSQL keeps it to the microsecond, in UTC).</param>
/// <param name="Data">The non-personal part (UTF-8 JSON), opaque to the journal.</param>
/// <param name="Personal">The personal part (message text, customer id), kept apart so it can be erased for good; null when there is none or it was erased.</param>
public sealed record JournalFact(long Seq, string Type, DateTimeOffset At, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte>? Personal);
