namespace CxCluster.Abstractions;

/// <summary>The journal could not store an append (its commit failed): nothing of it is visible, and retrying may succeed.</summary>
/// <remarks>Crosses grain calls: a grain that could not append lets its caller see why.</remarks>
[GenerateSerializer, Alias("cx.JournalUnavailableException")]
public sealed class JournalUnavailableException : Exception
{
    public JournalUnavailableException(string message) : base(message)
    {
    }

    public JournalUnavailableException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
