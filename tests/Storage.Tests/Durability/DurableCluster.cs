using CxCluster.Grains;
using CxCluster.ServiceDefaults;
using CxCluster.Silo;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;
using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>
/// A multi-silo cluster wired exactly as production wires PostgreSQL (the silo's own provider set-up and state
/// serializer), with failure detection tightened so a killed silo is declared dead within seconds.
/// </summary>
public static class DurableCluster
{
    public const string Tenant = "acme";
    private const string ConnectionStringKey = "ConnectionStrings:CxClusterDurable";

    /// <summary>
    /// Starts <paramref name="silos"/> silos on the database; <paramref name="settings"/> are added to their configuration.
    /// A cluster started again with the same <paramref name="serviceId"/> finds the grain state the earlier one stored.
    /// </summary>
    public static async Task<TestCluster> StartAsync(
        string connectionString, short silos, IReadOnlyDictionary<string, string?>? settings = null, string? serviceId = null)
    {
        var builder = new TestClusterBuilder(silos);
        if (serviceId is not null)
        {
            builder.Options.ServiceId = serviceId;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Properties[key] = value;
        }
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Properties[ConnectionStringKey] = connectionString;
        builder.Properties[$"Tenants:{Tenant}:BrandName"] = "Acme";
        builder.Properties[$"Tenants:{Tenant}:DefaultLocale"] = "id-ID";
        builder.Properties.TryAdd("Routing:OfferTimeoutSeconds", "0");
        builder.Properties.TryAdd("Routing:FirstReplySeconds", "0");
        builder.AddSiloBuilderConfigurator<ProductionSilo>();
        builder.AddClientBuilderConfigurator<ProductionClient>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class ProductionSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddCxClusterPostgresProviders(silo.Configuration[ConnectionStringKey]!);
            silo.AddCxClusterGrains(silo.Configuration);
            silo.Configure<ClusterMembershipOptions>(membership =>
            {
                membership.ProbeTimeout = TimeSpan.FromSeconds(1);
                membership.NumMissedProbesLimit = 2;
                membership.NumVotesForDeathDeclaration = 1;
                membership.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            });
            silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(10));
        }
    }

    private sealed class ProductionClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresDatabase.Invariant;
                o.ConnectionString = configuration[ConnectionStringKey];
            });
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(10));
            client.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            client.Services.AddDatabaseFailureTransport();
        }
    }
}
