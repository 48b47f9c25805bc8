// Ten rounds in a row (one test; each round SIGTERMs a silo, starts one and SIGKILLs another while the platform plays):
//   CXCLUSTER_KILL_ROUNDS=10 bash tests/run-all.sh
// or, with a PostgreSQL of your own (CXCLUSTER_TEST_POSTGRES set as tests/run-all.sh sets it) and a built solution:
//   CXCLUSTER_KILL_ROUNDS=10 dotnet test tests/Storage.Tests --no-build --filter "FullyQualifiedName~Processes.SiloLossTests"
using System.Globalization;
using System.Text;
using CxCluster.Settings;
using CxCluster.TestSupport.Processes;
using Xunit.Abstractions;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// Scale-in and loss with real silo processes and a real API process on real PostgreSQL: while a platform plays
/// conversations over HTTP, retrying with the same event ids, and its agents answer the offers made to them, a silo is
/// stopped (SIGTERM), another started, and a third killed outright (SIGKILL). Nothing acknowledged is lost or doubled, no
/// agent is over capacity (open offers counted), no conversation has two agents, no AI message goes undisclosed, and
/// callers see only 503s (with Retry-After) or no answer, briefly.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class SiloLossTests(ITestOutputHelper output)
{
    private const int Lanes = 40;
    private const int Agents = 6;

    /// <summary>The silos' <c>Cluster:ShutdownTimeoutSeconds</c> (the default): a stopped silo must be gone within it.</summary>
    private static readonly TimeSpan ShutdownTimeout = new ClusterSettings().ShutdownTimeout;

    /// <summary>Longer than any call waits for its answer (the silos' and the API's response timeout, 3 s, checked once a second).</summary>
    private static readonly TimeSpan QuietFor = new ClusterSettings().ResponseTimeout + TimeSpan.FromSeconds(1.5);

    /// <summary>How many rounds one run plays (<c>CXCLUSTER_KILL_ROUNDS</c>, default 1).</summary>
    private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("CXCLUSTER_KILL_ROUNDS"), out var n) && n > 0 ? n : 1;

    [Fact]
    public async Task A_silo_stopped_another_started_and_a_third_killed_while_a_platform_plays_lose_nothing()
    {
        var journal = new RequestJournal();
        var timeline = new Timeline(output, journal);
        // Offers on, as the contract's default has them: the agents accept (or decline) each conversation over HTTP.
        await using var cluster = await ProcessCluster.StartAsync("loss", silos: 3, new Dictionary<string, string?> { ["Routing:OfferTimeoutSeconds"] = "30" });
        using var platform = new HttpPlatform(cluster.CreateClient(TimeSpan.FromSeconds(45)), journal);
        timeline.Mark("3 silos and the API ready");
        var windows = new List<FailureWindow>();
        var stops = new List<StopTimes>();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Agents).Select(async i =>
            {
                await platform.RegisterAgentAsync($"agent-{i}", capacity: 2, ["id", "en"], ["chat"]);
                await platform.SetStatusAsync($"agent-{i}", "available");
            }));
            timeline.Mark($"{Agents} agents available");
            for (var round = 1; round <= Rounds; round++)
            {
                var (played, stopped) = await PlayRound(cluster, platform, round);
                windows.AddRange(played);
                stops.Add(stopped);
            }
        }
        catch
        {
            cluster.KeepLogs = true;
            output.WriteLine(cluster.Describe());
            throw;
        }
        finally
        {
            output.WriteLine(FailureWindow.Table(windows));
            output.WriteLine(StopTimes.Table(stops));
        }
    }

    /// <summary>
    /// With the platform playing: SIGTERM a silo and wait until it has exited; start a new one; SIGKILL a third and wait
    /// until the cluster has declared it dead; wind the platform down; then every invariant must hold. Leaves three
    /// silos running.
    /// </summary>
    private async Task<(IReadOnlyList<FailureWindow> Windows, StopTimes Stop)> PlayRound(ProcessCluster cluster, HttpPlatform platform, int round)
    {
        var journal = platform.Journal;
        var timeline = new Timeline(output, journal);
        var conversationsBefore = platform.Conversations.Count;
        var load = new CustomerLoad(platform, $"r{round}", seed: 7919 * round);
        using var windDown = new CancellationTokenSource();
        var playing = load.PlayAsync(Lanes, windDown.Token);
        var completing = load.CompleteNowAndThenAsync(windDown.Token);
        var answering = load.AnswerOffersAsync(windDown.Token);
        try
        {
            await Progress(platform, journal.Now, 300, "the platform to be answered 300 times before the stop");

            var stopped = cluster.RunningSilos[(round - 1) % 3];
            var stop = await StopAsync(cluster, stopped, timeline);
            await Settled(platform, journal.Now, $"the platform to be answered again, without failures, after {stopped.Name} exited");

            var startedAt = timeline.Mark("starting a new silo");
            var joined = await cluster.StartSiloAsync();
            timeline.Mark($"{joined.Name} ready");
            await Settled(platform, journal.Now, "the platform to be answered again, without failures, after a new silo joined");

            var victim = cluster.RunningSilos.First(s => s != joined);
            ProcessCluster.Kill(victim);
            var killedAt = timeline.Mark($"SIGKILL {victim.Name}");
            await Eventually.ReturnsAsync(() => cluster.MembershipStatusAsync(victim), s => s == 6, TimeSpan.FromSeconds(60),
                $"the cluster to declare the killed {victim.Name} dead");
            timeline.Mark($"{victim.Name} declared dead in the membership table");
            await Settled(platform, journal.Now, "the platform to be answered again, without failures, after the kill");

            windDown.Cancel();
            await Task.WhenAll(playing, completing, answering);
            var ended = timeline.Mark($"platform wound down: {platform.Conversations.Count - conversationsBefore} conversations this round, " +
                $"{platform.EventsAnswered} events and {platform.Completes} completes answered in all");

            var summary = await PlatformInvariants.AssertConvergeAsync(platform, TimeSpan.FromSeconds(60));
            timeline.Mark($"every invariant holds: {summary}");
            Assert.Equal(0, stopped.ExitCode);
            Assert.True(stop.Exited < ShutdownTimeout, $"{stopped.Name} took {stop.Exited.TotalSeconds:0.0} s to exit after SIGTERM, over {ShutdownTimeout.TotalSeconds} s");
            if (round < Rounds)
            {
                // Three silos again for the next round.
                await cluster.StartSiloAsync();
            }
            return (
            [
                journal.Window($"round {round}: SIGTERM {stopped.Name}", stop.At, startedAt),
                journal.Window($"round {round}: {joined.Name} starts", startedAt, killedAt),
                journal.Window($"round {round}: SIGKILL {victim.Name}", killedAt, ended),
            ], stop);
        }
        finally
        {
            windDown.Cancel();
            await Task.WhenAll(playing, completing, answering).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>SIGTERM, then when its <c>/health/ready</c> turned 503 and when it exited.</summary>
    private static async Task<StopTimes> StopAsync(ProcessCluster cluster, ClusterProcess silo, Timeline timeline)
    {
        using var health = new HttpClient { BaseAddress = cluster.HealthAddress(silo), Timeout = TimeSpan.FromSeconds(2) };
        var at = timeline.Mark($"SIGTERM {silo.Name}");
        silo.Terminate();
        var exiting = silo.WaitForExitAsync(ShutdownTimeout + TimeSpan.FromSeconds(10));
        var notReady = await Eventually.ReturnsAsync(() => SiloHealthTests.AskAsync(health, "/health/ready"), a => a.Status != 200,
            TimeSpan.FromSeconds(10), $"{silo.Name}'s /health/ready to turn 503 after SIGTERM");
        var notReadyAt = timeline.Mark($"{silo.Name} /health/ready: {(notReady.Status == 0 ? "no answer" : $"{notReady.Status} {notReady.Answer}")}");
        Assert.True(await exiting, $"{silo.Describe()} did not exit within {ShutdownTimeout.TotalSeconds + 10} s of SIGTERM");
        var exitedAt = timeline.Mark($"{silo.Name} exited with {silo.ExitCode}");
        Assert.Equal((503, "stopping"), notReady);
        return new StopTimes(silo.Name, at, notReadyAt - at, exitedAt - at);
    }

    /// <summary>Waits until <paramref name="count"/> requests started after <paramref name="since"/> were answered.</summary>
    private static Task Progress(HttpPlatform platform, TimeSpan since, int count, string what) =>
        Eventually.HoldsAsync(() => Task.FromResult(platform.Journal.AnsweredSince(since) >= count), TimeSpan.FromSeconds(90), what);

    /// <summary>
    /// Waits until 200 requests started after <paramref name="since"/> were answered and no attempt has failed for longer
    /// than a call may wait (the response timeout and a second), so every failure a case caused is counted in its window.
    /// </summary>
    private static Task Settled(HttpPlatform platform, TimeSpan since, string what) =>
        Eventually.HoldsAsync(() => Task.FromResult(platform.Journal.AnsweredSince(since) >= 200
            && platform.Journal.Now - (platform.Journal.LastFailure ?? TimeSpan.Zero) > QuietFor), TimeSpan.FromSeconds(90), what);

    /// <summary>When a silo was sent SIGTERM, and how long after it said it was not ready and had exited.</summary>
    private sealed record StopTimes(string Silo, TimeSpan At, TimeSpan NotReady, TimeSpan Exited)
    {
        public static string Table(IEnumerable<StopTimes> stops)
        {
            var text = new StringBuilder();
            text.AppendLine("| SIGTERM | /health/ready 503 after | exited after |");
            text.AppendLine("| --- | ---: | ---: |");
            foreach (var s in stops)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Silo} | {s.NotReady.TotalMilliseconds:0} ms | {s.Exited.TotalSeconds:0.00} s |"));
            }
            return text.ToString();
        }
    }
}
