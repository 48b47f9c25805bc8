namespace CxCluster.Settings;

/// <summary>How a silo follows its tenants' facts for the webhooks and the live stream (configuration section <c>Push</c>; silos).</summary>
public sealed class PushSettings
{
    public const string Section = "Push";

    /// <summary>
    /// Milliseconds between two looks at the journal for facts other silos appended, while someone follows the tenant
    /// on this silo. Facts appended through this silo's journal wake the followers at once.
    /// </summary>
    public int PollMilliseconds { get; init; } = 20;

    /// <summary>How many of a tenant's latest facts a silo keeps ready for its followers; older ones are read from the journal.</summary>
    public int RecentFacts { get; init; } = 16_384;

    /// <summary>Seconds without a reader after which a silo stops following a tenant (it picks up where it was on the next read).</summary>
    public int IdleSeconds { get; init; } = 60;

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollMilliseconds);

    public TimeSpan IdleAfter => TimeSpan.FromSeconds(IdleSeconds);

    internal static PushSettings Read(IConfiguration configuration, SettingsReader reader)
    {
        var section = configuration.GetSection(Section);
        var defaults = new PushSettings();
        reader.OnlyKnown(section, "a push setting", nameof(PollMilliseconds), nameof(RecentFacts), nameof(IdleSeconds));
        return new PushSettings
        {
            PollMilliseconds = reader.Int(section, nameof(PollMilliseconds), defaults.PollMilliseconds, 1, 60_000),
            RecentFacts = reader.Int(section, nameof(RecentFacts), defaults.RecentFacts, 16, 10_000_000),
            IdleSeconds = reader.Int(section, nameof(IdleSeconds), defaults.IdleSeconds, 1, 86_400),
        };
    }
}
