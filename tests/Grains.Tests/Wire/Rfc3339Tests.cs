using CxCluster.Abstractions;

namespace CxCluster.Grains.Tests.Wire;

/// <summary>RFC 3339 timestamps as the contract takes them, leap seconds, any offset the RFC allows and any number of fraction digits included.</summary>
public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2026-11-24T10:00:00Z", "2026-11-24T10:00:00.0000000+00:00")]
    [InlineData("2026-11-24T17:00:00+07:00", "2026-11-24T10:00:00.0000000+00:00")]
    [InlineData("2026-11-24t10:00:00.123456789z", "2026-11-24T10:00:00.1234567+00:00")]
    [InlineData("2016-12-31T23:59:60Z", "2017-01-01T00:00:00.0000000+00:00")]
    [InlineData("2016-12-31T23:59:60.5Z", "2017-01-01T00:00:00.0000000+00:00")]
    [InlineData("2017-01-01T06:59:60+07:00", "2017-01-01T00:00:00.0000000+00:00")]
    [InlineData("2026-11-24T10:00:00+15:00", "2026-11-23T19:00:00.0000000+00:00")]
    [InlineData("2026-11-24T10:00:00-23:59", "2026-11-25T09:59:00.0000000+00:00")]
    [InlineData("2026-11-24T10:00:00.1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890Z", "2026-11-24T10:00:00.1234567+00:00")]
    [InlineData("2028-02-29T00:00:00Z", "2028-02-29T00:00:00.0000000+00:00")]
    public void A_timestamp_with_a_zone_is_read_in_utc(string text, string expected)
    {
        Assert.True(Rfc3339.TryParse(text, out var utc), text);
        Assert.Equal(expected, utc.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-11-24T10:00:00Z", "2026-11-24T10:00:00.0000000+00:00")]
    [InlineData("2026-11-24T10:00:00.1234567Z", "2026-11-24T10:00:00.1234567+00:00")]
    [InlineData("2026-11-24T10:00:00.123456700000Z", "2026-11-24T10:00:00.1234567+00:00")]
    [InlineData("2026-11-24T10:00:00.000000001Z", "2026-11-24T10:00:00.0000001+00:00")]
    [InlineData("2026-11-24T10:00:00.123456789z", "2026-11-24T10:00:00.1234568+00:00")]
    [InlineData("2026-11-24T17:00:00.00000000000000000001+07:00", "2026-11-24T10:00:00.0000001+00:00")]
    [InlineData("2026-11-24T10:00:59.99999999Z", "2026-11-24T10:01:00.0000000+00:00")]
    [InlineData("2016-12-31T23:59:60.99999999Z", "2017-01-01T00:00:00.0000000+00:00")]
    public void A_bound_between_two_ticks_is_read_as_the_next_tick_and_one_on_a_tick_as_it_is(string text, string expected)
    {
        Assert.True(Rfc3339.TryParseBound(text, out var utc), text);
        Assert.Equal(expected, utc.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Beyond_the_last_instant_dotnet_holds_a_rounded_bound_is_no_timestamp()
    {
        Assert.True(Rfc3339.TryParse("9999-12-31T23:59:59.99999999Z", out _));
        Assert.False(Rfc3339.TryParseBound("9999-12-31T23:59:59.99999999Z", out _));
    }

    [Theory]
    [InlineData("2026-11-24 10:00:00Z")]
    [InlineData("2026-11-24T10:00:00")]
    [InlineData("2026-11-24T10:30:60Z")]
    [InlineData("2026-11-24T10:59:61Z")]
    [InlineData("2026-13-01T10:00:00Z")]
    [InlineData("2026-02-29T10:00:00Z")]
    [InlineData("2026-11-24T24:00:00Z")]
    [InlineData("2026-11-24T10:60:00Z")]
    [InlineData("2026-11-24T10:00:00+24:00")]
    [InlineData("2026-11-24T10:00:00+05:60")]
    [InlineData("2026-11-24T10:00:00.Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("yesterday")]
    public void Anything_else_is_no_timestamp(string text)
    {
        Assert.False(Rfc3339.TryParse(text, out _), text);
        Assert.False(Rfc3339.TryParseBound(text, out _), text);
    }
}
