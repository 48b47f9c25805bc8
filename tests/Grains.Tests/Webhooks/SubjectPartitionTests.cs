using CxCluster.Grains.Webhooks;

namespace CxCluster.Grains.Tests.Webhooks;

public sealed class SubjectPartitionTests
{
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void The_hash_is_fnv_1a_32(string text, uint hash) => Assert.Equal(hash, SubjectPartition.Fnv1a(text));

    [Fact]
    public void Subjects_spread_over_every_partition_and_always_land_on_the_same_one()
    {
        var counts = new int[4];
        for (var i = 0; i < 4_000; i++)
        {
            var subject = $"conversation-{i}";
            var partition = SubjectPartition.Of(subject, 4);
            Assert.Equal(partition, SubjectPartition.Of(subject, 4));
            counts[partition]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 800, 1_200));
    }
}
