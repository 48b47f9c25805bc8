namespace CxCluster.Settings;

/// <summary>How a silo groups journal appends into transactions (configuration section <c>Journal</c>; silos with PostgreSQL).</summary>
public sealed class JournalSettings
{
    public const string Section = "Journal";

    /// <summary>A group closes once it holds this many appends.</summary>
    public int MaxGroupSize { get; init; } = 256;

    /// <summary>
    /// How long a group may wait for more appends after its first; it closes sooner once a second look at the queue
    /// finds none. Appends that arrive while commits are in flight wait for a free one anyway and join the next group.
    /// </summary>
    public TimeSpan GroupLinger { get; init; } = TimeSpan.FromMicroseconds(300);

    /// <summary>Transactions a silo has in flight at most.</summary>
    public int MaxConcurrentGroups { get; init; } = 2;

    internal static JournalSettings Read(IConfiguration configuration, SettingsReader reader)
    {
        var section = configuration.GetSection(Section);
        var defaults = new JournalSettings();
        reader.OnlyKnown(section, "a journal setting", nameof(MaxGroupSize), nameof(GroupLinger), nameof(MaxConcurrentGroups));
        return new JournalSettings
        {
            MaxGroupSize = reader.Int(section, nameof(MaxGroupSize), defaults.MaxGroupSize, 1, 10_000),
            GroupLinger = reader.Duration(section, nameof(GroupLinger), defaults.GroupLinger, TimeSpan.Zero, TimeSpan.FromMilliseconds(100)),
            MaxConcurrentGroups = reader.Int(section, nameof(MaxConcurrentGroups), defaults.MaxConcurrentGroups, 1, 64),
        };
    }
}
