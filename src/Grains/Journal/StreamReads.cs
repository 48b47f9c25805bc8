using Orleans.Serialization;

namespace CxCluster.Grains.Journal;

/// <summary>What a grain rebuilt from its stream reads: its latest checkpoint, and the facts after it.</summary>
internal static class StreamReads
{
    private const int ReadPage = 512;

    /// <summary>
    /// Reads the stream's latest checkpoint and the facts after it (the first page of them in the same read), hands
    /// the checkpoint to <paramref name="start"/> (null when there is none or it cannot be read, which
    /// <paramref name="unreadable"/> hears of: the facts are the truth, so that only costs a longer replay) and every
    /// later fact, in order, to what <paramref name="start"/> returns. Returns the checkpoint's seq and the last seq.
    /// </summary>
    public static async Task<(long CheckpointSeq, long LastSeq)> LoadAsync<T>(
        this IFactJournal journal, StreamKey stream, Serializer<T> serializer, Action<Exception> unreadable, Func<T?, Action<JournalFact>> start)
        where T : class
    {
        var first = await journal.LoadStreamAsync(stream, ReadPage);
        if (first.Checkpoint is not { } checkpoint)
        {
            return (0, await ContinueAsync(journal, stream, first.Facts, 0, start(null)));
        }
        T state;
        try
        {
            state = serializer.Deserialize(checkpoint.State) ?? throw new InvalidDataException("The checkpoint holds no state.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            unreadable(e);
            return (0, await journal.ReplayAsync(stream, 0, start(null)));
        }
        return (checkpoint.Seq, await ContinueAsync(journal, stream, first.Facts, checkpoint.Seq, start(state)));
    }

    /// <summary>Gives every fact of the stream after <paramref name="afterSeq"/> to <paramref name="apply"/> in order; returns the last seq given.</summary>
    public static async Task<long> ReplayAsync(this IFactJournal journal, StreamKey stream, long afterSeq, Action<JournalFact> apply) =>
        await ContinueAsync(journal, stream, await journal.ReadStreamAsync(stream, afterSeq, ReadPage), afterSeq, apply);

    /// <summary>Applies a page read after <paramref name="afterSeq"/>, then reads and applies the pages after it, if any.</summary>
    private static async Task<long> ContinueAsync(IFactJournal journal, StreamKey stream, IReadOnlyList<JournalFact> page, long afterSeq, Action<JournalFact> apply)
    {
        var last = afterSeq;
        while (true)
        {
            foreach (var stored in page)
            {
                apply(stored);
                last = stored.Seq;
            }
            if (page.Count < ReadPage)
            {
                return last;
            }
            page = await journal.ReadStreamAsync(stream, last, ReadPage);
        }
    }
}
