using Microsoft.AspNetCore.Http.Features;

namespace CxCluster.Api.Http;

/// <summary>
/// An id of <c>.</c> or <c>..</c> in a path (written plainly or as <c>%2E</c>) is refused with a 400 naming the id's
/// field. The server resolves such a segment before routing ("/v1/conversations/.." reads as "/v1"), so without this
/// the caller would hear of some other path (404 or 405) instead of what is wrong with theirs. So is an empty id with
/// more of the path after it ("/v1/conversations//events"), which no route matches.
/// </summary>
public static class DotSegments
{
    /// <summary>The field each collection's ids fill, by the segment before the id.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["conversations"] = "conversationId",
        ["agents"] = "agentId",
        ["offers"] = "offerId",
        ["webhooks"] = "webhookId",
    };

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return raw is not null && DotSegmentField(raw) is { } field
            ? Problems.Invalid(Errors(field), "The path has an invalid id; see errors.").ExecuteAsync(context)
            : next(context);
    }

    /// <summary>
    /// The field of the first <c>.</c> or <c>..</c> segment of the path of <paramref name="rawTarget"/> under <c>/v1</c>,
    /// or of its first empty segment after a collection's name with more of the path after it; null if there is none.
    /// </summary>
    public static string? DotSegmentField(string rawTarget)
    {
        var query = rawTarget.IndexOfAny(['?', '#']);
        var path = query < 0 ? rawTarget.AsSpan() : rawTarget.AsSpan(0, query);
        // Every request under /v1 passes here: one without a dot or an escape in its path costs one scan, nothing more.
        if (!path.StartsWith("/v1/", StringComparison.Ordinal) || (path.IndexOfAny('.', '%') < 0 && !path.Contains("//", StringComparison.Ordinal)))
        {
            return null;
        }

        var segments = path[1..];
        Range? previous = null;
        foreach (var range in segments.Split('/'))
        {
            if (IsDot(segments[range]))
            {
                return previous is { } before && Fields.TryGetValue(segments[before].ToString(), out var field) ? field : "id";
            }
            // "/v1/webhooks/" is the list with a closing slash; "/v1/webhooks//failures" lacks the id.
            if (range.Start.Value == range.End.Value && range.End.Value < segments.Length
                && previous is { } collection && Fields.TryGetValue(segments[collection].ToString(), out var emptyField))
            {
                return emptyField;
            }
            previous = range;
        }
        return null;
    }

    /// <summary>"." or "..", each dot written plainly or percent-encoded ("%2E", "%2e").</summary>
    private static bool IsDot(ReadOnlySpan<char> segment)
    {
        var dots = 0;
        while (!segment.IsEmpty)
        {
            if (segment[0] == '.')
            {
                segment = segment[1..];
            }
            else if (segment.Length >= 3 && segment[0] == '%' && segment[1] == '2' && segment[2] is 'E' or 'e')
            {
                segment = segment[3..];
            }
            else
            {
                return false;
            }
            dots++;
        }
        return dots is 1 or 2;
    }

    private static FieldErrors Errors(string field)
    {
        var errors = new FieldErrors();
        errors.Add(field, $"{field} must be 1 to 128 characters and not '.' or '..', which a URL path cannot hold.");
        return errors;
    }
}
