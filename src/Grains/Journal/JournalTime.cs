namespace CxCluster.Grains.Journal;

/// <summary>
/// Times as the journal keeps them: to the microsecond (PostgreSQL's precision). A grain records every time cut this
/// way, so the state it rebuilds from its records after a crash is the state it had live, to the last digit.
/// </summary>
public static class JournalTime
{
    /// <summary>The time cut down to its microsecond.</summary>
    public static DateTimeOffset Cut(DateTimeOffset at) => at.AddTicks(-(at.UtcTicks % TimeSpan.TicksPerMicrosecond));

    /// <summary>
    /// A bound of a period [from, to) taken up to the next microsecond when it falls between two: for the times the
    /// journal keeps, <c>at &gt;= bound</c> and <c>at &lt; bound</c> then hold exactly as for the bound itself, where cutting
    /// it down (as a database that keeps microseconds does with a finer time) would take in a time before the period's
    /// start and leave out one before its end.
    /// </summary>
    public static DateTimeOffset Bound(DateTimeOffset at) =>
        at.UtcTicks % TimeSpan.TicksPerMicrosecond is var rest and > 0 ? at.AddTicks(TimeSpan.TicksPerMicrosecond - rest) : at;

    /// <summary>The clock's now, cut down to its microsecond.</summary>
    public static DateTimeOffset Now(TimeProvider clock) => Cut(clock.GetUtcNow());
}
