using System.Diagnostics.Metrics;

namespace CxCluster.Storage.Tests.Journal;

/// <summary>Counts what the journals of one meter factory report: groups committed, their appends, failed commits.</summary>
public sealed class JournalMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _groups;
    private long _appends;
    private long _conflicts;
    private long _unavailable;

    public JournalMeter(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Name.StartsWith("cx.journal.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "cx.journal.group.appends")
            {
                Interlocked.Increment(ref _groups);
                Interlocked.Add(ref _appends, value);
            }
        });
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "cx.journal.commit.failures")
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "reason", Value: "conflict" })
                    {
                        Interlocked.Add(ref _conflicts, value);
                    }
                    else if (tag is { Key: "reason", Value: "unavailable" })
                    {
                        Interlocked.Add(ref _unavailable, value);
                    }
                }
            }
        });
        _listener.Start();
    }

    public long Groups => Interlocked.Read(ref _groups);

    public long Appends => Interlocked.Read(ref _appends);

    public long Conflicts => Interlocked.Read(ref _conflicts);

    public long Unavailable => Interlocked.Read(ref _unavailable);

    public void Dispose() => _listener.Dispose();
}
