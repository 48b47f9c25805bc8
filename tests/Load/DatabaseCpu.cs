using System.Globalization;

namespace CxCluster.Load;

/// <summary>
/// CPU time of the PostgreSQL processes on this machine (every process whose command is <c>postgres</c>: the server,
/// its backends and its background workers), read from <c>/proc</c>, so that a run against a local database reports
/// the database's CPU per event beside its own. Empty elsewhere; a process that ended between two readings is not
/// counted (the providers keep their connections, so backends live as long as the run).
/// </summary>
public readonly record struct DatabaseCpu(IReadOnlyDictionary<int, TimeSpan> Processes)
{
    public static DatabaseCpu Now()
    {
        var processes = new Dictionary<int, TimeSpan>();
        if (!Directory.Exists("/proc"))
        {
            return new DatabaseCpu(processes);
        }
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var (command, cpu) = ProcStat.Read(File.ReadAllText(Path.Combine(directory, "stat")));
                if (command == "postgres")
                {
                    processes[pid] = cpu;
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return new DatabaseCpu(processes);
    }

    /// <summary>CPU the PostgreSQL processes used since <paramref name="before"/>.</summary>
    public TimeSpan Since(DatabaseCpu before) => ProcStat.Since(Processes, before.Processes);
}
