namespace CxCluster.Grains.Push;

/// <summary>How a silo follows its tenants' facts for the webhooks and the live stream (configuration section <c>Push</c>).</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>
    /// Milliseconds between two looks at the journal for facts other silos appended, while someone follows the tenant
    /// on this silo. Facts appended through this silo's journal wake the followers at once.
    /// </summary>
    public int PollMilliseconds { get; set; } = 20;

    /// <summary>How many of a tenant's latest facts a silo keeps ready for its followers; older ones are read from the journal.</summary>
    public int RecentFacts { get; set; } = 16_384;

    /// <summary>Seconds without a reader after which a silo stops following a tenant (it picks up where it was on the next read).</summary>
    public int IdleSeconds { get; set; } = 60;

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollMilliseconds);

    public TimeSpan IdleAfter => TimeSpan.FromSeconds(IdleSeconds);
}
