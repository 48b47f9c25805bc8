using System.Collections.Concurrent;
using CxCluster.Abstractions.Push;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Webhooks;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Push;

/// <summary>
/// Follows the facts of the tenants someone reads on this silo: one reader of the journal per tenant, however many
/// webhook dispatchers and live streams follow it here. The latest facts are kept ready, already in their wire form;
/// a reader further behind reads the journal itself.
/// </summary>
public sealed class TenantFeeds : IDisposable
{
    private readonly IFactJournal _journal;
    private readonly StreamCursors _cursors;
    private readonly PushSettings _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, TenantFeed> _feeds = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    private const string ErasedType = "conversation.erased";

    /// <summary>Journal facts read per look.</summary>
    internal const int PageSize = 1_024;

    public TenantFeeds(IFactJournal journal, StreamCursors cursors, PushSettings options, TimeProvider clock, ILogger<TenantFeeds> logger)
    {
        _journal = journal;
        _cursors = cursors;
        _options = options;
        _clock = clock;
        _logger = logger;
        _journal.TenantAppended += OnAppended;
    }

    /// <summary>The cursor of the tenant's last fact in the journal, read from the journal itself (0 when it has none).</summary>
    public Task<long> HeadAsync(string tenantId, CancellationToken ct = default) => _journal.TenantHeadAsync(tenantId, ct).AsTask();

    /// <summary>
    /// Up to <paramref name="max"/> of the tenant's facts after <paramref name="after"/> (below 0: from now) that pass
    /// <paramref name="filter"/>, waiting up to <paramref name="wait"/> for one when none is there yet.
    /// </summary>
    public Task<FeedPage> ReadAsync(string tenantId, long after, int max, FeedFilter filter, TimeSpan wait, CancellationToken ct = default) =>
        ReadAsync(tenantId, after, max, filter, SubjectShare.All, wait, ct);

    /// <summary>
    /// As the other overload, of the facts whose conversation or agent is in <paramref name="share"/> only: a webhook
    /// dispatcher's partition. Facts of other subjects are skipped before they are put in their wire form.
    /// </summary>
    public Task<FeedPage> ReadAsync(string tenantId, long after, int max, FeedFilter filter, SubjectShare share, TimeSpan wait, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentNullException.ThrowIfNull(filter);
        var feed = _feeds.GetOrAdd(tenantId, id => new TenantFeed(this, id));
        return feed.ReadAsync(after, max, filter, share, wait, ct);
    }

    /// <summary>
    /// The told facts of one conversation or agent (a fact's <see cref="PushedFact.Subject"/>: a conversation and an agent
    /// may share an id, so both streams are read) at or after <paramref name="fromPosition"/>, in position order, read
    /// from the subject's own streams, never from the tenant's other facts: how a webhook dispatcher reads back a line it
    /// left in the journal. At most <paramref name="max"/> facts of each stream are read. The facts this silo keeps ready
    /// serve it when they reach from <paramref name="fromPosition"/> to <paramref name="through"/> (how far the caller
    /// has read the tenant's facts); else the journal does.
    /// </summary>
    public async Task<SubjectPage> ReadSubjectAsync(string tenantId, string subject, long fromPosition, long through, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        // The facts this silo keeps ready, when they reach back that far: no read of the journal (which may be away).
        if (_feeds.TryGetValue(tenantId, out var feed) && feed.TryReadSubject(subject, fromPosition, through, max) is { } kept)
        {
            return kept;
        }
        // Both streams at once: one round trip's wait, not two.
        var conversationRead = _journal.ReadStreamFromAsync(Conversations.ConversationJournal.Stream(tenantId, subject), fromPosition, max, ct).AsTask();
        var agentRead = _journal.ReadStreamFromAsync(Agents.AgentJournal.Stream(tenantId, subject), fromPosition, max, ct).AsTask();
        await Task.WhenAll(conversationRead, agentRead);
        var conversation = await conversationRead;
        var agent = await agentRead;
        // A stream read to its limit may have more after its last fact: the page tells nothing beyond it.
        var until = Math.Min(conversation.Count == max ? conversation[^1].Position : long.MaxValue,
            agent.Count == max ? agent[^1].Position : long.MaxValue);
        var told = new List<PushedFact>();
        foreach (var fact in conversation.Concat(agent).Where(f => f.Position <= until).OrderBy(f => f.Position))
        {
            if (FactWire.Project(fact) is { } pushed)
            {
                told.Add(pushed);
            }
        }
        return new SubjectPage(told, until == long.MaxValue ? null : until);
    }

    /// <summary>
    /// Whether this silo read the erasure of <paramref name="conversationId"/> (the latest <see cref="ErasuresKept"/> of
    /// each tenant): a fact read before it and still held for delivery (a webhook retrying) is then told without its
    /// personal data, as the journal now holds it.
    /// </summary>
    public bool WasErased(string tenantId, string? conversationId) =>
        conversationId is not null && _feeds.TryGetValue(tenantId, out var feed) && feed.WasErased(conversationId);

    /// <summary>How many erasures each tenant's feed remembers: far more than are made while deliveries still retry.</summary>
    public const int ErasuresKept = 100_000;

    private void OnAppended(string tenantId)
    {
        if (_feeds.TryGetValue(tenantId, out var feed))
        {
            feed.Wake();
        }
    }

    public void Dispose()
    {
        _journal.TenantAppended -= OnAppended;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private sealed class TenantFeed(TenantFeeds owner, string tenantId)
    {
        private readonly Lock _gate = new();

        /// <summary>The latest facts, in position order: every told fact after <see cref="_recentFrom"/> up to <see cref="_head"/>.</summary>
        private readonly List<PushedFact> _recent = [];
        private long _recentFrom = -1;
        private long _head = -1;
        private Task? _started;
        private Task? _loop;
        private DateTimeOffset _lastRead;
        private TaskCompletionSource _news = NewSignal();
        private TaskCompletionSource _wake = NewSignal();

        /// <summary>The conversations erased since this feed began following, the latest <see cref="ErasuresKept"/>; oldest first in <see cref="_erasedOrder"/>.</summary>
        private readonly HashSet<string> _erased = new(StringComparer.Ordinal);
        private readonly Queue<string> _erasedOrder = new();

        public void Wake() => Volatile.Read(ref _wake).TrySetResult();

        public bool WasErased(string conversationId)
        {
            lock (_gate)
            {
                return _erased.Contains(conversationId);
            }
        }

        public async Task<FeedPage> ReadAsync(long after, int max, FeedFilter filter, SubjectShare share, TimeSpan wait, CancellationToken ct)
        {
            await EnsureFollowingAsync(ct);
            if (after < 0)
            {
                // From now is the journal's head as of this read, not as far as this silo has followed it yet.
                var head = await owner._journal.TenantHeadAsync(tenantId, ct);
                lock (_gate)
                {
                    after = Math.Max(head, _head);
                }
            }
            var deadline = owner._clock.GetUtcNow() + wait;
            while (true)
            {
                Task news;
                List<PushedFact>? found = null;
                long cursor;
                bool behind;
                lock (_gate)
                {
                    _lastRead = owner._clock.GetUtcNow();
                    behind = after < _recentFrom;
                    cursor = after;
                    news = _news.Task;
                    if (!behind)
                    {
                        var from = FirstAfter(after);
                        for (var i = from; i < _recent.Count && (found?.Count ?? 0) < max; i++)
                        {
                            var fact = _recent[i];
                            cursor = fact.Position;
                            if (share.Holds(fact.Subject) && filter.Passes(fact))
                            {
                                (found ??= []).Add(fact);
                            }
                        }
                        if ((found?.Count ?? 0) < max)
                        {
                            cursor = Math.Max(cursor, _head);
                        }
                    }
                }
                if (behind)
                {
                    var page = await CatchUpAsync(after, max, filter, share, ct);
                    if (page.Facts.Count > 0)
                    {
                        return page;
                    }
                    after = page.Cursor;
                }
                else if (found is not null)
                {
                    return new FeedPage(found, cursor);
                }
                else
                {
                    // Nothing passed the filter: the reader goes on from the last fact looked at.
                    after = cursor;
                }
                var left = deadline - owner._clock.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    return new FeedPage([], after);
                }
                if (behind)
                {
                    continue;
                }
                await news.WaitAsync(left, owner._clock, ct).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                ct.ThrowIfCancellationRequested();
            }
        }

        /// <summary>
        /// The kept facts of <paramref name="subject"/> from <paramref name="fromPosition"/> on, when the kept facts reach
        /// from there to <paramref name="through"/> (else null); the page tells of facts up to the last one kept only.
        /// </summary>
        public SubjectPage? TryReadSubject(string subject, long fromPosition, long through, int max)
        {
            lock (_gate)
            {
                if (_recentFrom < 0 || fromPosition <= _recentFrom || _head < through)
                {
                    return null;
                }
                var found = new List<PushedFact>();
                for (var i = FirstAfter(fromPosition - 1); i < _recent.Count; i++)
                {
                    var fact = _recent[i];
                    if (string.Equals(fact.Subject, subject, StringComparison.Ordinal))
                    {
                        found.Add(fact);
                        if (found.Count == max)
                        {
                            return new SubjectPage(found, fact.Position);
                        }
                    }
                }
                return new SubjectPage(found, _head);
            }
        }

        /// <summary>Reads a reader that is behind the kept facts straight from the journal, a few pages at most per call.</summary>
        private async Task<FeedPage> CatchUpAsync(long after, int max, FeedFilter filter, SubjectShare share, CancellationToken ct)
        {
            var found = new List<PushedFact>();
            var cursor = after;
            var codec = await owner._cursors.CodecAsync(ct);
            for (var pages = 0; pages < 4 && found.Count < max; pages++)
            {
                var facts = await owner._journal.ReadTenantAsync(tenantId, cursor, PageSize, ct);
                foreach (var fact in facts)
                {
                    if (found.Count == max)
                    {
                        break;
                    }
                    cursor = fact.Position;
                    if (FactWire.TrySubjectOf(fact, out var subject) && share.Holds(subject)
                        && FactWire.ForReaders(fact, codec) is { } told && filter.Passes(told))
                    {
                        found.Add(told);
                    }
                }
                if (facts.Count < PageSize)
                {
                    break;
                }
            }
            return new FeedPage(found, cursor);
        }

        private int FirstAfter(long position)
        {
            int low = 0, high = _recent.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_recent[middle].Position <= position)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low;
        }

        private Task EnsureFollowingAsync(CancellationToken ct)
        {
            lock (_gate)
            {
                _lastRead = owner._clock.GetUtcNow();
                if (_started is null || _started.IsFaulted || _started.IsCanceled)
                {
                    _started = StartAsync();
                }
                return _started.WaitAsync(ct);
            }
        }

        private async Task StartAsync()
        {
            var head = await owner._journal.TenantHeadAsync(tenantId, owner._stopping.Token);
            lock (_gate)
            {
                _head = _recentFrom = head;
                _loop ??= Task.Run(FollowAsync);
            }
        }

        private async Task FollowAsync()
        {
            var failures = 0;
            while (!owner._stopping.IsCancellationRequested)
            {
                var wake = NewSignal();
                Volatile.Write(ref _wake, wake);
                long head;
                lock (_gate)
                {
                    head = _head;
                }
                int read;
                try
                {
                    var facts = await owner._journal.ReadTenantAsync(tenantId, head, PageSize, owner._stopping.Token);
                    Keep(facts, await owner._cursors.CodecAsync(owner._stopping.Token));
                    read = facts.Count;
                    failures = 0;
                }
                catch (OperationCanceledException) when (owner._stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    failures++;
                    owner._logger.LogWarning(e, "Reading tenant {Tenant}'s facts failed ({Failures} in a row); trying again", tenantId, failures);
                    read = 0;
                }
                if (read == PageSize)
                {
                    continue;
                }
                lock (_gate)
                {
                    if (owner._clock.GetUtcNow() - _lastRead > owner._options.IdleAfter)
                    {
                        // Nobody reads here: the kept facts go, and the next reader starts following anew from the
                        // journal's head rather than reading everything since this place first.
                        _loop = null;
                        _started = null;
                        _recent.Clear();
                        _head = _recentFrom = -1;
                        return;
                    }
                }
                var pause = failures == 0 ? owner._options.PollInterval : TimeSpan.FromMilliseconds(Math.Min(5_000, owner._options.PollMilliseconds << Math.Min(failures, 8)));
                try
                {
                    await wake.Task.WaitAsync(pause, owner._clock, owner._stopping.Token);
                }
                catch (TimeoutException)
                {
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        private void Keep(IReadOnlyList<TenantFact> facts, CursorCodec codec)
        {
            if (facts.Count == 0)
            {
                return;
            }
            var told = new List<PushedFact>(facts.Count);
            foreach (var fact in facts)
            {
                if (FactWire.ForReaders(fact, codec) is { } pushed)
                {
                    told.Add(pushed);
                }
            }
            TaskCompletionSource news;
            lock (_gate)
            {
                _recent.AddRange(told);
                foreach (var fact in told)
                {
                    if (fact.Type == ErasedType)
                    {
                        ForgetPersonal(fact.ConversationId);
                        Remember(fact.ConversationId);
                    }
                }
                _head = facts[^1].Position;
                var keep = owner._options.RecentFacts;
                if (_recent.Count > 2 * keep)
                {
                    var drop = _recent.Count - keep;
                    _recentFrom = _recent[drop - 1].Position;
                    _recent.RemoveRange(0, drop);
                }
                news = _news;
                _news = NewSignal();
            }
            news.TrySetResult();
        }

        private void Remember(string? conversationId)
        {
            if (conversationId is null || !_erased.Add(conversationId))
            {
                return;
            }
            _erasedOrder.Enqueue(conversationId);
            if (_erasedOrder.Count > ErasuresKept)
            {
                _erased.Remove(_erasedOrder.Dequeue());
            }
        }

        /// <summary>
        /// A conversation was erased: the facts kept ready are told from now on without its personal data, as the
        /// journal now holds them.
        /// </summary>
        private void ForgetPersonal(string? conversationId)
        {
            for (var i = 0; i < _recent.Count; i++)
            {
                if (_recent[i] is { PersonalAt: > 0 } fact && fact.ConversationId == conversationId)
                {
                    _recent[i] = fact.WithoutPersonal(erased: true);
                }
            }
        }

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A conversation's or agent's facts read back from the journal (see <see cref="TenantFeeds.ReadSubjectAsync"/>).</summary>
/// <param name="Facts">The told facts, in position order.</param>
/// <param name="Until">Null when every fact of the subject from the position asked was there; else the page tells of its facts up to this position only.</param>
public sealed record SubjectPage(IReadOnlyList<PushedFact> Facts, long? Until);
