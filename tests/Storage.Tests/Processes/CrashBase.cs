using System.Globalization;
using CxCluster.TestSupport.Processes;
using Xunit.Abstractions;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// Two silos and the API, shared by every step of a crash test class, with one platform that remembers everything
/// played; <paramref name="offerSeconds"/> is the silos' <c>Routing:OfferTimeoutSeconds</c> (0: no offers).
/// </summary>
public abstract class CrashBase(string name, int offerSeconds) : IAsyncLifetime
{
    private static readonly TimeSpan ReachLimit = TimeSpan.FromSeconds(60);

    public ProcessCluster Cluster { get; private set; } = null!;

    public HttpPlatform Platform { get; private set; } = null!;

    /// <summary>The fresh silo a step started after its crash; stopped before the next step.</summary>
    public ClusterProcess? Extra { get; set; }

    public async Task InitializeAsync()
    {
        Cluster = await ProcessCluster.StartAsync(name, silos: 2,
            new Dictionary<string, string?> { ["Routing:OfferTimeoutSeconds"] = offerSeconds.ToString(CultureInfo.InvariantCulture) });
        Platform = new HttpPlatform(Cluster.CreateClient(TimeSpan.FromSeconds(45)), new RequestJournal());
    }

    public async Task DisposeAsync()
    {
        Platform.Dispose();
        await Cluster.DisposeAsync();
    }

    /// <summary>Starts a silo armed with <paramref name="step"/>, drives handoff work until it dies there, and awaits the settled cluster.</summary>
    public async Task SurviveCrashAtAsync(string step, ITestOutputHelper output)
    {
        var cluster = Cluster;
        var platform = Platform;
        var journal = platform.Journal;
        var timeline = new Timeline(output, journal);
        ClusterProcess? armed = null;
        // Violations were reported by the step that saw them.
        platform.Violations.Clear();
        try
        {
            await PlatformInvariants.AssertConvergeAsync(platform, TimeSpan.FromSeconds(30),
                $"the base to be sound before arming {step} (if not, an earlier step left it so)");
            timeline.Mark("base checked");

            armed = await cluster.StartSiloAsync(new Dictionary<string, string?> { ["Testing:CrashAt"] = step });
            var armedAt = timeline.Mark($"{armed.Name} joined, armed with {step}");
            using var stop = new CancellationTokenSource();
            var driving = new HandoffRounds(platform, step.Replace('.', '-'), offers: offerSeconds > 0).DriveAsync(workers: 3, stop.Token);

            var died = await armed.WaitForExitAsync(ReachLimit);
            stop.Cancel();
            if (!died)
            {
                // Leave the base as it was for the next step, then say what did not happen.
                var driven = await driving;
                await ProcessCluster.StopAsync(armed);
                await PlatformInvariants.AssertConvergeAsync(platform, TimeSpan.FromSeconds(60));
                Assert.Fail($"the armed silo never reached step {step}: it still ran {ReachLimit.TotalSeconds:0} s after it joined, " +
                    $"through {driven} rounds of handoff work (is the silo's Testing:CrashAt hook there, and does it know '{step}'?)");
            }
            var crashedAt = timeline.Mark($"{armed.Name} died {(journal.Now - armedAt).TotalSeconds:0.0} s after it joined, exit code {armed.ExitCode}");
            Assert.True(armed.ExitCode == 137, $"{armed.Name} ended with exit code {armed.ExitCode}, not by SIGKILL (137):\n{armed.Tail(30)}");

            // Nothing new from here: only the retries of what was in flight, while a fresh silo joins.
            var fresh = cluster.StartSiloAsync();
            var rounds = await driving;
            timeline.Mark($"every request in flight answered ({rounds} rounds of handoff work in all)");
            Extra = await fresh;
            timeline.Mark($"fresh {Extra.Name} joined");
            var summary = await PlatformInvariants.AssertConvergeAsync(platform, TimeSpan.FromSeconds(60));
            var settled = timeline.Mark($"every invariant holds: {summary}");
            output.WriteLine(FailureWindow.Table([journal.Window($"crash at {step}", crashedAt, settled)]));
        }
        catch
        {
            cluster.KeepLogs = true;
            output.WriteLine(cluster.Describe());
            throw;
        }
        finally
        {
            // Back to the base of two silos for the next step.
            if (armed is { HasExited: false })
            {
                await ProcessCluster.StopAsync(armed);
            }
            if (Extra is { } extra)
            {
                Extra = null;
                await ProcessCluster.StopAsync(extra);
            }
            timeline.Mark($"{step} done");
        }
    }
}
