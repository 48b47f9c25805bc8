using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CxCluster.Storage.Tests.Infrastructure;

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

    /// <summary>Where every process writes its log (kept when <see cref="KeepLogs"/> is set, e.g. after a failure).</summary>
    public string LogDirectory { get; }

    public bool KeepLogs { get; set; } = Environment.GetEnvironmentVariable("CXCLUSTER_KEEP_PROCESS_LOGS") == "1";

    public ClusterProcess? Api { get; private set; }

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

    /// <summary>A fresh database, <paramref name="silos"/> silos and the API, each ready before this returns.</summary>
    public static async Task<ProcessCluster> StartAsync(string name, int silos)
    {
        var database = await PostgresDatabase.CreateAsync();
        var clusterId = $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 13, 60)];
        var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cxcluster-processes", clusterId)).FullName;
        var cluster = new ProcessCluster(database, clusterId, logs);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.StartSiloAsync()));
            await cluster.StartApiAsync();
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

    /// <summary>Starts a silo with the cluster's settings plus <paramref name="extraEnvironment"/>, and waits until it is active.</summary>
    public async Task<ClusterProcess> StartSiloAsync(IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var number = Interlocked.Increment(ref _silosStarted);
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var environment = CommonEnvironment();
        environment["Cluster__AdvertisedAddress"] = "127.0.0.1";
        environment["Cluster__SiloPort"] = siloPort.ToString();
        environment["Cluster__GatewayPort"] = gatewayPort.ToString();
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var silo = ClusterProcess.Start($"silo-{number}", Assemblies.Silo, [], environment,
            Path.Combine(LogDirectory, $"silo-{number}.log"), siloPort, gatewayPort);
        Track(silo);
        await Eventually.HoldsAsync(() => IsActive(silo), StartTimeout, $"{silo.Describe()} to join the cluster and open its gateway");
        return silo;
    }

    /// <summary>Starts the API process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task<ClusterProcess> StartApiAsync()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var api = ClusterProcess.Start("api", Assemblies.Api, ["--urls", address.ToString().TrimEnd('/')], CommonEnvironment(),
            Path.Combine(LogDirectory, "api.log"), address: address);
        Track(api);
        Api = api;
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.HoldsAsync(async () =>
        {
            if (api.HasExited)
            {
                throw new InvalidOperationException($"{api.Describe()} before it was ready:\n{api.Tail(30)}");
            }
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                return ready.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, StartTimeout, "the API to answer /health/ready with 200");
        return api;
    }

    /// <summary>SIGKILL.</summary>
    public static void Kill(ClusterProcess process) => process.Kill();

    /// <summary>SIGTERM, then waits until the process has ended; fails if it does not end within <paramref name="timeout"/>.</summary>
    public static async Task StopAsync(ClusterProcess process, TimeSpan? timeout = null)
    {
        process.Terminate();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        if (!await process.WaitForExitAsync(limit))
        {
            throw new TimeoutException($"{process.Describe()} did not end within {limit} of SIGTERM:\n{process.Tail(30)}");
        }
    }

    /// <summary>An HTTP client for the API with the tenant's key.</summary>
    public HttpClient CreateClient(TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(5) };
        var http = new HttpClient(handler) { BaseAddress = Api?.Address ?? throw new InvalidOperationException("The API is not started."), Timeout = timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return http;
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
        return $"logs in {LogDirectory}\n" + string.Join("\n", processes.Select(p => $"--- {p.Describe()}, last lines:\n{p.Tail(lines)}"));
    }

    public async ValueTask DisposeAsync()
    {
        ClusterProcess[] processes;
        lock (_gate)
        {
            processes = [.. _processes];
        }
        foreach (var process in processes)
        {
            process.Kill();
        }
        await Task.WhenAll(processes.Select(p => p.WaitForExitAsync(TimeSpan.FromSeconds(15))));
        await Database.DisposeAsync();
        if (!KeepLogs)
        {
            try
            {
                Directory.Delete(LogDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task<bool> IsActive(ClusterProcess silo)
    {
        if (silo.HasExited)
        {
            throw new InvalidOperationException($"{silo.Describe()} before it joined:\n{silo.Tail(30)}");
        }
        if (await MembershipStatusAsync(silo) != 3)
        {
            return false;
        }
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, silo.GatewayPort!.Value);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private Dictionary<string, string> CommonEnvironment() => new()
    {
        ["ConnectionStrings__CxCluster"] = Database.ConnectionString,
        ["Cluster__ClusterId"] = ClusterId,
        ["Cluster__ServiceId"] = ServiceId,
        [$"Tenants__{Tenant}__ApiKeys__0"] = ApiKey,
        [$"Tenants__{Tenant}__BrandName"] = "Acme",
        [$"Tenants__{Tenant}__DefaultLocale"] = "id-ID",
        // The invariants compare whole transcripts; the conversations played stay well below this bound.
        ["Conversations__TranscriptTurns"] = TranscriptTurns.ToString(),
        // Orleans logs every placement through Polly at Information: noise in a log read for the reason of a failure.
        ["Logging__LogLevel__Polly"] = "Warning",
        ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
    };

    private void Track(ClusterProcess process)
    {
        lock (_gate)
        {
            _processes.Add(process);
        }
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>The built silo and API assemblies next to their sources.</summary>
    private static class Assemblies
    {
        public static string Silo => SiloProcess.SiloAssembly;

        public static string Api { get; } = FindApi();

        private static string FindApi()
        {
            // src/Silo/bin/<configuration>/net10.0/CxCluster.Silo.dll → src/Api/bin/<configuration>/net10.0/CxCluster.Api.dll
            var siloDirectory = new DirectoryInfo(Path.GetDirectoryName(SiloProcess.SiloAssembly)!);
            var framework = siloDirectory.Name;
            var configuration = siloDirectory.Parent!.Name;
            var src = siloDirectory.Parent!.Parent!.Parent!.Parent!.FullName;
            var api = Path.Combine(src, "Api", "bin", configuration, framework, "CxCluster.Api.dll");
            return File.Exists(api) ? api : throw new FileNotFoundException($"Build the solution first: {api} is missing.");
        }
    }
}
