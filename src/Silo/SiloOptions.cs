namespace CxCluster.Silo;

/// <summary>Where this silo lives and which cluster it joins (configuration section <c>Cluster</c>).</summary>
public sealed class SiloOptions
{
    public const string Section = "Cluster";

    public string ClusterId { get; set; } = "cxcluster-dev";

    public string ServiceId { get; set; } = "cxcluster";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port API processes connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Embedded default only: the silo port of the primary silo that the others join; defaults to this silo's own.</summary>
    public int? PrimarySiloPort { get; set; }
}
