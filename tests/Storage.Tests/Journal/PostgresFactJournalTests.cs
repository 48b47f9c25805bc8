using CxCluster.Grains.Journal;
using CxCluster.TestSupport.Journal;
using CxCluster.Silo.Storage.Journal;

namespace CxCluster.Storage.Tests.Journal;

/// <summary>The journal's contract on PostgreSQL (tests/TestSupport/Journal/FactJournalContract.cs).</summary>
public sealed class PostgresFactJournalTests(JournalDatabase database) : FactJournalContract, IClassFixture<JournalDatabase>, IAsyncLifetime
{
    private readonly PostgresFactJournal _journal = database.CreateJournal();

    protected override IFactJournal Journal => _journal;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _journal.DisposeAsync();

    [Fact]
    public async Task Every_silos_journal_on_the_database_reads_the_one_cursor_key_even_when_they_ask_at_once()
    {
        // Undrawn, as on a fresh database: the four race to draw it.
        await database.Database.ScalarAsync<int>("WITH gone AS (DELETE FROM cx_cluster_key RETURNING 1) SELECT count(*)::int FROM gone");
        var silos = Enumerable.Range(0, 4).Select(_ => database.CreateJournal()).ToList();
        try
        {
            var keys = await Task.WhenAll(silos.Select(j => j.CursorKeyAsync().AsTask()));
            await using var later = database.CreateJournal();

            var expected = (await _journal.CursorKeyAsync()).ToArray();
            Assert.All(keys, k => Assert.Equal(expected, k.ToArray()));
            Assert.Equal(expected, (await later.CursorKeyAsync()).ToArray());
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }
}
