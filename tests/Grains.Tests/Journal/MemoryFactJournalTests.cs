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
    public async Task The_memory_journal_keeps_the_bytes_it_was_given_without_copying_them()
    {
        var stream = NewStream();
        var data = new byte[] { 1, 2, 3 };
        await _journal.AppendAsync(new JournalAppend(stream, "e1", [new JournalFact(1, "t", Noon, data, null)], ReadOnlyMemory<byte>.Empty));

        var read = (await _journal.ReadStreamAsync(stream, 0, 1))[0];

        Assert.True(MemoryMarshal.TryGetArray(read.Data, out var segment));
        Assert.Same(data, segment.Array);
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
