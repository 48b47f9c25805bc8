using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CxCluster.Grains.Tests.Journal;

/// <summary>A grain that could not append passes the reason to its caller: the journal's exceptions cross grain calls.</summary>
public sealed class JournalExceptionTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(JournalUnavailableException).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void An_unavailable_journal_keeps_its_type_and_message_across_a_grain_call()
    {
        var back = Serializer.Deserialize<Exception>(Serializer.SerializeToArray<Exception>(new JournalUnavailableException("the group's commit failed")));

        Assert.Equal("the group's commit failed", Assert.IsType<JournalUnavailableException>(back).Message);
    }

    [Fact]
    public void A_lost_race_keeps_its_type_and_message_across_a_grain_call()
    {
        var back = Serializer.Deserialize<Exception>(Serializer.SerializeToArray<Exception>(new JournalConflictException("seq 4 of c/1 exists")));

        Assert.Equal("seq 4 of c/1 exists", Assert.IsType<JournalConflictException>(back).Message);
    }

    [Fact]
    public void An_answered_event_id_travels_with_its_conflict()
    {
        var back = Serializer.Deserialize<Exception>(Serializer.SerializeToArray<Exception>(new JournalConflictException("event e-7 has an answer", "e-7")));

        var conflict = Assert.IsType<JournalConflictException>(back);
        Assert.Equal("e-7", conflict.AnsweredEventId);
        Assert.Null(new JournalConflictException("seq 4 of c/1 exists").AnsweredEventId);
    }
}
