namespace CxCluster.Grains.Journal;

/// <summary>A fact as a tenant-wide reader sees it.</summary>
/// <param name="Stream">The stream it belongs to.</param>
/// <param name="Position">Its place among all the tenant's facts: 1, 2, 3, … without gaps, assigned at append.</param>
/// <param name="Fact">The fact itself.</param>
public sealed record TenantFact(StreamKey Stream, long Position, JournalFact Fact);
