namespace CxCluster.Silo;

/// <summary>Where this silo lives and which cluster it joins (configuration section <c>Cluster</c>).</summary>
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
}
