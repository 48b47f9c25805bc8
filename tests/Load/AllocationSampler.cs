using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace CxCluster.Load;

/// <summary>
/// What the measured part allocates, by type: the runtime's allocation ticks (one event about every 100 KB allocated,
/// naming the type of the object that crossed the mark), summed per type. A sample, not a count: a type's share of the
/// ticks estimates its share of the bytes, and its bytes per event are that share of the run's measured bytes.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }
        var names = e.PayloadNames!;
        var type = "?";
        long amount = 0;
        for (var i = 0; i < names.Count; i++)
        {
            switch (names[i])
            {
                case "TypeName":
                    type = e.Payload[i] as string ?? "?";
                    break;
                case "AllocationAmount64":
                    amount = Convert.ToInt64(e.Payload[i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "AllocationAmount" when amount == 0:
                    amount = Convert.ToInt64(e.Payload[i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    /// <summary>The types with the most sampled bytes, each with its estimated bytes per event.</summary>
    public void Write(TextWriter output, long events, long measuredBytes, int top = 30)
    {
        var sampled = _bytes.Values.Sum();
        if (sampled == 0 || events == 0)
        {
            output.WriteLine("No allocation was sampled.");
            return;
        }
        output.WriteLine();
        output.WriteLine($"Allocated by type (sampled: {sampled / 1024 / 1024:N0} MB of ticks; bytes per event from each type's share of {measuredBytes / events:N0} B):");
        MarkdownTable.Write(output, ["type", "share", "bytes per event"], _bytes.OrderByDescending(p => p.Value).Take(top).Select(p =>
        {
            var share = (double)p.Value / sampled;
            return new[] { p.Key, $"{share:P1}", $"{share * measuredBytes / events:N0}" };
        }));
    }
}
