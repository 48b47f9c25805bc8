using CxCluster.Abstractions.Push;
using Orleans.Concurrency;

namespace CxCluster.Grains.Push;

/// <summary>
/// A tenant's facts for readers outside the silo (the API's live stream): served from this silo's
/// <see cref="TenantFeeds"/>, so every silo answers on its own and no grain serves the cluster. Reads hold no state and
/// may wait together.
/// </summary>
[StatelessWorker(1), Reentrant]
internal sealed class FactFeedGrain(TenantFeeds feeds) : Grain, IFactFeedGrain
{
    /// <summary>The longest a read waits for a new fact, well inside a grain call's timeout.</summary>
    internal static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    /// <summary>The most facts one read answers.</summary>
    internal const int MostFacts = 1_000;

    public Task<FeedPage> Read(long after, int max, FeedFilter filter, TimeSpan wait) =>
        feeds.ReadAsync(
            this.GetPrimaryKeyString(), after, Math.Clamp(max, 1, MostFacts), filter ?? FeedFilter.All,
            wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestWait ? LongestWait : wait);

    public Task<long> Head() => feeds.HeadAsync(this.GetPrimaryKeyString());
}
