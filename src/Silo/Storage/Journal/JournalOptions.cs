namespace CxCluster.Silo.Storage.Journal;

/// <summary>How a silo groups journal appends into transactions (configuration section <c>Journal</c>).</summary>
public sealed class JournalOptions
{
    public const string Section = "Journal";

    /// <summary>A group closes once it holds this many appends.</summary>
    public int MaxGroupSize { get; set; } = 256;

    /// <summary>
    /// How long a group may wait for more appends after its first; it closes sooner once a second look at the queue
    /// finds none. Appends that arrive while commits are in flight wait for a free one anyway and join the next group.
    /// </summary>
    public TimeSpan GroupLinger { get; set; } = TimeSpan.FromMicroseconds(300);

    /// <summary>Transactions a silo has in flight at most.</summary>
    public int MaxConcurrentGroups { get; set; } = 2;

    /// <summary>What is wrong with these settings, naming each; empty when nothing is.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxGroupSize is < 1 or > 10_000)
        {
            yield return $"{Section}:{nameof(MaxGroupSize)} must be 1..10000, not {MaxGroupSize}.";
        }
        if (GroupLinger < TimeSpan.Zero || GroupLinger > TimeSpan.FromMilliseconds(100))
        {
            yield return $"{Section}:{nameof(GroupLinger)} must be 0..100 ms, not {GroupLinger}.";
        }
        if (MaxConcurrentGroups is < 1 or > 64)
        {
            yield return $"{Section}:{nameof(MaxConcurrentGroups)} must be 1..64, not {MaxConcurrentGroups}.";
        }
    }
}
