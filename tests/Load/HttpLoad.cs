using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CxCluster.Load;

/// <summary>
/// Plays the in-process driver's conversations over real HTTP against the real API in front of real silos on
/// loopback (single events, or batches), measures <c>GET /health/live</c> on the same host as the ceiling, then checks
/// the invariants through the API. No agents: a handoff, if the options ask for any, just queues.
/// </summary>
public sealed class HttpLoad(LoadOptions options, TextWriter output)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly Recorder _recorder = new();
    private readonly ConcurrentDictionary<string, AnswerLog> _logs = new();
    private int _requests;

    public async Task<HttpLoadReport> RunAsync()
    {
        await using var cluster = await HttpCluster.StartAsync(options.Silos);
        using var http = CreateClient(cluster.Address, options.Concurrency, options.AnswerShape);
        await cluster.WaitUntilReadyAsync();
        output.WriteLine($"API ready at {cluster.Address} in front of {options.Silos} silos.");

        if (options.Warmup > TimeSpan.Zero)
        {
            // Conversations of their own, unmeasured, until the API's and the silos' code is compiled at its final
            // tier; the trivial endpoint is measured after the events, so it is warm too. Errors still count.
            await PlayAsync(http, "w", int.MaxValue, new Recorder(), DateTime.UtcNow + options.Warmup);
            Interlocked.Exchange(ref _requests, 0);
        }
        var deadline = options.Duration > TimeSpan.Zero ? DateTime.UtcNow + options.Duration : DateTime.MaxValue;
        using var allocations = options.AllocationTypes ? new AllocationSampler() : null;
        var gcBefore = GcFigures.Now();
        var clock = Stopwatch.StartNew();
        allocations?.Start();
        await PlayAsync(http, "c", options.Conversations, _recorder, deadline);
        allocations?.Stop();
        var elapsed = clock.Elapsed;
        var gc = GcFigures.Now() - gcBefore;
        var requests = _requests;
        // The API, the silos and the driver's client share the process: the driver's types are its HTTP client's.
        allocations?.Write(output, _recorder.Answered, gc.Allocated, top: 45);

        // As many trivial requests as events (for single events, as many as event requests), so batches get a steady ceiling too.
        var trivialRequests = Math.Max(1, Math.Max(requests, _recorder.Answered));
        var trivialCpu = Environment.CpuUsage.TotalTime;
        var (trivialElapsed, trivialErrors) = await MeasureTrivialAsync(http, trivialRequests);
        trivialCpu = Environment.CpuUsage.TotalTime - trivialCpu;
        var problems = await CheckInvariantsAsync(http);
        return new HttpLoadReport(new LoadReport(options, elapsed, _recorder, problems) { Gc = gc }, requests, trivialRequests, trivialElapsed, trivialErrors)
        {
            TrivialCpu = trivialCpu,
        };
    }

    /// <summary>One client for the whole run, with a connection for every request in flight.</summary>
    private static HttpClient CreateClient(Uri address, int concurrency, AnswerShape answers)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, concurrency),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HttpCluster.ApiKey);
        // The driver reads only directives and whether the disclosure was delivered: the lean answer carries both.
        if (answers == AnswerShape.Summary)
        {
            http.DefaultRequestHeaders.Add("Prefer", "return=minimal");
        }
        return http;
    }

    /// <summary>Plays conversations <paramref name="prefix"/>0, 1, ... in single events or batches; answers go to <paramref name="recorder"/>.</summary>
    private Task PlayAsync(HttpClient http, string prefix, int conversations, Recorder recorder, DateTime deadline) =>
        options.Batch > 0 ? PlayBatchesAsync(http, prefix, conversations, recorder, deadline) : PlaySinglesAsync(http, prefix, conversations, recorder, deadline);

    /// <summary>Closed loop: each lane plays one conversation at a time, one event per request.</summary>
    private async Task PlaySinglesAsync(HttpClient http, string prefix, int conversations, Recorder recorder, DateTime deadline)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < conversations && DateTime.UtcNow < deadline)
            {
                await PlayConversationAsync(http, new ConversationScript($"{prefix}{index}", index, options), recorder, deadline);
            }
        }));
    }

    private async Task PlayConversationAsync(HttpClient http, ConversationScript script, Recorder recorder, DateTime deadline)
    {
        var log = _logs.GetOrAdd(script.ConversationId, _ => new AnswerLog());
        var path = new Uri($"/v1/conversations/{script.ConversationId}/events", UriKind.Relative);
        string? disclosureId = null;
        for (var step = 0; step < script.Length && DateTime.UtcNow < deadline; step++)
        {
            var e = script.EventAt(step, disclosureId, DateTimeOffset.UtcNow);
            var startedAt = Stopwatch.GetTimestamp();
            try
            {
                using var content = new ByteArrayContent(HttpWire.Single(e));
                content.Headers.ContentType = Json;
                using var response = await http.PostAsync(path, content);
                Interlocked.Increment(ref _requests);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    CountError($"HTTP {(int)response.StatusCode}");
                    return;
                }
                await using var body = await response.Content.ReadAsStreamAsync();
                using var json = await JsonDocument.ParseAsync(body);
                var result = HttpWire.ReadResult(json.RootElement);
                recorder.Answer(e.Type, startedAt, result);
                log.Record(e, result);
                disclosureId ??= result.Directives.OfType<DiscloseDirective>().FirstOrDefault()?.DisclosureId;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                _recorder.Error(error);
                return;
            }
        }
    }

    /// <summary>
    /// Closed loop of batches: each lane sends one batch at a time, filled with the next events of the conversations it
    /// plays (in order), taking on new conversations while there is room. A conversation's disclosure confirmation
    /// waits for the answer to its start, which carries the disclosure id.
    /// </summary>
    private async Task PlayBatchesAsync(HttpClient http, string prefix, int conversations, Recorder recorder, DateTime deadline)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            var active = new List<Playing>();
            var exhausted = false;
            while (true)
            {
                var batch = new List<(Playing Conversation, ConversationEvent Event)>(options.Batch);
                var now = DateTimeOffset.UtcNow;
                if (DateTime.UtcNow < deadline)
                {
                    foreach (var playing in active)
                    {
                        playing.Fill(batch, options.Batch, now);
                    }
                    while (batch.Count < options.Batch && !exhausted)
                    {
                        var index = Interlocked.Increment(ref next);
                        if (index >= conversations)
                        {
                            exhausted = true;
                            break;
                        }
                        var playing = new Playing(new ConversationScript($"{prefix}{index}", index, options));
                        _logs.TryAdd(playing.Script.ConversationId, playing.Log);
                        active.Add(playing);
                        playing.Fill(batch, options.Batch, now);
                    }
                }
                if (batch.Count == 0)
                {
                    return;
                }
                await SendBatchAsync(http, batch, recorder);
                active.RemoveAll(p => p.Done);
            }
        }));
    }

    private async Task SendBatchAsync(HttpClient http, List<(Playing Conversation, ConversationEvent Event)> batch, Recorder recorder)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            using var content = new ByteArrayContent(HttpWire.Batch(batch.Select(b => (b.Conversation.Script.ConversationId, b.Event))));
            content.Headers.ContentType = Json;
            using var response = await http.PostAsync(new Uri("/v1/events:batch", UriKind.Relative), content);
            Interlocked.Increment(ref _requests);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                CountError($"HTTP {(int)response.StatusCode}", batch.Count);
                batch.ForEach(b => b.Conversation.Failed = true);
                return;
            }
            await using var body = await response.Content.ReadAsStreamAsync();
            using var json = await JsonDocument.ParseAsync(body);
            var results = json.RootElement.GetProperty("results");
            if (results.GetArrayLength() != batch.Count)
            {
                CountError("batch answered a wrong number of results", batch.Count);
                batch.ForEach(b => b.Conversation.Failed = true);
                return;
            }
            var i = 0;
            foreach (var item in results.EnumerateArray())
            {
                var (playing, e) = batch[i++];
                if (item.TryGetProperty("error", out var problem))
                {
                    var status = problem.TryGetProperty("status", out var s) && s.TryGetInt32(out var code) ? code : 0;
                    CountError($"event {status}");
                    playing.Failed = true;
                    continue;
                }
                var result = HttpWire.ReadResult(item);
                recorder.Answer(e.Type, startedAt, result);
                playing.Answered(e, result);
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            _recorder.Error(error);
            batch.ForEach(b => b.Conversation.Failed = true);
        }
    }

    /// <summary>The ceiling: the same number of requests to <c>GET /health/live</c>, with the same number in flight.</summary>
    private async Task<(TimeSpan Elapsed, int Errors)> MeasureTrivialAsync(HttpClient http, int requests)
    {
        var next = -1;
        var errors = 0;
        var path = new Uri("/health/live", UriKind.Relative);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                try
                {
                    using var response = await http.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return (clock.Elapsed, errors);
    }

    /// <summary>
    /// Every invariant (<see cref="ClusterInvariants"/>), read once through the API: among them, every conversation
    /// answered exists, with every answered turn in its transcript (within the transcript window), and no AI message
    /// was allowed without a disclosure before it.
    /// </summary>
    private async Task<IReadOnlyList<string>> CheckInvariantsAsync(HttpClient http) =>
        (await ClusterInvariants.CheckAsync(new HttpClusterReader(http), new ExpectedCluster([], [.. _logs.Select(entry => entry.Value.Expected(entry.Key))]))).Problems;

    private void CountError(string key, int count = 1) => _recorder.Errors.AddOrUpdate(key, count, (_, n) => n + count);

    /// <summary>A conversation a batch lane is playing: the next step, what its start was answered, whether it failed.</summary>
    private sealed class Playing(ConversationScript script)
    {
        private int _next;
        private bool _startAnswered;
        private string? _disclosureId;

        public ConversationScript Script { get; } = script;
        public AnswerLog Log { get; } = new();
        public bool Failed { get; set; }
        public bool Done => Failed || _next >= Script.Length;

        /// <summary>Adds its next events while there is room; the disclosure confirmation only once the start was answered.</summary>
        public void Fill(List<(Playing, ConversationEvent)> batch, int size, DateTimeOffset now)
        {
            while (!Failed && batch.Count < size && _next < Script.Length && (_next != 2 || _startAnswered))
            {
                batch.Add((this, Script.EventAt(_next++, _disclosureId, now)));
            }
        }

        public void Answered(ConversationEvent e, EventResult result)
        {
            Log.Record(e, result);
            if (e.Type == EventType.ConversationStarted)
            {
                _startAnswered = true;
            }
            _disclosureId ??= result.Directives.OfType<DiscloseDirective>().FirstOrDefault()?.DisclosureId;
        }
    }
}

/// <summary>The event figures of an HTTP run, and the trivial endpoint measured on the same host as the ceiling.</summary>
public sealed record HttpLoadReport(LoadReport Events, int EventRequests, int TrivialRequests, TimeSpan TrivialElapsed, int TrivialErrors)
{
    public double TrivialPerSecond => TrivialRequests / TrivialElapsed.TotalSeconds;

    /// <summary>Process CPU time (all threads) while the trivial requests ran.</summary>
    public TimeSpan TrivialCpu { get; init; }

    /// <summary>Events per second as a share of the trivial endpoint's requests per second.</summary>
    public double Ratio => Events.EventsPerSecond / TrivialPerSecond;

    public bool Passed => Events.Passed && TrivialErrors == 0 && TrivialPerSecond > 0;

    public void Print(TextWriter output)
    {
        var o = Events.Options;
        var mode = o.Batch > 0 ? $"batches of up to {o.Batch} events" : "single events";
        Events.Print(output, $"HTTP load: API on loopback in front of {o.Silos} silos, memory storage, {o.Conversations} conversations x {o.EventsPerConversation} events, {mode}, closed loop, {o.Concurrency} requests in flight{o.WarmupNote}, no agents");
        output.WriteLine();
        output.WriteLine("| ceiling: GET /health/live, same host, same requests in flight | value |");
        output.WriteLine("| --- | ---: |");
        output.WriteLine($"| event requests (HTTP) | {EventRequests} |");
        output.WriteLine($"| trivial requests | {TrivialRequests} ({TrivialErrors} failed) |");
        output.WriteLine($"| trivial requests/s | {TrivialPerSecond.ToString("0", CultureInfo.InvariantCulture)} |");
        output.WriteLine($"| process CPU per trivial request (µs) | {(TrivialCpu.TotalMicroseconds / TrivialRequests).ToString("0.0", CultureInfo.InvariantCulture)} |");
        output.WriteLine($"| events/s ÷ trivial requests/s | {(Ratio * 100).ToString("0.0", CultureInfo.InvariantCulture)}% |");
    }
}
