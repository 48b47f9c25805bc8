using System.Diagnostics;

namespace CxCluster.Storage.Tests.Infrastructure;

/// <summary>Runs the built silo (<c>src/Silo/bin/…/CxCluster.Silo.dll</c>) as its own process, as an operator would.</summary>
public static class SiloProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The silo assembly the build produced next to its sources, found from the solution root.</summary>
    public static string SiloAssembly { get; } = FindSiloAssembly();

    /// <summary>Runs <c>dotnet CxCluster.Silo.dll {arguments}</c> with extra environment variables; fails after <paramref name="timeout"/>.</summary>
    public static async Task<Result> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(SiloAssembly)!,
        };
        start.ArgumentList.Add(SiloAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', start.ArgumentList)} did not exit in time");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    private static string FindSiloAssembly()
    {
        var configuration = typeof(SiloProcess).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CxCluster.sln")))
            {
                var silo = Path.Combine(directory.FullName, "src", "Silo", "bin", configuration, "net10.0", "CxCluster.Silo.dll");
                return File.Exists(silo) ? silo : throw new FileNotFoundException($"Build the solution first: {silo} is missing.");
            }
        }
        throw new DirectoryNotFoundException($"No CxCluster.sln above {AppContext.BaseDirectory}.");
    }
}
