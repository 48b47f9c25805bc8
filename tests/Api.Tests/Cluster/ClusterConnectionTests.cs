using Microsoft.Extensions.DependencyInjection;
using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Cluster;

/// <summary>The API against a cluster of its own that starts late or goes away (not the shared cluster).</summary>
public sealed class ClusterConnectionTests
{
    private const string ClusterId = "cxcluster-api-connection-tests";

    [Fact]
    public async Task Api_waits_for_a_late_silo_then_serves_and_answers_503_with_Retry_After_once_it_is_gone()
    {
        var ports = FreePorts.Take(2);
        var siloPorts = new LocalCluster.SiloPorts(ports[0], ports[1]);
        await using var api = LocalCluster.BuildApi(ClusterId, [siloPorts.GatewayPort], ClusterFixture.TenantSettings);

        // The API starts first: its client keeps retrying until the silo is up.
        var apiStarted = api.StartAsync();
        var silo = await LocalCluster.StartSiloAsync(ClusterId, siloPorts, primarySiloPort: null, ClusterFixture.TenantSettings);
        try
        {
            await apiStarted.WaitAsync(LocalCluster.StartTimeout);
            var address = LocalCluster.AddressOf(api);
            await LocalCluster.WaitUntilReadyAsync(address, LocalCluster.StartTimeout);
            using var acme = ApiClient.For(address, ClusterFixture.AcmeKey);
            await acme.SendAsync(Ids.New("conv"), Events.Started("e1", "chat", "id-ID"));

            await LocalCluster.StopAsync(silo);
            silo = null;

            var unavailable = await Eventually.ReturnsAsync(
                () => acme.GetAsync($"/v1/conversations/{Ids.New("conv")}"),
                r => r.StatusCode == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(60),
                "the API to notice the cluster is gone");
            using (unavailable)
            {
                await Json.ProblemAsync(unavailable, HttpStatusCode.ServiceUnavailable);
                Assert.True(unavailable.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "503 without Retry-After");
            }
            using var ready = await acme.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var live = await acme.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await LocalCluster.StopAsync(silo);
            await api.StopAsync();
        }
    }

    [Fact]
    public async Task Before_the_first_connection_tenant_calls_answer_503_with_Retry_After_after_the_key_is_checked_and_health_answers()
    {
        // No silo listens on this gateway: the client keeps trying, the HTTP server answers meanwhile.
        await using var api = LocalCluster.BuildApi(ClusterId, [FreePorts.One()], ClusterFixture.TenantSettings);
        using var stopping = new CancellationTokenSource();
        var starting = api.StartAsync(stopping.Token);
        try
        {
            var address = await Eventually.ReturnsAsync(
                () => Task.FromResult(api.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
                    .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault()),
                a => a is not null && !a.EndsWith(":0", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30),
                "the HTTP server to listen");
            using var acme = ApiClient.For(new Uri(address!), ClusterFixture.AcmeKey);
            using var anonymous = ApiClient.For(new Uri(address!), key: null);

            using var waiting = await acme.PostAsync(ApiClient.Events(Ids.New("conv")), Events.Started("e1", "chat", "id-ID"));
            using var unauthorised = await anonymous.PostAsync(ApiClient.Events(Ids.New("conv")), Events.Started("e1", "chat", "id-ID"));
            using var live = await anonymous.GetAsync("/health/live");

            await Json.ProblemAsync(waiting, HttpStatusCode.ServiceUnavailable);
            Assert.True(waiting.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "503 without Retry-After");
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            // Giving up the start: the client stops trying to connect.
            await stopping.CancelAsync();
            try
            {
                await starting.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (OperationCanceledException)
            {
            }
            await api.StopAsync(CancellationToken.None);
        }
    }
}
