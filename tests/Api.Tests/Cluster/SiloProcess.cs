using System.Collections.Concurrent;
using System.Diagnostics;
using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Cluster;

/// <summary>
/// A silo in a process of its own (the CxCluster.Silo.dll built beside the tests, embedded default), so a test can
/// kill it as the kernel does (SIGKILL: no goodbye, sockets reset) or ask it to stop (SIGTERM), as an operator would.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private const int OutputLines = 40;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, LocalCluster.SiloPorts ports)
    {
        _process = process;
        Ports = ports;
    }

    public LocalCluster.SiloPorts Ports { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the silo wrote, for a failure message.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts a silo that joins the primary silo at <paramref name="primarySiloPort"/>.</summary>
    public static SiloProcess Start(
        string clusterId, LocalCluster.SiloPorts ports, int primarySiloPort, IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CxCluster.Silo.dll"));
        // Nothing inherited may switch it to a database or another cluster: only what this test says.
        foreach (var name in start.Environment.Keys.Where(IsCxClusterSetting).ToList())
        {
            start.Environment.Remove(name);
        }
        var environment = new Dictionary<string, string?>(settings)
        {
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = "cxcluster-tests",
            ["Cluster:SiloPort"] = ports.SiloPort.ToString(),
            ["Cluster:GatewayPort"] = ports.GatewayPort.ToString(),
            ["Cluster:PrimarySiloPort"] = primarySiloPort.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Warning",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var silo = new SiloProcess(process, ports);
        process.OutputDataReceived += (_, line) => silo.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>SIGKILL: the process ends at once; the kernel resets its connections.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM: the silo stops gracefully (hands its grains over and leaves the cluster), then exits.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString() }, UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > OutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private static bool IsCxClusterSetting(string name) =>
        name.StartsWith("Cluster__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Tenants__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase);
}
