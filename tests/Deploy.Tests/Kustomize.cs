using System.ComponentModel;
using System.Diagnostics;

namespace CxCluster.Deploy.Tests;

/// <summary>Renders a kustomization under deploy/k8s the way <c>kubectl apply -k</c> would, offline, with <c>kubectl kustomize</c>.</summary>
public static class Kustomize
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The repository's root: the nearest directory above the test's binaries that holds CxCluster.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CxCluster.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no CxCluster.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The YAML that <c>kubectl kustomize deploy/k8s/{relativePath}</c> prints; fails with kubectl's own message otherwise.</summary>
    public static Task<string> RenderAsync(string relativePath) => RenderAsync(relativePath, Kubectl());

    /// <summary>The same with a given kubectl executable.</summary>
    public static async Task<string> RenderAsync(string relativePath, string kubectl)
    {
        var directory = Path.Combine(RepositoryRoot(), "deploy", "k8s", relativePath);
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"no kustomization at {directory}");
        }
        var start = new ProcessStartInfo(kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(directory);
        // Rendering reads no cluster: no kubeconfig, whatever the machine has.
        start.Environment["KUBECONFIG"] = Path.Combine(Path.GetTempPath(), "cxcluster-no-kubeconfig");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"kubectl is needed to render the Kubernetes manifests (deploy/k8s) and was not found ({e.Message}): install it " +
                "(Debian: apt-get install -y kubernetes-client); tests/run-all.sh installs it when it is missing", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl kustomize {directory} did not finish within {Timeout.TotalSeconds} s");
            }
            var yaml = await output;
            var problem = await errors;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl kustomize {directory} failed (exit {process.ExitCode}): {problem.Trim()}");
            }
            return yaml;
        }
    }

    /// <summary>kubectl on the PATH, else Debian's.</summary>
    private static string Kubectl()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "kubectl"))
            .FirstOrDefault(File.Exists);
        return onPath ?? "/usr/bin/kubectl";
    }
}
