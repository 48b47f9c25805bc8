namespace CxCluster.Grains.Privacy;

/// <summary>Credentials in a link a customer pastes: a reset token, an access token, a key, a session or a signature in its query.</summary>
public static partial class Redactor
{
    /// <summary>Placeholder for a credential in a link's query or fragment ("?token=…", "#access_token=…", "&amp;sig=…").</summary>
    public const string TokenPlaceholder = "[token]";

    /// <summary>The names of a link's parameters whose value is a credential, compared without regard to case.</summary>
    private static readonly string[] CredentialParameters =
    [
        "token", "access_token", "accesstoken", "refresh_token", "id_token", "reset_token", "auth", "auth_token", "authtoken",
        "authorization", "api_key", "apikey", "api-key", "key", "secret", "client_secret", "pass", "session", "sessionid",
        "session_id", "sid", "sig", "signature", "otp", "code", "jwt", "ticket", "magic", "login_token",
    ];

    /// <summary>The endings of a parameter's name that make it a credential whatever comes before ("X-Amz-Signature", "csrf_token", "private_key").</summary>
    private static readonly string[] CredentialEndings = ["token", "signature", "secret", "_key", "-key", "apikey"];

    /// <summary>Whether a link's parameter of this name holds a credential.</summary>
    private static bool IsCredentialName(ReadOnlySpan<char> name)
    {
        if (IsOneOf(name, CredentialParameters))
        {
            return true;
        }

        foreach (string ending in CredentialEndings)
        {
            if (name.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A value shorter than this is no credential ("?key=a").</summary>
    private const int MinCredentialLength = 4;

    /// <summary>
    /// The values of a link's credential parameters: "https://shop.example/reset?token=9f8e7d6c", "…/cb#access_token=eyJ…",
    /// "?user=7&amp;sig=ab12cd34". A parameter counts only inside a query or fragment (its name right after '?', '&amp;', ';'
    /// or '#'), so "token = coin" in a sentence stays; the value runs to the next '&amp;', '#', space or quotation mark.
    /// A password parameter ("?password=…") is a password's word, read by <see cref="FindSecrets"/>.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindLinkCredentials(string text)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        int from = 0;
        while (from < text.Length)
        {
            int equals = text.IndexOf('=', from);
            if (equals < 0)
            {
                break;
            }

            from = equals + 1;
            int name = equals;
            while (name > 0 && (char.IsAsciiLetterOrDigit(text[name - 1]) || text[name - 1] is '_' or '-'))
            {
                name--;
            }

            if (name == equals || name == 0 || text[name - 1] is not ('?' or '&' or ';' or '#')
                || !IsCredentialName(text.AsSpan(name, equals - name)))
            {
                continue;
            }

            int end = from;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('&' or '#' or '"' or '\'' or '<' or '>'))
            {
                end++;
            }

            // A full stop, comma or bracket closing the sentence is not part of the value.
            while (end > from && text[end - 1] is '.' or ',' or ';' or ')' or ']')
            {
                end--;
            }

            if (end - from >= MinCredentialLength)
            {
                (found ??= []).Add((from, end, TokenPlaceholder));
                from = end;
            }
        }

        return found;
    }
}
