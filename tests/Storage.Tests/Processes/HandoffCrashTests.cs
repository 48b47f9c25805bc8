using CxCluster.TestSupport.Processes;
using Xunit.Abstractions;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// A silo process dies (SIGKILL on itself, through the silo's <c>Testing:CrashAt</c> hook) at one step of a handoff;
/// once a fresh silo has joined, the cluster settles by itself, with no help from the platform but the retries of the
/// requests that failed, and those are answered as if nothing had happened. One test per step, sharing a base of two
/// silos and the API: each step starts a third silo armed with it and drives handoff work until that silo dies.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class HandoffCrashTests(HandoffCrashTests.BaseCluster baseCluster, ITestOutputHelper output) : IClassFixture<HandoffCrashTests.BaseCluster>
{
    private static readonly TimeSpan ReachLimit = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Steps =>
    [
        "agent.complete.stored", "agent.complete.told", "agent.take.stored", "agent.claim.stored", "agent.claim.confirmed",
        "pool.offer.accepted", "conversation.handoff.stored", "conversation.handoff.placed", "conversation.release.stored",
        "agent.status.stored",
    ];

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_handoff_survives_a_silo_crash_at(string step)
    {
        var cluster = baseCluster.Cluster;
        var platform = baseCluster.Platform;
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
            var driving = new HandoffRounds(platform, step.Replace('.', '-')).DriveAsync(workers: 3, stop.Token);

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
            baseCluster.Extra = await fresh;
            timeline.Mark($"fresh {baseCluster.Extra.Name} joined");
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
            if (baseCluster.Extra is { } extra)
            {
                baseCluster.Extra = null;
                await ProcessCluster.StopAsync(extra);
            }
            timeline.Mark($"{step} done");
        }
    }

    /// <summary>Two silos and the API, shared by every step, with one platform that remembers everything played.</summary>
    public sealed class BaseCluster : IAsyncLifetime
    {
        public ProcessCluster Cluster { get; private set; } = null!;

        public HttpPlatform Platform { get; private set; } = null!;

        /// <summary>The fresh silo a step started after its crash; stopped before the next step.</summary>
        public ClusterProcess? Extra { get; set; }

        public async Task InitializeAsync()
        {
            Cluster = await ProcessCluster.StartAsync("crash", silos: 2);
            Platform = new HttpPlatform(Cluster.CreateClient(TimeSpan.FromSeconds(45)), new RequestJournal());
        }

        public async Task DisposeAsync()
        {
            Platform.Dispose();
            await Cluster.DisposeAsync();
        }
    }
}
