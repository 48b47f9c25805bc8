using CxCluster.Grains.Webhooks;

namespace CxCluster.Grains.Tests.Webhooks;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset First = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static RetrySchedule Default => new(WebhookOptions.DefaultRetrySeconds.Select(TimeSpan.FromSeconds).ToArray(), TimeSpan.FromHours(24));

    [Fact]
    public void Retries_come_after_5s_30s_2min_10min_30min_1h_then_every_2h()
    {
        var now = First;
        var waits = new List<TimeSpan>();
        for (var attempts = 1; attempts <= 9; attempts++)
        {
            var next = Default.Next(attempts, First, now)!.Value;
            waits.Add(next - now);
            now = next;
        }

        Assert.Equal(
            new[] { 5, 30, 120, 600, 1_800, 3_600, 7_200, 7_200, 7_200 }.Select(s => TimeSpan.FromSeconds(s)),
            waits);
    }

    [Fact]
    public void A_fact_is_given_up_once_the_next_attempt_would_come_after_24_hours()
    {
        var now = First;
        var attempts = 0;
        DateTimeOffset? next;
        while ((next = Default.Next(++attempts, First, now)) is { } at)
        {
            now = at;
        }

        Assert.True(now - First <= TimeSpan.FromHours(24));
        Assert.True(now + TimeSpan.FromHours(2) - First > TimeSpan.FromHours(24));
        // The first attempt and 17 retries (6 stepped, 11 two-hourly); the 18th failure gives up.
        Assert.Equal(18, attempts);
    }

    [Fact]
    public void Retry_after_replaces_the_schedules_wait()
    {
        Assert.Equal(First.AddSeconds(90), Default.Next(1, First, First, TimeSpan.FromSeconds(90)));
        Assert.Null(Default.Next(1, First, First, TimeSpan.FromHours(25)));
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_an_http_date()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), RetrySchedule.ParseRetryAfter("120", First));
        Assert.Equal(TimeSpan.FromMinutes(3), RetrySchedule.ParseRetryAfter(First.AddMinutes(3).ToString("r"), First));
        Assert.Equal(TimeSpan.Zero, RetrySchedule.ParseRetryAfter(First.AddMinutes(-3).ToString("r"), First));
        Assert.Null(RetrySchedule.ParseRetryAfter("soon", First));
        Assert.Null(RetrySchedule.ParseRetryAfter(null, First));
    }
}
