namespace CxCluster.Api.Http;

/// <summary>
/// The <c>return</c> preference of RFC 7240: <c>Prefer: return=minimal</c> asks for the conversation's summary instead
/// of its full snapshot. Several <c>Prefer</c> headers and comma-separated preferences are read in order; the first
/// <c>return</c> counts, names and values are case-insensitive, a value may be quoted, and parameters after <c>;</c>
/// are ignored. An unknown value leaves the full answer.
/// </summary>
public static class ReturnPreference
{
    private const string Header = "Prefer";
    private const string AppliedHeader = "Preference-Applied";

    /// <summary>The answer shape the request prefers.</summary>
    public static AnswerShape Read(HttpRequest request)
    {
        foreach (var header in request.Headers[Header])
        {
            // Read in place: a platform may send this header with every event.
            var rest = (header ?? "").AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var preference = comma < 0 ? rest : rest[..comma];
                rest = comma < 0 ? default : rest[(comma + 1)..];
                var semicolon = preference.IndexOf(';');
                var token = semicolon < 0 ? preference : preference[..semicolon];
                var equals = token.IndexOf('=');
                var name = (equals < 0 ? token : token[..equals]).Trim();
                if (!name.Equals("return", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var value = equals < 0 ? default : token[(equals + 1)..].Trim().Trim('"');
                return value.Equals("minimal", StringComparison.OrdinalIgnoreCase) ? AnswerShape.Summary : AnswerShape.Full;
            }
        }
        return AnswerShape.Full;
    }

    /// <summary>Says which preference the answer honoured; caches learn that the answer depends on <c>Prefer</c>.</summary>
    public static void Apply(HttpResponse response, AnswerShape shape)
    {
        response.Headers.Append("Vary", Header);
        if (shape == AnswerShape.Summary)
        {
            response.Headers[AppliedHeader] = "return=minimal";
        }
    }
}
