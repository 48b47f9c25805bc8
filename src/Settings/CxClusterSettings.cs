namespace CxCluster.Settings;

/// <summary>
/// What every CxCluster process is configured with, one tree read and checked once per host before it starts: the
/// tenants (keys and policies), the cluster, the database, the API's event clock, rate limit and stream, and the silos'
/// conversations, handoffs, push, webhooks, journal and crash-test sections. Both hosts read the whole tree, so a bad
/// value fails either start with a <see cref="SettingsException"/> naming its full key (every bad one at once, and any
/// key no section knows), never a request later.
/// </summary>
public sealed class CxClusterSettings
{
    /// <summary><c>ConnectionStrings:CxCluster</c>: set, the cluster lives in PostgreSQL; unset, the embedded default.</summary>
    public const string ConnectionStringName = "CxCluster";

    /// <summary>The configured tenants, or the embedded default's single <c>demo</c> tenant when none is.</summary>
    public required IReadOnlyList<TenantPolicy> Tenants { get; init; }

    /// <summary>True when no tenant was configured and the demo tenant stands in.</summary>
    public bool IsEmbeddedDefault { get; init; }

    /// <summary>
    /// <c>Routing</c>: the routing every tenant has unless its own <c>Tenants:{id}:Routing</c> says otherwise (key by key),
    /// and the one a tenant the silo was not told of gets.
    /// </summary>
    public RoutingPolicy DefaultRouting { get; init; } = new();

    public required ClusterSettings Cluster { get; init; }

    /// <summary><c>Dashboard</c>: the Orleans Dashboard, its operators' keys in the API and its grain side in the silos.</summary>
    public DashboardSettings Dashboard { get; init; } = new();

    /// <summary><c>Conversations</c> (silos): what a conversation keeps, and for how long in memory.</summary>
    public ConversationSettings Conversations { get; init; } = new();

    /// <summary><c>Handoffs</c> (silos): how often conversations, agents and pools reconcile.</summary>
    public HandoffSettings Handoffs { get; init; } = new();

    /// <summary><c>Push</c> (silos): how a silo follows its tenants' facts.</summary>
    public PushSettings Push { get; init; } = new();

    /// <summary><c>Webhooks</c> (silos): delivery, retries and which receivers may be registered.</summary>
    public WebhookSettings Webhooks { get; init; } = new();

    /// <summary><c>Journal</c> (silos with PostgreSQL): group commit.</summary>
    public JournalSettings Journal { get; init; } = new();

    /// <summary><c>Testing</c> (silos, crash tests only): where a silo dies on purpose.</summary>
    public CrashPointSettings Testing { get; init; } = new();

    /// <summary>The PostgreSQL connection string, or null on the embedded default.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// <c>Events:FutureToleranceSeconds</c> (API): how far ahead of the time received an event's <c>occurredAt</c> may
    /// be, the clock skew allowed between a platform and the API.
    /// </summary>
    public TimeSpan EventFutureTolerance { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary><c>RateLimiting:PermitsPerSecond</c> (API): requests per second per tenant before 429; 0: no limit.</summary>
    public int PermitsPerSecond { get; init; } = 100_000;

    /// <summary>
    /// <c>Stream:SlowClientSeconds</c> (API): how long the live stream waits for a client to take a fact before it cuts
    /// the client off (its buffer then holds no more than the server's output buffer).
    /// </summary>
    public TimeSpan StreamSlowClientCutOff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Stream:KeepAliveSeconds</c> (API): the longest the live stream stays silent before a comment line (1-15).</summary>
    public TimeSpan StreamKeepAlive { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The configured connection string, or null when the process runs on the embedded default.</summary>
    public static string? ConnectionStringFrom(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Reads every setting; throws one <see cref="SettingsException"/> naming each bad one by its full key.</summary>
    public static CxClusterSettings Read(IConfiguration configuration)
    {
        var reader = new SettingsReader();
        var routing = TenantSettings.ReadRouting(configuration.GetSection("Routing"), reader, new RoutingPolicy());
        var tenants = TenantSettings.Read(configuration, reader, routing);
        var connectionString = ConnectionStringFrom(configuration);
        if (tenants.Count == 0 && connectionString is not null)
        {
            reader.Problem($"a database is configured but no tenant is ({TenantSettings.Section}:{{id}}:ApiKeys:{{n}}); the demo tenant is for the embedded default only");
        }
        IReadOnlyList<TenantPolicy> served = tenants.Count > 0 ? tenants : [TenantSettings.Demo(routing)];
        var events = configuration.GetSection("Events");
        var rateLimiting = configuration.GetSection("RateLimiting");
        var stream = configuration.GetSection("Stream");
        reader.OnlyKnown(events, "an event setting", "FutureToleranceSeconds");
        reader.OnlyKnown(rateLimiting, "a rate-limiting setting", "PermitsPerSecond");
        reader.OnlyKnown(stream, "a live-stream setting", "KeepAliveSeconds", "SlowClientSeconds");
        var journal = JournalSettings.Read(configuration, reader);
        var settings = new CxClusterSettings
        {
            Tenants = served,
            DefaultRouting = routing,
            IsEmbeddedDefault = tenants.Count == 0,
            Cluster = ClusterSettings.Read(configuration, reader),
            Dashboard = DashboardSettings.Read(configuration, reader, served),
            ConnectionString = connectionString,
            EventFutureTolerance = reader.Seconds(events, "FutureToleranceSeconds", TimeSpan.FromSeconds(300), 0, TimeSpan.FromDays(1), minIncluded: true),
            PermitsPerSecond = reader.Int(rateLimiting, "PermitsPerSecond", 100_000, 0, int.MaxValue),
            StreamSlowClientCutOff = reader.Seconds(stream, "SlowClientSeconds", TimeSpan.FromSeconds(30), 0, TimeSpan.FromHours(1)),
            StreamKeepAlive = reader.Seconds(stream, "KeepAliveSeconds", TimeSpan.FromSeconds(10), 1, TimeSpan.FromSeconds(15), minIncluded: true),
            Conversations = ConversationSettings.Read(configuration, reader),
            Handoffs = HandoffSettings.Read(configuration, reader),
            Push = PushSettings.Read(configuration, reader),
            Webhooks = WebhookSettings.Read(configuration, reader, inMemory: connectionString is null),
            Journal = journal,
            Testing = CrashPointSettings.Read(configuration, journal, reader),
        };
        reader.ThrowIfAny();
        return settings;
    }
}
