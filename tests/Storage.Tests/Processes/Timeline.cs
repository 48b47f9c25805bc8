using System.Globalization;
using Xunit.Abstractions;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>Writes when each phase of a test was reached, on the journal's clock and the wall clock (to match process logs).</summary>
public sealed class Timeline(ITestOutputHelper output, RequestJournal journal)
{
    private readonly TimeSpan _began = journal.Now;

    public TimeSpan Elapsed => journal.Now - _began;

    /// <summary>Writes the phase and returns the journal's time of it.</summary>
    public TimeSpan Mark(string phase)
    {
        var now = journal.Now;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:HH:mm:ss.fff} +{(now - _began).TotalSeconds,6:0.0} s  {phase}"));
        return now;
    }
}
