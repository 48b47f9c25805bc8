using CxCluster.Grains.Journal;
using static CxCluster.TestSupport.Journal.JournalSamples;

namespace CxCluster.Storage.Tests.Journal;

/// <summary>A tenant-wide reader (webhooks, the live stream) following the journal while two silos append to it.</summary>
public sealed class TenantReaderTests(JournalDatabase database) : IClassFixture<JournalDatabase>
{
    [Fact]
    public async Task A_reader_that_resumes_from_its_last_position_misses_nothing_and_sees_nothing_twice_while_two_silos_append()
    {
        // Two silos: two journals, each with its own connection pool and group commits, on one database.
        await using var first = database.CreateJournal();
        await using var second = database.CreateJournal();
        var tenant = NewTenant();
        var other = NewTenant();
        const int Streams = 60;
        const int AppendsPerStream = 12;
        var written = 0;

        var writers = Task.WhenAll(Enumerable.Range(0, Streams).Select(s => Task.Run(async () =>
        {
            var journal = s % 2 == 0 ? first : second;
            var stream = new StreamKey(s % 5 == 0 ? other : tenant, $"c/{s}");
            var seq = 0L;
            for (var i = 0; i < AppendsPerStream; i++)
            {
                var facts = Enumerable.Range(0, 1 + (s + i) % 3).Select(_ => Fact(++seq)).ToArray();
                await journal.AppendAsync(Append(stream, $"e{i}", facts));
                if (stream.TenantId == tenant)
                {
                    Interlocked.Add(ref written, facts.Length);
                }
            }
        })));

        // The reader resumes from the last position it saw, a page at a time, as a webhook sender after a restart would.
        var seen = new List<TenantFact>();
        var deadline = DateTime.UtcNow + FirstGroupHold.Timeout;
        while (!writers.IsCompleted || seen.Count < Volatile.Read(ref written))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the reader saw {seen.Count} of {Volatile.Read(ref written)} facts in time");
            var journal = seen.Count % 2 == 0 ? first : second;
            var page = await journal.ReadTenantAsync(tenant, seen.Count > 0 ? seen[^1].Position : 0, 37);
            for (var i = 0; i < page.Count; i++)
            {
                // Never an earlier position after a later one: every page continues after where the last one ended.
                Assert.True(seen.Count == 0 || page[i].Position > seen[^1].Position, $"position {page[i].Position} after {(seen.Count > 0 ? seen[^1].Position : 0)}");
                seen.Add(page[i]);
            }
            if (page.Count == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(2));
            }
        }
        await writers;

        var all = await first.ReadTenantSettledAsync(tenant);
        Assert.Equal(all.Select(f => (f.Position, f.Stream, f.Fact.Seq)), seen.Select(f => (f.Position, f.Stream, f.Fact.Seq)));
        Assert.Equal(written, seen.Count);
        Assert.Equal(seen.Count, seen.Select(f => (f.Stream, f.Fact.Seq)).Distinct().Count());
        foreach (var stream in seen.GroupBy(f => f.Stream))
        {
            Assert.Equal(tenant, stream.Key.TenantId);
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(s => (long)s), stream.Select(f => f.Fact.Seq));
        }
    }

    [Fact]
    public async Task A_reader_does_not_pass_a_transaction_still_open_so_its_facts_are_not_missed_once_it_commits()
    {
        // Two silos: the first holds its group's transaction open after writing, the second commits a later one.
        await using var holding = database.CreateJournal(FirstGroupHold.OneGroupAtATime);
        await using var other = database.CreateJournal();
        var tenant = NewTenant();
        var hold = new FirstGroupHold(holding);

        var early = holding.AppendAsync(Append(new StreamKey(tenant, "c/early"), "e", Fact(1))).AsTask();
        await hold.HeldAsync();
        await other.AppendAsync(Append(new StreamKey(tenant, "c/late"), "e", Fact(1)));

        // The later fact is committed, but a reader that took it would move past the earlier one still to come.
        Assert.Empty(await other.ReadTenantAsync(tenant, 0, 100));
        Assert.Single(await other.ReadStreamAsync(new StreamKey(tenant, "c/late"), 0, 100));

        hold.Release();
        await early.WaitAsync(FirstGroupHold.Timeout);
        var deadline = DateTime.UtcNow + FirstGroupHold.Timeout;
        IReadOnlyList<TenantFact> facts;
        // Another test's transaction still open on the server holds readers back too, until it ends.
        while ((facts = await other.ReadTenantAsync(tenant, 0, 100)).Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the reader saw {facts.Count} of 2 facts in time");
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
        Assert.Equal(["c/early", "c/late"], facts.Select(f => f.Stream.StreamId));
    }
}
