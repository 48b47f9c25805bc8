using CxCluster.Grains.Journal;
using static CxCluster.TestSupport.Journal.JournalSamples;

namespace CxCluster.Storage.Tests.Journal;

/// <summary>
/// Connections lost while they sat in the pool (every backend ended, as a database restart or a network cut leaves
/// them): the next append and the next reads go through on new connections, instead of failing once per lost one.
/// </summary>
public sealed class LostConnectionTests(JournalDatabase database) : IClassFixture<JournalDatabase>
{
    [Fact]
    public async Task Appends_after_every_pooled_connection_was_lost_are_stored_on_new_ones()
    {
        await using var journal = database.CreateJournal();
        var stream = new StreamKey(NewTenant(), "c/lost");
        await journal.AppendAsync(Append(stream, "e1", Fact(1)));

        await database.TerminateEveryOtherAsync();
        await journal.AppendAsync(Append(stream, "e2", Fact(2))).AsTask().WaitAsync(FirstGroupHold.Timeout);
        await database.TerminateEveryOtherAsync();
        await journal.AppendAsync(Append(stream, "e3", Fact(3))).AsTask().WaitAsync(FirstGroupHold.Timeout);

        Assert.Equal([1L, 2L, 3L], (await journal.ReadStreamAsync(stream, 0, 10)).Select(f => f.Seq));
        Assert.NotNull(await journal.FindAnswerAsync(stream, "e2"));
    }

    [Fact]
    public async Task Reads_after_every_pooled_connection_was_lost_answer_on_new_ones()
    {
        await using var journal = database.CreateJournal();
        var stream = new StreamKey(NewTenant(), "c/read");
        await journal.AppendAsync(Append(stream, "e1", Fact(1, "message.received", personal: "where is my parcel?"), Fact(2)));
        Assert.Equal(2, (await journal.ReadStreamAsync(stream, 0, 10)).Count);

        await database.TerminateEveryOtherAsync();
        Assert.Equal([1L, 2L], (await journal.ReadStreamAsync(stream, 0, 10)).Select(f => f.Seq));
        await database.TerminateEveryOtherAsync();
        Assert.Equal([1L, 2L], (await journal.LoadStreamAsync(stream, 10)).Facts.Select(f => f.Seq));
        await database.TerminateEveryOtherAsync();
        Assert.Equal(1, await journal.ErasePersonalAsync(stream));
        Assert.All(await journal.ReadStreamAsync(stream, 0, 10), f => Assert.Null(f.Personal));
    }
}
