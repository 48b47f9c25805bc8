using System.Net.Http.Headers;
using System.Text;
using CxCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace CxCluster.Api.Tests.Dashboard;

/// <summary>
/// The dashboard in one process that is both silo and API (src/Server, the embedded run): the keys alone turn on both
/// its grain side and its page, which answers operators only.
/// </summary>
public sealed class CohostedDashboardTests : IAsyncLifetime
{
    private const string ClusterId = "cxcluster-cohosted-dashboard-tests";
    private const string OperatorKey = "cohosted-operator-key-42";
    private WebApplication? server;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(2);
        server = await CohostedServer.StartAsync(ClusterId, new LocalCluster.SiloPorts(ports[0], ports[1]),
            new Dictionary<string, string?>(ClusterFixture.TenantSettings) { ["Dashboard:Keys:0"] = OperatorKey });
        var address = LocalCluster.AddressOf(server);
        await LocalCluster.WaitUntilReadyAsync(address, LocalCluster.StartTimeout);
        http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (server is not null)
        {
            await LocalCluster.StopAsync(server);
        }
    }

    [Fact]
    public async Task Keys_alone_serve_the_dashboard_to_operators_and_to_nobody_else()
    {
        using var anonymous = await http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", Assert.Single(anonymous.Headers.WwwAuthenticate).Scheme);

        var counters = await Eventually.ReturnsAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/DashboardCounters");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"ops:{OperatorKey}")));
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        }, c => c?["totalActiveHostCount"]?.GetValue<int>() >= 1, TimeSpan.FromSeconds(30), "the dashboard's counters to show the silo");
        Assert.Equal(1, counters!["totalActiveHostCount"]!.GetValue<int>());
    }
}
