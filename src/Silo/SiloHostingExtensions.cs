using CxCluster.Abstractions;
using CxCluster.Grains;
using CxCluster.Grains.Tenants;
using CxCluster.ServiceDefaults;
using CxCluster.Silo.Health;
using CxCluster.Silo.Storage;
using CxCluster.Silo.Storage.Journal;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CxCluster.Silo;

/// <summary>Turns a generic host into a CxCluster silo.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds the Orleans silo with the CxCluster grains. With <c>ConnectionStrings:CxCluster</c> the silo clusters,
    /// stores grain state and keeps reminders in PostgreSQL; without it, the embedded default clusters on localhost
    /// and keeps everything in memory, needing no other service. The settings are read and checked here, once: a bad
    /// value throws a <see cref="SettingsException"/> naming its key before anything starts.
    /// </summary>
    public static IHostApplicationBuilder AddCxClusterSilo(this IHostApplicationBuilder builder)
    {
        var settings = builder.Services.AddCxClusterSettings(builder.Configuration);
        var options = settings.Cluster;
        var connectionString = settings.ConnectionString;
        // A silo asked to stop gets this long to hand its grains over and leave the cluster before it stops regardless.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddSingleton(new CxClusterDatabase(connectionString));
        builder.Services.AddCxClusterJournal(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            if (connectionString is null)
            {
                silo.AddCxClusterEmbeddedDefault(options);
            }
            else
            {
                silo.AddCxClusterPostgres(options, connectionString);
            }
            silo.AddCxClusterFailureDetection(options);
            silo.AddActivityPropagation();
            silo.AddCxClusterGrains(builder.Configuration);
            silo.AddCxClusterDashboard(settings.Dashboard);
        });
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>
    /// What keeps a built silo from starting, in one line, or null when nothing does (its own settings were checked as
    /// they were read): the Orleans options derived from them, checked before waiting for the database, then its silo
    /// and gateway ports (another process listening there, <see cref="ListeningPorts"/>), then its health port, opened so <c>/health/live</c> answers meanwhile, then the database itself (a silo without it cannot join the cluster),
    /// waited for up to <c>Cluster:DatabaseWaitSeconds</c>. Then it warms up (<see cref="SiloWarmUp"/>), so it joins ready
    /// to serve at speed.
    /// </summary>
    public static async Task<string?> CheckCxClusterSiloStartAsync(this IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception bad) when (bad is OptionsValidationException or InvalidOperationException)
        {
            return bad.Message;
        }
        if (ListeningPorts.Taken(services) is { } taken)
        {
            return taken;
        }
        if (await services.StartSiloHealthAsync() is { } health)
        {
            return health;
        }
        var database = services.GetRequiredService<CxClusterDatabase>();
        var wait = services.GetRequiredService<ClusterSettings>().DatabaseWait;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CxCluster.Silo");
        if (await database.WaitUntilReadyAsync(wait, logger, CancellationToken.None) is { } problem)
        {
            return problem;
        }
        await SiloWarmUp.RunAsync(services, logger);
        return null;
    }

    /// <summary>
    /// How fast the cluster notices a dead silo, and how long a call waits for an answer (both from <c>Cluster:*</c>;
    /// the same in the embedded default and with PostgreSQL). With the defaults a silo probes each other one about every
    /// 0.5 s; a killed silo refuses the probes at once, so after three misses (about 1.5 s) the survivors vote, and it is
    /// declared dead about 2 to 3 s after it died. Its calls in flight then fail at once; none waits longer than the
    /// response timeout (3 s). README "When a silo fails" has the figures and the trade-off.
    /// </summary>
    private static void AddCxClusterFailureDetection(this ISiloBuilder silo, ClusterSettings options)
    {
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = options.ResponseTimeout);
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = options.ProbeTimeout;
            membership.MinProbeTimeout = options.ProbeTimeout / 2;
            membership.MaxProbeTimeout = options.MaxProbeTimeout;
            membership.NumMissedProbesLimit = options.MissedProbesLimit;
            membership.NumVotesForDeathDeclaration = options.VotesForDeathDeclaration;
            membership.TableRefreshTimeout = options.TableRefresh;
            membership.IAmAliveTablePublishTimeout = options.IAmAlive;
            membership.NumMissedTableIAmAliveLimit = 3;
        });
    }

    /// <summary>Localhost clustering, memory storage and reminders: one machine, nothing to install.</summary>
    private static void AddCxClusterEmbeddedDefault(this ISiloBuilder silo, ClusterSettings options)
    {
        silo.UseLocalhostClustering(
            siloPort: options.SiloPort,
            gatewayPort: options.GatewayPort,
            primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, options.PrimarySiloPort ?? options.SiloPort),
            serviceId: options.ServiceId,
            clusterId: options.ClusterId);
        silo.AddCxClusterMemoryStorage();
        silo.UseInMemoryReminderService();
    }

    /// <summary>Cluster identity and endpoints from <c>Cluster:*</c>, then the PostgreSQL providers.</summary>
    private static void AddCxClusterPostgres(this ISiloBuilder silo, ClusterSettings options, string connectionString)
    {
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.AdvertisedIPAddress = ResolveAdvertisedAddress(options.AdvertisedAddress);
            endpoints.SiloPort = options.SiloPort;
            endpoints.GatewayPort = options.GatewayPort;
            endpoints.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, options.SiloPort);
            endpoints.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, options.GatewayPort);
        });
        silo.AddCxClusterPostgresProviders(connectionString);
    }

    /// <summary>ADO.NET clustering, grain storage and reminders on PostgreSQL (invariant <c>Npgsql</c>), and the fact journal there.</summary>
    public static ISiloBuilder AddCxClusterPostgresProviders(this ISiloBuilder silo, string connectionString)
    {
        // The conversations' facts are their storage: in the same database as the rest.
        silo.Services.AddCxClusterPostgresJournal(connectionString);
        connectionString = CxClusterDatabase.ForProviders(connectionString);
        silo.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = CxClusterDatabase.Invariant;
            clustering.ConnectionString = connectionString;
        });
        silo.AddPostgresStorage(connectionString);
        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = CxClusterDatabase.Invariant;
            reminders.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>ADO.NET grain storage and the fact journal on PostgreSQL alone (load tests pair them with the test cluster's membership).</summary>
    public static ISiloBuilder AddCxClusterPostgresStorage(this ISiloBuilder silo, string connectionString)
    {
        silo.Services.AddCxClusterPostgresJournal(connectionString);
        return silo.AddPostgresStorage(CxClusterDatabase.ForProviders(connectionString));
    }

    /// <summary>The grain storage, given a connection string already prepared for the providers.</summary>
    private static ISiloBuilder AddPostgresStorage(this ISiloBuilder silo, string connectionString)
    {
        silo.AddAdoNetGrainStorage(CxStorage.Name, storage => storage.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
        {
            o.Invariant = CxClusterDatabase.Invariant;
            o.ConnectionString = connectionString;
            // Orleans' own binary format: compact, fast, and version-tolerant through the [Id]s on every state type.
            o.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer);
        }));
        // A database failure travels to the caller as what it is, so the API can answer 503 rather than 500.
        silo.Services.AddDatabaseFailureTransport();
        return silo;
    }

    private static IPAddress ResolveAdvertisedAddress(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return IPAddress.TryParse(configured, out var address)
                ? address
                : Dns.GetHostAddresses(configured).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
        }
        return Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }

    /// <summary>Says, once the silo runs, where it listens, where it keeps state and which tenants it serves.</summary>
    private sealed class StartupBanner(
        IOptions<EndpointOptions> endpoints,
        TenantDirectory tenants,
        CxClusterDatabase database,
        WebhookSettings webhooks,
        ILogger<StartupBanner> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation(
                "CxCluster silo up: silo port {SiloPort}, gateway port {GatewayPort}, state in {Storage}, tenants {Tenants}",
                endpoints.Value.SiloPort, endpoints.Value.GatewayPort, database.Describe(), string.Join(", ", tenants.TenantIds));
            if (tenants.IsEmbeddedDefault)
            {
                logger.LogWarning("No tenants configured: serving the embedded default tenant '{Tenant}' (API key {Key}). Configure Tenants:* for anything but a demo.",
                    EmbeddedDefault.TenantId, EmbeddedDefault.ApiKey);
            }
            else if (!database.IsConfigured && webhooks.AllowLoopbackHttp)
            {
                logger.LogWarning("State in memory: tenants may register webhook receivers on this machine's loopback addresses, over http too. Set Webhooks:AllowLoopbackHttp=false unless that is meant.");
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
