using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace CxCluster.TestSupport.Processes;

/// <summary>
/// One silo or API as its own operating-system process (<c>dotnet CxCluster.*.dll</c>), with only the CxCluster
/// settings its launch names, its output written to files (<see cref="ProcessLog"/>). It can be killed as the kernel
/// kills (SIGKILL: no goodbye, sockets reset) or asked to stop as an orchestrator asks (SIGTERM).
/// </summary>
public sealed class ClusterProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly HostLaunch _launch;

    private ClusterProcess(Process process, HostLaunch launch, ProcessLog log)
    {
        _process = process;
        _launch = launch;
        Log = log;
    }

    public string Name => _launch.Name;

    public int Pid => _process.Id;

    public ProcessLog Log { get; }

    /// <summary>Silo-to-silo port (silos only).</summary>
    public int? SiloPort => _launch.SiloPort;

    /// <summary>The port API processes connect to (silos only).</summary>
    public int? GatewayPort => _launch.GatewayPort;

    /// <summary>Where the API answers HTTP (the API only).</summary>
    public Uri? Address => _launch.Address;

    public bool HasExited => _process.HasExited;

    /// <summary>128 + the signal's number when a signal ended it (137 for SIGKILL); null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Everything it wrote to standard output so far.</summary>
    public string Output => ProcessLog.Read(Log.Output);

    /// <summary>Everything it wrote to standard error so far.</summary>
    public string Error => ProcessLog.Read(Log.Error);

    public static ClusterProcess Start(HostLaunch launch)
    {
        var log = ProcessLog.For(launch.Name, launch.LogDirectory);
        // `exec` makes the shell become dotnet: the pid is the application's, so signals reach the host directly.
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(launch.Assembly)!,
        };
        foreach (var argument in (string[])["-c", "exec \"$@\" >\"$CX_PROCESS_LOG\" 2>\"$CX_PROCESS_ERRORS\"", "sh", "dotnet", launch.Assembly, .. launch.Arguments])
        {
            start.ArgumentList.Add(argument);
        }
        // Nothing inherited may switch it to a database, a tenant or another cluster: only what its launch says.
        foreach (var name in start.Environment.Keys.Where(IsCxClusterSetting).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (key, value) in launch.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["CX_PROCESS_LOG"] = log.Output;
        start.Environment["CX_PROCESS_ERRORS"] = log.Error;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{launch.Name} did not start");
        return new ClusterProcess(process, launch, log);
    }

    /// <summary>Runs the built silo with <paramref name="arguments"/> until it exits; fails after <paramref name="timeout"/> (60 s).</summary>
    public static async Task<HostExit> RunSiloAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> settings, TimeSpan? timeout = null)
    {
        await using var silo = Start(HostLaunch.Silo("silo", settings) with { Arguments = arguments });
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        if (!await silo.WaitForExitAsync(limit))
        {
            throw new TimeoutException($"dotnet CxCluster.Silo.dll {string.Join(' ', arguments)} did not exit within {limit}");
        }
        return new HostExit(silo.ExitCode!.Value, silo.Output, silo.Error);
    }

    /// <summary>SIGKILL: the process ends at once, without a chance to store or say anything.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>SIGTERM: the host is asked to shut down (a silo hands its grains over and leaves the cluster).</summary>
    public void Terminate()
    {
        if (!_process.HasExited && SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} ({Name}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>SIGTERM, then waits until the process has ended; fails if it does not end within <paramref name="timeout"/> (60 s).</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        Terminate();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        if (!await WaitForExitAsync(limit))
        {
            throw new TimeoutException($"{Describe()} did not end within {limit} of SIGTERM:\n{Tail(30)}");
        }
    }

    /// <summary>Waits for the process to end; false if it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Polls <paramref name="ready"/> until it holds (<paramref name="what"/>: "to join the cluster"); fails at once, with
    /// the last lines it wrote, if the process ends first.
    /// </summary>
    public Task WaitUntilReadyAsync(Func<Task<bool>> ready, TimeSpan timeout, string what) =>
        Eventually.HoldsAsync(
            async () => HasExited ? throw new InvalidOperationException($"{Describe()} before it was ready:\n{Tail(30)}") : await ready(),
            timeout, $"{Name} {what}");

    /// <summary>Whether its gateway port accepts a connection now (a silo opens it once it is active).</summary>
    public async Task<bool> AcceptsGatewayConnectionsAsync()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, GatewayPort ?? throw new InvalidOperationException($"{Name} has no gateway"));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The last lines it wrote, for a failing test's output.</summary>
    public string Tail(int lines) => Log.Tail(lines);

    public string Describe() =>
        $"{Name} (pid {Pid}{(SiloPort is { } port ? $", silo port {port}, gateway {GatewayPort}" : "")}{(Address is { } a ? $", {a}" : "")}): " +
        (ExitCode is { } code ? $"exited with {code}" : "running");

    /// <summary>Kills it if it still runs, then deletes its output unless a directory was named for it.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        await WaitForExitAsync(TimeSpan.FromSeconds(15));
        _process.Dispose();
        Log.Delete();
    }

    private static bool IsCxClusterSetting(string name) =>
        name.StartsWith("Cluster__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Tenants__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

/// <summary>How a process that ran to its end ended: its exit code and all it wrote.</summary>
public sealed record HostExit(int ExitCode, string Output, string Error);
