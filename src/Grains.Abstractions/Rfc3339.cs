using System.Globalization;
using System.Text.RegularExpressions;

namespace CxCluster.Abstractions;

/// <summary>RFC 3339 timestamps as the contract takes them: a date, <c>T</c>, a time and a zone (<c>Z</c> or an offset).</summary>
public static partial class Rfc3339
{
    /// <summary>Reads <paramref name="value"/> as an RFC 3339 timestamp with a time zone, in UTC.</summary>
    public static bool TryParse(string? value, out DateTimeOffset utc)
    {
        if (value is not null && Pattern().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            utc = parsed.ToUniversalTime();
            return true;
        }
        utc = default;
        return false;
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?([Zz]|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
