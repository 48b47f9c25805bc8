using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// One HTTP attempt of request <paramref name="Request"/>: what, when (on the journal's clock), and how it ended (status
/// 0: no HTTP answer at all).
/// </summary>
public sealed record RequestRecord(long Request, string Kind, int Attempt, TimeSpan Start, TimeSpan End, int Status, string? Failure)
{
    /// <summary>503, or no answer (connection refused or reset, timeout): what a platform retries.</summary>
    public bool Failed => Status is 0 or 503;

    public TimeSpan Latency => End - Start;
}

/// <summary>Every HTTP attempt a platform made, on one monotonic clock that tests also use to mark a kill or a stop.</summary>
public sealed class RequestJournal
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<RequestRecord> _records = new();
    private long _requests;

    public TimeSpan Now => _clock.Elapsed;

    public void Add(RequestRecord record) => _records.Enqueue(record);

    /// <summary>A number for a new request; its attempts share it.</summary>
    public long NextRequest() => Interlocked.Increment(ref _requests);

    public IReadOnlyList<RequestRecord> Records => [.. _records];

    /// <summary>Successful answers to requests that started after <paramref name="from"/>.</summary>
    public int AnsweredSince(TimeSpan from) => _records.Count(r => !r.Failed && r.Start >= from);

    /// <summary>When the last failed attempt ended; null before any failed.</summary>
    public TimeSpan? LastFailure => _records.Where(r => r.Failed).Select(r => (TimeSpan?)r.End).Max();

    /// <summary>The failures that ended in [<paramref name="from"/>, <paramref name="until"/>), measured from <paramref name="from"/>.</summary>
    public FailureWindow Window(string what, TimeSpan from, TimeSpan until)
    {
        var all = _records.ToArray();
        var inside = all.Where(r => r.End >= from && r.End < until).ToList();
        var failures = inside.Where(r => r.Failed).ToList();
        var failed = failures.Select(r => r.Latency.TotalMilliseconds).Order().ToArray();
        var first = failures.Select(r => r.End).DefaultIfEmpty(from).Min();
        var last = failures.Select(r => r.End).DefaultIfEmpty(from).Max();
        // Requests that failed at least once in the window, from their first attempt to their answer.
        var retried = failures.Select(r => r.Request).ToHashSet();
        var toAnswer = all.Where(r => retried.Contains(r.Request)).GroupBy(r => r.Request)
            .Select(g => g.Any(r => !r.Failed) ? (g.Max(r => r.End) - g.Min(r => r.Start)).TotalMilliseconds : double.PositiveInfinity)
            .DefaultIfEmpty(0).Max();
        return new FailureWindow(
            what, inside.Count, failures.Count(r => r.Status == 503), failures.Count(r => r.Status == 0),
            first - from, last - from,
            Percentile(failed, 0.50), failed.DefaultIfEmpty(0).Max(),
            inside.Where(r => !r.Failed).Select(r => r.Latency.TotalMilliseconds).DefaultIfEmpty(0).Max(),
            retried.Count, toAnswer,
            string.Join(", ", all.Where(r => r.Attempt == 1 && retried.Contains(r.Request)).GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} x{g.Count()}")));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// How long callers saw 503s or no answer after a silo went (from the first such attempt to the last, measured from the
/// event), how many, and how long those failed calls took.
/// </summary>
public sealed record FailureWindow(
    string What, int Requests, int ServiceUnavailable, int NoAnswer, TimeSpan FirstFailure, TimeSpan LastFailure,
    double FailedP50Ms, double FailedMaxMs, double AnsweredMaxMs, int Retried, double RetriedAnsweredWithinMs, string RetriedKinds)
{
    public int Failed => ServiceUnavailable + NoAnswer;

    /// <summary>From the first failed attempt to the last; zero without any.</summary>
    public TimeSpan FailingFor => LastFailure - FirstFailure;

    public static string Table(IEnumerable<FailureWindow> windows)
    {
        var text = new StringBuilder();
        text.AppendLine("| event | attempts | 503 | no answer | first failure after | last failure after | failing for | failed p50 | failed max | answered max | requests retried | answered within |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var w in windows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {w.What} | {w.Requests} | {w.ServiceUnavailable} | {w.NoAnswer} | {Seconds(w, w.FirstFailure)} | {Seconds(w, w.LastFailure)} | {Seconds(w, w.FailingFor)} | " +
                $"{w.FailedP50Ms:0} ms | {w.FailedMaxMs:0} ms | {w.AnsweredMaxMs:0} ms | {w.Retried} | {w.RetriedAnsweredWithinMs / 1000:0.00} s |"));
        }
        foreach (var w in windows.Where(w => w.Retried > 0))
        {
            text.AppendLine($"retried after {w.What}: {w.RetriedKinds}");
        }
        return text.ToString();
    }

    private static string Seconds(FailureWindow w, TimeSpan time) =>
        w.Failed == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.00} s");
}
