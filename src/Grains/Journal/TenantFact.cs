namespace CxCluster.Grains.Journal;

/// <summary>A fact as a tenant-wide reader sees it.</summary>
/// <param name="Stream">The stream it belongs to.</param>
/// <param name="Position">
/// Its place among all the tenant's facts, assigned at append: unique and increasing in the order a tenant-wide reader
/// reads them, so the last one read is the reader's cursor. Numbers may be skipped (PostgreSQL numbers them by
/// transaction); facts are not: a reader that goes on after its cursor misses none and reads none twice.
/// </param>
/// <param name="Fact">The fact itself.</param>
public sealed record TenantFact(StreamKey Stream, long Position, JournalFact Fact);
