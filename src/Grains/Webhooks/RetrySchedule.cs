using System.Globalization;
using System.Net.Http.Headers;

namespace CxCluster.Grains.Webhooks;

/// <summary>
/// When a fact the receiver did not accept is tried again: after each delay of the schedule in turn, the last one
/// repeating, or after the receiver's <c>Retry-After</c> when it asks for longer, until the give-up time since the first
/// attempt has passed; then it is given up. A shorter <c>Retry-After</c> leaves the schedule's wait, so a receiver that
/// always asks for a second is not tried every second for a day. A wait, the schedule's or a <c>Retry-After</c>,
/// reaching past the give-up time is cut short to it, so the fact is tried once more at the deadline and given up only
/// when that attempt fails too.
/// </summary>
public sealed class RetrySchedule(IReadOnlyList<TimeSpan> delays, TimeSpan giveUpAfter)
{
    /// <summary>
    /// The time of the next attempt after <paramref name="attempts"/> failed ones, or null to give up: the attempt that
    /// failed was made at or after <paramref name="firstAttempt"/> plus the give-up time.
    /// </summary>
    public DateTimeOffset? Next(int attempts, DateTimeOffset firstAttempt, DateTimeOffset now, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempts);
        var deadline = firstAttempt + giveUpAfter;
        var scheduled = delays[Math.Min(attempts, delays.Count) - 1];
        if (retryAfter is { } asked && asked > scheduled)
        {
            // Compared before it is added, so no wait however long overflows the time.
            return now >= deadline ? null : asked < deadline - now ? now + asked : deadline;
        }
        // The schedule's next step past the give-up time is cut short to it: the fact is tried once more at the deadline
        // ("until 24 h have passed"), and given up only after that attempt failed too.
        if (now >= deadline)
        {
            return null;
        }
        return scheduled < deadline - now ? now + scheduled : deadline;
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>
    /// The wait a raw <c>Retry-After</c> value asks for (seconds or an HTTP date), or null when it cannot be read; seconds
    /// of any number of digits are read, those beyond what a time can hold as the longest wait there is.
    /// </summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var trimmed = value.AsSpan().Trim();
        if (trimmed.IndexOfAnyExceptInRange('0', '9') < 0)
        {
            var most = (long)TimeSpan.MaxValue.TotalSeconds / 2;
            return TimeSpan.FromSeconds(long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? Math.Min(seconds, most) : most);
        }
        return RetryConditionHeaderValue.TryParse(value, out var parsed) ? RetryAfter(parsed, now) : null;
    }
}
