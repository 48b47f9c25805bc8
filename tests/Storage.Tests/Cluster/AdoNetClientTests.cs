using CxCluster.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Messaging;

namespace CxCluster.Storage.Tests.Cluster;

/// <summary>A client in its own host, as the API runs one, that knows nothing but the database.</summary>
[Collection(PostgresClusterCollection.Name)]
public sealed class AdoNetClientTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task A_client_finds_the_gateways_in_the_membership_table_and_calls_a_grain()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresDatabase.Invariant;
                o.ConnectionString = fixture.Database.ConnectionString;
            });
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = fixture.ClusterId;
                o.ServiceId = fixture.ServiceId;
            });
        });
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        try
        {
            var gateways = await host.Services.GetRequiredService<IGatewayListProvider>().GetGateways();
            // Each active silo's gateway endpoint, with the silo's generation, exactly as the silos registered them.
            var expected = fixture.Cluster.Silos.Select(s => $"{s.GatewayAddress!.Endpoint}/{s.SiloAddress.Generation}").Order();
            Assert.Equal(expected, gateways.Select(u => $"{u.Host}:{u.Port}{u.AbsolutePath}").Order());

            var grains = host.Services.GetRequiredService<IClusterClient>();
            var probe = await grains.GetGrain<IClusterProbeGrain>(0).Ping();
            var outcome = await grains.GetGrain<IConversationGrain>($"{PostgresClusterFixture.Tenant}/c-{Guid.NewGuid():N}").Apply(new ConversationStartedEvent
            {
                Id = "e1",
                OccurredAt = DateTimeOffset.UtcNow,
                Channel = Channel.Chat,
                Locale = "en-US",
            });

            Assert.True(probe > DateTimeOffset.UtcNow.AddMinutes(-5));
            Assert.Contains(outcome.Result!.Directives, d => d.Type == DirectiveType.Disclose);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
