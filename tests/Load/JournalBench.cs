using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Telemetry;
using CxCluster.Silo.Database;
using CxCluster.Silo.Storage;
using CxCluster.Settings;
using CxCluster.Silo.Storage.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CxCluster.Load;

/// <summary>
/// The PostgreSQL journal alone, as one silo drives it: streams append at once, each its next event once the last
/// one is durable, and the figures per number of streams come out as a table.
/// </summary>
/// <remarks>
/// <c>dotnet CxCluster.Load.dll journal --postgres &lt;server connection string&gt; [--streams 1,16,256] [--duration 10]
/// [--warmup 2] [--max-group-size 256] [--linger-us 300] [--max-concurrent-groups 2]</c>. A fresh database is created,
/// migrated and dropped. Every event appends two facts (one with a personal part) and its answer, all in one tenant,
/// so every group also takes that tenant's positions: the case where groups wait on each other the most.
/// </remarks>
public sealed class JournalBench
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes(
        """{"handoffId":"hnd-1","queue":"id/whatsapp","position":3,"estimatedWaitSeconds":120,"agentId":"agent-7","agentDisplayName":"Sari","reason":"customer-request","priority":"normal"}""");
    private static readonly byte[] Personal = Encoding.UTF8.GetBytes("""{"text":"saya mau ngomong sama CS aja dong","customerId":"cust-1001"}""");
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
        """{"directives":[{"type":"handoff","handoffId":"hnd-1","status":"queued","reason":"customer-request","position":3}]}""");

    private string? _server;
    private int[] _streams = [1, 16, 256];
    private TimeSpan _duration = TimeSpan.FromSeconds(10);
    private TimeSpan _warmup = TimeSpan.FromSeconds(2);
    private JournalSettings _options = new();

    public sealed record Row(int Streams, long Appends, TimeSpan Elapsed, Latencies Latencies, long Groups, long GroupedAppends, TimeSpan Cpu)
    {
        public double PerSecond => Appends / Elapsed.TotalSeconds;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        JournalBench bench;
        try
        {
            bench = Parse(args);
        }
        catch (Exception error) when (error is ArgumentException or FormatException or SettingsException)
        {
            await Console.Error.WriteLineAsync($"load journal: {error.Message}");
            return 2;
        }
        var rows = await bench.MeasureAsync(output);
        bench.Print(rows, output);
        return 0;
    }

    private static JournalBench Parse(IReadOnlyList<string> args)
    {
        var bench = new JournalBench();
        var journal = new Dictionary<string, string?>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            double Number() => double.Parse(Value(), CultureInfo.InvariantCulture);
            switch (name)
            {
                case "--postgres": bench._server = Value(); break;
                case "--streams": bench._streams = [.. Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--duration": bench._duration = TimeSpan.FromSeconds(Number()); break;
                case "--warmup": bench._warmup = TimeSpan.FromSeconds(Number()); break;
                case "--max-group-size": journal["Journal:MaxGroupSize"] = Value(); break;
                case "--linger-us": journal["Journal:GroupLinger"] = TimeSpan.FromMicroseconds(Number()).ToString("c", CultureInfo.InvariantCulture); break;
                case "--max-concurrent-groups": journal["Journal:MaxConcurrentGroups"] = Value(); break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }
        bench._server ??= Environment.GetEnvironmentVariable("CXCLUSTER_TEST_POSTGRES")
            ?? throw new ArgumentException("--postgres <server connection string> is required (or CXCLUSTER_TEST_POSTGRES)");
        // Read and checked as a silo reads its own Journal section.
        bench._options = CxClusterSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(journal).Build()).Journal;
        return bench;
    }

    private async Task<List<Row>> MeasureAsync(TextWriter output)
    {
        var database = $"cxcluster_jbench_{Guid.NewGuid():N}"[..32];
        var connectionString = new NpgsqlConnectionStringBuilder(_server) { Database = database }.ConnectionString;
        await new SchemaMigrator(connectionString).MigrateAsync();
        output.WriteLine($"Fresh PostgreSQL database {database} migrated.");
        try
        {
            await using var services = new ServiceCollection().AddMetrics().AddCxClusterDataSource(connectionString).BuildServiceProvider();
            var meters = services.GetRequiredService<IMeterFactory>();
            using var groups = new GroupCounter(meters);
            await using var journal = new PostgresFactJournal(services.GetRequiredService<NpgsqlDataSource>(), _options,
                new CxMetrics(meters), TimeProvider.System, NullLogger<PostgresFactJournal>.Instance);
            var rows = new List<Row>();
            var round = 0;
            foreach (var streams in _streams)
            {
                round++;
                await PlayAsync(journal, streams, $"warm{round}", _warmup, null);
                var (groupsBefore, appendsBefore) = groups.Read();
                var latencies = new Latencies();
                var started = Stopwatch.GetTimestamp();
                var cpu = Environment.CpuUsage.TotalTime;
                var appends = await PlayAsync(journal, streams, $"run{round}", _duration, latencies);
                var elapsed = Stopwatch.GetElapsedTime(started);
                cpu = Environment.CpuUsage.TotalTime - cpu;
                var (groupsAfter, appendsAfter) = groups.Read();
                rows.Add(new Row(streams, appends, elapsed, latencies, groupsAfter - groupsBefore, appendsAfter - appendsBefore, cpu));
                output.WriteLine($"{streams} streams: {rows[^1].PerSecond:0} appends/s");
            }
            return rows;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            var maintenance = new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Each stream appends its next event as soon as the last one is durable, until <paramref name="duration"/> is over.</summary>
    private static async Task<long> PlayAsync(IFactJournal journal, int streams, string round, TimeSpan duration, Latencies? latencies)
    {
        var appends = 0L;
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            var stream = new StreamKey("bench", $"c/{round}-{s}");
            for (var seq = 1L; Stopwatch.GetTimestamp() < stop; seq += 2)
            {
                var at = DateTimeOffset.UtcNow;
                var append = new JournalAppend(stream, $"e{seq}", [new JournalFact(seq, "handoff.queued", at, Data, null), new JournalFact(seq + 1, "customer.message", at, Data, Personal)], Answer);
                var started = Stopwatch.GetTimestamp();
                await journal.AppendAsync(append);
                latencies?.Add(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref appends);
            }
        })));
        return appends;
    }

    private void Print(IReadOnlyList<Row> rows, TextWriter output)
    {
        static string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);
        output.WriteLine();
        output.WriteLine($"Journal appends on PostgreSQL, one silo, {_duration.TotalSeconds:0} s per row after {_warmup.TotalSeconds:0} s of warm-up; " +
            $"2 facts and an answer per append, one tenant; groups of at most {_options.MaxGroupSize}, linger {_options.GroupLinger.TotalMicroseconds:0} µs, {_options.MaxConcurrentGroups} in flight");
        output.WriteLine();
        output.WriteLine("| concurrent streams | appends/s | facts/s | µs/append (wall time ÷ appends) | latency mean (µs) | p50 (µs) | p99 (µs) | appends per group (mean) | process CPU per append (µs) |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            var summary = row.Latencies.Summary();
            output.WriteLine($"| {row.Streams} | {F(row.PerSecond)} | {F(row.PerSecond * 2)} | {F(1e6 / row.PerSecond, "0.0")} | " +
                $"{F(row.Latencies.Mean() * 1000)} | {F(summary.P50 * 1000)} | {F(summary.P99 * 1000)} | {F(row.Groups == 0 ? 0 : (double)row.GroupedAppends / row.Groups, "0.0")} | {F(row.Cpu.TotalMicroseconds / Math.Max(1, row.Appends), "0.0")} |");
        }
    }

    /// <summary>Groups committed and the appends in them, from the journal's histogram <c>cx.journal.group.appends</c>.</summary>
    private sealed class GroupCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _groups;
        private long _appends;

        public GroupCounter(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == scope && instrument.Name == "cx.journal.group.appends")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
            {
                Interlocked.Increment(ref _groups);
                Interlocked.Add(ref _appends, value);
            });
            _listener.Start();
        }

        public (long Groups, long Appends) Read() => (Interlocked.Read(ref _groups), Interlocked.Read(ref _appends));

        public void Dispose() => _listener.Dispose();
    }
}
