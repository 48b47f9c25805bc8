using CxCluster.TestSupport.Journal;
using CxCluster.Abstractions.Push;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Push;
using CxCluster.Grains.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using static CxCluster.TestSupport.Journal.JournalSamples;

namespace CxCluster.Grains.Tests.Push;

/// <summary>A silo following its tenants' facts for the webhooks and the live stream, on the memory journal.</summary>
public sealed class TenantFeedsTests : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    private readonly MemoryFactJournal _journal = new();
    private readonly TenantFeeds _feeds;

    public TenantFeedsTests()
    {
        // A look at the journal every minute only: a reader that hears of a fact sooner was woken by the append.
        _feeds = Feeds(new PushSettings { PollMilliseconds = 60_000, RecentFacts = 16 });
    }

    private TenantFeeds Feeds(PushSettings options) =>
        new(_journal, new StreamCursors(_journal), options, TimeProvider.System, NullLogger<TenantFeeds>.Instance);

    public void Dispose() => _feeds.Dispose();

    private static JournalFact Told(long seq) => new(seq, "trust.changed", Noon, Bytes($"{{\"score\":{seq}}}"), null);

    private async Task AppendAsync(string tenant, string conversationId, long seq) =>
        await _journal.AppendAsync(new JournalAppend(new StreamKey(tenant, $"c/{conversationId}"), null, [Told(seq)], default));

    [Fact]
    public async Task A_subjects_facts_are_read_back_from_its_own_conversation_and_agent_streams_in_position_order()
    {
        var tenant = NewTenant();
        var agent = new StreamKey(tenant, "a/x");
        var status = new CxCluster.Grains.Agents.AgentStatusChanged
        {
            At = Noon, Status = CxCluster.Abstractions.AgentStatus.Available, PreviousStatus = CxCluster.Abstractions.AgentStatus.Offline, Number = 1,
        };
        // "x" is a conversation and an agent; "y" another conversation between their facts.
        await AppendAsync(tenant, "x", 1);
        await AppendAsync(tenant, "y", 1);
        await _journal.AppendAsync(new JournalAppend(agent, null,
            [new JournalFact(1, status.Type, Noon, CxCluster.Grains.Agents.AgentRecordCodec.Encode(status, new JsonEncoder()), null)], default));
        // An agent's bookkeeping record, never told.
        await _journal.AppendAsync(new JournalAppend(agent, null, [new JournalFact(2, "agent.assigned", Noon, Bytes("{}"), null)], default));
        await AppendAsync(tenant, "x", 2);
        await AppendAsync(tenant, "y", 2);
        await AppendAsync(tenant, "x", 3);

        var all = await _feeds.ReadSubjectAsync(tenant, "x", 0, long.MaxValue, 100);
        var later = await _feeds.ReadSubjectAsync(tenant, "x", all.Facts[1].Position + 1, long.MaxValue, 100);
        var cut = await _feeds.ReadSubjectAsync(tenant, "x", 0, long.MaxValue, 2);

        Assert.Equal(["c:x:1", "a:x:1", "c:x:2", "c:x:3"], all.Facts.Select(f => f.Id));
        Assert.Equal(all.Facts.Select(f => f.Position).Order(), all.Facts.Select(f => f.Position));
        Assert.Null(all.Until);
        Assert.Equal(["c:x:2", "c:x:3"], later.Facts.Select(f => f.Id));
        Assert.Null(later.Until);
        // Two facts of each stream read: the agent's second (its record) is the last position the page tells of.
        Assert.Equal(["c:x:1", "a:x:1"], cut.Facts.Select(f => f.Id));
        Assert.Equal(all.Facts[1].Position + 1, cut.Until);
        Assert.Empty((await _feeds.ReadSubjectAsync(tenant, "nobody", 0, long.MaxValue, 100)).Facts);
    }

    [Fact]
    public async Task A_reader_from_now_waits_and_is_woken_by_the_next_append_not_by_a_poll()
    {
        var tenant = NewTenant();
        await AppendAsync(tenant, "old", 1);
        var started = DateTime.UtcNow;

        var waiting = _feeds.ReadAsync(tenant, -1, 10, FeedFilter.All, Long);
        var first = await _feeds.ReadAsync(tenant, -1, 10, FeedFilter.All, TimeSpan.Zero);
        Assert.Empty(first.Facts);
        await AppendAsync(tenant, "new", 1);
        var page = await waiting.WaitAsync(Long);

        Assert.Equal(["c:new:1"], page.Facts.Select(f => f.Id));
        Assert.Equal(page.Facts[^1].Position, page.Cursor);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "the reader waited for a poll");
    }

    [Fact]
    public async Task Readers_resuming_from_their_cursor_miss_nothing_and_read_nothing_twice_while_many_streams_append()
    {
        var tenant = NewTenant();
        var start = await _feeds.ReadAsync(tenant, -1, 1, FeedFilter.All, TimeSpan.Zero);
        const int streams = 8, each = 50;
        var writers = Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            for (var seq = 1; seq <= each; seq++)
            {
                await AppendAsync(tenant, $"s{s}", seq);
            }
        })).ToList();

        var read = new List<PushedFact>();
        var cursor = start.Cursor;
        while (read.Count < streams * each)
        {
            var page = await _feeds.ReadAsync(tenant, cursor, 7, FeedFilter.All, Long);
            Assert.True(page.Facts.Count > 0 || page.Cursor > cursor, "a read waited its whole time while facts were there");
            read.AddRange(page.Facts);
            cursor = page.Cursor;
        }
        await Task.WhenAll(writers);

        Assert.Equal(streams * each, read.Select(f => f.Id).Distinct().Count());
        Assert.Equal(read.Select(f => f.Position).Order(), read.Select(f => f.Position));
        foreach (var stream in read.GroupBy(f => f.ConversationId))
        {
            Assert.Equal(Enumerable.Range(1, each).Select(i => (long)i), stream.Select(f => f.Seq));
        }
    }

    [Fact]
    public async Task A_reader_behind_the_kept_facts_reads_them_from_the_journal_in_order()
    {
        var tenant = NewTenant();
        var start = await _feeds.ReadAsync(tenant, -1, 1, FeedFilter.All, TimeSpan.Zero);
        for (var seq = 1; seq <= 100; seq++)
        {
            await AppendAsync(tenant, "long", seq);
        }
        // A reader that keeps up lets the silo read on: only the last few of the 100 stay kept (RecentFacts = 16).
        var ahead = start.Cursor;
        while ((await _feeds.ReadAsync(tenant, ahead, 1_000, FeedFilter.All, TimeSpan.FromSeconds(5))) is { Facts.Count: > 0 } page)
        {
            ahead = page.Cursor;
        }

        var (behind, _) = await ReadAtLeastAsync(_feeds, tenant, start.Cursor, 100, 30);

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), behind.Select(f => f.Seq));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_share_of_the_subjects_reads_its_own_facts_whether_kept_or_read_from_the_journal(bool behind)
    {
        var tenant = NewTenant();
        var start = await _feeds.ReadAsync(tenant, -1, 1, FeedFilter.All, TimeSpan.Zero);
        const int conversations = 40, partitions = 4;
        for (var seq = 1; seq <= 2; seq++)
        {
            for (var c = 0; c < conversations; c++)
            {
                await AppendAsync(tenant, $"k{c}", seq);
            }
        }
        if (behind)
        {
            // Reading to the head lets the silo keep only the last 16 of the 80 facts.
            var ahead = start.Cursor;
            while ((await _feeds.ReadAsync(tenant, ahead, 1_000, FeedFilter.All, TimeSpan.FromSeconds(5))) is { Facts.Count: > 0 } page)
            {
                ahead = page.Cursor;
            }
        }

        var shares = new List<PushedFact>[partitions];
        for (var partition = 0; partition < partitions; partition++)
        {
            shares[partition] = [];
            var share = new SubjectShare(partition, partitions);
            var cursor = start.Cursor;
            while (true)
            {
                var page = await _feeds.ReadAsync(tenant, cursor, 5, FeedFilter.All, share, TimeSpan.FromMilliseconds(50));
                if (page.Facts.Count == 0 && page.Cursor == cursor)
                {
                    break;
                }
                Assert.InRange(page.Facts.Count, 0, 5);
                shares[partition].AddRange(page.Facts);
                cursor = page.Cursor;
            }
            Assert.All(shares[partition], fact => Assert.Equal(partition, SubjectPartition.Of(fact.Subject, partitions)));
        }

        var all = shares.SelectMany(share => share).ToList();
        Assert.Equal(2 * conversations, all.Count);
        Assert.Equal(2 * conversations, all.Select(f => f.Id).Distinct().Count());
        Assert.All(shares, share => Assert.NotEmpty(share));
        Assert.All(shares, share => Assert.Equal(share.Select(f => f.Position).Order(), share.Select(f => f.Position)));
    }

    [Fact]
    public async Task A_filtered_reader_moves_its_cursor_past_what_it_does_not_want_and_sees_only_its_tenant()
    {
        var tenant = NewTenant();
        var other = NewTenant();
        var start = await _feeds.ReadAsync(tenant, -1, 1, FeedFilter.All, TimeSpan.Zero);
        await AppendAsync(tenant, "skip", 1);
        await AppendAsync(other, "mine", 1);
        await AppendAsync(tenant, "mine", 1);

        var page = await _feeds.ReadAsync(tenant, start.Cursor, 10, new FeedFilter(ConversationId: "mine"), Long);
        var empty = await _feeds.ReadAsync(tenant, page.Cursor, 10, new FeedFilter(ConversationId: "mine"), TimeSpan.FromMilliseconds(50));

        var fact = Assert.Single(page.Facts);
        Assert.Equal("c:mine:1", fact.Id);
        Assert.Equal(fact.Position, page.Cursor);
        Assert.Equal(2, fact.Position - start.Cursor);
        Assert.Empty(empty.Facts);
        Assert.Equal(page.Cursor, empty.Cursor);
    }

    [Fact]
    public async Task Facts_appended_where_the_silo_is_not_told_are_found_by_its_look_at_the_journal()
    {
        // Another silo's appends raise nothing here: this feed follows a journal it is not subscribed to the appends of.
        var tenant = NewTenant();
        using var polling = new TenantFeeds(new SilentJournal(_journal), new StreamCursors(_journal), new PushSettings { PollMilliseconds = 10 },
            TimeProvider.System, NullLogger<TenantFeeds>.Instance);
        var start = await polling.ReadAsync(tenant, -1, 1, FeedFilter.All, TimeSpan.Zero);

        await AppendAsync(tenant, "elsewhere", 1);
        var page = await polling.ReadAsync(tenant, start.Cursor, 10, FeedFilter.All, Long);

        Assert.Equal(["c:elsewhere:1"], page.Facts.Select(f => f.Id));
    }

    [Fact]
    public async Task A_reader_from_now_starts_at_the_journal_head_not_where_the_silo_last_looked()
    {
        // Another silo's append reaches this one only by its look at the journal, here once a minute.
        var tenant = NewTenant();
        var journal = new SilentJournal(_journal);
        using var feeds = new TenantFeeds(journal, new StreamCursors(_journal), new PushSettings { PollMilliseconds = 60_000 },
            TimeProvider.System, NullLogger<TenantFeeds>.Instance);
        await feeds.ReadAsync(tenant, -1, 1, FeedFilter.All, TimeSpan.Zero);
        await Eventually.HoldsAsync(() => Task.FromResult(journal.TenantReads > 0), Long, "the silo's first look at the tenant's facts");
        await AppendAsync(tenant, "before", 1);

        var fromNow = await feeds.ReadAsync(tenant, -1, 10, FeedFilter.All, TimeSpan.Zero);

        Assert.Empty(fromNow.Facts);
        Assert.Equal(await feeds.HeadAsync(tenant), fromNow.Cursor);
    }

    [Fact]
    public async Task A_subject_read_back_within_the_kept_facts_is_served_from_them_without_the_journal()
    {
        var tenant = NewTenant();
        var journal = new SilentJournal(_journal);
        using var feeds = new TenantFeeds(journal, new StreamCursors(_journal), new PushSettings { PollMilliseconds = 10 },
            TimeProvider.System, NullLogger<TenantFeeds>.Instance);
        var start = await feeds.ReadAsync(tenant, -1, 1, FeedFilter.All, TimeSpan.Zero);
        foreach (var seq in Enumerable.Range(1, 3))
        {
            await AppendAsync(tenant, "x", seq);
            await AppendAsync(tenant, "y", seq);
        }
        var (read, cursor) = await ReadAtLeastAsync(feeds, tenant, start.Cursor, 6, 10);
        journal.StreamReadsFail = true;

        var kept = await feeds.ReadSubjectAsync(tenant, "x", read[2].Position, cursor, 100);

        Assert.Equal(["c:x:2", "c:x:3"], kept.Facts.Select(f => f.Id));
        Assert.True(kept.Until >= cursor, $"the page tells of facts up to {kept.Until} only");
        // Further than the kept facts reach: the journal is asked.
        await Assert.ThrowsAsync<JournalUnavailableException>(() => feeds.ReadSubjectAsync(tenant, "x", read[2].Position, cursor + 1_000, 100));
    }

    /// <summary>Reads pages of <paramref name="page"/> after <paramref name="cursor"/> until at least <paramref name="count"/> facts came; returns them and the cursor after them.</summary>
    private static async Task<(List<PushedFact> Facts, long Cursor)> ReadAtLeastAsync(TenantFeeds feeds, string tenant, long cursor, int count, int page)
    {
        var read = new List<PushedFact>();
        while (read.Count < count)
        {
            var next = await feeds.ReadAsync(tenant, cursor, page, FeedFilter.All, Long);
            read.AddRange(next.Facts);
            cursor = next.Cursor;
        }
        return (read, cursor);
    }

    /// <summary>The journal, without telling anyone of its appends: as another silo's appends look to this one.</summary>
    private sealed class SilentJournal(IFactJournal inner) : ForwardingJournal(inner)
    {
        private int _tenantReads;

        /// <summary>How often the tenant's facts were read from the journal.</summary>
        public int TenantReads => Volatile.Read(ref _tenantReads);

        /// <summary>A stream's facts cannot be read from the journal (as while the database is away).</summary>
        public bool StreamReadsFail { get; set; }

        public override ValueTask<IReadOnlyList<TenantFact>> ReadTenantAsync(string tenantId, long afterPosition, int max, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _tenantReads);
            return base.ReadTenantAsync(tenantId, afterPosition, max, ct);
        }

        public override ValueTask<IReadOnlyList<TenantFact>> ReadStreamFromAsync(StreamKey stream, long fromPosition, int max, CancellationToken ct = default) =>
            StreamReadsFail ? throw new JournalUnavailableException("the journal is away") : base.ReadStreamFromAsync(stream, fromPosition, max, ct);

        public override event Action<string>? TenantAppended { add { } remove { } }
    }
}
