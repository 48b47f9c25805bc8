using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Handoffs;

/// <summary>Thrown at an armed crash point in <c>throw</c> mode: the grain's call fails there, as if its silo had died.</summary>
[GenerateSerializer, Alias("cx.InjectedCrashException")]
public sealed class InjectedCrashException : Exception
{
    public InjectedCrashException(string step) : base($"Injected crash at {step}.") => Step = step;

    [Id(0)] public string Step { get; }
}

/// <summary>
/// The seam crash tests use to stop a silo between two steps of a handoff. Unarmed (the default) it does nothing.
/// An armed step fails the first time any grain of this silo reaches it.
/// </summary>
public sealed class CrashPoints
{
    private readonly HashSet<string> _armed;
    private readonly bool _kill;
    private readonly ILogger<CrashPoints> _logger;
    private int _fired;

    public CrashPoints(CrashPointSettings options, ILogger<CrashPoints> logger)
    {
        _logger = logger;
        _armed = [.. options.Armed];
        _kill = !string.Equals(options.CrashMode, CrashPointSettings.Throw, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Marks that a grain reached <paramref name="step"/>; fails there if that step is armed and has not fired yet.</summary>
    public void Reach(string step)
    {
        if (_armed.Count == 0 || !_armed.Contains(step) || Interlocked.Exchange(ref _fired, 1) == 1)
        {
            return;
        }
        _logger.LogCritical("Crash point {Step} reached: {Action}", step, _kill ? "killing this silo" : "failing the call");
        if (_kill)
        {
            System.Diagnostics.Process.GetCurrentProcess().Kill();
        }
        throw new InjectedCrashException(step);
    }
}
