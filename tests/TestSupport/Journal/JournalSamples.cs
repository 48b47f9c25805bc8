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

    /// <summary>
    /// The tenant's facts after <paramref name="afterPosition"/>, once every append acknowledged before this call can be
    /// read: appends a marker fact to a stream of its own and reads on from its cursor until the marker comes (on
    /// PostgreSQL a reader waits for every older transaction on the server to end, other tests' included), then gives
    /// the facts without the markers.
    /// </summary>
    public static async Task<IReadOnlyList<TenantFact>> ReadTenantSettledAsync(this IFactJournal journal, string tenantId, long afterPosition = 0)
    {
        var marker = new StreamKey(tenantId, $"{MarkerPrefix}{Guid.NewGuid():N}");
        await journal.AppendAsync(Append(marker, null, Fact(1)));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var facts = new List<TenantFact>();
        while (true)
        {
            var page = await journal.ReadTenantAsync(tenantId, facts.Count > 0 ? facts[^1].Position : afterPosition, 10_000);
            facts.AddRange(page);
            if (facts.Exists(f => f.Stream == marker))
            {
                return facts.FindAll(f => !IsMarker(f));
            }
            if (page.Count == 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The marker appended to tenant {tenantId} was not readable within 30 s.");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(5));
            }
        }
    }

    private const string MarkerPrefix = "marker/";

    /// <summary>Whether the fact is a marker of <see cref="ReadTenantSettledAsync"/>.</summary>
    public static bool IsMarker(TenantFact fact) => fact.Stream.StreamId.StartsWith(MarkerPrefix, StringComparison.Ordinal);

    public static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
