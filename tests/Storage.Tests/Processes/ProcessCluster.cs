using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CxCluster.TestSupport.Hosting;
using CxCluster.TestSupport.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// A cluster as an operator runs it: a fresh migrated PostgreSQL database, silo processes and an API process started
/// from the built assemblies with the documented environment variables, each on free loopback ports. Silos can be
/// killed (SIGKILL), stopped (SIGTERM) and added while it runs; disposing kills what is left and drops the database.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    public const string Tenant = "acme";

    /// <summary>The transcript bound every silo is given.</summary>
    public const int TranscriptTurns = 100;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<ClusterProcess> _processes = [];
    private readonly ConcurrentDictionary<ClusterProcess, Uri> _health = new();
    private readonly Lock _gate = new();
    private int _silosStarted;

    private ProcessCluster(PostgresDatabase database, string clusterId, string logDirectory)
    {
        Database = database;
        ClusterId = clusterId;
        LogDirectory = logDirectory;
    }

    public PostgresDatabase Database { get; }

    public string ClusterId { get; }

    public string ServiceId => "cxcluster-processes";

    public string ApiKey { get; } = $"acme-{Guid.NewGuid():N}";

    /// <summary>Where every process writes its log (kept, with the database, when <see cref="KeepLogs"/> is set, e.g. after a failure).</summary>
    public string LogDirectory { get; }

    public bool KeepLogs { get; set; } = Environment.GetEnvironmentVariable("CXCLUSTER_KEEP_PROCESS_LOGS") == "1";

    public ClusterProcess? Api { get; private set; }

    /// <summary>Settings every silo gets besides the common ones.</summary>
    public IReadOnlyDictionary<string, string?> SiloSettings { get; private init; } = new Dictionary<string, string?>();

    /// <summary>Silos started and not yet known to have ended, oldest first.</summary>
    public IReadOnlyList<ClusterProcess> RunningSilos
    {
        get
        {
            lock (_gate)
            {
                return [.. _processes.Where(p => p.SiloPort is not null && !p.HasExited)];
            }
        }
    }

    /// <summary>
    /// A fresh database, <paramref name="silos"/> silos and (unless <paramref name="withApi"/> is false) the API, each
    /// ready before this returns; every silo started gets <paramref name="siloSettings"/> too.
    /// </summary>
    public static async Task<ProcessCluster> StartAsync(
        string name, int silos, IReadOnlyDictionary<string, string?>? siloSettings = null, bool withApi = true)
    {
        var database = await PostgresDatabase.CreateAsync();
        var clusterId = $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 13, 60)];
        var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cxcluster-processes", clusterId)).FullName;
        var cluster = new ProcessCluster(database, clusterId, logs) { SiloSettings = siloSettings ?? new Dictionary<string, string?>() };
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.StartSiloAsync()));
            if (withApi)
            {
                await cluster.StartApiAsync();
            }
            return cluster;
        }
        catch (Exception e)
        {
            cluster.KeepLogs = true;
            var processes = cluster.Describe();
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"The cluster did not start: {e.Message}\n{processes}", e);
        }
    }

    /// <summary>
    /// Starts a silo with the cluster's settings plus <paramref name="extraSettings"/>, and waits until its
    /// <c>/health/ready</c> answers 200 (it joined the cluster and opened its gateway).
    /// </summary>
    public async Task<ClusterProcess> StartSiloAsync(IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var silo = LaunchSilo(extraSettings);
        using var health = new HttpClient { BaseAddress = HealthAddress(silo), Timeout = TimeSpan.FromSeconds(5) };
        await silo.WaitUntilReadyAsync(() => Readiness.IsReadyAsync(health), StartTimeout, "to answer /health/ready with 200");
        return silo;
    }

    /// <summary>Starts a silo with the cluster's settings plus <paramref name="extraSettings"/>, without waiting for anything.</summary>
    private ClusterProcess LaunchSilo(IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var number = Interlocked.Increment(ref _silosStarted);
        var ports = FreePorts.Take(3);
        var settings = CommonSettings();
        settings["Cluster:AdvertisedAddress"] = "127.0.0.1";
        settings["Cluster:SiloPort"] = ports[0].ToString();
        settings["Cluster:GatewayPort"] = ports[1].ToString();
        settings["Cluster:HealthPort"] = ports[2].ToString();
        foreach (var (key, value) in SiloSettings.Concat(extraSettings ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }
        var silo = Track(ClusterProcess.Start(HostLaunch.Silo($"silo-{number}", settings) with
        {
            LogDirectory = LogDirectory,
            SiloPort = ports[0],
            GatewayPort = ports[1],
        }));
        _health[silo] = new Uri($"http://127.0.0.1:{ports[2]}");
        return silo;
    }

    /// <summary>Where a silo started here answers <c>/health/*</c>.</summary>
    public Uri HealthAddress(ClusterProcess silo) =>
        _health.TryGetValue(silo, out var address) ? address : throw new ArgumentException($"{silo.Name} is not a silo of this cluster", nameof(silo));

    /// <summary>Starts the API process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task<ClusterProcess> StartApiAsync()
    {
        var address = new Uri($"http://127.0.0.1:{FreePorts.One()}");
        var api = Track(ClusterProcess.Start(HostLaunch.Api("api", address, CommonSettings()) with { LogDirectory = LogDirectory }));
        Api = api;
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        await api.WaitUntilReadyAsync(() => Readiness.IsReadyAsync(http), StartTimeout, "to answer /health/ready with 200");
        return api;
    }

    /// <summary>SIGKILL.</summary>
    public static void Kill(ClusterProcess process) => process.Kill();

    /// <summary>SIGTERM, then waits until the process has ended; fails if it does not end within <paramref name="timeout"/>.</summary>
    public static Task StopAsync(ClusterProcess process, TimeSpan? timeout = null) => process.StopAsync(timeout);

    /// <summary>An HTTP client for the API with the tenant's key.</summary>
    public HttpClient CreateClient(TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(5) };
        var http = new HttpClient(handler) { BaseAddress = Api?.Address ?? throw new InvalidOperationException("The API is not started."), Timeout = timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return http;
    }

    /// <summary>
    /// An Orleans client of the cluster in a host of its own, as the API runs one (gateways from the membership table),
    /// for a test that asks the silos themselves, e.g. which of them holds an activation; calls fail after
    /// <paramref name="responseTimeout"/>.
    /// </summary>
    public async Task<ClusterClientHost> StartClientAsync(TimeSpan responseTimeout)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresDatabase.Invariant;
                o.ConnectionString = Database.ConnectionString;
            });
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = ServiceId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        });
        var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new ClusterClientHost(host);
    }

    /// <summary>Status code the membership table gives a silo (Orleans' SiloStatus: 3 active, 6 dead), null if absent.</summary>
    public async Task<int?> MembershipStatusAsync(ClusterProcess silo)
    {
        var status = await Database.ScalarAsync<int?>(
            "SELECT status FROM orleans_membership WHERE deployment_id = @cluster AND port = @port ORDER BY generation DESC LIMIT 1",
            ("cluster", ClusterId), ("port", silo.SiloPort!.Value));
        return status;
    }

    /// <summary>Every process with its state and the last lines of its log, for a failing test's output.</summary>
    public string Describe(int lines = 25)
    {
        ClusterProcess[] processes;
        lock (_gate)
        {
            processes = [.. _processes];
        }
        return $"logs in {LogDirectory}{(KeepLogs ? $", database {Database.Name} kept" : "")}\n" + string.Join("\n", processes.Select(p => $"--- {p.Describe()}, last lines:\n{p.Tail(lines)}"));
    }

    public async ValueTask DisposeAsync()
    {
        ClusterProcess[] processes;
        lock (_gate)
        {
            processes = [.. _processes];
        }
        await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
        if (!KeepLogs)
        {
            // Kept with the logs (a failure, or CXCLUSTER_KEEP_PROCESS_LOGS=1): the journal tells what the logs do not.
            await Database.DisposeAsync();
            try
            {
                Directory.Delete(LogDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private Dictionary<string, string?> CommonSettings() => new()
    {
        ["ConnectionStrings:CxCluster"] = Database.ConnectionString,
        ["Cluster:ClusterId"] = ClusterId,
        ["Cluster:ServiceId"] = ServiceId,
        [$"Tenants:{Tenant}:ApiKeys:0"] = ApiKey,
        [$"Tenants:{Tenant}:BrandName"] = "Acme",
        [$"Tenants:{Tenant}:DefaultLocale"] = "id-ID",
        ["Routing:OfferTimeoutSeconds"] = "0",
        ["Routing:FirstReplySeconds"] = "0",
        // The invariants compare whole transcripts; the conversations played stay well below this bound.
        ["Conversations:TranscriptTurns"] = TranscriptTurns.ToString(),
        // Orleans logs every placement through Polly at Information: noise in a log read for the reason of a failure.
        ["Logging:LogLevel:Polly"] = "Warning",
        ["Logging:Console:TimestampFormat"] = "HH:mm:ss.fff ",
    };

    private ClusterProcess Track(ClusterProcess process)
    {
        lock (_gate)
        {
            _processes.Add(process);
        }
        return process;
    }
}

/// <summary>A started Orleans client host of a <see cref="ProcessCluster"/>; disposing stops it.</summary>
public sealed class ClusterClientHost(IHost host) : IAsyncDisposable
{
    public IClusterClient Grains { get; } = host.Services.GetRequiredService<IClusterClient>();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            host.Dispose();
        }
    }
}
