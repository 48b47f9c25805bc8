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
}
