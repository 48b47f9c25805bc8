using System.Globalization;
using System.Text.RegularExpressions;

namespace CxCluster.Abstractions;

/// <summary>RFC 3339 timestamps as the contract takes them: a date, <c>T</c>, a time and a zone (<c>Z</c> or an offset).</summary>
public static partial class Rfc3339
{
    /// <summary>The fraction digits .NET keeps (100 ns); RFC 3339 allows any number, and nanoseconds (9) are common.</summary>
    private const int KeptFractionDigits = 7;

    /// <summary>Reads <paramref name="value"/> as an RFC 3339 timestamp with a time zone, in UTC; digits beyond 100 ns are dropped.</summary>
    public static bool TryParse(string? value, out DateTimeOffset utc)
    {
        utc = default;
        if (value is null || Pattern().Match(value) is not { Success: true } match)
        {
            return false;
        }
        var fraction = match.Groups["fraction"];
        if (fraction.Length > KeptFractionDigits)
        {
            value = string.Concat(value.AsSpan(0, fraction.Index + KeptFractionDigits), value.AsSpan(fraction.Index + fraction.Length));
        }
        // A leap second ("23:59:60Z", at the end of a minute 59) is read as the first moment of the next minute, the
        // instant .NET and the clocks that smear it land on; a 60 anywhere else is no time.
        var leap = match.Groups["second"].ValueSpan is "60";
        if (leap)
        {
            if (match.Groups["minute"].ValueSpan is not "59")
            {
                return false;
            }
            var second = match.Groups["second"];
            value = string.Concat(value.AsSpan(0, second.Index), "59", value.AsSpan(second.Index + second.Length));
        }
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }
        utc = parsed.ToUniversalTime();
        if (leap)
        {
            utc = utc.AddTicks(TimeSpan.TicksPerSecond - utc.Ticks % TimeSpan.TicksPerSecond);
        }
        return true;
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:(?<minute>[0-9]{2}):(?<second>[0-9]{2})(\.(?<fraction>[0-9]{1,64}))?([Zz]|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
