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

    /// <summary>One collection; sizes in bytes before it (gen0 and gen1) and after it (gen2, large and pinned objects).</summary>
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
        long last = GC.GetGCMemoryInfo(GCKind.Any).Index;
        while (!_stop.IsCancellationRequested)
        {
            // Each kind keeps its own latest collection; reading the three finds collections that follow each other closely.
            foreach (var kind in new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background })
            {
                var info = GC.GetGCMemoryInfo(kind);
                if (info.Index <= last || info.Index == 0)
                {
                    continue;
                }
                var generations = info.GenerationInfo;
                lock (_collections)
                {
                    if (_collections.Exists(c => c.Index == info.Index))
                    {
                        continue;
                    }
                    _collections.Add(new Collection(info.Index, info.Generation, info.Concurrent, info.Compacted,
                        info.PauseDurations.Length > 0 ? info.PauseDurations[0] + (info.PauseDurations.Length > 1 ? info.PauseDurations[1] : TimeSpan.Zero) : TimeSpan.Zero,
                        info.PromotedBytes, generations[0].SizeBeforeBytes, generations[1].SizeBeforeBytes, generations[1].SizeAfterBytes,
                        generations[2].SizeAfterBytes, generations[3].SizeAfterBytes, info.PinnedObjectsCount));
                }
            }
            lock (_collections)
            {
                if (_collections.Count > 0)
                {
                    last = Math.Max(last, _collections.Max(c => c.Index) - 3);
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
