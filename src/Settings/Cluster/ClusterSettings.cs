namespace CxCluster.Settings;

/// <summary>
/// Which cluster a silo or an API process belongs to, where a silo lives, and how fast both react to failures
/// (configuration section <c>Cluster</c>). Every silo and API process reads the same section; each uses its part.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    public string ClusterId { get; init; } = "cxcluster-dev";

    public string ServiceId { get; init; } = "cxcluster";

    /// <summary>Silo-to-silo port (silo).</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>The port API processes connect to (silo).</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>
    /// The silo's own HTTP port for <c>/health/live</c>, <c>/health/ready</c> and <c>/health/startup</c> (silo; Kubernetes'
    /// probes ask it). 0: no health port.
    /// </summary>
    public int HealthPort { get; init; } = 8081;

    /// <summary>Embedded default only: the silo port of the primary silo that the others join; null: this silo's own.</summary>
    public int? PrimarySiloPort { get; init; }

    /// <summary>
    /// With PostgreSQL: the address other silos and clients reach this silo at (in Kubernetes, the pod IP). An IP or a
    /// host name; null means this host's name, resolved.
    /// </summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>With PostgreSQL: how long a silo's start-up waits for the database before it gives up with a clear message.</summary>
    public TimeSpan DatabaseWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Embedded default: the silos' gateway ports on this host the API connects to (<c>Cluster:GatewayPorts:{n}</c>).</summary>
    public IReadOnlyList<int> GatewayPorts { get; init; } = [30000];

    /// <summary>How long the API keeps trying to reach the cluster at start-up before it gives up; null: for as long as it runs.</summary>
    public TimeSpan? ConnectRetryWindow { get; init; }

    /// <summary>
    /// How long a grain call waits for its answer before it fails with a <see cref="TimeoutException"/>, in silos and
    /// API processes alike. A healthy call takes milliseconds (p99 about 0.1 s on PostgreSQL at full load), so only a
    /// call whose silo or gateway died, or a stuck one, ever reaches it; on a client it is what bounds a 503 then.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The first timeout of a liveness probe to another silo. Orleans then adapts it to the measured round trips, between
    /// half of it and <see cref="MaxProbeTimeout"/>; on a healthy network a probe goes out about every half of it.
    /// </summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest a probe may wait, however slow the network or the silo is. It also sets how long a silo that still
    /// sent something on an open connection is not suspected: this times <see cref="MissedProbesLimit"/>. Unset: twice
    /// <see cref="ProbeTimeout"/>.
    /// </summary>
    public TimeSpan MaxProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Probes missed in a row before a silo votes that another is dead.</summary>
    public int MissedProbesLimit { get; init; } = 3;

    /// <summary>
    /// Votes that declare a silo dead. Orleans asks for no more than half the active silos, so with two silos the
    /// survivor's own vote is enough; a probe through another silo counts that silo's vote too.
    /// </summary>
    public int VotesForDeathDeclaration { get; init; } = 2;

    /// <summary>
    /// How often a silo re-reads the membership table. Changes reach the other silos at once by gossip; this is the
    /// fallback when a gossip message is lost.
    /// </summary>
    public TimeSpan TableRefresh { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a silo writes that it is alive into the membership table. An entry not written for three of these is
    /// stale: a silo starting does not wait to reach it before joining, so a cluster whose every silo died answers again
    /// once one is back, within seconds rather than Orleans' default minute and a half.
    /// </summary>
    public TimeSpan IAmAlive { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a silo asked to stop (SIGTERM) may take to finish its calls, deactivate its grains and leave the
    /// cluster before it stops regardless. Below Kubernetes' default grace period of 30 s, so the orderly leave ends
    /// before the pod is killed.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How often an API process re-reads the list of gateways (with PostgreSQL, the active silos in the membership
    /// table), so it finds new silos and drops dead ones it could not tell were gone.
    /// </summary>
    public TimeSpan GatewayRefresh { get; init; } = TimeSpan.FromSeconds(5);

    private static readonly string[] Known =
    [
        "ClusterId", "ServiceId", "SiloPort", "GatewayPort", "HealthPort", "PrimarySiloPort", "AdvertisedAddress", "DatabaseWaitSeconds",
        "GatewayPorts", "ConnectRetrySeconds", "ResponseTimeoutSeconds", "ProbeTimeoutSeconds", "MaxProbeTimeoutSeconds",
        "MissedProbesLimit", "VotesForDeathDeclaration", "TableRefreshSeconds", "IAmAliveSeconds", "ShutdownTimeoutSeconds", "GatewayRefreshSeconds",
    ];

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    internal static ClusterSettings Read(IConfiguration configuration, SettingsReader reader)
    {
        var section = configuration.GetSection(Section);
        reader.OnlyKnown(section, "a cluster setting", Known);
        var defaults = new ClusterSettings();
        var probe = reader.Seconds(section, "ProbeTimeoutSeconds", defaults.ProbeTimeout, 0, Day);
        var maxProbe = reader.OptionalSeconds(section, "MaxProbeTimeoutSeconds", 0, Day) ?? probe * 2;
        if (maxProbe < probe)
        {
            reader.Problem($"{SettingsReader.Key(section, "MaxProbeTimeoutSeconds")} ({maxProbe.TotalSeconds} s) must be at least {SettingsReader.Key(section, "ProbeTimeoutSeconds")} ({probe.TotalSeconds} s)");
        }
        return new ClusterSettings
        {
            ClusterId = SettingsReader.Text(section, "ClusterId") ?? defaults.ClusterId,
            ServiceId = SettingsReader.Text(section, "ServiceId") ?? defaults.ServiceId,
            SiloPort = reader.OptionalPort(section, "SiloPort") ?? defaults.SiloPort,
            GatewayPort = reader.OptionalPort(section, "GatewayPort") ?? defaults.GatewayPort,
            HealthPort = reader.Int(section, "HealthPort", defaults.HealthPort, 0, 65_535),
            PrimarySiloPort = reader.OptionalPort(section, "PrimarySiloPort"),
            AdvertisedAddress = SettingsReader.Text(section, "AdvertisedAddress"),
            DatabaseWait = reader.Seconds(section, "DatabaseWaitSeconds", defaults.DatabaseWait, 0, Day, minIncluded: true),
            GatewayPorts = ReadGatewayPorts(section.GetSection("GatewayPorts"), reader) is { Count: > 0 } ports ? ports : defaults.GatewayPorts,
            ConnectRetryWindow = reader.OptionalSeconds(section, "ConnectRetrySeconds", 0, Day, minIncluded: true),
            ResponseTimeout = reader.Seconds(section, "ResponseTimeoutSeconds", defaults.ResponseTimeout, 0, Day),
            ProbeTimeout = probe,
            MaxProbeTimeout = maxProbe,
            MissedProbesLimit = reader.Int(section, "MissedProbesLimit", defaults.MissedProbesLimit, 1, 100),
            VotesForDeathDeclaration = reader.Int(section, "VotesForDeathDeclaration", defaults.VotesForDeathDeclaration, 1, 100),
            TableRefresh = reader.Seconds(section, "TableRefreshSeconds", defaults.TableRefresh, 0, Day),
            IAmAlive = reader.Seconds(section, "IAmAliveSeconds", defaults.IAmAlive, 0, Day),
            ShutdownTimeout = reader.Seconds(section, "ShutdownTimeoutSeconds", defaults.ShutdownTimeout, 0, Day),
            GatewayRefresh = reader.Seconds(section, "GatewayRefreshSeconds", defaults.GatewayRefresh, 0, Day),
        };
    }

    private static List<int> ReadGatewayPorts(IConfigurationSection ports, SettingsReader reader) =>
        ports.GetChildren().Select(port => reader.OptionalPort(ports, port.Key)).OfType<int>().ToList();
}
