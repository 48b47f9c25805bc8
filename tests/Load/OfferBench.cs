using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace CxCluster.Load;

/// <summary>
/// The agent's side of handoffs on an in-process cluster with offers on: how many offers are made and accepted a second
/// while agents work through a backlog, how soon a freed slot gets its next offer, and how late offer timers fire when
/// many deadlines are open at once.
/// </summary>
/// <remarks>
/// <c>offers [--silos 1] [--agents 1000] [--waiting 10000] [--duration 20] [--warmup 3] [--deadlines 10000] [--offer-timeout 15] [--concurrency 64] [--handle 0]</c>.
/// Throughput: <c>--waiting</c> conversations ask for a person while no agent is available, then <c>--agents</c> agents
/// (capacity 1) become available, each in a loop: poll its offers, accept, keep the conversation <c>--handle</c>
/// milliseconds on average (spread evenly from half to one and a half times that), complete (which pulls the next
/// waiting conversation as a new offer); each completion starts a new conversation asking for a person, so the backlog
/// stays. With no handling time the agents free slots as fast as the cluster can offer them, so the freed-slot figure
/// is mostly time spent queued behind the other agents' calls; a handling time that keeps the offers below that peak
/// measures the delay itself.
/// Offers and accepts are counted from <c>cx.handoff.steps</c> over <c>--duration</c> after <c>--warmup</c>.
/// Deadlines: on a fresh cluster whose offers time out after <c>--offer-timeout</c> seconds, <c>--deadlines</c> agents
/// available and as many conversations asking for a person, with nobody answering; the lateness of every offer expiry is
/// read from <c>cx.deadline.lateness</c>.
/// </remarks>
public sealed class OfferBench(TextWriter output)
{
    private const string Tenant = LoadCluster.Tenant;
    private const int ThroughputOfferSeconds = 30;

    private int _silos = 1;
    private int _agents = 1_000;
    private int _waiting = 10_000;
    private TimeSpan _duration = TimeSpan.FromSeconds(20);
    private TimeSpan _warmup = TimeSpan.FromSeconds(3);
    private int _deadlines = 10_000;
    private int _concurrency = 64;
    private int _deadlineOfferSeconds = 15;
    private TimeSpan _handle = TimeSpan.Zero;
    private int _conversation;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var bench = new OfferBench(output);
        var read = BenchArgs.TryRead(args, output, "offers", (name, value) =>
        {
            switch (name)
            {
                case "--silos": bench._silos = BenchArgs.Int(value()); return true;
                case "--agents": bench._agents = BenchArgs.Int(value()); return true;
                case "--waiting": bench._waiting = BenchArgs.Int(value()); return true;
                case "--duration": bench._duration = BenchArgs.Seconds(value()); return true;
                case "--warmup": bench._warmup = BenchArgs.Seconds(value()); return true;
                case "--deadlines": bench._deadlines = BenchArgs.Int(value()); return true;
                case "--concurrency": bench._concurrency = BenchArgs.Int(value()); return true;
                case "--offer-timeout": bench._deadlineOfferSeconds = BenchArgs.Int(value()); return true;
                case "--handle": bench._handle = BenchArgs.Milliseconds(value()); return true;
                default: return false;
            }
        }, () =>
        {
            if (bench._silos < 1 || bench._agents < 1 || bench._waiting < 1 || bench._deadlines < 1 || bench._concurrency < 1 || bench._deadlineOfferSeconds < 1 || bench._duration <= TimeSpan.Zero)
            {
                throw new ArgumentException("sizes and the duration must be positive");
            }
            if (bench._handle < TimeSpan.Zero)
            {
                throw new ArgumentException("--handle must not be negative");
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
        var rows = new List<string[]>();
        var total = Stopwatch.StartNew();
        rows.AddRange(await ThroughputAsync());
        // Printed as soon as measured, should the second part not finish.
        Print(rows);
        rows.Add(await DeadlinesAsync());
        output.WriteLine($"Whole run: {total.Elapsed.TotalSeconds:0} s.");
        Print(rows);
        return 0;
    }

    private LoadOptions ClusterOptions => LoadOptions.Parse(["--silos", _silos.ToString(CultureInfo.InvariantCulture)]);

    private static Dictionary<string, string?> Routing(int offerSeconds) => new()
    {
        ["Routing:OfferTimeoutSeconds"] = offerSeconds.ToString(CultureInfo.InvariantCulture),
        ["Routing:FirstReplySeconds"] = "0",
    };

    /// <summary>Rows 1 and 2: offers and accepts a second, and the time from a freed slot to the next offer.</summary>
    private async Task<string[][]> ThroughputAsync()
    {
        using var steps = new StepCounter();
        await using var cluster = await LoadCluster.StartAsync(ClusterOptions, output, Routing(ThroughputOfferSeconds));
        var grains = cluster.Grains;

        var clock = Stopwatch.StartNew();
        var handedOff = await AskForPeopleAsync(grains, _waiting);
        output.WriteLine($"{handedOff:N0} of {_waiting:N0} conversations wait for a person ({clock.Elapsed.TotalSeconds:0.0} s).");

        clock.Restart();
        await RegisterAgentsAsync(grains, _agents, "a");
        output.WriteLine($"{_agents:N0} agents available ({clock.Elapsed.TotalSeconds:0.0} s).");

        // Each completion starts a new conversation asking for a person, so the backlog stays near --waiting.
        var refills = System.Threading.Channels.Channel.CreateUnbounded<int>();
        using var stop = new CancellationTokenSource();
        var freedToOffer = new Latencies();
        // The same delay to the moment the pool made the offer (its expiry less the offer timeout), without the polling.
        var freedToOffered = new Latencies();
        var measuring = false;
        var refused = 0L;
        var failed = 0L;
        var refillers = Enumerable.Range(0, Math.Max(1, _concurrency / 4)).Select(_ => Task.Run(async () =>
        {
            await foreach (var __ in refills.Reader.ReadAllAsync())
            {
                try
                {
                    await BenchSteps.AskForPersonAsync(grains, Tenant, NextConversationId());
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToArray();
        var agents = Enumerable.Range(0, _agents).Select(i => Task.Run(async () =>
        {
            var agent = grains.Agent(Tenant, $"a{i}");
            long freedAt = 0;
            var freedWall = DateTimeOffset.MinValue;
            var backoff = TimeSpan.FromMilliseconds(2);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var offers = await agent.GetOffers();
                    if (offers is not { Count: > 0 })
                    {
                        await Task.Delay(backoff, stop.Token);
                        backoff = TimeSpan.FromMilliseconds(Math.Min(20, backoff.TotalMilliseconds * 2));
                        continue;
                    }
                    backoff = TimeSpan.FromMilliseconds(2);
                    var offer = offers[0];
                    if (freedAt != 0 && Volatile.Read(ref measuring))
                    {
                        freedToOffer.Add(Stopwatch.GetElapsedTime(freedAt));
                        freedToOffered.Add(offer.ExpiresAt - TimeSpan.FromSeconds(ThroughputOfferSeconds) - freedWall);
                    }
                    freedAt = 0;
                    var answer = await agent.AcceptOffer(offer.OfferId);
                    if (answer.Refusal is not null)
                    {
                        Interlocked.Increment(ref refused);
                        continue;
                    }
                    if (_handle > TimeSpan.Zero)
                    {
                        // Spread over half to one and a half times the mean, so the agents do not free their slots in waves.
                        await Task.Delay(_handle * (0.5 + Random.Shared.NextDouble()), stop.Token);
                    }
                    freedAt = Stopwatch.GetTimestamp();
                    freedWall = DateTimeOffset.UtcNow;
                    var completed = await agent.Complete(offer.ConversationId);
                    if (completed.Refusal is not null)
                    {
                        Interlocked.Increment(ref refused);
                        freedAt = 0;
                        continue;
                    }
                    refills.Writer.TryWrite(1);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                    freedAt = 0;
                }
            }
        })).ToArray();

        await Task.Delay(_warmup);
        var (offeredBefore, acceptedBefore) = steps.Read();
        Volatile.Write(ref measuring, true);
        clock.Restart();
        await Task.Delay(_duration);
        var (offeredAfter, acceptedAfter) = steps.Read();
        var elapsed = clock.Elapsed;
        Volatile.Write(ref measuring, false);
        await stop.CancelAsync();
        await Task.WhenAll(agents);
        refills.Writer.Complete();
        await Task.WhenAll(refillers);

        var offered = offeredAfter - offeredBefore;
        var accepted = acceptedAfter - acceptedBefore;
        output.WriteLine($"Over {elapsed.TotalSeconds:0.0} s: {offered:N0} offered, {accepted:N0} accepted; {refused:N0} refused, {failed:N0} failed calls.");
        var (count, p50, _, p99, max) = freedToOffer.Summary();
        var (made, madeP50, _, madeP99, madeMax) = freedToOffered.Summary();
        var handling = _handle > TimeSpan.Zero ? $", {_handle.TotalMilliseconds:0} ms a conversation" : "";
        return
        [
            [
                $"offers/s and accepts/s, {_agents:N0} agents (capacity 1{handling}), {_waiting:N0} waiting",
                $"{offered / elapsed.TotalSeconds:N0} offers/s, {accepted / elapsed.TotalSeconds:N0} accepts/s",
                $"{offered:N0} offers, {accepted:N0} accepts in {elapsed.TotalSeconds:0.0} s",
            ],
            [
                "freed slot (complete called) to next offer seen, p50 / p99 / max",
                count == 0 ? "—" : $"{p50:0.0} / {p99:0.0} / {max:0.0} ms",
                $"{count:N0} slots freed",
            ],
            [
                "freed slot (complete called) to next offer made (the offer's own time), p50 / p99 / max",
                made == 0 ? "—" : $"{madeP50:0.0} / {madeP99:0.0} / {madeMax:0.0} ms",
                $"{made:N0} slots freed",
            ],
        ];
    }

    /// <summary>Row 3: how late offer timers fire with <c>--deadlines</c> offers open at once.</summary>
    private async Task<string[]> DeadlinesAsync()
    {
        using var lateness = new LatenessListener("offer");
        await using var cluster = await LoadCluster.StartAsync(ClusterOptions, output, Routing(_deadlineOfferSeconds));
        var grains = cluster.Grains;

        var clock = Stopwatch.StartNew();
        await RegisterAgentsAsync(grains, _deadlines, "d");
        output.WriteLine($"{_deadlines:N0} agents available ({clock.Elapsed.TotalSeconds:0.0} s).");
        clock.Restart();
        var handedOff = await AskForPeopleAsync(grains, _deadlines);
        output.WriteLine($"{handedOff:N0} of {_deadlines:N0} conversations asked for a person ({clock.Elapsed.TotalSeconds:0.0} s); nobody answers.");

        var timeout = TimeSpan.FromSeconds(_deadlineOfferSeconds + 60);
        clock.Restart();
        while (lateness.Values.Count < _deadlines && clock.Elapsed < timeout)
        {
            await Task.Delay(100);
        }
        var (count, p50, _, p99, max) = lateness.Values.Summary();
        output.WriteLine($"{count:N0} offer expiries recorded.");
        return
        [
            $"offer timer lateness, {_deadlines:N0} open deadlines ({_deadlineOfferSeconds} s), p50 / p99 / max",
            count == 0 ? "—" : $"{p50:0.0} / {p99:0.0} / {max:0.0} ms",
            $"{count:N0} of {_deadlines:N0} expiries recorded",
        ];
    }

    private string NextConversationId() => $"o{Interlocked.Increment(ref _conversation)}";

    /// <summary>Conversations asking for a person, <c>--concurrency</c> at a time; answers how many were handed off.</summary>
    private async Task<int> AskForPeopleAsync(IGrainFactory grains, int count)
    {
        var handedOff = 0;
        var asked = 0;
        await BenchSteps.ForEachAsync(count, _concurrency, async _ =>
        {
            if (await BenchSteps.AskForPersonAsync(grains, Tenant, NextConversationId()))
            {
                Interlocked.Increment(ref handedOff);
            }
            if (Interlocked.Increment(ref asked) is var done && done % 2_000 == 0)
            {
                output.WriteLine($"  {done:N0} of {count:N0} asked ({DateTimeOffset.UtcNow:HH:mm:ss}).");
            }
        });
        return handedOff;
    }

    private Task RegisterAgentsAsync(IGrainFactory grains, int count, string prefix) =>
        BenchSteps.ForEachAsync(count, _concurrency, i => BenchSteps.RegisterAvailableAsync(grains, Tenant, $"{prefix}{i}", $"Agent {i}", capacity: 1));

    private void Print(List<string[]> rows) => MarkdownTable.Write(output, ["figure", "measured", "sample"], rows);

    /// <summary>The <c>cx.handoff.steps</c> counter's offered and accepted steps, summed over every silo of this process.</summary>
    private sealed class StepCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _offered;
        private long _accepted;

        public StepCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CxTelemetry.MeterName && instrument.Name == "cx.handoff.steps")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "step")
                    {
                        switch (tag.Value as string)
                        {
                            case "offered": Interlocked.Add(ref _offered, value); break;
                            case "accepted": Interlocked.Add(ref _accepted, value); break;
                        }
                    }
                }
            });
            _listener.Start();
        }

        public (long Offered, long Accepted) Read() => (Interlocked.Read(ref _offered), Interlocked.Read(ref _accepted));

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>Every <c>cx.deadline.lateness</c> value of one kind recorded in this process.</summary>
    private sealed class LatenessListener : IDisposable
    {
        private readonly MeterListener _listener = new();

        public LatenessListener(string kind)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CxTelemetry.MeterName && instrument.Name == "cx.deadline.lateness")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "kind" && tag.Value as string == kind)
                    {
                        Values.Add(TimeSpan.FromMilliseconds(value));
                    }
                }
            });
            _listener.Start();
        }

        public Latencies Values { get; } = new();

        public void Dispose() => _listener.Dispose();
    }
}
