using System.Globalization;
using System.Text.RegularExpressions;
using CxCluster.Api.Conversations;

namespace CxCluster.Api.Validation;

/// <summary>The contract's rules for single fields: ids, text, priority, attributes, channel, locale, timestamps and signals.</summary>
public static partial class FieldRules
{
    public const int MaxIdLength = GrainKeys.MaxIdLength;

    /// <summary>The longest locale taken: room for a language, script, region, a variant and an extension or two.</summary>
    public const int MaxLocaleLength = 64;
    public const int MaxTextLength = 16_000;
    public const int MaxShortTextLength = 256;
    public const int MaxAttributes = 20;
    public const int MaxAttributeKeyLength = 64;
    public const int MaxAttributeValueLength = 1_024;

    private static readonly string ChannelList = string.Join(", ", WireNames.ChannelValues);

    /// <summary>
    /// 1–128 ASCII letters, digits, '-', '_', '.' or ':' (so never the grain key separator '/'), but not <c>.</c> or
    /// <c>..</c>: a URL path cannot carry those as a segment, so what they named could never be read or erased.
    /// </summary>
    public static bool IsValidId(string? value) => GrainKeys.IsValidId(value) && !IsDotSegment(value);

    /// <summary>
    /// An id as <see cref="IsValidId"/> says, naming the field when it is not; an id never put in a URL path
    /// (<paramref name="inPaths"/> false: an event's) may also be <c>.</c> or <c>..</c>.
    /// </summary>
    public static void Id(FieldErrors errors, string field, string? value, bool inPaths = true)
    {
        if (value is null)
        {
            return;
        }
        if (value.Length == 0)
        {
            errors.Add(field, $"{field} must not be empty.");
        }
        else if (value.Length > MaxIdLength)
        {
            errors.Add(field, $"{field} must be at most {MaxIdLength} characters.");
        }
        else if (!GrainKeys.IsValidId(value))
        {
            errors.Add(field, $"{field} may only contain letters, digits, '-', '_', '.' and ':'.");
        }
        else if (inPaths && IsDotSegment(value))
        {
            errors.Add(field, $"{field} must not be '{value}', which a URL path cannot hold.");
        }
    }

    private static bool IsDotSegment(string? value) => value is "." or "..";

    /// <summary>A message text: not blank, at most 16,000 characters (Unicode scalar values).</summary>
    public static void Text(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }
        if (IsBlank(value))
        {
            errors.Add(field, $"{field} must not be empty.");
        }
        else if (IsLonger(value, MaxTextLength))
        {
            errors.Add(field, $"{field} must be at most {MaxTextLength:N0} characters.");
        }
    }

    /// <summary>
    /// Nothing a person could read: only white space and invisible format characters (a zero-width space or joiner, a
    /// byte order mark, a direction mark).
    /// </summary>
    private static bool IsBlank(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A short free text such as a reason or a display name.</summary>
    public static void ShortText(FieldErrors errors, string field, string? value, int maxLength = MaxShortTextLength)
    {
        if (value is null)
        {
            return;
        }
        if (IsBlank(value))
        {
            errors.Add(field, $"{field} must not be empty.");
        }
        else if (IsLonger(value, maxLength))
        {
            errors.Add(field, $"{field} must be at most {maxLength} characters.");
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> has more than <paramref name="max"/> characters, counted as Unicode scalar values
    /// as every length the contract gives is: an emoji is one character, as a letter is.
    /// </summary>
    public static bool IsLonger(string value, int max) => value.Length > max && Characters(value) > max;

    /// <summary>How many characters (Unicode scalar values) <paramref name="value"/> has; a lone surrogate counts as one.</summary>
    public static int Characters(string value)
    {
        var count = value.Length;
        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                count--;
                i++;
            }
        }
        return count;
    }

    /// <summary>
    /// A name shown to customers inside the cluster's own sentences ("You are now connected with {agent}"): one line of
    /// printable text, so no control character (a line break, an escape, a bell), no line or paragraph separator (U+2028,
    /// U+2029) and no mark that turns the direction of the text around it (U+061C, U+200E, U+200F, U+202A to U+202E,
    /// U+2066 to U+2069) can break or disguise the sentence.
    /// </summary>
    public static void ShownName(FieldErrors errors, string field, string? value, int maxLength)
    {
        ShortText(errors, field, value, maxLength);
        if (value is null)
        {
            return;
        }
        foreach (char c in value)
        {
            if (char.IsControl(c) || c is '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                errors.Add(field, $"{field} must be one line of printable text: it holds U+{(int)c:X4}.");
                return;
            }
        }
    }

    /// <summary>A conversation's priority: a whole number from 0 (lowest) to 9 (highest).</summary>
    public static int? Priority(FieldErrors errors, string field, long? value)
    {
        if (value is not { } priority)
        {
            return null;
        }
        if (priority is < HandoffPriority.Lowest or > HandoffPriority.Highest)
        {
            errors.Add(field, $"{field} must be a whole number from {HandoffPriority.Lowest} to {HandoffPriority.Highest}.");
            return null;
        }
        return (int)priority;
    }

    /// <summary>
    /// Up to 20 string pairs: keys of 1–64 characters without control characters, values strings of at most 1,024. A bad key is filed under the
    /// field, a bad value under <c>field.key</c>; empty, it reads as no attributes at all.
    /// </summary>
    public static Dictionary<string, string>? Attributes(FieldErrors errors, string field, JsonElement? value)
    {
        if (value is not { } element)
        {
            return null;
        }
        var pairs = element.EnumerateObject().Count();
        if (pairs > MaxAttributes)
        {
            // Nothing else is read, so a body of thousands of pairs gets one message.
            errors.Add(field, $"{field} must have at most {MaxAttributes} pairs; it has {pairs}.");
            return null;
        }
        var attributes = new Dictionary<string, string>(pairs, StringComparer.Ordinal);
        foreach (var pair in element.EnumerateObject())
        {
            if (pair.Name.Length == 0 || IsLonger(pair.Name, MaxAttributeKeyLength))
            {
                errors.Add(field, $"{field} keys must be 1 to {MaxAttributeKeyLength} characters; '{Start(pair.Name, MaxAttributeKeyLength)}' is {Characters(pair.Name)}.");
                continue;
            }
            if (IsBlank(pair.Name))
            {
                // A key of spaces alone labels nothing an agent could read.
                errors.Add(field, $"{field} keys must not be blank.");
                continue;
            }
            if (pair.Name.Any(char.IsControl))
            {
                // A key is shown to agents beside its value and kept in the journal, which refuses NUL: no C0 or C1
                // control character (U+0000–U+001F, U+007F–U+009F).
                errors.Add(field, $"{field} keys must not contain control characters.");
                continue;
            }
            var member = $"{field}.{pair.Name}";
            if (!JsonFields.TryGetText(pair.Value, out var text))
            {
                errors.Add(member, JsonFields.NotTextOr(pair.Value, member, $"{member} must be a string."));
            }
            else if (IsLonger(text, MaxAttributeValueLength))
            {
                errors.Add(member, $"{member} must be at most {MaxAttributeValueLength:N0} characters.");
            }
            else
            {
                attributes[pair.Name] = text;
            }
        }
        return attributes.Count > 0 ? attributes : null;
    }

    public static Channel? Channel(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (WireNames.TryParseChannel(value, out var channel))
        {
            return channel;
        }
        errors.Add(field, $"{field} must be one of {ChannelList}.");
        return null;
    }

    /// <summary>The first <paramref name="max"/> characters of <paramref name="value"/>, never half of one.</summary>
    private static string Start(string value, int max)
    {
        var end = 0;
        for (var kept = 0; end < value.Length && kept < max; kept++)
        {
            end += char.IsHighSurrogate(value[end]) && end + 1 < value.Length && char.IsLowSurrogate(value[end + 1]) ? 2 : 1;
        }
        return value[..end];
    }

    /// <summary>
    /// The registry's preferred code for a language whose code was replaced: "in" (as older Java and Android systems still
    /// write Indonesian) is "id", "iw" is "he", "ji" is "yi", "jw" is "jv", "mo" is "ro". An Indonesian customer sent as
    /// "in-ID" is served by the agents who speak "id".
    /// </summary>
    private static string PreferredLanguage(string language) => language switch
    {
        "in" => "id",
        "iw" => "he",
        "ji" => "yi",
        "jw" => "jv",
        "mo" => "ro",
        _ => language,
    };

    /// <summary>
    /// A BCP 47 tag (language with up to three extended language subtags, optional script, region, variants, extensions
    /// and a private-use part: <c>zh-yue-HK</c>, <c>ja-JP-u-ca-japanese</c>, <c>en-US-x-twain</c>), returned in canonical
    /// case: <c>id-ID</c>, <c>zh-Hant-TW</c>; an extension or private-use part is lower case throughout, and a replaced
    /// language code is given as its preferred one (<c>in-ID</c> as <c>id-ID</c>).
    /// </summary>
    public static string? Locale(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Length > MaxLocaleLength || !LocalePattern().IsMatch(value))
        {
            errors.Add(field, $"{field} must be a BCP 47 language tag such as 'id-ID' or 'en-US', of at most {MaxLocaleLength} characters.");
            return null;
        }
        var parts = value.Split('-');
        parts[0] = PreferredLanguage(parts[0].ToLowerInvariant());
        var extended = false;
        for (var i = 1; i < parts.Length; i++)
        {
            // After a singleton ("u", "x") come an extension's or a private use's own subtags, all lower case.
            extended |= parts[i].Length == 1;
            parts[i] = parts[i] switch
            {
                { Length: 4 } script when !extended && char.IsAsciiLetter(script[0]) =>
                    char.ToUpperInvariant(script[0]) + script[1..].ToLowerInvariant(),
                { Length: 2 } region when !extended => region.ToUpperInvariant(),
                var other => other.ToLowerInvariant(),
            };
        }
        return string.Join('-', parts);
    }

    /// <summary>
    /// An RFC 3339 timestamp with a time zone: <c>2026-11-24T10:00:00Z</c> or <c>...+07:00</c>. With
    /// <paramref name="bound"/>, the start or end of a period of facts (an evidence period, a replay's start): a time
    /// between two ticks is read as the next tick (<see cref="Rfc3339.TryParseBound"/>); otherwise digits beyond the
    /// tick are dropped.
    /// </summary>
    public static DateTimeOffset? Timestamp(FieldErrors errors, string field, string? value, bool bound = false)
    {
        if (value is null)
        {
            return null;
        }
        if (bound ? Rfc3339.TryParseBound(value, out var timestamp) : Rfc3339.TryParse(value, out timestamp))
        {
            return timestamp;
        }
        if (value.Length > 4 && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year < EarliestTimestamp.Year
            && Rfc3339.TryParse(string.Concat("2000", value.AsSpan(4)), out _))
        {
            // "0001-01-01T00:00:00+01:00" is before the first instant .NET can hold: a clock never set, as for year 1 in UTC.
            errors.Add(field, string.Create(CultureInfo.InvariantCulture,
                $"{field} must not be before {EarliestTimestamp.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}; check the platform's clock."));
            return null;
        }
        errors.Add(field, $"{field} must be an RFC 3339 timestamp such as '2026-11-24T10:00:00Z'.");
        return null;
    }

    /// <summary>The earliest timestamp a client's clock may give: anything before it is a clock that was never set.</summary>
    public static readonly DateTimeOffset EarliestTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A timestamp of the client's clock: RFC 3339, not before <see cref="EarliestTimestamp"/> (year 1, or a clock at the
    /// Unix epoch: nothing happened then) and not further ahead of the time <paramref name="what"/> was received than the
    /// clock skew allowed. <paramref name="bound"/> as for <see cref="Timestamp"/>.
    /// </summary>
    public static DateTimeOffset? ClientTimestamp(FieldErrors errors, string field, string? value, ReceivedAt received, string what, bool bound = false)
    {
        var timestamp = Timestamp(errors, field, value, bound);
        if (timestamp > received.Latest)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture,
                $"{field} must not be more than {received.FutureTolerance.TotalSeconds:0} s ahead of the time {what} was received ({received.At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}); check the platform's clock."));
            return null;
        }
        if (timestamp < EarliestTimestamp)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture,
                $"{field} must not be before {EarliestTimestamp.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}; check the platform's clock."));
            return null;
        }
        return timestamp;
    }

    public static void SignalName(FieldErrors errors, string field, string? value)
    {
        if (value is not null && !SignalNamePattern().IsMatch(value))
        {
            errors.Add(field, $"{field} must be 1–64 characters of a–z, A–Z, 0–9, '.', '_' and '-'.");
        }
    }

    /// <summary>
    /// The ranges the contract gives for the signals it names, in whatever case they are written: the trust rules count
    /// <c>CSAT</c> as <c>csat</c>. Any finite number for the others.
    /// </summary>
    public static void SignalValue(FieldErrors errors, string field, string name, double value)
    {
        var problem = name.ToLowerInvariant() switch
        {
            "sentiment" when value is < -1 or > 1 => $"{field} of a sentiment signal must be from -1 to 1.",
            "nlu.no_match" when value != 1 => $"{field} of an nlu.no_match signal must be 1.",
            "voice.silence_ms" when value is < 0 or > MaxSilenceMilliseconds => $"{field} of a voice.silence_ms signal must be from 0 to {MaxSilenceMilliseconds:N0} milliseconds (a day).",
            "voice.barge_in" when value != 1 => $"{field} of a voice.barge_in signal must be 1.",
            "csat" when value is < 1 or > 5 || value != Math.Floor(value) => $"{field} of a csat signal must be a whole number from 1 to 5.",
            _ when Math.Abs(value) > MaxSignalMagnitude => $"{field} of a signal must be from {-MaxSignalMagnitude:G} to {MaxSignalMagnitude:G}.",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(field, problem);
        }
    }

    /// <summary>The longest silence a voice.silence_ms signal may report: a day.</summary>
    public const double MaxSilenceMilliseconds = 86_400_000;

    /// <summary>
    /// The largest magnitude of any signal's value (10^15): beyond it a number no longer holds every whole value below it
    /// exactly, and no measure a platform takes of a conversation comes near it.
    /// </summary>
    public const double MaxSignalMagnitude = 1e15;

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WYZa-wyz](-[A-Za-z0-9]{2,8})+)*(-[Xx](-[A-Za-z0-9]{1,8})+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SignalNamePattern();
}
