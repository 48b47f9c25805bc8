using CxCluster.Grains.Webhooks;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>What the sender makes of a <c>Retry-After</c>, however it is written.</summary>
public sealed partial class HostileReceiverTests
{
    [Theory]
    [InlineData(429, "120", 120.0)]
    [InlineData(503, "120", 120.0)]
    [InlineData(500, "120", 120.0)]
    [InlineData(302, "120", 120.0)]
    [InlineData(503, "0", 0.0)]
    [InlineData(503, "-5", null)]
    [InlineData(503, "1.5", null)]
    [InlineData(503, "soon", null)]
    [InlineData(503, "", null)]
    [InlineData(503, "120, 60", null)]
    [InlineData(429, "99999999999999999999", double.MaxValue)]
    [InlineData(429, "4294967296", 4294967296.0)]
    [InlineData(503, "Wed, 21 Oct 2015 07:28:00 GMT", 0.0)] // a date gone by
    public async Task Retry_after_in_seconds_is_passed_on_whatever_the_failure_and_a_value_that_cannot_be_read_is_not(int status, string header, double? seconds)
    {
        await using var receiver = new RawReceiver(x => x.WriteAsync(RawReceiver.Empty(status, $"Retry-After: {header}")));
        using var sender = Sender();

        var result = await Send(sender, receiver);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
        if (seconds == double.MaxValue)
        {
            // However far it reaches, it is at least the longest give-up time there can be.
            Assert.True(result.RetryAfter > TimeSpan.FromDays(365), $"{result.RetryAfter}");
        }
        else
        {
            Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, result.RetryAfter);
        }
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(500)]
    public async Task Retry_after_as_an_http_date_is_the_wait_until_then(int status)
    {
        var until = DateTimeOffset.UtcNow.AddMinutes(10);
        await using var receiver = new RawReceiver(x => x.WriteAsync(RawReceiver.Empty(status, $"Retry-After: {until:r}")));
        using var sender = Sender();

        var result = await Send(sender, receiver);

        Assert.InRange(result.RetryAfter!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Gone_with_a_retry_after_is_still_gone()
    {
        await using var receiver = new RawReceiver(x => x.WriteAsync(RawReceiver.Empty(410, "Retry-After: 5")));
        using var sender = Sender();

        var result = await Send(sender, receiver);

        Assert.Equal((DeliveryVerdict.Gone, "410"), (result.Verdict, result.Detail));
    }
}
