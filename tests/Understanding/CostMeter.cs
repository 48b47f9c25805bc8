using System.Diagnostics;

namespace CxCluster.Understanding;

/// <summary>What one call of a recogniser costs.</summary>
/// <param name="Messages">Distinct messages in the loop.</param>
/// <param name="Passes">Timed passes over all of them, after untimed warm-up passes.</param>
/// <param name="MeanMicroseconds">Wall-clock time per call, averaged over every timed call.</param>
/// <param name="BytesPerCall">Bytes allocated on the calling thread per call, averaged over every timed call.</param>
/// <param name="MedianPassMicroseconds">Time per call in the median pass: less disturbed by other work on the machine than the mean.</param>
/// <param name="FastestPassMicroseconds">Time per call in the fastest pass: what the code costs on an idle core.</param>
public sealed record CallCost(int Messages, int Passes, double MeanMicroseconds, double BytesPerCall, double MedianPassMicroseconds, double FastestPassMicroseconds)
{
    public long Calls => (long)Messages * Passes;
}

/// <summary>Measures a recogniser on the hot path: a warm loop over all messages, several passes, on one thread.</summary>
public static class CostMeter
{
    /// <summary>Timed passes by default: at least this many.</summary>
    public const int MinimumPasses = 10;

    /// <summary>Timed passes by default: enough for at least this many calls, so the timer's noise does not matter.</summary>
    public const int MinimumCalls = 200_000;

    /// <summary>Untimed passes by default: for at least this long, so the JIT has moved the hot path to its optimized tier.</summary>
    public static readonly TimeSpan DefaultWarmup = TimeSpan.FromSeconds(1);

    /// <param name="messages">The messages, each analyzed once per pass.</param>
    /// <param name="analyze">The recogniser; it must not return null (a value type never is, and is not boxed).</param>
    /// <param name="passes">Timed passes; by default <see cref="MinimumPasses"/> or enough for <see cref="MinimumCalls"/> calls.</param>
    /// <param name="warmup">Untimed passes run for at least this long first (at least one pass); by default <see cref="DefaultWarmup"/>.</param>
    public static CallCost Measure<T>(IReadOnlyList<string> messages, Func<string, T> analyze, int? passes = null, TimeSpan? warmup = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(analyze);
        int timedPasses = passes ?? Math.Max(MinimumPasses, (MinimumCalls + messages.Count - 1) / Math.Max(1, messages.Count));
        ArgumentOutOfRangeException.ThrowIfLessThan(timedPasses, 1, nameof(passes));
        if (messages.Count == 0)
        {
            return new CallCost(0, timedPasses, 0, 0, 0, 0);
        }

        string[] texts = messages.ToArray();
        int nulls = 0;
        long warmupStarted = Stopwatch.GetTimestamp();
        do
        {
            nulls += Loop(texts, analyze);
        }
        while (Stopwatch.GetElapsedTime(warmupStarted) < (warmup ?? DefaultWarmup));

        var passTimes = new double[timedPasses];
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        for (int pass = 0; pass < timedPasses; pass++)
        {
            long passStarted = Stopwatch.GetTimestamp();
            nulls += Loop(texts, analyze);
            passTimes[pass] = Stopwatch.GetElapsedTime(passStarted).TotalMicroseconds;
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (nulls != 0)
        {
            throw new InvalidOperationException("the recogniser returned null");
        }

        double calls = (double)texts.Length * timedPasses;
        Array.Sort(passTimes);
        return new CallCost(
            texts.Length,
            timedPasses,
            elapsed.TotalMicroseconds / calls,
            allocated / calls,
            passTimes[timedPasses / 2] / texts.Length,
            passTimes[0] / texts.Length);
    }

    private static int Loop<T>(string[] texts, Func<string, T> analyze)
    {
        int nulls = 0;
        foreach (string text in texts)
        {
            if (analyze(text) is null)
            {
                nulls++;
            }
        }

        return nulls;
    }
}
