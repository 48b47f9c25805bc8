using CxCluster.Grains.Webhooks;

namespace CxCluster.Grains.Tests.Webhooks;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset First = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static RetrySchedule Default => new(WebhookSettings.DefaultRetrySeconds.Select(TimeSpan.FromSeconds).ToArray(), TimeSpan.FromHours(24));

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
    public void A_fact_is_tried_once_more_at_24_hours_and_given_up_when_that_fails_too()
    {
        var now = First;
        var attempts = 0;
        DateTimeOffset? next;
        while ((next = Default.Next(++attempts, First, now)) is { } at)
        {
            now = at;
        }

        // The last attempt is at the give-up time itself, not two hours short of it.
        Assert.Equal(First.AddHours(24), now);
        // The first attempt and 18 retries (6 stepped, 11 two-hourly, one at 24 h); the 19th failure gives up.
        Assert.Equal(19, attempts);
    }

    [Fact]
    public void A_longer_retry_after_replaces_the_schedules_wait()
    {
        Assert.Equal(First.AddSeconds(90), Default.Next(1, First, First, TimeSpan.FromSeconds(90)));
        Assert.Equal(First.AddHours(3), Default.Next(3, First, First.AddHours(1), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_shorter_retry_after_leaves_the_schedules_wait()
    {
        // The third retry waits 2 min, whatever the receiver asks below that.
        Assert.Equal(First.AddMinutes(2), Default.Next(3, First, First, TimeSpan.FromSeconds(1)));
        Assert.Equal(First.AddHours(3), Default.Next(9, First, First.AddHours(1), TimeSpan.FromSeconds(1)));
        // A receiver that always asks for a second is tried as often as the schedule says, not every second for a day.
        var now = First;
        var attempts = 0;
        while (Default.Next(++attempts, First, now, TimeSpan.FromSeconds(1)) is { } next)
        {
            now = next;
        }
        Assert.Equal(19, attempts);
    }

    [Theory]
    [InlineData(25 * 3_600)]
    [InlineData(int.MaxValue)] // the most a Retry-After in seconds can say: about 68 years
    public void A_retry_after_past_the_give_up_time_is_cut_short_to_it_not_given_up_at_once(double seconds)
    {
        var now = First.AddMinutes(10);

        Assert.Equal(First.AddHours(24), Default.Next(2, First, now, TimeSpan.FromSeconds(seconds)));
        // That last attempt failing too gives the fact up.
        Assert.Null(Default.Next(3, First, First.AddHours(24), TimeSpan.FromSeconds(seconds)));
        Assert.Null(Default.Next(3, First, First.AddHours(24)));
    }

    [Fact]
    public void A_retry_after_of_any_size_never_overflows_the_time()
    {
        var farFuture = RetrySchedule.ParseRetryAfter("99999999999999999", First);
        var beyondAnyNumber = RetrySchedule.ParseRetryAfter(" 999999999999999999999999999999 ", First);

        Assert.NotNull(farFuture);
        Assert.Equal(farFuture, beyondAnyNumber);
        Assert.Equal(First.AddHours(24), Default.Next(1, First, First, farFuture));
        Assert.Equal(First.AddHours(24), Default.Next(1, First, First, beyondAnyNumber));
        Assert.Equal(First.AddHours(24), Default.Next(1, First, First, RetrySchedule.ParseRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT", First)));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.5")]
    public void A_negative_zero_or_fractional_retry_after_leaves_the_schedules_wait(string header)
    {
        var asked = RetrySchedule.ParseRetryAfter(header, First);

        Assert.Equal(First.AddSeconds(5), Default.Next(1, First, First, asked));
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
