using System.Globalization;

namespace CxCluster.Load;

/// <summary>The figures of a run as a table, and whether its invariants held.</summary>
public sealed record LoadReport(LoadOptions Options, TimeSpan Elapsed, Recorder Recorder, IReadOnlyList<string> Problems)
{
    public double EventsPerSecond => Recorder.Answered / Elapsed.TotalSeconds;

    public bool Passed => Problems.Count == 0 && Recorder.Errors.IsEmpty;

    public void Print(TextWriter output, string? title = null)
    {
        static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        var loop = Options.Rate > 0 ? $"open loop, {Options.Rate} events/s" : $"closed loop, {Options.Concurrency} in flight";
        output.WriteLine();
        output.WriteLine(title ?? $"In-process load: {Options.Silos} silos, {Options.Storage} storage, {Options.Conversations} conversations x {Options.EventsPerConversation} events, {loop}, {Options.Agents} agents x {Options.AgentCapacity}");
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
