using System.Collections.Concurrent;
using System.Diagnostics;

namespace CxCluster.Load;

/// <summary>
/// Drives realistic conversations through the grains of an in-process multi-silo cluster, with simulated human agents
/// taking and completing handoffs, then checks the invariants and reports the figures.
/// </summary>
public sealed class InProcessLoad(LoadOptions options, TextWriter output)
{
    public const string Tenant = LoadCluster.Tenant;

    private readonly Recorder _recorder = new();
    private readonly ConcurrentDictionary<string, AnswerLog> _logs = new();

    public async Task<LoadReport> RunAsync()
    {
        await using var cluster = await LoadCluster.StartAsync(options, output);
        var grains = options.Client == "hosted" ? cluster.HostedGrains : cluster.Grains;
        await RegisterAgentsAsync(grains);
        using var stopAgents = new CancellationTokenSource();
        var agents = SimulateAgentsAsync(grains, stopAgents.Token);

        WarmupFigures? warmupFigures = null;
        if (options.Warmup > TimeSpan.Zero)
        {
            // Closed loop on conversations of their own, until the code paths are compiled at their final tier.
            // Their answers are checked with the rest but not counted.
            var warmup = new Recorder();
            var settled = JitWarmup.UntilSettledAsync(options.Warmup);
            await PlayAsync(grains, "w", int.MaxValue, warmup, pacer: null, () => !settled.IsCompleted);
            warmupFigures = await settled;
            foreach (var (error, count) in warmup.Errors)
            {
                _recorder.Errors.AddOrUpdate($"warm-up: {error}", count, (_, n) => n + count);
            }
        }
        var floor = await MeasureFloorAsync(grains);

        using var gcLog = options.GcLog ? new GcLog() : null;
        using var allocations = options.AllocationTypes ? new AllocationSampler() : null;
        allocations?.Start();
        var gcBefore = GcFigures.Now();
        Console.Error.WriteLine("playing the measured conversations");
        var clock = Stopwatch.StartNew();
        var deadline = options.Duration > TimeSpan.Zero ? DateTime.UtcNow + options.Duration : DateTime.MaxValue;
        await PlayAsync(grains, "c", options.Conversations, _recorder, options.Rate > 0 ? new Pacer(options.Rate) : null, () => DateTime.UtcNow < deadline);
        var elapsed = clock.Elapsed;
        var gc = GcFigures.Now() - gcBefore;
        allocations?.Stop();
        gcLog?.Write(output);
        allocations?.Write(output, _recorder.Answered, gc.Allocated);

        await stopAgents.CancelAsync();
        await agents;
        Console.Error.WriteLine("checking the invariants");
        var problems = await CheckInvariantsAsync(grains);
        return new LoadReport(options, elapsed, _recorder, problems) { Floor = floor, Gc = gc, Warmup = warmupFigures };
    }

    /// <summary>
    /// The messaging floor: as many no-op grain calls as the run has events (at most 200,000), with as many in flight,
    /// spread over one grain per lane, through the same client. No event can be answered faster than this.
    /// </summary>
    private async Task<CallRate> MeasureFloorAsync(IGrainFactory grains)
    {
        var calls = Math.Min(200_000, options.Conversations * options.EventsPerConversation);
        var lanes = options.Concurrency;
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => grains.GetGrain<IClusterProbeGrain>(lane).Ping()));
        var next = 0;
        using var gcLog = options.GcLog ? new GcLog() : null;
        var gcBefore = GcFigures.Now();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(async lane =>
        {
            var probe = grains.GetGrain<IClusterProbeGrain>(lane);
            while (Interlocked.Increment(ref next) <= calls)
            {
                await probe.Ping();
            }
        }));
        return new CallRate(calls, clock.Elapsed) { Gc = GcFigures.Now() - gcBefore };
    }

    private Task RegisterAgentsAsync(IGrainFactory grains) => Task.WhenAll(Enumerable.Range(0, options.Agents).Select(async i =>
    {
        var agent = Agent(grains, i);
        await agent.Register(Profile(i));
        await agent.SetStatus(AgentStatus.Available);
    }));

    /// <summary>
    /// Plays conversations <paramref name="prefix"/>0, 1, ... until <paramref name="conversations"/> are played or the
    /// <paramref name="going"/> turns false: closed loop (a fixed number in flight) or open loop (a fixed event rate).
    /// </summary>
    private async Task PlayAsync(IGrainFactory grains, string prefix, int conversations, Recorder recorder, Pacer? pacer, Func<bool> going)
    {
        var next = -1;
        var lanes = pacer is null ? options.Concurrency : Math.Max(options.Concurrency, Math.Min(conversations, options.Rate / 10 + 64));
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < conversations && going())
            {
                await PlayConversationAsync(grains, new ConversationScript($"{prefix}{index}", index, options), recorder, pacer, going);
            }
        }));
    }

    private async Task PlayConversationAsync(IGrainFactory grains, ConversationScript script, Recorder recorder, Pacer? pacer, Func<bool> going)
    {
        var conversation = grains.Conversation(Tenant, script.ConversationId);
        var log = _logs.GetOrAdd(script.ConversationId, _ => new AnswerLog());
        string? disclosureId = null;
        for (var step = 0; step < script.Length && going(); step++)
        {
            // Open loop: latency counts from when the event was due, so a slow answer that delays the next is not hidden.
            var startedAt = pacer is null ? Stopwatch.GetTimestamp() : await pacer.NextAsync();
            var e = script.EventAt(step, disclosureId, DateTimeOffset.UtcNow);
            try
            {
                var outcome = await conversation.Apply(e, options.AnswerShape);
                if (outcome.Refusal is { } refusal)
                {
                    recorder.Errors.AddOrUpdate($"refused: {refusal.Kind}", 1, (_, n) => n + 1);
                    return;
                }
                var result = outcome.Result!;
                recorder.Answer(e.Type, startedAt, result);
                log.Record(e, result);
                disclosureId ??= result.Directives.OfType<DiscloseDirective>().FirstOrDefault()?.DisclosureId;
            }
            catch (Exception error)
            {
                recorder.Error(error);
                return;
            }
        }
    }

    /// <summary>Human agents: each keeps a conversation for the handling time, then completes it (which pulls the next).</summary>
    private async Task SimulateAgentsAsync(IGrainFactory grains, CancellationToken stop)
    {
        var firstSeen = new Dictionary<string, long>();
        while (!stop.IsCancellationRequested)
        {
            for (var i = 0; i < options.Agents; i++)
            {
                try
                {
                    var details = await Agent(grains, i).Get();
                    foreach (var conversationId in details?.Conversations ?? [])
                    {
                        if (firstSeen.TryAdd(conversationId, Stopwatch.GetTimestamp()))
                        {
                            _recorder.SeenAssigned(conversationId);
                        }
                        else if (Stopwatch.GetElapsedTime(firstSeen[conversationId]) >= options.HandlingTime)
                        {
                            await Agent(grains, i).Complete(conversationId);
                            firstSeen.Remove(conversationId);
                        }
                    }
                }
                catch (Exception error)
                {
                    _recorder.Error(error);
                }
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Every invariant (<see cref="ClusterInvariants"/>), read once through the grains: among them, every AI message
    /// allowed had a disclosure before it; no agent over capacity; no conversation with two agents; no conversation lost
    /// (each answered one exists, with every answered turn in its transcript).
    /// </summary>
    private async Task<IReadOnlyList<string>> CheckInvariantsAsync(IGrainFactory grains)
    {
        var expected = new ExpectedCluster(
            [.. Enumerable.Range(0, options.Agents).Select(i => new RegisteredAgent($"a{i}", Profile(i)))],
            [.. _logs.Select(entry => entry.Value.Expected(entry.Key))]);
        return (await ClusterInvariants.CheckAsync(new GrainClusterReader(grains, Tenant), expected)).Problems;
    }

    private AgentProfile Profile(int index) => new()
    {
        DisplayName = $"Agent {index}",
        Languages = ["id", "en"],
        Channels = [Channel.Chat, Channel.Whatsapp],
        Capacity = options.AgentCapacity,
    };

    private static IAgentGrain Agent(IGrainFactory grains, int index) => grains.Agent(Tenant, $"a{index}");

    /// <summary>Hands out start times at a fixed rate; callers wait for theirs.</summary>
    private sealed class Pacer(int perSecond)
    {
        private readonly long _interval = Stopwatch.Frequency / perSecond;
        private long _next = Stopwatch.GetTimestamp();

        public async Task<long> NextAsync()
        {
            var due = Interlocked.Add(ref _next, _interval) - _interval;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            return due;
        }
    }
}
