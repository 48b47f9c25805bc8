namespace CxCluster.Silo;

/// <summary>Where this silo lives, which cluster it joins and how fast it reacts to failures (configuration section <c>Cluster</c>).</summary>
public sealed class SiloOptions
{
    public const string Section = "Cluster";

    /// <summary>The connection string that switches the silo from the embedded default to PostgreSQL.</summary>
    public const string ConnectionStringName = ServiceDefaults.DatabaseDefaults.ConnectionStringName;

    public string ClusterId { get; set; } = "cxcluster-dev";

    public string ServiceId { get; set; } = "cxcluster";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port API processes connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Embedded default only: the silo port of the primary silo that the others join; defaults to this silo's own.</summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>
    /// With PostgreSQL: the address other silos and clients reach this one at (in Kubernetes, the pod IP). An IP or a
    /// host name; empty means this host's name, resolved.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>With PostgreSQL: how long start-up waits for the database before giving up with a clear message.</summary>
    public int DatabaseWaitSeconds { get; set; } = 60;

    /// <summary>
    /// How long a call between grains waits for its answer before it fails with a <see cref="TimeoutException"/>. The
    /// API reads the same setting for its own calls. A healthy call takes milliseconds (p99 about 0.1 s on PostgreSQL at
    /// full load), so only a call whose silo died, or a stuck one, ever reaches it.
    /// </summary>
    public double ResponseTimeoutSeconds { get; set; } = 3;

    /// <summary>
    /// The first timeout of a liveness probe to another silo. Orleans then adapts it to the measured round trips, between
    /// half of it and <see cref="MaxProbeTimeoutSeconds"/>; on a healthy network a probe goes out about every half of it.
    /// </summary>
    public double ProbeTimeoutSeconds { get; set; } = 1;

    /// <summary>
    /// The longest a probe may wait, however slow the network or this silo is. It also sets how long a silo that still
    /// sent something on an open connection is not suspected: this times <see cref="MissedProbesLimit"/>. Unset: twice
    /// <see cref="ProbeTimeoutSeconds"/>.
    /// </summary>
    public double? MaxProbeTimeoutSeconds { get; set; }

    /// <summary>Probes missed in a row before a silo votes that another is dead.</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>
    /// Votes that declare a silo dead. Orleans asks for no more than half the active silos, so with two silos the
    /// survivor's own vote is enough; a probe through another silo counts that silo's vote too.
    /// </summary>
    public int VotesForDeathDeclaration { get; set; } = 2;

    /// <summary>
    /// How often a silo re-reads the membership table. Changes reach the other silos at once by gossip; this is the
    /// fallback when a gossip message is lost.
    /// </summary>
    public double TableRefreshSeconds { get; set; } = 5;

    /// <summary>
    /// How long a silo asked to stop (SIGTERM) may take to finish its calls, deactivate its grains and leave the
    /// cluster before it stops regardless. Below Kubernetes' default grace period of 30 s, so the orderly leave ends
    /// before the pod is killed.
    /// </summary>
    public double ShutdownTimeoutSeconds { get; set; } = 20;

    internal TimeSpan ResponseTimeout => Seconds(ResponseTimeoutSeconds, nameof(ResponseTimeoutSeconds));

    internal TimeSpan ProbeTimeout => Seconds(ProbeTimeoutSeconds, nameof(ProbeTimeoutSeconds));

    internal TimeSpan MaxProbeTimeout => MaxProbeTimeoutSeconds is { } seconds
        ? Seconds(seconds, nameof(MaxProbeTimeoutSeconds))
        : ProbeTimeout * 2;

    internal TimeSpan TableRefresh => Seconds(TableRefreshSeconds, nameof(TableRefreshSeconds));

    internal TimeSpan ShutdownTimeout => Seconds(ShutdownTimeoutSeconds, nameof(ShutdownTimeoutSeconds));

    /// <summary>Fails at start-up, naming the setting, when a failure-detection setting is out of range.</summary>
    internal void Validate()
    {
        _ = ResponseTimeout;
        _ = TableRefresh;
        _ = ShutdownTimeout;
        if (MaxProbeTimeout < ProbeTimeout)
        {
            throw new InvalidOperationException(
                $"{Section}:{nameof(MaxProbeTimeoutSeconds)} ({MaxProbeTimeout.TotalSeconds} s) must be at least {Section}:{nameof(ProbeTimeoutSeconds)} ({ProbeTimeout.TotalSeconds} s).");
        }
        if (MissedProbesLimit < 1)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MissedProbesLimit)} must be at least 1, not {MissedProbesLimit}.");
        }
        if (VotesForDeathDeclaration < 1)
        {
            throw new InvalidOperationException($"{Section}:{nameof(VotesForDeathDeclaration)} must be at least 1, not {VotesForDeathDeclaration}.");
        }
    }

    private static TimeSpan Seconds(double seconds, string name) =>
        double.IsFinite(seconds) && seconds > 0 && seconds <= TimeSpan.FromDays(1).TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{Section}:{name} must be a positive number of seconds (at most a day), not {seconds}.");
}
