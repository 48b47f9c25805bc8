using CxCluster.Grains;
using CxCluster.Silo;
using CxCluster.TestSupport.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace CxCluster.Storage.Tests.Infrastructure;

/// <summary>
/// A real two-silo Orleans cluster in this process on a fresh PostgreSQL database: ADO.NET clustering (the test
/// cluster's own membership switched off), ADO.NET grain storage and ADO.NET reminders, with the CxCluster grains.
/// </summary>
/// <remarks>
/// Built with <see cref="TestClusterBuilder"/> rather than <c>InProcessTestClusterBuilder</c>: in Orleans 10.4.2 the
/// latter's <c>UseTestClusterMembership</c> cannot be switched off (it is internal) and its silos talk over an
/// in-memory transport that no separate client host can reach, whereas here the silos listen on real loopback ports
/// (free ones, from the test cluster's port allocator), as in production.
/// </remarks>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    public const string Tenant = "acme";

    /// <summary>A second ADO.NET grain storage that deletes rows on clear instead of keeping them empty.</summary>
    public const string DeletingStorage = "cx-delete";

    private const string ConnectionStringKey = "ConnectionStrings:CxClusterTest";
    private const string QuickDeathDetectionKey = "CxClusterTest:QuickDeathDetection";

    public PostgresDatabase Database { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public string ClusterId => Cluster.Options.ClusterId;

    public string ServiceId => Cluster.Options.ServiceId;

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync();
        Cluster = await DeployAsync(Database);
    }

    /// <summary>Starts two silos and a client on <paramref name="database"/>.</summary>
    /// <param name="database">The database the silos and the client share.</param>
    /// <param name="quickDeathDetection">Whether a killed silo is declared dead within seconds instead of the production defaults.</param>
    public static async Task<TestCluster> DeployAsync(PostgresDatabase database, bool quickDeathDetection = false)
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionStringKey] = database.ConnectionString;
        builder.Properties[QuickDeathDetectionKey] = quickDeathDetection ? "true" : "false";
        builder.Properties[$"Tenants:{Tenant}:BrandName"] = "Acme";
        builder.Properties[$"Tenants:{Tenant}:DefaultChannel"] = "chat";
        builder.Properties[$"Tenants:{Tenant}:DefaultLocale"] = "en-US";
        builder.Properties["Routing:OfferTimeoutSeconds"] = "0";
        builder.Properties["Routing:FirstReplySeconds"] = "0";
        builder.AddSiloBuilderConfigurator<SiloOnPostgres>();
        builder.AddClientBuilderConfigurator<ClientOnPostgres>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public async Task DisposeAsync()
    {
        await ClusterStop.StopAsync(Cluster);
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    private sealed class SiloOnPostgres : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var connectionString = silo.Configuration[ConnectionStringKey]!;
            // The silo's own PostgreSQL wiring (clustering, storage with its serializer, reminders), so the round trips
            // cover what production runs; plus a second storage that deletes rows on clear.
            silo.AddCxClusterPostgresProviders(connectionString);
            silo.AddAdoNetGrainStorage(DeletingStorage, o =>
            {
                o.Invariant = PostgresDatabase.Invariant;
                o.ConnectionString = connectionString;
                o.DeleteStateOnClear = true;
            });
            silo.AddCxClusterGrains(silo.Configuration);
            if (silo.Configuration.GetValue<bool>(QuickDeathDetectionKey))
            {
                // Two silos: the survivor's own vote declares the other dead after two missed one-second probes.
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = TimeSpan.FromSeconds(1);
                    o.NumMissedProbesLimit = 2;
                    o.NumVotesForDeathDeclaration = 1;
                });
            }
        }
    }

    private sealed class ClientOnPostgres : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresDatabase.Invariant;
                o.ConnectionString = configuration[ConnectionStringKey];
            });
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresClusterCollection : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = "postgres cluster";
}
