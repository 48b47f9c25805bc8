namespace CxCluster.Abstractions;

/// <summary>
/// An append lost a race: one of its seqs already exists in the stream, or its event id already has an answer.
/// Nothing of the append was stored; the caller reloads the stream (or the answer) and decides again.
/// </summary>
/// <remarks>Crosses grain calls: a grain that could not append lets its caller see why.</remarks>
[GenerateSerializer, Alias("cx.JournalConflictException")]
public sealed class JournalConflictException : Exception
{
    public JournalConflictException(string message) : base(message)
    {
    }

    public JournalConflictException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>The append's event id already had an answer: the event was a repeat of one already stored.</summary>
    public JournalConflictException(string message, string answeredEventId, Exception? innerException = null) : base(message, innerException) =>
        AnsweredEventId = answeredEventId;

    /// <summary>The event id that already had an answer, or null when a seq was taken.</summary>
    [Id(0)]
    public string? AnsweredEventId { get; private set; }
}
