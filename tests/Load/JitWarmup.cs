using System.Diagnostics;
using System.Runtime;

namespace CxCluster.Load;

/// <summary>
/// When a warm-up may end: after its minimum time, once the JIT has compiled at most <see cref="Quiet"/> methods in each
/// of <see cref="QuietSeconds"/> seconds in a row (tiered compilation has settled; the silo's timers still compile a
/// rare method now and then, and one quiet second alone may only be the JIT's thread waiting for a core), or after
/// <see cref="MaxExtra"/> more if it never does.
/// </summary>
public static class JitWarmup
{
    public const int Quiet = 5;

    public const int QuietSeconds = 3;

    public static readonly TimeSpan MaxExtra = TimeSpan.FromSeconds(60);

    public static async Task<WarmupFigures> UntilSettledAsync(TimeSpan minimum)
    {
        var clock = Stopwatch.StartNew();
        await Task.Delay(minimum);
        var compiled = JitInfo.GetCompiledMethodCount();
        var lastSecond = 0L;
        var quiet = 0;
        while (clock.Elapsed < minimum + MaxExtra)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = JitInfo.GetCompiledMethodCount();
            lastSecond = now - compiled;
            compiled = now;
            quiet = lastSecond <= Quiet ? quiet + 1 : 0;
            if (quiet == QuietSeconds)
            {
                return new WarmupFigures(clock.Elapsed, Settled: true, lastSecond);
            }
        }
        return new WarmupFigures(clock.Elapsed, Settled: false, lastSecond);
    }
}

/// <summary>How long a warm-up lasted, whether the JIT had settled by its end, and what it compiled in its last second.</summary>
public readonly record struct WarmupFigures(TimeSpan Elapsed, bool Settled, long LastSecond);
