using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// One silo or API as its own operating-system process (<c>dotnet CxCluster.*.dll</c>), its standard output and error
/// written straight to a log file by the shell that starts it, so nothing in this test process can hold it up.
/// </summary>
public sealed class ClusterProcess
{
    private const int SigTerm = 15;

    private readonly Process _process;

    private ClusterProcess(string name, Process process, string logPath, int? siloPort, int? gatewayPort, Uri? address)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Address = address;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public string LogPath { get; }

    /// <summary>Silo-to-silo port (silos only).</summary>
    public int? SiloPort { get; }

    /// <summary>The port API processes connect to (silos only).</summary>
    public int? GatewayPort { get; }

    /// <summary>Where the API answers HTTP (the API only).</summary>
    public Uri? Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>128 + the signal's number when a signal ended it (137 for SIGKILL); null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static ClusterProcess Start(
        string name, string assembly, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        string logPath, int? siloPort = null, int? gatewayPort = null, Uri? address = null)
    {
        // `exec` makes the shell become dotnet: the pid is the application's, so signals reach the host directly.
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        foreach (var argument in (string[])["-c", "exec \"$@\" >\"$CX_PROCESS_LOG\" 2>&1", "sh", "dotnet", assembly, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["CX_PROCESS_LOG"] = logPath;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        return new ClusterProcess(name, process, logPath, siloPort, gatewayPort, address);
    }

    /// <summary>SIGKILL: the process ends at once, without a chance to store or say anything.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
    }

    /// <summary>SIGTERM: the host is asked to shut down as an orchestrator asks it.</summary>
    public void Terminate()
    {
        if (!_process.HasExited && SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} ({Name}) failed with errno {Marshal.GetLastPInvokeError()}");
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

    /// <summary>The last lines of the process's log, for a failing test's output.</summary>
    public string Tail(int lines)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(no log: {e.Message})";
        }
    }

    public string Describe() =>
        $"{Name} (pid {Pid}{(SiloPort is { } port ? $", silo port {port}, gateway {GatewayPort}" : "")}{(Address is { } a ? $", {a}" : "")}): " +
        (ExitCode is { } code ? $"exited with {code}" : "running");

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
