using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Tenants;

/// <summary>A second API process on the same cluster, with a tight per-tenant limit.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RateLimitingTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Tenant_over_its_rate_is_429_with_Retry_After_and_other_tenants_go_on()
    {
        var settings = new Dictionary<string, string?>(ClusterFixture.TenantSettings) { ["RateLimiting:PermitsPerSecond"] = "2" };
        await using var api = LocalCluster.BuildApi(ClusterFixture.ClusterId, cluster.GatewayPorts, settings);
        await api.StartAsync();
        var address = LocalCluster.AddressOf(api);
        using var acme = ApiClient.For(address, ClusterFixture.AcmeKey);
        using var globex = ApiClient.For(address, ClusterFixture.GlobexKey);

        HttpResponseMessage? limited = null;
        for (var i = 0; i < 20 && limited is null; i++)
        {
            var response = await acme.GetAsync("/v1/queues");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            await Json.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After");
        }
        using var other = await globex.GetAsync("/v1/queues");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var health = await acme.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await api.StopAsync();
    }
}
