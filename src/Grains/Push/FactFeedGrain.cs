using CxCluster.Abstractions.Push;

namespace CxCluster.Grains.Push;

/// <summary>
/// A tenant's facts for readers outside the silo (the API's live stream): served from this silo's
/// <see cref="TenantFeeds"/>, so every silo answers on its own and no grain serves the cluster. Reads hold no state and
/// may wait together. Outside, a fact's place is its reader's cursor (<see cref="CursorCodec"/>), never its position.
/// </summary>
[StatelessWorker(1), Reentrant]
internal sealed class FactFeedGrain(TenantFeeds feeds, StreamCursors cursors) : Grain, IFactFeedGrain
{
    /// <summary>The longest a read waits for a new fact, well inside a grain call's timeout.</summary>
    internal static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    /// <summary>The most facts one read answers.</summary>
    internal const int MostFacts = 1_000;

    public async Task<FeedPage> Read(long after, int max, FeedFilter filter, TimeSpan wait)
    {
        var tenantId = this.GetPrimaryKeyString();
        var codec = await cursors.CodecAsync();
        var position = after < 0 ? after : codec.Decode(tenantId, after)
            ?? throw new ArgumentException($"{after} is no cursor of this tenant's facts.", nameof(after));
        var page = await feeds.ReadAsync(
            tenantId, position, Math.Clamp(max, 1, MostFacts), filter ?? FeedFilter.All,
            wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestWait ? LongestWait : wait);
        return page with { Cursor = codec.Encode(tenantId, page.Cursor) };
    }

    public async Task<bool> Sent(long cursor)
    {
        var tenantId = this.GetPrimaryKeyString();
        return (await cursors.CodecAsync()).Decode(tenantId, cursor) is { } position
            && position <= await feeds.HeadAsync(tenantId);
    }
}
