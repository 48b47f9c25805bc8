using CxCluster.Abstractions.Push;
using CxCluster.Abstractions.Webhooks;
using CxCluster.Api.Conversations;

namespace CxCluster.Api.Webhooks;

/// <summary>Reads webhook bodies, naming every field of the wrong shape; the cluster decides which receivers and secrets it takes.</summary>
public static class WebhookRequestReader
{
    public const int MaxUrlLength = 2_048;
    public const int MaxTypes = 64;

    public static WebhookSpec? ReadSpec(JsonElement root, FieldErrors errors)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }
        OnlyFields(root, errors, SpecFields);
        var fields = new JsonFields(root, errors);
        var url = fields.String("url", required: true);
        if (url is { Length: > MaxUrlLength })
        {
            errors.Add("url", $"url must be at most {MaxUrlLength:N0} characters.");
        }
        else if (url is { Length: > 0 } && (char.IsWhiteSpace(url[0]) || char.IsWhiteSpace(url[^1])))
        {
            // The URL would be kept and shown as sent, spaces and all.
            errors.Add("url", "url must not start or end with spaces.");
        }
        else if (url is not null && url.Any(char.IsControl))
        {
            // The URL would be kept and shown with them, and sent to with them escaped: not what was meant.
            errors.Add("url", "url must not hold control characters (a line break, a tab, ...).");
        }
        else if (url is not null && url.Any(c => char.IsWhiteSpace(c) || c is '"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}'))
        {
            // Not a URI as written (RFC 3986): it would be kept as sent and called at its escaped form, another address.
            errors.Add("url", "url must not hold spaces or the characters \" < > \\ ^ ` { | } unescaped: percent-encode them.");
        }
        else if (url is not null && url.Any(c => c > '\u007e'))
        {
            // Sent percent-encoded (a host in punycode): another address than the one kept and shown.
            errors.Add("url", "url must be written in ASCII: percent-encode other characters in its path and query (\"%C3%A9\" for 'é') and write an international host name in its xn-- form.");
        }
        else if (url is not null && url.Contains('#'))
        {
            // A fragment is never sent: the receiver would be called at another URL than the one shown.
            errors.Add("url", "url must not hold a fragment ('#...'): it is never sent to the receiver.");
        }
        else if (url is not null && HasBadEscape(url))
        {
            // Sent with the '%' escaped as "%25": another address than the one kept and shown.
            errors.Add("url", "url must write '%' only as the start of an escape of two hex digits (\"%2F\"); a lone '%' is \"%25\".");
        }
        else if (url is not null && HasDotSegment(url))
        {
            // "https://example.com/a/../b" is called at "/b": not the address kept and shown.
            errors.Add("url", "url must not hold '.' or '..' path segments: write the path they lead to.");
        }
        else if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            if (uri.Port == 0)
            {
                errors.Add("url", "url must name a port from 1 to 65535, or none.");
            }
            else if (Authority(url).Contains('@'))
            {
                // Even an empty user name ("https://@host/") is one; the cluster refuses those that are not empty.
                errors.Add("url", "url must not hold a user name or password.");
            }
        }
        var types = ReadTypes(fields.Array("types", required: false), errors);
        // Whether the receiver may be sent to and whether the secret is well formed, the cluster decides.
        var secret = fields.String("secret", required: false);
        return errors.Any ? null : new WebhookSpec { Url = url!, Types = types, Secret = secret };
    }

    /// <summary>
    /// The replay, whose <see cref="WebhookReplayJson.From"/> is null for "the given-up facts"; null when
    /// <paramref name="errors"/> got a message. A start before any fact could have been recorded, or ahead of the time
    /// received, is a clock gone wrong. The replay sends the facts at or after its start, as an evidence period begins,
    /// so a start between two ticks is read as the next tick.
    /// </summary>
    public static WebhookReplayJson? ReadReplay(JsonElement root, ReceivedAt received, FieldErrors errors)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }
        OnlyFields(root, errors, ReplayFields);
        var from = FieldRules.ClientTimestamp(
            errors, "from", new JsonFields(root, errors).String("from", required: false), received, "the request", bound: true);
        return errors.Any ? null : new WebhookReplayJson(from);
    }

    private static readonly string[] SpecFields = ["url", "types", "secret"];
    private static readonly string[] ReplayFields = ["from"];

    /// <summary>
    /// A field an endpoint's body does not have is named, not ignored: a misspelt <c>"form"</c> in a replay would
    /// otherwise replay the given-up facts instead of everything since, and a <c>"status"</c> would seem to disable an
    /// endpoint it leaves active.
    /// </summary>
    private static void OnlyFields(JsonElement root, FieldErrors errors, string[] known)
    {
        foreach (var property in root.EnumerateObject())
        {
            string field;
            try
            {
                field = property.Name;
            }
            catch (InvalidOperationException)
            {
                errors.Add("body", "the body's field names must be valid Unicode text.");
                continue;
            }
            if (Array.IndexOf(known, field) < 0)
            {
                var name = field.Length <= 64 ? field : field[..64];
                errors.Add(name.Length == 0 ? "body" : name, $"'{name}' is not a field of this body: it takes {string.Join(", ", known.Select(k => $"'{k}'"))}.");
            }
        }
    }

    private static List<string>? ReadTypes(JsonElement? array, FieldErrors errors)
    {
        if (array is not { } items)
        {
            return null;
        }
        if (items.GetArrayLength() is < 1 or > MaxTypes)
        {
            errors.Add("types", $"types must hold 1 to {MaxTypes} fact types (leave it out for every type).");
            return null;
        }
        var types = new List<string>();
        foreach (var item in items.EnumerateArray())
        {
            if (!JsonFields.TryGetText(item, out var type))
            {
                errors.Add("types", JsonFields.NotTextOr(item, "types", "types must hold strings."));
            }
            else if (!FactTypes.IsKnown(type))
            {
                errors.Add("types", $"types holds '{(type.Length <= 40 ? type : type[..40] + "…")}', which is no fact type.");
            }
            else
            {
                // Repeats are dropped by the registry, which keeps the first of each.
                types.Add(type);
            }
        }
        return types;
    }

    /// <summary>A '%' that two hex digits do not follow: "%zz", "50%", "%2".</summary>
    private static bool HasBadEscape(string url)
    {
        for (var i = url.IndexOf('%'); i >= 0; i = url.IndexOf('%', i + 1))
        {
            if (i + 2 >= url.Length || !char.IsAsciiHexDigit(url[i + 1]) || !char.IsAsciiHexDigit(url[i + 2]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A path segment "." or ".." (also written "%2e"), which the address is resolved through before it is called.</summary>
    private static bool HasDotSegment(string url)
    {
        var start = url.IndexOf("//", StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }
        var rest = url.AsSpan(start + 2);
        var pathStart = rest.IndexOfAny('/', '?', '#');
        if (pathStart < 0 || rest[pathStart] != '/')
        {
            return false;
        }
        var path = rest[pathStart..];
        var pathEnd = path.IndexOfAny('?', '#');
        if (pathEnd >= 0)
        {
            path = path[..pathEnd];
        }
        foreach (var range in path.Split('/'))
        {
            var segment = path[range].ToString().Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
            if (segment is "." or "..")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The part of an absolute URL between <c>//</c> and the path, query or fragment that follows it.</summary>
    private static ReadOnlySpan<char> Authority(string url)
    {
        var start = url.IndexOf("//", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }
        var authority = url.AsSpan(start + 2);
        var end = authority.IndexOfAny('/', '?', '#');
        return end < 0 ? authority : authority[..end];
    }

    private static bool IsObject(JsonElement root, FieldErrors errors)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return JsonKeys.Check(root, errors);
        }
        errors.Add(RequestBody.Field, $"{RequestBody.Field} must be a JSON object.");
        return false;
    }
}
