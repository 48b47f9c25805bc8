using System.Globalization;

namespace CxCluster.Load;

/// <summary>Reads a process's or thread's CPU time from its <c>/proc/…/stat</c> file (Linux).</summary>
internal static class ProcStat
{
    /// <summary>
    /// The command (between its parentheses) and the user plus system CPU time of a <c>stat</c> file's text: after
    /// the command's closing parenthesis, utime and stime are fields 14 and 15, in clock ticks (100 a second).
    /// </summary>
    public static (string Command, TimeSpan Cpu) Read(string stat)
    {
        var open = stat.IndexOf('(');
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (stat[(open + 1)..close], TimeSpan.FromMilliseconds(ticks * 10));
    }

    /// <summary>
    /// CPU used between two readings of the same processes or threads, by id; one that ended before
    /// <paramref name="now"/> was read is not counted.
    /// </summary>
    public static TimeSpan Since(IReadOnlyDictionary<int, TimeSpan> now, IReadOnlyDictionary<int, TimeSpan> before)
    {
        var total = TimeSpan.Zero;
        foreach (var (id, cpu) in now)
        {
            total += cpu - before.GetValueOrDefault(id);
        }
        return total;
    }
}
