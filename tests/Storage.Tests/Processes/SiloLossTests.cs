// Ten kill rounds in a row (one test; each round SIGKILLs a silo, SIGTERMs another and adds one while the platform plays):
//   CXCLUSTER_KILL_ROUNDS=10 bash tests/run-all.sh
// or, with a PostgreSQL of your own (CXCLUSTER_TEST_POSTGRES set as tests/run-all.sh sets it) and a built solution:
//   CXCLUSTER_KILL_ROUNDS=10 dotnet test tests/Storage.Tests --no-build --filter "FullyQualifiedName~Processes.SiloLossTests"
using Xunit.Abstractions;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// Real silo processes and a real API process on real PostgreSQL: a silo killed outright and another stopped while a
/// platform plays conversations over HTTP lose nothing, and callers see only 503s or no answer, briefly, meanwhile.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class SiloLossTests(ITestOutputHelper output)
{
    private const int Lanes = 40;
    private const int Agents = 6;

    /// <summary>How many kill rounds one run plays (<c>CXCLUSTER_KILL_ROUNDS</c>, default 1).</summary>
    private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("CXCLUSTER_KILL_ROUNDS"), out var n) && n > 0 ? n : 1;

    [Fact]
    public async Task A_silo_killed_and_another_stopped_while_a_platform_plays_loses_nothing()
    {
        var journal = new RequestJournal();
        var timeline = new Timeline(output, journal);
        await using var cluster = await ProcessCluster.StartAsync("loss", silos: 3);
        using var platform = new HttpPlatform(cluster.CreateClient(TimeSpan.FromSeconds(45)), journal);
        timeline.Mark("3 silos and the API ready");
        var windows = new List<FailureWindow>();
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
                windows.AddRange(await PlayKillRound(cluster, platform, round));
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
        }
    }

    /// <summary>
    /// With the platform playing: SIGKILL a silo; once the cluster has declared it dead and answers again, SIGTERM
    /// another; start a new one; wind the platform down; then every invariant must hold. Leaves three silos running.
    /// </summary>
    private async Task<IReadOnlyList<FailureWindow>> PlayKillRound(ProcessCluster cluster, HttpPlatform platform, int round)
    {
        var journal = platform.Journal;
        var timeline = new Timeline(output, journal);
        var conversationsBefore = platform.Conversations.Count;
        var load = new CustomerLoad(platform, $"r{round}", seed: 7919 * round);
        using var windDown = new CancellationTokenSource();
        var playing = load.PlayAsync(Lanes, windDown.Token);
        var completing = load.CompleteNowAndThenAsync(windDown.Token);
        try
        {
            await Progress(platform, journal.Now, 300, "the platform to be answered 300 times before the kill");

            var silos = cluster.RunningSilos;
            var victim = silos[(round - 1) % silos.Count];
            ProcessCluster.Kill(victim);
            var killedAt = timeline.Mark($"round {round}: SIGKILL {victim.Name}");
            await Eventually.ReturnsAsync(() => cluster.MembershipStatusAsync(victim), s => s == 6, TimeSpan.FromSeconds(60),
                $"the cluster to declare the killed {victim.Name} dead");
            timeline.Mark($"{victim.Name} declared dead in the membership table");
            await Progress(platform, journal.Now, 200, "200 answers after the killed silo was declared dead");

            var stopped = cluster.RunningSilos[0];
            var stoppedAt = timeline.Mark($"SIGTERM {stopped.Name}");
            await ProcessCluster.StopAsync(stopped);
            timeline.Mark($"{stopped.Name} exited with {stopped.ExitCode}");
            var joiningAt = journal.Now;
            var joined = await cluster.StartSiloAsync();
            timeline.Mark($"{joined.Name} joined");
            await Progress(platform, journal.Now, 200, "200 answers after a new silo joined");

            windDown.Cancel();
            await Task.WhenAll(playing, completing);
            var ended = timeline.Mark($"platform wound down: {platform.Conversations.Count - conversationsBefore} conversations this round, " +
                $"{platform.EventsAnswered} events and {platform.Completes} completes answered in all");

            var summary = await PlatformInvariants.AssertConvergeAsync(platform, TimeSpan.FromSeconds(60));
            timeline.Mark($"every invariant holds: {summary}");
            Assert.Equal(0, stopped.ExitCode);
            if (round < Rounds)
            {
                // Three silos again for the next round.
                await cluster.StartSiloAsync();
            }
            return
            [
                journal.Window($"round {round}: SIGKILL {victim.Name}", killedAt, stoppedAt),
                journal.Window($"round {round}: SIGTERM {stopped.Name}", stoppedAt, joiningAt),
                journal.Window($"round {round}: {joined.Name} joins", joiningAt, ended),
            ];
        }
        finally
        {
            windDown.Cancel();
            await Task.WhenAll(playing, completing).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests started after <paramref name="since"/> were answered.</summary>
    private static Task Progress(HttpPlatform platform, TimeSpan since, int count, string what) =>
        Eventually.HoldsAsync(() => Task.FromResult(platform.Journal.AnsweredSince(since) >= count), TimeSpan.FromSeconds(90), what);
}
