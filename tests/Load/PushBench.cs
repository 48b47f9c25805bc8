using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Load;

/// <summary>
/// What telling costs and how fast it is: facts from events sent over HTTP to the real API in front of real silos,
/// read back by live-stream clients and received by a webhook receiver on loopback (a process of its own), each run a
/// row of one table. CPU per event is this process's (silos, API, driver, stream clients), not the receiver's.
/// </summary>
/// <remarks>
/// <c>push [--silos 1] [--rates 1000,5000] [--duration 15] [--warmup 10] [--clients 100] [--concurrency 64] [--set Section:Key=value]…</c>.
/// Rows: the delay from a fact's <c>at</c> to its arrival (one stream client; one webhook receiver) at each open-loop
/// rate; how fast a backlog recorded while no endpoint listened is replayed to a new one; facts per second to
/// <c>--clients</c> stream clients at once; closed-loop events per second with 0, 1 and 3 webhook endpoints attached and
/// with one dead endpoint (it accepts connections and never answers).
/// </remarks>
public sealed class PushBench(TextWriter output)
{
    private int _silos = 1;
    private int[] _rates = [1_000, 5_000];
    private TimeSpan _duration = TimeSpan.FromSeconds(15);
    private TimeSpan _warmup = TimeSpan.FromSeconds(10);
    private int _clients = 100;
    private int _concurrency = 64;
    private int _conversation;
    private long _refused;
    private bool _streams = true;
    private bool _webhooks = true;
    private bool _openLoop = true;
    private bool _receiverHttp2;
    private readonly Dictionary<string, string?> _settings = new(HttpCluster.PushSettings);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var bench = new PushBench(output);
        var read = BenchArgs.TryRead(args, output, "push", (name, value) =>
        {
            switch (name)
            {
                case "--silos": bench._silos = BenchArgs.Int(value()); return true;
                case "--rates": bench._rates = [.. value().Split(',').Select(BenchArgs.Int)]; return true;
                case "--duration": bench._duration = BenchArgs.Seconds(value()); return true;
                case "--warmup": bench._warmup = BenchArgs.Seconds(value()); return true;
                case "--clients": bench._clients = BenchArgs.Int(value()); return true;
                case "--concurrency": bench._concurrency = BenchArgs.Int(value()); return true;
                case "--receiver-http2":
                    // The receiver speaks HTTP/2 without TLS, and the cluster is told its http receivers do.
                    bench._receiverHttp2 = true;
                    bench._settings["Webhooks:CleartextHttp2"] = "true";
                    return true;
                case "--set":
                    var setting = value().Split('=', 2);
                    bench._settings[setting[0]] = setting.Length == 2 ? setting[1] : throw new ArgumentException("--set takes key=value");
                    return true;
                case "--only":
                    var only = value();
                    (bench._streams, bench._webhooks) = only switch
                    {
                        "stream" => (true, false),
                        "webhooks" or "closed" => (false, true),
                        _ => throw new ArgumentException("--only takes stream, webhooks or closed (the closed-loop webhook rows alone)"),
                    };
                    bench._openLoop = only != "closed";
                    return true;
                default: return false;
            }
        }, () => { });
        if (!read)
        {
            return 2;
        }
        return await bench.RunAsync();
    }

    private async Task<int> RunAsync()
    {
        await using var cluster = await HttpCluster.StartAsync(_silos, _settings);
        await cluster.WaitUntilReadyAsync();
        await using var receiver = await Receiver.StartAsync(_receiverHttp2);
        using var silent = new SilentEndpoint();
        using var http = Client(cluster.Address, _concurrency + _clients + 8);
        output.WriteLine($"API at {cluster.Address} in front of {_silos} silo(s); webhook receiver at {receiver.Address}.");

        var rows = new List<string[]>();
        // Warm-up: the events path, the stream and a webhook, unmeasured.
        await using (var warm = await StreamClient.OpenAsync(cluster.Address, measure: false))
        {
            if (_webhooks)
            {
                await WebhookAsync(http, "warm", receiver.UrlFor("warm"));
            }
            await OpenLoopAsync(http, 2_000, _warmup);
            if (_webhooks)
            {
                await DeleteWebhookAsync(http, "warm");
            }
        }

        foreach (var rate in _openLoop ? _rates : [])
        {
            if (_streams)
            {
                await using var stream = await StreamClient.OpenAsync(cluster.Address, measure: true);
                var cpu = Environment.CpuUsage.TotalTime;
                var streamed = await OpenLoopAsync(http, rate, _duration);
                cpu = Environment.CpuUsage.TotalTime - cpu;
                await stream.SettleAsync(streamed.Recorded);
                rows.Add(Row($"stream, 1 client, {rate:N0} events/s offered", streamed, new Told(stream.Received, stream.Received, null), stream.Lag, cpu));
            }
            if (!_webhooks)
            {
                continue;
            }
            var hook = $"lag-{rate}";
            await receiver.ResetAsync();
            await WebhookAsync(http, hook, receiver.UrlFor(hook));
            var used = Environment.CpuUsage.TotalTime;
            var receiverUsed = receiver.CpuTime;
            var load = await OpenLoopAsync(http, rate, _duration);
            used = Environment.CpuUsage.TotalTime - used;
            receiverUsed = receiver.CpuTime - receiverUsed;
            var told = await receiver.SettleAsync(load.Recorded);
            await DeleteWebhookAsync(http, hook);
            rows.Add(Row($"webhook, 1 endpoint, {rate:N0} events/s offered", load, told, receiver.Lag, used, receiverUsed));
        }

        if (_webhooks && _openLoop)
        {
            // A backlog: the facts of events sent while no endpoint listened, then replayed to a new endpoint at once.
            await receiver.ResetAsync();
            var since = DateTimeOffset.UtcNow;
            var backlog = await OpenLoopAsync(http, _rates.Max(), _duration);
            await WebhookAsync(http, "backlog", receiver.UrlFor("backlog"));
            var cpu = Environment.CpuUsage.TotalTime;
            await ReplayAsync(http, "backlog", since);
            var told = await receiver.SettleAsync(backlog.Recorded);
            cpu = Environment.CpuUsage.TotalTime - cpu;
            await DeleteWebhookAsync(http, "backlog");
            var took = told.CaughtUpAfter ?? TimeSpan.Zero;
            rows.Add(
            [
                $"replay of a backlog ({backlog.Events:N0} events at {_rates.Max():N0}/s, no endpoint), CPU per fact told",
                "—",
                (told.Total / Math.Max(took.TotalSeconds, 0.001)).ToString("N0", CultureInfo.InvariantCulture),
                told.Total.ToString("N0", CultureInfo.InvariantCulture),
                backlog.Recorded.ToString("N0", CultureInfo.InvariantCulture),
                took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                "—",
                told.Total == 0 ? "—" : (cpu.TotalMicroseconds / told.Total).ToString("0.0", CultureInfo.InvariantCulture),
                "—",
            ]);
        }

        if (_streams)
        {
            var clients = new List<StreamClient>();
            for (var i = 0; i < _clients; i++)
            {
                clients.Add(await StreamClient.OpenAsync(cluster.Address, measure: i == 0));
            }
            var cpu = Environment.CpuUsage.TotalTime;
            var load = await ClosedLoopAsync(http, _duration);
            cpu = Environment.CpuUsage.TotalTime - cpu;
            foreach (var client in clients)
            {
                await client.SettleAsync(load.Recorded);
            }
            var received = clients.Sum(c => c.Received);
            rows.Add(Row($"stream, {_clients} clients, closed loop ({_concurrency} in flight)", load with { Recorded = load.Recorded * _clients },
                new Told(received, received, null), clients[0].Lag, cpu));
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        foreach (var (name, healthy, dead) in !_webhooks ? [] : new[] { ("no webhook", 0, false), ("1 webhook", 1, false), ("3 webhooks", 3, false), ("1 dead webhook", 0, true) })
        {
            await receiver.ResetAsync();
            var hooks = Enumerable.Range(0, healthy).Select(i => $"load-{name.Length}-{i}").ToList();
            foreach (var hook in hooks)
            {
                await WebhookAsync(http, hook, receiver.UrlFor(hook));
            }
            if (dead)
            {
                await WebhookAsync(http, "dead", silent.Url);
            }
            var cpu = Environment.CpuUsage.TotalTime;
            var receiverCpu = receiver.CpuTime;
            var load = await ClosedLoopAsync(http, _duration);
            cpu = Environment.CpuUsage.TotalTime - cpu;
            receiverCpu = receiver.CpuTime - receiverCpu;
            // Each healthy endpoint is told every fact the events recorded.
            load = load with { Recorded = load.Recorded * healthy };
            var told = healthy > 0 ? await receiver.SettleAsync(load.Recorded) : new Told(0, 0, null);
            rows.Add(Row($"events in, {name}, closed loop ({_concurrency} in flight)", load, told, healthy > 0 ? receiver.Lag : new Latencies(), cpu, receiverCpu));
            foreach (var hook in hooks)
            {
                await DeleteWebhookAsync(http, hook);
            }
            if (dead)
            {
                await DeleteWebhookAsync(http, "dead");
            }
        }

        Print(rows);
        if (_refused > 0)
        {
            output.WriteLine($"{_refused:N0} event(s) were not accepted (no answer or not 2xx); the facts recorded count only the accepted ones.");
        }
        return 0;
    }

    private static string[] Row(string run, Load load, Told told, Latencies lag, TimeSpan cpu, TimeSpan? receiverCpu = null)
    {
        var (count, p50, _, p99, max) = lag.Summary();
        var (events, elapsed) = (load.Events, load.Elapsed);
        return
        [
            run,
            (events / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture),
            (told.DuringLoad / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture),
            told.Total == 0 ? "—" : told.Total.ToString("N0", CultureInfo.InvariantCulture),
            load.Recorded == 0 ? "—" : load.Recorded.ToString("N0", CultureInfo.InvariantCulture),
            told.CaughtUpAfter is { } after ? after.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "—",
            count == 0 ? "—" : $"{p50:0.0} / {p99:0.0} / {max:0.0}",
            events == 0 ? "—" : (cpu.TotalMicroseconds / events).ToString("0.0", CultureInfo.InvariantCulture),
            events == 0 || receiverCpu is not { } theirs ? "—" : (theirs.TotalMicroseconds / events).ToString("0.0", CultureInfo.InvariantCulture),
        ];
    }

    private void Print(List<string[]> rows) =>
        MarkdownTable.Write(output,
            ["run", "events/s in", "facts/s told during the load", "facts told in all", "facts to tell", "all told, s after the load",
                "delay p50 / p99 / max (ms)", "CPU µs per event (cluster, API, driver)",
                "receiver's CPU µs per event (its own process, same cores)"], rows);

    /// <summary>Facts that reached their readers while the load ran and in all, and how long after the load the last one came.</summary>
    private readonly record struct Told(long DuringLoad, long Total, TimeSpan? CaughtUpAfter);

    /// <summary>How long a reader that has not yet had every fact may stay silent before a run stops waiting for it.</summary>
    private static readonly TimeSpan GiveUpQuiet = TimeSpan.FromSeconds(45);

    /// <summary>
    /// A run's events: how many were sent, over what time, and the facts the accepted ones recorded (the sum of each
    /// conversation's last <c>version</c>, its fact sequence number) times the readers each fact goes to.
    /// </summary>
    private readonly record struct Load(long Events, TimeSpan Elapsed, long Recorded);

    private static HttpClient Client(Uri address, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", HttpCluster.ApiKey) },
        };

    private static async Task WebhookAsync(HttpClient http, string id, string url)
    {
        using var response = await http.PutAsync($"/v1/webhooks/{id}", JsonContent(new JsonObject { ["url"] = url }));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT /v1/webhooks/{id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task ReplayAsync(HttpClient http, string id, DateTimeOffset from)
    {
        using var response = await http.PostAsync($"/v1/webhooks/{id}/replay", JsonContent(new JsonObject { ["from"] = from.ToString("O") }));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /v1/webhooks/{id}/replay answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task DeleteWebhookAsync(HttpClient http, string id)
    {
        using var response = await http.DeleteAsync($"/v1/webhooks/{id}");
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>
    /// <c>rate × duration</c> events started at <paramref name="rate"/> a second whatever the answers. A conversation's
    /// next event waits for the answer to its previous one, as a platform sends them: an event due while every
    /// conversation waits for an answer starts a new conversation.
    /// </summary>
    private async Task<Load> OpenLoopAsync(HttpClient http, int rate, TimeSpan duration)
    {
        using var inFlight = new SemaphoreSlim(1_024);
        var total = (long)(duration.TotalSeconds * rate);
        var sent = 0L;
        var tasks = new List<Task>();
        var all = new List<Conversation>(NewConversations(Math.Max(64, rate / 10)));
        var idle = new System.Collections.Concurrent.ConcurrentQueue<Conversation>(all);
        var clock = Stopwatch.StartNew();
        while (sent < total)
        {
            var due = Math.Min(total, (long)(clock.Elapsed.TotalSeconds * rate));
            while (sent < due)
            {
                await inFlight.WaitAsync();
                if (!idle.TryDequeue(out var conversation))
                {
                    conversation = NewConversations(1)[0];
                    all.Add(conversation);
                }
                tasks.Add(SendAsync(http, conversation).ContinueWith(_ =>
                {
                    idle.Enqueue(conversation);
                    inFlight.Release();
                }, TaskScheduler.Default));
                sent++;
            }
            if (sent < total)
            {
                await Task.Delay(1);
            }
        }
        await Task.WhenAll(tasks);
        return new Load(sent, clock.Elapsed, Recorded(all));
    }

    /// <summary><c>--concurrency</c> conversations in flight, each sending its next event once answered, for the duration.</summary>
    private async Task<Load> ClosedLoopAsync(HttpClient http, TimeSpan duration)
    {
        var sent = 0L;
        var clock = Stopwatch.StartNew();
        var conversations = NewConversations(_concurrency);
        await Task.WhenAll(conversations.Select(async conversation =>
        {
            while (clock.Elapsed < duration)
            {
                await SendAsync(http, conversation);
                Interlocked.Increment(ref sent);
            }
        }));
        return new Load(sent, clock.Elapsed, Recorded(conversations));
    }

    private static long Recorded(IEnumerable<Conversation> conversations) => conversations.Sum(c => (long)c.Version);

    private Conversation[] NewConversations(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new Conversation($"p{Interlocked.Increment(ref _conversation)}"))];

    /// <summary>
    /// The conversation's next event: its start, then a customer's everyday messages, with the lean answer, whose
    /// <c>version</c> is the number of facts the conversation has recorded so far.
    /// </summary>
    private async Task SendAsync(HttpClient http, Conversation conversation)
    {
        int n;
        lock (conversation)
        {
            n = ++conversation.Sent;
        }
        var body = n == 1
            ? $$"""{"id":"e{{n}}","type":"conversation.started","channel":"chat","locale":"id-ID"}"""
            : $$"""{"id":"e{{n}}","type":"customer.message","text":"halo kak, stok sepatu ukuran {{n % 45}} masih ada?"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/conversations/{conversation.Id}/events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Prefer", "return=minimal");
        try
        {
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                var version = VersionOf(await response.Content.ReadAsByteArrayAsync());
                lock (conversation)
                {
                    conversation.Version = Math.Max(conversation.Version, version);
                }
                return;
            }
        }
        catch (HttpRequestException)
        {
        }
        catch (TaskCanceledException)
        {
        }
        Interlocked.Increment(ref _refused);
    }

    /// <summary>The answer's <c>conversation.version</c>.</summary>
    private static int VersionOf(ReadOnlySpan<byte> answer)
    {
        var reader = new Utf8JsonReader(answer);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2 && reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                return reader.GetInt32();
            }
        }
        throw new InvalidOperationException("an event's answer has no conversation.version");
    }

    private sealed class Conversation(string id)
    {
        public string Id { get; } = id;
        public int Sent;
        public int Version;
    }

    /// <summary>Delay from a fact's <c>at</c> to now.</summary>
    private static TimeSpan Since(ReadOnlySpan<byte> factJson)
    {
        var reader = new Utf8JsonReader(factJson);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("at"u8))
            {
                reader.Read();
                return DateTimeOffset.UtcNow - reader.GetDateTimeOffset();
            }
        }
        return TimeSpan.Zero;
    }

    /// <summary>A live-stream client reading every fact of the tenant; one that measures parses each fact's time.</summary>
    private sealed class StreamClient : IAsyncDisposable
    {
        private readonly HttpClient _http;
        private readonly CancellationTokenSource _stop = new();
        private readonly bool _measure;
        private Task _reading = Task.CompletedTask;
        private long _received;
        private long _lastSeen = Environment.TickCount64;

        private StreamClient(HttpClient http, bool measure)
        {
            _http = http;
            _measure = measure;
        }

        public long Received => Interlocked.Read(ref _received);

        public Latencies Lag { get; } = new();

        public static async Task<StreamClient> OpenAsync(Uri address, bool measure)
        {
            var client = new StreamClient(Client(address, 1), measure);
            var response = await client._http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/stream"), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var lines = new StreamReader(await response.Content.ReadAsStreamAsync());
            // The stream is live once its ready comment came.
            while (await lines.ReadLineAsync() is { } line && !line.StartsWith(": ready", StringComparison.Ordinal))
            {
            }
            client._reading = client.ReadAsync(lines, response);
            return client;
        }

        private async Task ReadAsync(StreamReader lines, HttpResponseMessage response)
        {
            try
            {
                while (await lines.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (line.StartsWith("data:", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _received);
                        Volatile.Write(ref _lastSeen, Environment.TickCount64);
                        if (_measure)
                        {
                            Lag.Add(Since(Encoding.UTF8.GetBytes(line, 5, line.Length - 5)));
                        }
                    }
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            finally
            {
                response.Dispose();
            }
        }

        /// <summary>Waits until no fact came for half a second (what was sent has arrived).</summary>
        /// <summary>
        /// Waits until the client has read at least <paramref name="expected"/> facts and none came for half a second,
        /// or none came for <see cref="GiveUpQuiet"/> (what is missing then is missing).
        /// </summary>
        public async Task SettleAsync(long expected)
        {
            while (true)
            {
                var quiet = TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastSeen));
                if ((Received >= expected && quiet >= TimeSpan.FromMilliseconds(500)) || quiet >= GiveUpQuiet)
                {
                    return;
                }
                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _reading;
            _http.Dispose();
            _stop.Dispose();
        }
    }

    /// <summary>
    /// A webhook receiver in a process of its own (this program's <c>receiver</c> mode), so the cluster's CPU is measured
    /// apart from the receiver's: it answers 200 to every delivery and notes each fact's delay.
    /// </summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;

        private Receiver(Process process, string address, bool http2)
        {
            _process = process;
            Address = address;
            _http = new HttpClient { BaseAddress = new Uri(address) };
            if (http2)
            {
                _http.DefaultRequestVersion = HttpVersion.Version20;
                _http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
            }
        }

        public string Address { get; }

        public Latencies Lag { get; private set; } = new();

        /// <summary>The CPU time the receiver's process has used so far: what it takes from the cores the cluster runs on.</summary>
        public TimeSpan CpuTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        public string UrlFor(string hook) => $"{Address}/hooks/{hook}";

        public static async Task<Receiver> StartAsync(bool http2)
        {
            string[] arguments = http2 ? [typeof(PushBench).Assembly.Location, "receiver", "h2c"] : [typeof(PushBench).Assembly.Location, "receiver"];
            var start = new ProcessStartInfo(Environment.ProcessPath!, arguments)
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start)!;
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
            {
                process.Kill();
                throw new InvalidOperationException($"the receiver did not start: {line}");
            }
            return new Receiver(process, line["listening ".Length..].Trim().TrimEnd('/'), http2);
        }

        /// <summary>Forgets what it received so far.</summary>
        public async Task ResetAsync()
        {
            using var response = await _http.PostAsync("/reset", null);
            Lag = new Latencies();
        }

        /// <summary>
        /// Called as the load ends: notes what came so far, waits until at least <paramref name="expected"/> facts came
        /// and then none for a second (or none at all for <see cref="GiveUpQuiet"/>, past a delivery's first retries),
        /// then takes the receiver's count and delays, and how long after the load ended the last fact came.
        /// </summary>
        public async Task<Told> SettleAsync(long expected)
        {
            var ended = Stopwatch.StartNew();
            var last = -1L;
            var during = -1L;
            while (true)
            {
                var stats = JsonNode.Parse(await _http.GetStringAsync("/stats"))!;
                var received = (long)stats["received"]!;
                var quiet = TimeSpan.FromMilliseconds((long)stats["quietMs"]!);
                if (during < 0)
                {
                    during = received;
                }
                if (received == last && ((received >= expected && quiet >= TimeSpan.FromSeconds(1)) || quiet >= GiveUpQuiet))
                {
                    Lag = new Latencies();
                    foreach (var ms in stats["delays"]!.AsArray())
                    {
                        Lag.Add(TimeSpan.FromMilliseconds((double)ms!));
                    }
                    var after = ended.Elapsed - quiet;
                    return new Told(during, received, after > TimeSpan.Zero ? after : TimeSpan.Zero);
                }
                last = received;
                await Task.Delay(200);
            }
        }

        public ValueTask DisposeAsync()
        {
            _http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill();
            }
            _process.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// The receiver process: <c>receiver</c> prints <c>listening {address}</c>, then serves until killed; in HTTP/1.1, or
    /// with <paramref name="http2"/> in HTTP/2 without TLS only.
    /// </summary>
    public static async Task<int> ServeReceiverAsync(bool http2 = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (http2)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        }
        var app = builder.Build();
        var gate = new Lock();
        var delays = new List<double>();
        var received = 0L;
        var lastSeen = Environment.TickCount64;
        app.MapPost("/hooks/{hook}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var delay = Since(body.GetBuffer().AsSpan(0, (int)body.Length)).TotalMilliseconds;
            lock (gate)
            {
                delays.Add(delay);
                received++;
                lastSeen = Environment.TickCount64;
            }
            return Results.Ok();
        });
        app.MapPost("/reset", () =>
        {
            lock (gate)
            {
                delays.Clear();
                received = 0;
            }
            return Results.Ok();
        });
        app.MapGet("/stats", () =>
        {
            lock (gate)
            {
                var all = new JsonArray([.. delays.Select(d => (JsonNode)JsonValue.Create(Math.Round(d, 2)))]);
                return Results.Text(new JsonObject
                {
                    ["received"] = received,
                    ["quietMs"] = Environment.TickCount64 - lastSeen,
                    ["delays"] = all,
                }.ToJsonString(), "application/json");
            }
        });
        await app.StartAsync();
        Console.WriteLine($"listening {app.Urls.First()}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>A dead receiver: accepts connections and never answers.</summary>
    private sealed class SilentEndpoint : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<Socket> _held = [];
        private readonly CancellationTokenSource _stop = new();

        public SilentEndpoint()
        {
            _listener.Start();
            _ = HoldAsync();
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/dead";

        private async Task HoldAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    lock (_held)
                    {
                        _held.Add(socket);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_held)
            {
                _held.ForEach(s => s.Dispose());
            }
            _stop.Dispose();
        }
    }
}
