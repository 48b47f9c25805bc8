using Orleans.Serialization;

namespace CxCluster.Grains.Journal;

/// <summary>What a grain rebuilt from its stream reads: its latest checkpoint, and the facts after it.</summary>
internal static class StreamReads
{
    private const int ReadPage = 512;

    /// <summary>
    /// The stream's latest checkpoint and its seq; none (default, 0) when there is none or it cannot be read, which
    /// <paramref name="unreadable"/> hears of: the facts are the truth, so that only costs a longer replay.
    /// </summary>
    public static async Task<(T? State, long Seq)> LoadCheckpointAsync<T>(
        this IFactJournal journal, StreamKey stream, Serializer<T> serializer, Action<Exception> unreadable) where T : class
    {
        if (await journal.LoadCheckpointAsync(stream) is not { } checkpoint)
        {
            return (null, 0);
        }
        try
        {
            return (serializer.Deserialize(checkpoint.State) ?? throw new InvalidDataException("The checkpoint holds no state."), checkpoint.Seq);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            unreadable(e);
            return (null, 0);
        }
    }

    /// <summary>Gives every fact of the stream after <paramref name="afterSeq"/> to <paramref name="apply"/> in order; returns the last seq given.</summary>
    public static async Task<long> ReplayAsync(this IFactJournal journal, StreamKey stream, long afterSeq, Action<JournalFact> apply)
    {
        var last = afterSeq;
        while (true)
        {
            var page = await journal.ReadStreamAsync(stream, last, ReadPage);
            foreach (var stored in page)
            {
                apply(stored);
                last = stored.Seq;
            }
            if (page.Count < ReadPage)
            {
                return last;
            }
        }
    }
}
