using CxCluster.Api.Stream;

namespace CxCluster.Api.Tests.Stream;

/// <summary>How long a quiet live stream's next read waits: inside the cluster's response timeout, and never past the next keep-alive.</summary>
public sealed class KeepAliveTimingTests
{
    [Theory]
    // keep-alive, response timeout, quiet for, wait: with the shipped settings a read waits half the response timeout
    [InlineData(10, 3, 0, 1.5)]
    [InlineData(10, 3, 9.5, 0.5)]
    // a keep-alive shorter than two reads is not put off to the end of the second
    [InlineData(2, 3, 1.5, 0.5)]
    [InlineData(1, 3, 0, 1)]
    // the longest keep-alive the settings allow, with a long response timeout, comes at 15 s, not at a read's end after it
    [InlineData(15, 60, 10, 5)]
    // overdue: the read does not wait at all
    [InlineData(10, 3, 10, 0)]
    [InlineData(10, 3, 12, 0)]
    public void The_next_read_waits_at_most_half_the_response_timeout_and_only_until_the_keep_alive_is_due(
        double keepAlive, double responseTimeout, double quietFor, double expected)
    {
        var wait = StreamApi.NextReadWait(TimeSpan.FromSeconds(keepAlive), TimeSpan.FromSeconds(responseTimeout), TimeSpan.FromSeconds(quietFor));

        Assert.Equal(TimeSpan.FromSeconds(expected), wait);
    }
}
