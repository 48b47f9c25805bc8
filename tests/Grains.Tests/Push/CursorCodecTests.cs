using System.Security.Cryptography;
using CxCluster.Grains.Push;

namespace CxCluster.Grains.Tests.Push;

/// <summary>Readers' cursors: a fact's position, put through a permutation keyed by the cluster's secret and the tenant.</summary>
public sealed class CursorCodecTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private readonly CursorCodec _codec = new(Key);

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(65_537L)]
    [InlineData(123_456_789L << 16)]
    [InlineData(CursorCodec.Limit - 1)]
    public void A_cursor_is_a_whole_number_javascript_holds_exactly_and_gives_its_position_back(long position)
    {
        var cursor = _codec.Encode("acme", position);

        Assert.InRange(cursor, 1, CursorCodec.Limit);
        Assert.True(cursor <= (1L << 53) - 1);
        Assert.Equal(position, _codec.Decode("acme", cursor));
        Assert.Equal(position, new CursorCodec(Key).Decode("acme", cursor));
    }

    [Fact]
    public void Zero_is_before_the_first_fact_for_every_tenant()
    {
        Assert.Equal(0, _codec.Encode("acme", 0));
        Assert.Equal(0L, _codec.Decode("acme", 0));
    }

    [Fact]
    public void Cursors_of_consecutive_positions_keep_no_order_and_no_distance()
    {
        // Positions as PostgreSQL hands them out: another tenant's transactions in between would widen the gaps.
        var positions = Enumerable.Range(1, 1_000).Select(i => ((long)i << 16) + 1).ToList();

        var cursors = positions.Select(p => _codec.Encode("acme", p)).ToList();

        Assert.Equal(positions.Count, cursors.Distinct().Count());
        Assert.NotEqual(cursors.Order(), cursors);
        // Neighbours' cursors are spread over the whole range, not near each other.
        var gaps = cursors.Zip(cursors.Skip(1), (a, b) => Math.Abs(b - a)).ToList();
        Assert.True(gaps.Count(g => g > CursorCodec.Limit / 1_000) > 900, "neighbouring positions gave neighbouring cursors");
        Assert.Equal(positions, cursors.Select(c => _codec.Decode("acme", c)!.Value));
    }

    [Fact]
    public void Each_tenant_and_each_cluster_has_its_own_cursors()
    {
        var position = 77L << 16;
        var acme = _codec.Encode("acme", position);

        Assert.NotEqual(acme, _codec.Encode("globex", position));
        Assert.NotEqual(acme, new CursorCodec(RandomNumberGenerator.GetBytes(32)).Encode("acme", position));
        Assert.NotEqual(position, _codec.Decode("globex", acme));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(CursorCodec.Limit + 1)]
    [InlineData(long.MaxValue)]
    public void A_number_outside_the_cursors_range_is_no_cursor(long cursor) =>
        Assert.Null(_codec.Decode("acme", cursor));

    [Fact]
    public void A_short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => new CursorCodec(new byte[8]));
}
