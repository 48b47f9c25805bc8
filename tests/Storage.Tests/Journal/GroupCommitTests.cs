using CxCluster.Grains.Journal;
using CxCluster.Settings;
using CxCluster.Silo.Storage.Journal;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static CxCluster.TestSupport.Journal.JournalSamples;

namespace CxCluster.Storage.Tests.Journal;

/// <summary>Group commit on real PostgreSQL: many appends per transaction, and a failure or a lost race in a group.</summary>
public sealed class GroupCommitTests(JournalDatabase database) : IClassFixture<JournalDatabase>
{
    [Fact]
    public async Task Two_thousand_appends_from_two_hundred_streams_are_all_durable_in_groups_and_read_once_each()
    {
        await using var journal = database.CreateJournal();
        using var meter = new JournalMeter(database.MeterFactory);
        string[] tenants = [NewTenant(), NewTenant(), NewTenant(), NewTenant()];
        const int Streams = 200;
        const int AppendsPerStream = 10;

        await Task.WhenAll(Enumerable.Range(0, Streams).Select(s => Task.Run(async () =>
        {
            var stream = new StreamKey(tenants[s % tenants.Length], $"c/{s}");
            for (var seq = 1; seq <= AppendsPerStream; seq++)
            {
                await journal.AppendAsync(Append(stream, $"e{seq}", Fact(seq)));
            }
        }))).WaitAsync(FirstGroupHold.Timeout);

        Assert.Equal(Streams * AppendsPerStream, meter.Appends);
        Assert.True(meter.Appends > meter.Groups, $"{meter.Appends} appends in {meter.Groups} groups: none was grouped");
        foreach (var tenant in tenants)
        {
            var facts = await journal.ReadTenantSettledAsync(tenant);
            Assert.Equal(Streams / tenants.Length * AppendsPerStream, facts.Count);
            Assert.Equal(facts.Count, facts.Select(f => f.Position).Distinct().Count());
            Assert.Equal(facts.Select(f => f.Position).Order(), facts.Select(f => f.Position));
            foreach (var stream in facts.GroupBy(f => f.Stream))
            {
                Assert.Equal(Enumerable.Range(1, AppendsPerStream).Select(s => (long)s), stream.Select(f => f.Fact.Seq));
            }
        }
        Assert.Equal(Streams * AppendsPerStream, await database.Database.ScalarAsync<long>(
            "SELECT count(*) FROM cx_journal_answer WHERE tenant_id = ANY(@tenants)", ("tenants", tenants)));
    }

    [Fact]
    public async Task A_group_closes_at_its_maximum_size_and_what_waits_forms_the_next_groups()
    {
        await using var journal = database.CreateJournal(new JournalSettings { MaxConcurrentGroups = 1, MaxGroupSize = 4 });
        var tenant = NewTenant();
        var sizes = new List<int>();
        var hold = FirstGroupHold.RecordingSizes(journal, sizes);

        var first = journal.AppendAsync(Append(new StreamKey(tenant, "c/first"), "e", Fact(1))).AsTask();
        await hold.HeldAsync();
        var queued = Enumerable.Range(0, 10)
            .Select(i => journal.AppendAsync(Append(new StreamKey(tenant, $"c/{i}"), "e", Fact(1))).AsTask())
            .ToArray();
        hold.Release();

        await Task.WhenAll(queued.Append(first)).WaitAsync(FirstGroupHold.Timeout);
        Assert.Equal([4, 4, 2], sizes);
        var facts = await journal.ReadTenantSettledAsync(tenant);
        Assert.Equal("c/first", facts[0].Stream.StreamId);
        Assert.Equal(["c/first", .. Enumerable.Range(0, 10).Select(i => $"c/{i}")], facts.Select(f => f.Stream.StreamId));
        Assert.Equal(facts.Select(f => f.Position).Order(), facts.Select(f => f.Position));
    }

    [Fact]
    public async Task A_commit_that_fails_fails_every_append_of_its_group_and_stores_none_of_it()
    {
        await using var journal = database.CreateJournal(FirstGroupHold.OneGroupAtATime);
        using var meter = new JournalMeter(database.MeterFactory);
        var tenant = NewTenant();
        var hold = new FirstGroupHold(journal, (group, _, _) =>
            group == 2 ? throw new InvalidOperationException("the commit fails") : ValueTask.CompletedTask);

        var first = journal.AppendAsync(Append(new StreamKey(tenant, "c/first"), "e1", Fact(1))).AsTask();
        await hold.HeldAsync();
        var group = Enumerable.Range(0, 10)
            .Select(i => journal.AppendAsync(Append(new StreamKey(tenant, $"c/{i}"), "e1", Fact(1), Fact(2))).AsTask())
            .ToArray();
        hold.Release();

        await first.WaitAsync(FirstGroupHold.Timeout);
        foreach (var append in group)
        {
            await Assert.ThrowsAsync<JournalUnavailableException>(() => append.WaitAsync(FirstGroupHold.Timeout));
        }
        Assert.Equal(["c/first"], (await journal.ReadTenantSettledAsync(tenant)).Select(f => f.Stream.StreamId));
        Assert.Null(await journal.FindAnswerAsync(new StreamKey(tenant, "c/0"), "e1"));
        Assert.Equal(1, meter.Unavailable);

        // The same appends again: stored, and read after the first in the order they were appended.
        foreach (var i in Enumerable.Range(0, 10))
        {
            await journal.AppendAsync(Append(new StreamKey(tenant, $"c/{i}"), "e1", Fact(1), Fact(2)));
        }
        var facts = await journal.ReadTenantSettledAsync(tenant);
        Assert.Equal(
            [("c/first", 1L), .. Enumerable.Range(0, 10).SelectMany(i => new[] { ($"c/{i}", 1L), ($"c/{i}", 2L) })],
            facts.Select(f => (f.Stream.StreamId, f.Fact.Seq)));
        Assert.Equal(facts.Select(f => f.Position).Order(), facts.Select(f => f.Position));
    }

    [Fact]
    public async Task A_group_whose_backend_is_ended_before_its_commit_fails_every_append_and_stores_none()
    {
        await using var journal = database.CreateJournal(FirstGroupHold.OneGroupAtATime);
        var tenant = NewTenant();
        var hold = new FirstGroupHold(journal, async (group, backend, _) =>
        {
            if (group == 2)
            {
                await database.TerminateAsync(backend);
            }
        });

        var first = journal.AppendAsync(Append(new StreamKey(tenant, "c/first"), "e1", Fact(1))).AsTask();
        await hold.HeldAsync();
        var group = Enumerable.Range(0, 5)
            .Select(i => journal.AppendAsync(Append(new StreamKey(tenant, $"c/{i}"), $"e{i}", Fact(1))).AsTask())
            .ToArray();
        hold.Release();

        await first.WaitAsync(FirstGroupHold.Timeout);
        foreach (var append in group)
        {
            await Assert.ThrowsAsync<JournalUnavailableException>(() => append.WaitAsync(FirstGroupHold.Timeout));
        }
        Assert.Single(await journal.ReadTenantSettledAsync(tenant));
        Assert.Null(await journal.FindAnswerAsync(new StreamKey(tenant, "c/0"), "e0"));
        await journal.AppendAsync(Append(new StreamKey(tenant, "c/0"), "e0", Fact(1)));
        Assert.Equal(["c/first", "c/0"], (await journal.ReadTenantSettledAsync(tenant)).Select(f => f.Stream.StreamId));
    }

    [Fact]
    public async Task Appends_that_lose_a_race_in_a_group_conflict_alone_and_the_others_are_stored()
    {
        await using var journal = database.CreateJournal(FirstGroupHold.OneGroupAtATime);
        using var meter = new JournalMeter(database.MeterFactory);
        var tenant = NewTenant();
        var hold = new FirstGroupHold(journal);
        StreamKey Stream(int i) => new(tenant, $"c/{i}");

        var first = journal.AppendAsync(Append(Stream(0), "e0", Fact(1))).AsTask();
        await hold.HeldAsync();
        Task[] group =
        [
            journal.AppendAsync(Append(Stream(1), "a", Fact(1, personal: "\"winner\""))).AsTask(),
            journal.AppendAsync(Append(Stream(2), "b", Fact(1))).AsTask(),
            journal.AppendAsync(Append(Stream(1), "c", Fact(1, personal: "\"loser\""))).AsTask(),
            journal.AppendAsync(Append(Stream(3), "d", Fact(1))).AsTask(),
            journal.AppendAsync(Append(Stream(3), "d", Fact(2))).AsTask(),
            journal.AppendAsync(Append(Stream(4), "f", Fact(1), Fact(2))).AsTask(),
        ];
        hold.Release();

        await first.WaitAsync(FirstGroupHold.Timeout);
        await group[0].WaitAsync(FirstGroupHold.Timeout);
        await group[1].WaitAsync(FirstGroupHold.Timeout);
        await Assert.ThrowsAsync<JournalConflictException>(() => group[2].WaitAsync(FirstGroupHold.Timeout));
        await group[3].WaitAsync(FirstGroupHold.Timeout);
        await Assert.ThrowsAsync<JournalConflictException>(() => group[4].WaitAsync(FirstGroupHold.Timeout));
        await group[5].WaitAsync(FirstGroupHold.Timeout);

        Assert.Equal("\"winner\"", Text((await journal.ReadStreamAsync(Stream(1), 0, 10)).Single().Personal!.Value));
        Assert.Null(await journal.FindAnswerAsync(Stream(1), "c"));
        Assert.Equal([1L], (await journal.ReadStreamAsync(Stream(3), 0, 10)).Select(f => f.Seq));
        Assert.Equal(
            [(0, 1L), (1, 1), (2, 1), (3, 1), (4, 1), (4, 2)],
            (await journal.ReadTenantSettledAsync(tenant)).Select(f => (int.Parse(f.Stream.StreamId[2..]), f.Fact.Seq)));
        var positions = (await journal.ReadTenantSettledAsync(tenant)).Select(f => f.Position).ToArray();
        Assert.Equal(positions.Order().Distinct(), positions);
        Assert.Equal(3, meter.Conflicts);
    }

    [Fact]
    public async Task A_caller_that_cancels_while_its_append_waits_stores_nothing_and_its_group_goes_on()
    {
        await using var journal = database.CreateJournal(FirstGroupHold.OneGroupAtATime);
        var tenant = NewTenant();
        var hold = new FirstGroupHold(journal);
        using var cancellation = new CancellationTokenSource();

        var first = journal.AppendAsync(Append(new StreamKey(tenant, "c/0"), "e0", Fact(1))).AsTask();
        await hold.HeldAsync();
        var before = journal.AppendAsync(Append(new StreamKey(tenant, "c/1"), "e1", Fact(1))).AsTask();
        var cancelled = journal.AppendAsync(Append(new StreamKey(tenant, "c/2"), "e2", Fact(1)), cancellation.Token).AsTask();
        var after = journal.AppendAsync(Append(new StreamKey(tenant, "c/3"), "e3", Fact(1))).AsTask();
        cancellation.Cancel();
        hold.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(FirstGroupHold.Timeout));
        await Task.WhenAll(first, before, after).WaitAsync(FirstGroupHold.Timeout);
        Assert.Equal(["c/0", "c/1", "c/3"], (await journal.ReadTenantSettledAsync(tenant)).Select(f => f.Stream.StreamId));
        Assert.Null(await journal.FindAnswerAsync(new StreamKey(tenant, "c/2"), "e2"));
    }

    [Fact]
    public async Task Disposing_the_journal_commits_what_was_queued_and_refuses_more()
    {
        var journal = database.CreateJournal(FirstGroupHold.OneGroupAtATime);
        var tenant = NewTenant();
        var hold = new FirstGroupHold(journal);

        var first = journal.AppendAsync(Append(new StreamKey(tenant, "c/first"), "e", Fact(1))).AsTask();
        await hold.HeldAsync();
        var queued = Enumerable.Range(0, 20)
            .Select(i => journal.AppendAsync(Append(new StreamKey(tenant, $"c/{i}"), "e", Fact(1))).AsTask())
            .ToArray();
        var disposed = journal.DisposeAsync().AsTask();
        hold.Release();

        await disposed.WaitAsync(FirstGroupHold.Timeout);
        await using var reader = database.CreateJournal();
        Assert.Equal(21, (await reader.ReadTenantSettledAsync(tenant)).Count);
        await Task.WhenAll(queued.Append(first)).WaitAsync(FirstGroupHold.Timeout);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await journal.AppendAsync(Append(new StreamKey(tenant, "c/late"), "e", Fact(1))));
    }

    [Fact]
    public async Task The_outcome_of_a_commit_whose_answer_was_lost_is_found_by_its_transaction_id()
    {
        var dataSource = database.CreateDataSource();
        var writer = new GroupWriter(dataSource, NullLogger.Instance);
        await using var connection = await dataSource.OpenConnectionAsync();
        async Task<long> BeginAsync()
        {
            await using var begin = new NpgsqlCommand("BEGIN; CREATE TEMPORARY TABLE IF NOT EXISTS outcome (n int); SELECT pg_current_xact_id()::text::bigint", connection);
            return (long)(await begin.ExecuteScalarAsync())!;
        }
        async Task RunAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        var committed = await BeginAsync();
        await RunAsync("COMMIT");
        var rolledBack = await BeginAsync();
        await RunAsync("ROLLBACK");
        // A transaction still open on a backend whose client is gone: the look-up ends the backend, so it never commits.
        var open = await BeginAsync();

        Assert.True(await writer.CommittedAsync(committed, connection.ProcessID));
        Assert.False(await writer.CommittedAsync(rolledBack, connection.ProcessID));
        Assert.False(await writer.CommittedAsync(open, connection.ProcessID));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => RunAsync("SELECT 1"));
    }

    [Fact]
    public async Task A_group_with_more_facts_than_a_transaction_holds_commits_in_parts_in_its_order()
    {
        await using var journal = database.CreateJournal(FirstGroupHold.OneGroupAtATime);
        var tenant = NewTenant();
        var sizes = new List<int>();
        var hold = FirstGroupHold.RecordingSizes(journal, sizes);
        const int Large = 30_000;

        var first = journal.AppendAsync(Append(new StreamKey(tenant, "c/first"), "e", Fact(1))).AsTask();
        await hold.HeldAsync();
        // Three appends of 30,000 facts queue as one group of 90,000 facts: more than one transaction numbers.
        var large = Enumerable.Range(0, 3)
            .Select(i => journal.AppendAsync(Append(new StreamKey(tenant, $"c/{i}"), "e", Enumerable.Range(1, Large).Select(seq => Fact(seq)).ToArray())).AsTask())
            .ToArray();
        hold.Release();

        await Task.WhenAll(large.Append(first)).WaitAsync(FirstGroupHold.Timeout);
        Assert.Equal([2, 1], sizes);
        var facts = await journal.ReadTenantSettledAsync(tenant);
        Assert.Equal(1 + 3 * Large, facts.Count);
        Assert.Equal(facts.Select(f => f.Position).Order().Distinct(), facts.Select(f => f.Position));
        Assert.Equal(["c/first", "c/0", "c/1", "c/2"], facts.Select(f => f.Stream.StreamId).Distinct());
    }
}
