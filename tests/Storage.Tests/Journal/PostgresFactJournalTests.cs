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
}
