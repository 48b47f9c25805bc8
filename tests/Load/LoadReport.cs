using System.Globalization;

namespace CxCluster.Load;

/// <summary>The figures of a run as a table, and whether its invariants held.</summary>
public sealed record LoadReport(LoadOptions Options, TimeSpan Elapsed, Recorder Recorder, IReadOnlyList<string> Problems)
{
    public double EventsPerSecond => Recorder.Answered / Elapsed.TotalSeconds;

    /// <summary>No-op grain calls through the same client with as many in flight, measured before the run (in-process runs).</summary>
    public CallRate? Floor { get; init; }

    /// <summary>Garbage collections in this process while events were played (silos and driver share it).</summary>
    public GcFigures? Gc { get; init; }

    /// <summary>How long the warm-up lasted and whether the JIT had settled by its end (in-process runs with a warm-up).</summary>
    public WarmupFigures? Warmup { get; init; }

    public bool Passed => Problems.Count == 0 && Recorder.Errors.IsEmpty;

    public void Print(TextWriter output, string? title = null)
    {
        static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        var loop = (Options.Rate > 0 ? $"open loop, {Options.Rate} events/s" : $"closed loop, {Options.Concurrency} in flight") + Options.WarmupNote;
        output.WriteLine();
        output.WriteLine(title ?? $"In-process load: {Options.Silos} silos, {Options.Storage} storage, {Options.Conversations} conversations x {Options.EventsPerConversation} events, {loop}, {Options.Client} client, {Options.Agents} agents x {Options.AgentCapacity}");
        output.WriteLine();
        output.WriteLine("| figure | value |");
        output.WriteLine("| --- | ---: |");
        output.WriteLine($"| events answered | {Recorder.Answered} |");
        output.WriteLine($"| duration (s) | {F(Elapsed.TotalSeconds)} |");
        output.WriteLine($"| events/s | {EventsPerSecond.ToString("0", CultureInfo.InvariantCulture)} |");
        output.WriteLine($"| handoffs (assigned at once / queued) | {Recorder.Handoffs} ({Recorder.HandoffsAssignedAtOnce} / {Recorder.HandoffsQueued}) |");
        output.WriteLine($"| handoffs/s | {F(Recorder.Handoffs / Elapsed.TotalSeconds)} |");
        output.WriteLine($"| errors | {(Recorder.Errors.IsEmpty ? "0" : string.Join(", ", Recorder.Errors.Select(e => $"{e.Key} x{e.Value}")))} |");
        output.WriteLine($"| invariants | {(Problems.Count == 0 ? "held" : $"{Problems.Count} broken")} |");
        if (Warmup is { } warmup)
        {
            output.WriteLine($"| warm-up (s; until the JIT compiled at most {JitWarmup.Quiet} methods a second for {JitWarmup.QuietSeconds} s) | {F(warmup.Elapsed.TotalSeconds)} ({(warmup.Settled ? "settled" : "not settled, cut off")}; {warmup.LastSecond} in its last second) |");
        }
        if (Gc is { } gc)
        {
            output.WriteLine($"| GC while playing: collections gen0 / gen1 / gen2 | {gc.Gen0} / {gc.Gen1} / {gc.Gen2} |");
            output.WriteLine($"| GC while playing: time paused (ms, share of duration) | {gc.Paused.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ({(gc.Paused / Elapsed).ToString("0.0%", CultureInfo.InvariantCulture)}) |");
            output.WriteLine($"| GC while playing: allocated per event (bytes) | {(gc.Allocated / Math.Max(1, Recorder.Answered)).ToString("0", CultureInfo.InvariantCulture)} |");
            output.WriteLine($"| process CPU per event (µs; silos, client and driver together) | {(gc.Cpu.TotalMicroseconds / Math.Max(1, Recorder.Answered)).ToString("0.0", CultureInfo.InvariantCulture)} |");
            output.WriteLine($"| JIT while playing: methods compiled; CPU per event of its tiering thread (µs) | {gc.Compiled}; {(gc.Jit.TotalMicroseconds / Math.Max(1, Recorder.Answered)).ToString("0.0", CultureInfo.InvariantCulture)} |");
            output.WriteLine($"| process CPU per event without the tiering thread's (µs) | {((gc.Cpu - gc.Jit).TotalMicroseconds / Math.Max(1, Recorder.Answered)).ToString("0.0", CultureInfo.InvariantCulture)} |");
            if (Options.Storage == "postgres" && gc.Database > TimeSpan.Zero)
            {
                output.WriteLine($"| PostgreSQL's CPU per event (µs; its processes on this machine) | {(gc.Database.TotalMicroseconds / Math.Max(1, Recorder.Answered)).ToString("0.0", CultureInfo.InvariantCulture)} |");
            }
        }
        if (Floor is { } floor)
        {
            output.WriteLine($"| messaging floor: no-op grain calls/s, same client, same in flight | {floor.PerSecond.ToString("0", CultureInfo.InvariantCulture)} |");
            if (floor.Gc is { } floorGc)
            {
                output.WriteLine($"| messaging floor: allocated / process CPU per no-op call (bytes / µs) | {(floorGc.Allocated / Math.Max(1, floor.Calls)).ToString("0", CultureInfo.InvariantCulture)} / {(floorGc.Cpu.TotalMicroseconds / Math.Max(1, floor.Calls)).ToString("0.0", CultureInfo.InvariantCulture)} |");
            }
            output.WriteLine($"| events/s as a share of the floor | {(EventsPerSecond / floor.PerSecond).ToString("0.0%", CultureInfo.InvariantCulture)} |");
        }
        output.WriteLine();
        output.WriteLine("| latency (ms) | count | p50 | p95 | p99 | max |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (type, latencies) in Recorder.Events.OrderBy(e => e.Key))
        {
            var s = latencies.Summary();
            output.WriteLine($"| {type.Name()} | {s.Count} | {F(s.P50)} | {F(s.P95)} | {F(s.P99)} | {F(s.Max)} |");
        }
        var handoff = Recorder.TimeToAssignment.Summary();
        output.WriteLine($"| handoff: triggering event to assignment | {handoff.Count} | {F(handoff.P50)} | {F(handoff.P95)} | {F(handoff.P99)} | {F(handoff.Max)} |");
        foreach (var problem in Problems.Take(20))
        {
            output.WriteLine($"INVARIANT BROKEN: {problem}");
        }
    }
}

/// <summary>A number of calls and the time they took.</summary>
public readonly record struct CallRate(int Calls, TimeSpan Elapsed)
{
    /// <summary>What the calls cost the process, when measured.</summary>
    public GcFigures? Gc { get; init; }

    public double PerSecond => Calls / Elapsed.TotalSeconds;
}

/// <summary>
/// The process's collection counts, pause time, allocated bytes, CPU time (all threads, user and system), methods the
/// JIT compiled and the CPU time of its tiering threads (<see cref="JitThreads"/>); subtract two readings for an interval.
/// </summary>
public readonly record struct GcFigures(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated, TimeSpan Cpu, long Compiled, JitThreads Tiering, DatabaseCpu Postgres)
{
    /// <summary>CPU of the tiering threads: in a difference of two readings, the interval's.</summary>
    public TimeSpan Jit { get; init; }

    /// <summary>CPU of the PostgreSQL processes on this machine: in a difference of two readings, the interval's.</summary>
    public TimeSpan Database { get; init; }

    public static GcFigures Now() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(),
        Environment.CpuUsage.TotalTime, System.Runtime.JitInfo.GetCompiledMethodCount(), JitThreads.Now(), DatabaseCpu.Now());

    public static GcFigures operator -(GcFigures after, GcFigures before) => new(
        after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused, after.Allocated - before.Allocated,
        after.Cpu - before.Cpu, after.Compiled - before.Compiled, after.Tiering, after.Postgres)
    {
        Jit = after.Tiering.Since(before.Tiering),
        Database = after.Postgres.Since(before.Postgres),
    };
}
