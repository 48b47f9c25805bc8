using System.Text.Json;
using CxCluster.Grains.Journal;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>
/// Crash tests only: a silo that dies in the middle of a group commit (<c>Testing:CrashBeforeCommitOfGroupWith</c>,
/// see <see cref="CrashPointSettings"/>). The first group holding at least that many appends, once its
/// statements were sent and before its COMMIT is, writes what it holds to standard error and kills its own process
/// (SIGKILL: no shutdown, nothing flushed), so PostgreSQL sees the connection drop with the transaction open. Unset
/// (0), nothing is armed and a commit pays nothing for it. Never set it in production.
/// </summary>
internal static class GroupCommitCrash
{
    /// <summary>What the line written just before the kill starts with; the group's appends follow it as a JSON array of <see cref="CrashedAppend"/>.</summary>
    public const string Marker = "Crash before the commit of a group: ";

    /// <summary>
    /// The hook for <see cref="PostgresFactJournal.BeforeCommit"/>, or null when <paramref name="groupSize"/> is 0 (the
    /// silo refuses to start with a size below 0 or above <c>Journal:MaxGroupSize</c>).
    /// </summary>
    public static Func<int, IReadOnlyList<JournalAppend>, ValueTask>? Arm(int groupSize)
    {
        if (groupSize <= 0)
        {
            return null;
        }
        var fired = 0;
        return (_, appends) =>
        {
            if (appends.Count >= groupSize && Interlocked.Exchange(ref fired, 1) == 0)
            {
                // Straight to standard error, not through the logger, whose console output is queued and would die with the process.
                Console.Error.WriteLine(Marker + JsonSerializer.Serialize(appends.Select(CrashedAppend.Of)));
                Console.Error.Flush();
                System.Diagnostics.Process.GetCurrentProcess().Kill();
            }
            return ValueTask.CompletedTask;
        };
    }
}

/// <summary>One append of the group a silo died committing: its stream, its event id and the seqs of its facts (null without facts).</summary>
internal sealed record CrashedAppend(string TenantId, string StreamId, string? EventId, long? FirstSeq, long? LastSeq)
{
    public static CrashedAppend Of(JournalAppend append) =>
        new(append.Stream.TenantId, append.Stream.StreamId, append.EventId, append.Facts.Count > 0 ? append.Facts[0].Seq : null, append.LastSeq);
}
