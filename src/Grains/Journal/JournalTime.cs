namespace CxCluster.Grains.Journal;

/// <summary>
/// Times as the journal keeps them: to the microsecond (PostgreSQL's precision). A grain records every time cut this
/// way, so the state it rebuilds from its records after a crash is the state it had live, to the last digit.
/// </summary>
public static class JournalTime
{
    /// <summary>The time cut down to its microsecond.</summary>
    public static DateTimeOffset Cut(DateTimeOffset at) => at.AddTicks(-(at.UtcTicks % TimeSpan.TicksPerMicrosecond));

    /// <summary>The clock's now, cut down to its microsecond.</summary>
    public static DateTimeOffset Now(TimeProvider clock) => Cut(clock.GetUtcNow());
}
