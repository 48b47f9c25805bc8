using System.Net.Http.Headers;
using System.Text;
using CxCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace CxCluster.Api.Tests.Dashboard;

/// <summary>
/// The Orleans Dashboard over real HTTP: a silo running its grain side, and the API apart serving the page at
/// /dashboard to operators who send one of Dashboard:Keys (HTTP Basic), and to nobody else.
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private const string ClusterId = "cxcluster-dashboard-tests";
    private const string OperatorKey = "operator-key-0123456789";
    private const string SecondOperatorKey = "operator-key-abcdefghij";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private IHost? silo;
    private WebApplication? api;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(2);
        var siloPorts = new LocalCluster.SiloPorts(ports[0], ports[1]);
        silo = await LocalCluster.StartSiloAsync(ClusterId, siloPorts, primarySiloPort: null,
            new Dictionary<string, string?>(ClusterFixture.TenantSettings) { ["Dashboard:Enabled"] = "true" });
        api = LocalCluster.BuildApi(ClusterId, [siloPorts.GatewayPort], new Dictionary<string, string?>(ClusterFixture.TenantSettings)
        {
            ["Dashboard:Keys:0"] = OperatorKey,
            ["Dashboard:Keys:1"] = SecondOperatorKey,
        });
        await api.StartAsync();
        var address = LocalCluster.AddressOf(api);
        await LocalCluster.WaitUntilReadyAsync(address, LocalCluster.StartTimeout);
        http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (api is not null)
        {
            await LocalCluster.StopAsync(api);
        }
        await LocalCluster.StopAsync(silo);
    }

    private Task<HttpResponseMessage> GetAsync(string path, AuthenticationHeaderValue? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return http.SendAsync(request);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/index.min.js")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/dashboard/ClusterStats")]
    public async Task Without_credentials_every_route_answers_401_with_a_basic_challenge(string path)
    {
        using var response = await GetAsync(path, authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        Assert.Contains("realm=", challenge.Parameter);
        Assert.DoesNotContain("Tenant", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_key_a_tenant_key_or_malformed_credentials_answer_401()
    {
        var refused = new[]
        {
            Basic("ops", "operator-key-0123456788"),
            Basic("ops", OperatorKey[..^1]),
            Basic("ops", ""),
            // A tenant's API key opens nothing here, as a bearer key or as a password.
            new AuthenticationHeaderValue("Bearer", ClusterFixture.AcmeKey),
            new AuthenticationHeaderValue("Bearer", OperatorKey),
            Basic("ops", ClusterFixture.AcmeKey),
            new AuthenticationHeaderValue("Basic", "not base64 at all!"),
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(OperatorKey))),
        };
        foreach (var authorization in refused)
        {
            using var response = await GetAsync("/dashboard/DashboardCounters", authorization);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{authorization} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Either_operator_key_opens_the_page_and_the_cluster_data_whatever_the_user_name()
    {
        using var page = await GetAsync("/dashboard/", Basic("ops", OperatorKey));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var script = await GetAsync("/dashboard/index.min.js", Basic("", SecondOperatorKey));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);

        // The silo's dashboard grain answers once it has collected its first round.
        var counters = await Eventually.ReturnsAsync(async () =>
        {
            using var response = await GetAsync("/dashboard/DashboardCounters", Basic("someone", SecondOperatorKey));
            return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        }, c => c?["totalActiveHostCount"]?.GetValue<int>() >= 1, Patience, "the dashboard's counters to show the silo");
        Assert.Equal(1, counters!["totalActiveHostCount"]!.GetValue<int>());
        Assert.NotEmpty(counters["hosts"]!.AsArray());
    }

    [Fact]
    public async Task The_tenant_api_is_unchanged_beside_the_dashboard()
    {
        using var acme = ApiClient.For(LocalCluster.AddressOf(api!), ClusterFixture.AcmeKey);
        var started = await acme.SendAsync(Ids.New("dash"), Events.Started("e1", "chat", "en-US"));
        Assert.Equal("disclose", Assert.Single(started.Directives()).Text("type"));
        // An operator's key is no tenant key.
        using var asOperator = ApiClient.For(LocalCluster.AddressOf(api!), OperatorKey);
        using var refused = await asOperator.PostAsync(ApiClient.Events(Ids.New("dash")), Events.Started("e1", "chat", "en-US"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
