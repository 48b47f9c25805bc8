using System.Globalization;

namespace CxCluster.Load;

/// <summary>
/// CPU time of the runtime's tiering threads (<c>.NET Tiered Compilation Worker</c>), which recompile hot methods in
/// the background long after a start: with a slow storage a run's warm-up ends before they are done, and their CPU is
/// not the events'. Read from <c>/proc/self/task</c>; empty elsewhere, and a thread that ended between two readings
/// is not counted.
/// </summary>
public readonly record struct JitThreads(IReadOnlyDictionary<int, TimeSpan> Threads)
{
    public static JitThreads Now()
    {
        var threads = new Dictionary<int, TimeSpan>();
        if (!Directory.Exists("/proc/self/task"))
        {
            return new JitThreads(threads);
        }
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                {
                    continue;
                }
                threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = ProcStat.Read(File.ReadAllText(Path.Combine(task, "stat"))).Cpu;
            }
            catch (IOException)
            {
                // The thread ended while it was read.
            }
        }
        return new JitThreads(threads);
    }

    /// <summary>CPU the tiering threads used since <paramref name="before"/>.</summary>
    public TimeSpan Since(JitThreads before) => ProcStat.Since(Threads, before.Threads);
}
