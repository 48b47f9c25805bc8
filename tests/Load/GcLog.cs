using System.Diagnostics.Tracing;

namespace CxCluster.Load;

/// <summary>
/// Every collection during a run, read from <see cref="GC.GetGCMemoryInfo(GCKind)"/> on a thread of its own, so a
/// report can say what each pause was: its generation, how long it paused, how much survived and how large each
/// generation was.
/// </summary>
public sealed class GcLog : IDisposable
{
    private readonly List<Collection> _collections = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly MarkListener _marks = new();

    public GcLog()
    {
        _thread = new Thread(Watch) { IsBackground = true, Name = "gc-log" };
        _thread.Start();
    }

    /// <summary>One collection; sizes in bytes before it (gen0 and gen1) and after it (gen1, gen2 and the large object heap), and the objects it found pinned.</summary>
    public sealed record Collection(long Index, int Generation, bool Concurrent, bool Compacted, TimeSpan Pause, long Promoted, long Gen0Before, long Gen1Before, long Gen1After, long Gen2After, long LargeAfter, long PinnedObjects);

    public IReadOnlyList<Collection> Collections
    {
        get
        {
            lock (_collections)
            {
                return [.. _collections];
            }
        }
    }

    private void Watch()
    {
        // Each kind keeps its own latest collection, and each collection is of one kind: a collection is new when its
        // index is past the last one seen of its kind.
        GCKind[] kinds = [GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background];
        var start = GC.GetGCMemoryInfo(GCKind.Any).Index;
        var seen = new long[kinds.Length];
        Array.Fill(seen, start);
        while (!_stop.IsCancellationRequested)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                var info = GC.GetGCMemoryInfo(kinds[k]);
                if (info.Index <= seen[k])
                {
                    continue;
                }
                seen[k] = info.Index;
                var generations = info.GenerationInfo;
                var pause = TimeSpan.Zero;
                foreach (var part in info.PauseDurations)
                {
                    pause += part;
                }
                lock (_collections)
                {
                    _collections.Add(new Collection(info.Index, info.Generation, info.Concurrent, info.Compacted, pause,
                        info.PromotedBytes, generations[0].SizeBeforeBytes, generations[1].SizeBeforeBytes, generations[1].SizeAfterBytes,
                        generations[2].SizeAfterBytes, generations[3].SizeAfterBytes, info.PinnedObjectsCount));
                }
            }
            _stop.Token.WaitHandle.WaitOne(5);
        }
    }

    /// <summary>The collections as a table, one row each, sizes in MB.</summary>
    public void Write(TextWriter output)
    {
        var collections = Collections.OrderBy(c => c.Index).ToList();
        output.WriteLine();
        output.WriteLine("| # | gen | kind | pause ms | promoted MB | gen0 before | gen1 before | gen1 after | gen2 after | LOH after | pinned |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var c in collections)
        {
            var kind = c.Concurrent ? "background" : c.Compacted ? "compacting" : "sweeping";
            output.WriteLine($"| {c.Index} | {c.Generation} | {kind} | {c.Pause.TotalMilliseconds:0.0} | {Mb(c.Promoted)} | {Mb(c.Gen0Before)} | {Mb(c.Gen1Before)} | {Mb(c.Gen1After)} | {Mb(c.Gen2After)} | {Mb(c.LargeAfter)} | {c.PinnedObjects} |");
        }
        output.WriteLine();
        output.WriteLine("| marked from | MB (all collections, all heaps) |");
        output.WriteLine("| --- | ---: |");
        foreach (var (root, bytes) in _marks.Totals.OrderByDescending(t => t.Value))
        {
            output.WriteLine($"| {root} | {Mb(bytes)} |");
        }
        static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _marks.Dispose();
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    /// <summary>The runtime's mark events: how many bytes each kind of root kept alive.</summary>
    private sealed class MarkListener : EventListener
    {
        private static readonly string[] Roots = ["stacks", "finalizer queue", "handles", "older generations (cards)", "sized refs", "mark overflow", "dependent handles", "new finalizer queue", "steal"];
        private readonly Dictionary<string, long> _totals = [];

        public IReadOnlyDictionary<string, long> Totals
        {
            get
            {
                lock (_totals)
                {
                    return new Dictionary<string, long>(_totals);
                }
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName != "GCMarkWithType" || e.Payload is null || e.PayloadNames is null)
            {
                return;
            }
            var type = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Type")], System.Globalization.CultureInfo.InvariantCulture);
            var bytes = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("Bytes")], System.Globalization.CultureInfo.InvariantCulture);
            var root = type >= 0 && type < Roots.Length ? Roots[type] : $"type {type}";
            lock (_totals)
            {
                _totals[root] = _totals.GetValueOrDefault(root) + bytes;
            }
        }
    }
}
