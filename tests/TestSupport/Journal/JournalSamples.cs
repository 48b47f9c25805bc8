using System.Text;
using CxCluster.Grains.Journal;

namespace CxCluster.TestSupport.Journal;

/// <summary>Streams, facts and appends for journal tests, each test in tenants of its own.</summary>
public static class JournalSamples
{
    /// <summary>A time PostgreSQL keeps exactly (whole microseconds), not in UTC, so that the offset is seen to be ignored.</summary>
    public static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(7));

    public static string NewTenant() => $"t-{Guid.NewGuid():N}";

    public static StreamKey NewStream() => new(NewTenant(), "c/1001");

    /// <summary>A fact whose data is <c>{"n":seq}</c>, at <see cref="Noon"/> plus seq seconds unless given.</summary>
    public static JournalFact Fact(long seq, string type = "trust.changed", string? personal = null, DateTimeOffset? at = null) =>
        new(seq, type, at ?? Noon.AddSeconds(seq), Bytes($"{{\"n\":{seq}}}"), personal is null ? (ReadOnlyMemory<byte>?)null : Bytes(personal));

    /// <summary>An append whose answer is <c>answer {eventId}</c>.</summary>
    public static JournalAppend Append(StreamKey stream, string? eventId, params JournalFact[] facts) =>
        new(stream, eventId, facts, Bytes($"answer {eventId}"));

    public static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
