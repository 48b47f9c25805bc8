namespace CxCluster.Grains.Journal;

/// <summary>What one event appends to its stream: all of it is stored, or none of it.</summary>
/// <param name="Stream">The stream appended to.</param>
/// <param name="EventId">The event's id; when not null, <paramref name="Answer"/> is kept for retries of that id.</param>
/// <param name="Facts">Zero or more facts whose seqs are consecutive and continue the stream.</param>
/// <param name="Answer">What the event was answered with (ignored without an event id).</param>
public sealed record JournalAppend(StreamKey Stream, string? EventId, IReadOnlyList<JournalFact> Facts, ReadOnlyMemory<byte> Answer)
{
    /// <summary>
    /// Facts one append, and one transaction of the PostgreSQL journal, hold at most: a fact's tenant-wide position
    /// leaves room for this many per transaction.
    /// </summary>
    public const int MaxFacts = 65_535;

    /// <summary>The seq of the last fact appended, or null when the append adds none.</summary>
    public long? LastSeq => Facts.Count > 0 ? Facts[^1].Seq : null;

    /// <summary>Throws an <see cref="ArgumentException"/> unless the ids are present and the seqs positive and consecutive.</summary>
    public void Validate()
    {
        Text(Stream.TenantId, "tenant id");
        Text(Stream.StreamId, "stream id");
        if (EventId is not null)
        {
            Text(EventId, "event id");
        }
        if (Facts is null)
        {
            throw new ArgumentException("An append needs a list of facts (it may be empty).", nameof(Facts));
        }
        if (Facts.Count > MaxFacts)
        {
            throw new ArgumentException($"An append to {Stream} holds at most {MaxFacts} facts, not {Facts.Count}.", nameof(Facts));
        }
        for (var i = 0; i < Facts.Count; i++)
        {
            var fact = Facts[i] ?? throw new ArgumentException($"Fact {i} of the append to {Stream} is null.", nameof(Facts));
            Text(fact.Type, "fact type");
            if (i == 0 ? fact.Seq < 1 : fact.Seq != Facts[i - 1].Seq + 1)
            {
                throw new ArgumentException(
                    $"The seqs of an append to {Stream} must be positive and consecutive; fact {i} has seq {fact.Seq}.", nameof(Facts));
            }
        }
    }

    // PostgreSQL's text cannot hold a NUL character, so the memory journal refuses it too.
    private static void Text(string? value, string what)
    {
        if (string.IsNullOrEmpty(value) || value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {what} must be non-empty text without NUL characters.", what);
        }
    }
}
