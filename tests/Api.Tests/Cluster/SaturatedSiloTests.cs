using System.Text.Json.Nodes;
using CxCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace CxCluster.Api.Tests.Cluster;

/// <summary>
/// A silo whose memory use is at Orleans' load-shedding threshold is alive and started but not ready, so a probe takes
/// it out of rotation. The threshold is set at 1 % here, and the test holds 2 % of what the process may use (other tests
/// of the process may hold more: that only makes it more saturated).
/// </summary>
public sealed class SaturatedSiloTests : IAsyncLifetime
{
    private WebApplication? server;
    private int healthPort;

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(3);
        healthPort = ports[2];
        server = await CohostedServer.StartAsync("cxcluster-saturated-tests", new LocalCluster.SiloPorts(ports[0], ports[1]),
            ClusterFixture.TenantSettings, builder =>
            {
                builder.Configuration.AddInMemoryCollection([new("Cluster:HealthPort", healthPort.ToString())]);
                builder.Services.Configure<LoadSheddingOptions>(options => options.MemoryThreshold = 1);
            });
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await LocalCluster.StopAsync(server);
        }
    }

    [Fact]
    public async Task A_silo_at_its_memory_threshold_is_live_and_started_but_answers_ready_503_saturated()
    {
        using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}") };

        var started = await Eventually.ReturnsAsync(() => health.GetAsync("/health/startup"), r => r.StatusCode == HttpStatusCode.OK,
            LocalCluster.StartTimeout, "the silo to have started");
        started.Dispose();
        // The process's managed memory taken above 1 % of what it may use, whatever other tests of the process hold.
        var ballast = new byte[(int)Math.Min(int.MaxValue - 64, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 50)];
        // Orleans reads the process's memory on its own timer and smooths it: the reading follows within seconds.
        using var ready = await Eventually.ReturnsAsync(() => health.GetAsync("/health/ready"), r => r.StatusCode != HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), "the silo's first memory reading to make it unready");
        using var live = await health.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("saturated", body["status"]!.GetValue<string>());
        Assert.Equal("Active", body["silo"]!.GetValue<string>());
        Assert.Contains("at or above 1%", body["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        GC.KeepAlive(ballast);
    }
}
