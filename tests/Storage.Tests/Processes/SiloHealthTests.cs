using System.Text.Json;
using CxCluster.TestSupport.Processes;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// A silo's own health port, asked as Kubernetes' probes ask it: live while the process runs, started and ready once it
/// joined the cluster (having warmed up before it joined), and not ready as soon as it is asked to stop, before it has
/// left.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class SiloHealthTests
{
    [Fact]
    public async Task A_joined_silo_is_started_and_ready_and_turns_not_ready_on_SIGTERM_before_it_leaves_the_cluster()
    {
        await using var cluster = await ProcessCluster.StartAsync("health", silos: 2, withApi: false);
        var silo = cluster.RunningSilos[1];
        using var health = new HttpClient { BaseAddress = cluster.HealthAddress(silo), Timeout = TimeSpan.FromSeconds(5) };

        Assert.Equal((200, "live"), await AskAsync(health, "/health/live"));
        Assert.Equal((200, "started"), await AskAsync(health, "/health/startup"));
        Assert.Equal((200, "ready"), await AskAsync(health, "/health/ready"));
        Assert.Equal(3, await cluster.MembershipStatusAsync(silo));
        // It warmed up before it joined: the line comes before Orleans' first, and opened its database connections.
        var log = ProcessLog.Read(silo.Log.Output);
        var warmed = log.IndexOf("Warmed up in ", StringComparison.Ordinal);
        Assert.True(warmed >= 0, $"{silo.Name} logged no warm-up:\n{silo.Tail(40)}");
        Assert.Contains("8 database connections opened", log[warmed..], StringComparison.Ordinal);
        var orleans = log.IndexOf("Orleans.", StringComparison.Ordinal);
        Assert.True(orleans < 0 || warmed < orleans, $"{silo.Name} warmed up only after Orleans started:\n{silo.Tail(40)}");

        silo.Terminate();
        var notReady = await Eventually.ReturnsAsync(() => AskAsync(health, "/health/ready"), answer => answer.Status != 200,
            TimeSpan.FromSeconds(10), $"{silo.Name}'s /health/ready to turn 503 after SIGTERM");
        // Read after the 503: the silo was still a member (active or shutting down, not dead) when it said it was not ready.
        var membership = await cluster.MembershipStatusAsync(silo);

        Assert.Equal((503, "stopping"), notReady);
        Assert.NotEqual(6, membership);
        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(30)), $"{silo.Describe()} did not exit within 30 s of SIGTERM");
        Assert.Equal(0, silo.ExitCode);
        Assert.Equal(6, await cluster.MembershipStatusAsync(silo));
    }

    /// <summary>The status code and the answer's <c>status</c>; (0, "") when nothing answered.</summary>
    internal static async Task<(int Status, string Answer)> AskAsync(HttpClient health, string path)
    {
        try
        {
            using var response = await health.GetAsync(path);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return ((int)response.StatusCode, body.RootElement.GetProperty("status").GetString() ?? "");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, "");
        }
    }
}
