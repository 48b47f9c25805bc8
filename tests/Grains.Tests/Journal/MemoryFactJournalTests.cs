using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Tests.Support;
using CxCluster.TestSupport.Journal;
using static CxCluster.TestSupport.Journal.JournalSamples;
using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.Grains.Tests.Journal;

/// <summary>The memory journal: the shared contract, plus what only it promises.</summary>
public sealed class MemoryFactJournalTests : FactJournalContract
{
    private readonly MemoryFactJournal _journal = new();

    protected override IFactJournal Journal => _journal;

    [Fact]
    public async Task The_memory_journal_keeps_its_own_copy_of_the_bytes_in_pinned_memory_and_holds_nothing_it_was_given()
    {
        var stream = NewStream();
        var given = await AppendThenChangeWhatWasGivenAsync(stream);

        var read = (await _journal.ReadStreamAsync(stream, 0, 1))[0];

        Assert.Equal([1, 2, 3], read.Data.ToArray());
        Assert.Equal([4, 5], read.Personal!.Value.ToArray());
        Assert.Equal([6], (await _journal.FindAnswerAsync(stream, "e1"))!.Answer.ToArray());
        Assert.True(MemoryMarshal.TryGetArray(read.Data, out var segment));
        // Kept where the collector never moves it: the young collections never copy what the journal holds.
        Assert.Equal(GC.MaxGeneration, GC.GetGeneration(segment.Array!));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.False(given.IsAlive);
    }

    /// <summary>Appends a fact with personal bytes and an answer, changes the arrays handed in, and forgets them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<WeakReference> AppendThenChangeWhatWasGivenAsync(StreamKey stream)
    {
        var data = new byte[] { 1, 2, 3 };
        var personal = new byte[] { 4, 5 };
        var answer = new byte[] { 6 };
        await _journal.AppendAsync(new JournalAppend(stream, "e1", [new JournalFact(1, "t", Noon, data, personal)], answer));
        data[0] = 9;
        personal[0] = 9;
        answer[0] = 9;
        return new WeakReference(data);
    }

    [Fact]
    public async Task Event_ids_are_found_by_their_exact_characters_only()
    {
        var stream = NewStream();
        await _journal.AppendAsync(Append(stream, "Ève-1", Fact(1)));
        await _journal.AppendAsync(Append(stream, "ève-1", Fact(2)));

        Assert.Equal(1, (await _journal.FindAnswerAsync(stream, "Ève-1"))!.LastSeq);
        Assert.Equal(2, (await _journal.FindAnswerAsync(stream, "ève-1"))!.LastSeq);
        Assert.Null(await _journal.FindAnswerAsync(stream, "Ève-1 "));
        Assert.Null(await _journal.FindAnswerAsync(stream, "Ève-"));
        await Assert.ThrowsAsync<JournalConflictException>(async () => await _journal.AppendAsync(Append(stream, "Ève-1", Fact(3))));
    }

    [Fact]
    public async Task A_tenant_with_thousands_of_facts_reads_them_all_back_in_order()
    {
        var stream = NewStream();
        for (var seq = 1; seq <= 5_000; seq++)
        {
            await _journal.AppendAsync(Append(stream, $"e{seq}", Fact(seq)));
        }

        var read = await _journal.ReadTenantAsync(stream.TenantId, 0, 10_000);

        Assert.Equal(Enumerable.Range(1, 5_000).Select(i => (long)i), read.Select(f => f.Fact.Seq));
        Assert.Equal(Enumerable.Range(1, 5_000).Select(i => (long)i), read.Select(f => f.Position));
        Assert.Equal(4_321, (await _journal.FindAnswerAsync(stream, "e4321"))!.LastSeq);
    }

    [Fact]
    public async Task Silos_given_the_same_instance_share_one_journal()
    {
        var shared = new MemoryFactJournal();
        await using var first = new ServiceCollection().AddMemoryFactJournal(shared).BuildServiceProvider();
        await using var second = new ServiceCollection().AddMemoryFactJournal(shared).BuildServiceProvider();
        await using var own = new ServiceCollection().AddMemoryFactJournal().BuildServiceProvider();
        var stream = NewStream();

        await first.GetRequiredService<IFactJournal>().AppendAsync(Append(stream, "e1", Fact(1)));

        Assert.Same(shared, second.GetRequiredService<IFactJournal>());
        Assert.Single(await second.GetRequiredService<IFactJournal>().ReadStreamAsync(stream, 0, 10));
        Assert.Empty(await own.GetRequiredService<IFactJournal>().ReadStreamAsync(stream, 0, 10));
    }

    [Fact]
    public async Task A_checkpoint_is_stamped_with_the_injected_clock()
    {
        var clock = new ManualClock(Noon);
        var journal = new MemoryFactJournal(clock);
        var stream = NewStream();

        await journal.SaveCheckpointAsync(stream, 1, Bytes("s"));

        Assert.Equal(Noon, (await journal.LoadCheckpointAsync(stream))!.SavedAt);
    }
}
