using System.Text.RegularExpressions;

namespace CxCluster.Abstractions;

/// <summary>RFC 3339 timestamps as the contract takes them: a date, <c>T</c>, a time and a zone (<c>Z</c> or an offset).</summary>
public static partial class Rfc3339
{
    /// <summary>The fraction digits .NET keeps (100 ns); RFC 3339 allows any number, and nanoseconds (9) are common.</summary>
    private const int KeptFractionDigits = 7;

    /// <summary>
    /// Reads <paramref name="value"/> as an RFC 3339 timestamp with a time zone, in UTC: any number of fraction digits
    /// (those beyond 100 ns are dropped), and any offset the RFC allows (hours 00 to 23, minutes 00 to 59), so "+15:00" is
    /// read although no time zone uses it.
    /// </summary>
    public static bool TryParse(string? value, out DateTimeOffset utc) => TryParse(value, roundUp: false, out utc);

    /// <summary>
    /// Reads <paramref name="value"/> as <see cref="TryParse(string?, out DateTimeOffset)"/> does, as a bound of a period
    /// [from, to) of instants .NET holds (whole ticks of 100 ns; facts are kept to the microsecond): a time between two
    /// ticks (a nonzero digit beyond the 7th of the fraction) is read as the next tick, so that for every such instant,
    /// <c>at &gt;= bound</c> and <c>at &lt; bound</c> hold exactly as they do for the time written. Dropping those digits
    /// instead would take in, at the start, an instant before the period, and leave out, at the end, one inside it.
    /// </summary>
    public static bool TryParseBound(string? value, out DateTimeOffset utc) => TryParse(value, roundUp: true, out utc);

    private static bool TryParse(string? value, bool roundUp, out DateTimeOffset utc)
    {
        utc = default;
        if (value is null || Pattern().Match(value) is not { Success: true } match)
        {
            return false;
        }

        int year = Number(match, "year");
        int month = Number(match, "month");
        int day = Number(match, "day");
        int hour = Number(match, "hour");
        int minute = Number(match, "minute");
        int second = Number(match, "second");
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return false;
        }

        // A leap second ("23:59:60Z", at the end of a minute 59) is read as the first moment of the next minute, the
        // instant .NET and the clocks that smear it land on; a 60 anywhere else is no time.
        bool leap = second == 60;
        if (second > 60 || (leap && minute != 59))
        {
            return false;
        }

        long fractionTicks = 0;
        var fraction = match.Groups["fraction"];
        if (fraction.Success)
        {
            var digits = fraction.ValueSpan[..Math.Min(fraction.Length, KeptFractionDigits)];
            foreach (char d in digits)
            {
                fractionTicks = fractionTicks * 10 + (d - '0');
            }
            for (int i = digits.Length; i < KeptFractionDigits; i++)
            {
                fractionTicks *= 10;
            }
            if (roundUp && fraction.ValueSpan[digits.Length..].ContainsAnyExcept('0'))
            {
                fractionTicks++;
            }
        }

        var offset = TimeSpan.Zero;
        if (match.Groups["offsetHour"].Success)
        {
            int offsetHour = Number(match, "offsetHour");
            int offsetMinute = Number(match, "offsetMinute");
            if (offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }
            offset = new TimeSpan(offsetHour, offsetMinute, 0);
            if (match.Groups["sign"].ValueSpan is "-")
            {
                offset = -offset;
            }
        }

        // A leap second's fraction is passed over: all of it is the next minute's first moment.
        long ticks = new DateTime(year, month, day, hour, minute, leap ? 59 : second, DateTimeKind.Utc).Ticks
            + (leap ? TimeSpan.TicksPerSecond : fractionTicks) - offset.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utc = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static int Number(Match match, string group)
    {
        int value = 0;
        foreach (char d in match.Groups[group].ValueSpan)
        {
            value = value * 10 + (d - '0');
        }
        return value;
    }

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(\.(?<fraction>[0-9]+))?(?:[Zz]|(?<sign>[+-])(?<offsetHour>[0-9]{2}):(?<offsetMinute>[0-9]{2}))\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
