using System.Diagnostics;
using System.Globalization;

namespace CxCluster.Load;

/// <summary>
/// What a supervisor board read costs as a tenant's agents grow: the board of one tenant with many agents, some of them
/// holding conversations and some conversations waiting, read by one supervisor after another and by several at once.
/// </summary>
/// <remarks>
/// <c>board [--silos 1] [--agents 1000] [--conversations 3000] [--reads 200] [--readers 8] [--duration 10]</c>.
/// The agents (English, chat, capacity 2) become available, then the conversations start and ask for a person, so the
/// agents fill up and the rest wait. Then the board is read <c>--reads</c> times one after another (after 20 reads
/// unmeasured), and for <c>--duration</c> seconds by <c>--readers</c> readers at once. Each read follows the journal up
/// to its head first, as every read does.
/// </remarks>
public sealed class BoardBench(TextWriter output)
{
    private const string Tenant = LoadCluster.Tenant;

    /// <summary>How many agents register, or conversations ask, at a time while the board's tenant is set up.</summary>
    private const int Concurrency = 64;

    private int _silos = 1;
    private int _agents = 1_000;
    private int _conversations = 3_000;
    private int _reads = 200;
    private int _readers = 8;
    private TimeSpan _duration = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var bench = new BoardBench(output);
        var read = BenchArgs.TryRead(args, output, "board", (name, value) =>
        {
            switch (name)
            {
                case "--silos": bench._silos = BenchArgs.Int(value()); return true;
                case "--agents": bench._agents = BenchArgs.Int(value()); return true;
                case "--conversations": bench._conversations = BenchArgs.Int(value()); return true;
                case "--reads": bench._reads = BenchArgs.Int(value()); return true;
                case "--readers": bench._readers = BenchArgs.Int(value()); return true;
                case "--duration": bench._duration = BenchArgs.Seconds(value()); return true;
                default: return false;
            }
        }, () =>
        {
            if (bench._silos < 1 || bench._agents < 1 || bench._conversations < 0 || bench._reads < 1 || bench._readers < 1 || !(bench._duration > TimeSpan.Zero))
            {
                throw new ArgumentException("sizes and the duration must be positive");
            }
        });
        if (!read)
        {
            return 2;
        }
        return await bench.RunAsync();
    }

    private async Task<int> RunAsync()
    {
        await using var cluster = await LoadCluster.StartAsync(
            LoadOptions.Parse(["--silos", _silos.ToString(CultureInfo.InvariantCulture)]), output,
            new Dictionary<string, string?> { ["Routing:OfferTimeoutSeconds"] = "0", ["Routing:FirstReplySeconds"] = "0" });
        var grains = cluster.Grains;
        var clock = Stopwatch.StartNew();
        await BenchSteps.ForEachAsync(_agents, Concurrency, i => BenchSteps.RegisterAvailableAsync(grains, Tenant, $"b{i}", $"Agent {i}", capacity: 2));
        await BenchSteps.ForEachAsync(_conversations, Concurrency, i => BenchSteps.AskForPersonAsync(grains, Tenant, $"bc{i}"));
        output.WriteLine($"{_agents:N0} agents and {_conversations:N0} conversations asking for a person ({clock.Elapsed.TotalSeconds:0.0} s).");

        var board = grains.SupervisorBoard(Tenant);
        clock.Restart();
        var first = await board.Get(0);
        var firstRead = clock.Elapsed;
        for (var i = 0; i < 20; i++)
        {
            await board.Get(0);
        }

        var one = new Latencies();
        for (var i = 0; i < _reads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await board.Get(0);
            one.Add(Stopwatch.GetElapsedTime(started));
        }

        var many = new Latencies();
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, _readers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < _duration)
            {
                var started = Stopwatch.GetTimestamp();
                await board.Get(0);
                many.Add(Stopwatch.GetElapsedTime(started));
            }
        })));
        var elapsed = clock.Elapsed;

        var (reads, p50, _, p99, max) = one.Summary();
        var (manyReads, manyP50, _, manyP99, manyMax) = many.Summary();
        var held = first.Agents.Sum(a => a.Load);
        MarkdownTable.Write(output, ["figure", "measured", "sample"],
        [
            [
                "first read (the board built from the journal)",
                $"{firstRead.TotalMilliseconds:0.0} ms",
                $"{first.Agents.Count:N0} agents holding {held:N0}, {first.Conversations.Count:N0} conversations shown",
            ],
            [
                "one reader, p50 / p99 / max",
                $"{p50:0.00} / {p99:0.00} / {max:0.00} ms",
                $"{reads:N0} reads",
            ],
            [
                $"{_readers} readers at once: reads/s, p50 / p99 / max",
                $"{manyReads / elapsed.TotalSeconds:N0} reads/s, {manyP50:0.00} / {manyP99:0.00} / {manyMax:0.00} ms",
                $"{manyReads:N0} reads in {elapsed.TotalSeconds:0.0} s",
            ],
        ]);
        return 0;
    }
}
