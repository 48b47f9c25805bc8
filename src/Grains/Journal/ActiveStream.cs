namespace CxCluster.Grains.Journal;

/// <summary>A stream that had facts in a period, as <see cref="IFactJournal.ReadActiveStreamsAsync"/> finds it.</summary>
/// <param name="StreamId">The stream within the tenant, such as <c>c/1001</c>.</param>
/// <param name="FirstAt">When its first fact in the period happened.</param>
/// <param name="Position">That fact's tenant-wide position: with <paramref name="FirstAt"/>, the reader's cursor.</param>
public sealed record ActiveStream(string StreamId, DateTimeOffset FirstAt, long Position);
