using System.Globalization;

namespace CxCluster.Load;

/// <summary>
/// Memory per conversation: starts N conversations and leaves them idle, then adds turns to each, measuring the
/// managed heap (after full, compacting collections) and the working set before and after each step.
/// </summary>
public sealed class MemoryProbe(LoadOptions options, TextWriter output)
{
    public async Task<MemoryFootprint> RunAsync()
    {
        await using var cluster = await LoadCluster.StartAsync(options, output, options.IdleSeconds is { } idle
            ? new Dictionary<string, string?> { ["Conversations:IdleSeconds"] = idle.ToString(CultureInfo.InvariantCulture) }
            : null);
        var grains = cluster.Grains;
        var ids = Enumerable.Range(0, options.Conversations).Select(i => $"m{i}").ToArray();

        // Warm up the code paths and the runtime's own caches on conversations that are not counted.
        await ForEach(Enumerable.Range(0, 500).Select(i => $"warm{i}"), id => Start(grains, id));
        var before = Measure();
        await ForEach(ids, id => Start(grains, id));
        var started = Measure();
        if (options.HoldSeconds > 0)
        {
            output.WriteLine($"holding {options.HoldSeconds} s for a heap dump of process {Environment.ProcessId}");
            await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
        }
        await ForEach(ids, async id =>
        {
            for (var turn = 0; turn < options.Turns; turn++)
            {
                await grains.Conversation(LoadCluster.Tenant, id).Apply(new CustomerMessageEvent
                {
                    Id = $"{id}-t{turn}",
                    OccurredAt = DateTimeOffset.UtcNow,
                    Text = $"pesanan saya nomor {turn} belum sampai, bisa dicek? ({turn})",
                });
            }
        });
        var grown = Measure();
        (long Heap, long WorkingSet)? left = null;
        if (options.IdleSeconds is { } idleSeconds)
        {
            // Every conversation, the uncounted ones too, goes once idle that long; wait until none is in memory.
            var management = grains.GetGrain<IManagementGrain>(0);
            var type = ((GrainReference)(object)grains.Conversation(LoadCluster.Tenant, ids[0])).GrainId.Type;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while ((await management.GetActiveGrains(type)).Count > 0)
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(idleSeconds * 3 + 120))
                {
                    throw new TimeoutException($"conversations still in memory {waited.Elapsed.TotalSeconds:0} s after the last event");
                }
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            output.WriteLine($"Every conversation left memory {waited.Elapsed.TotalSeconds:0} s after its last event.");
            left = Measure();
        }
        return new MemoryFootprint(options, before, started, grown, left);
    }

    private static Task Start(IGrainFactory grains, string id) =>
        grains.Conversation(LoadCluster.Tenant, id).Apply(new ConversationStartedEvent
        {
            Id = $"{id}-start",
            OccurredAt = DateTimeOffset.UtcNow,
            Channel = Channel.Whatsapp,
            Locale = "id-ID",
        }).AsTask();

    private static Task ForEach(IEnumerable<string> ids, Func<string, Task> action) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, _) => await action(id));

    /// <summary>
    /// The heap after full, compacting collections, repeated until it settles: each full collection also lets the
    /// runtime's and Orleans' buffer pools give back what they no longer use, which would otherwise land in the next
    /// step's figure (as much as tens of MB, more than a few hundred conversations weigh).
    /// </summary>
    private static (long Heap, long WorkingSet) Measure()
    {
        const long Settled = 16 * 1024;
        long previous = long.MaxValue;
        long heap = 0;
        for (var i = 0; i < 12; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            heap = GC.GetTotalMemory(forceFullCollection: true);
            if (i >= 2 && Math.Abs(previous - heap) <= Settled)
            {
                break;
            }

            previous = heap;
        }

        return (heap, Environment.WorkingSet);
    }
}

/// <summary>What the probe measured, per conversation and per turn.</summary>
public sealed record MemoryFootprint(
    LoadOptions Options, (long Heap, long WorkingSet) Before, (long Heap, long WorkingSet) Started, (long Heap, long WorkingSet) Grown,
    (long Heap, long WorkingSet)? Left = null)
{
    public double HeapPerConversation => (Started.Heap - Before.Heap) / (double)Options.Conversations;
    public double WorkingSetPerConversation => (Started.WorkingSet - Before.WorkingSet) / (double)Options.Conversations;
    public double HeapPerTurn => (Grown.Heap - Started.Heap) / (double)(Options.Conversations * Math.Max(1, Options.Turns));
    public double WorkingSetPerTurn => (Grown.WorkingSet - Started.WorkingSet) / (double)(Options.Conversations * Math.Max(1, Options.Turns));

    public void Print(TextWriter output)
    {
        static string B(double bytes) => bytes.ToString("0", CultureInfo.InvariantCulture);
        output.WriteLine();
        output.WriteLine($"Memory: {Options.Silos} silo(s) in one process, {Options.Storage} storage, {Options.Conversations} conversations started and left idle, then {Options.Turns} customer turns each");
        output.WriteLine();
        output.WriteLine("| figure | managed heap (bytes) | working set (bytes) |");
        output.WriteLine("| --- | ---: | ---: |");
        output.WriteLine($"| per started, idle conversation | {B(HeapPerConversation)} | {B(WorkingSetPerConversation)} |");
        output.WriteLine($"| per transcript turn | {B(HeapPerTurn)} | {B(WorkingSetPerTurn)} |");
        if (Left is { } left)
        {
            // Counted over the measured conversations, their turns included, against the heap before any was started.
            output.WriteLine($"| per conversation once idle ones left memory ({Options.IdleSeconds} s), its {Options.Turns} turns included | {B((left.Heap - Before.Heap) / (double)Options.Conversations)} | {B((left.WorkingSet - Before.WorkingSet) / (double)Options.Conversations)} |");
        }
    }
}
