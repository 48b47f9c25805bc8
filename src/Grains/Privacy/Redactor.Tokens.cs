using System.Buffers;

namespace CxCluster.Grains.Privacy;

/// <summary>
/// Access tokens and keys pasted into a message: a JSON web token anywhere ("eyJhbGciOi….eyJzdWIi….SflKxw…"), a key
/// with a provider's known prefix anywhere ("sk_live_…", "ghp_…", "AKIA…"), and a long token after the words that name
/// one ("API key:", "token", "bearer", "secret key", "access key").
/// </summary>
public static partial class Redactor
{
    /// <summary>The fewest characters of a token its words name ("API key: …").</summary>
    private const int MinNamedTokenLength = 16;

    /// <summary>The fewest characters of a text that may hold a token.</summary>
    private const int MinTokenTextLength = 16;

    /// <summary>Prefixes of providers' keys, which make a run of letters and digits a key without a word before it.</summary>
    private static readonly string[] KeyPrefixes =
    [
        "sk_live_", "sk_test_", "rk_live_", "rk_test_", "pk_live_", "whsec_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
        "glpat-", "xoxb-", "xoxp-", "xoxa-", "xapp-", "AKIA", "ASIA", "AIza", "sk-proj-", "sk-ant-",
    ];

    /// <summary>Words that name a token or a key, after which a long run of letters and digits is one.</summary>
    private static readonly string[] TokenWords =
    [
        "api key", "api-key", "api_key", "apikey", "token", "bearer", "secret key", "secret_key", "access key", "access_key",
        "private key", "client secret", "client_secret",
    ];

    /// <summary>Everything <see cref="FindTokens"/> looks for, in one search whatever the case.</summary>
    private static readonly SearchValues<string> TokenMarks = SearchValues.Create(["eyJ", .. KeyPrefixes, .. TokenWords], StringComparison.OrdinalIgnoreCase);

    /// <summary>Words that may stand between a token's words and the token ("my API key is …", "bearer token: …").</summary>
    private static readonly string[] TokenBetween = ["is", "was", "my", "the", "here", "this", "it", "token", "key", "saya", "nya", "adalah", "ini", "baru", "new", "our", "your"];

    /// <summary>The tokens of the text (see the type's remarks); null when it holds none. Only a text with a digit, long enough to hold one, is searched.</summary>
    private static List<(int Start, int End, string Placeholder)>? FindTokens(string text)
    {
        // Every token is a long word with a digit in it: a text without one (nearly every text) is passed over in a few
        // vectorised searches for the spaces between its words.
        if (!HasLongWordWithDigit(text))
        {
            return null;
        }

        List<(int Start, int End, string Placeholder)>? found = null;
        int i = 0;
        // A run read once is not read again from a later mark inside it (each would end where it ends): the search stays
        // linear however many marks one long run holds.
        int runEnd = -1;
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOfAny(TokenMarks);
            if (hit < 0)
            {
                break;
            }

            int start = i + hit;
            i = start + 1;
            if (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]))
            {
                continue;
            }

            int end = start < runEnd ? runEnd : TokenEnd(text, start);
            runEnd = end;
            ReadOnlySpan<char> run = text.AsSpan(start, end - start);
            if ((run.StartsWith("eyJ", StringComparison.Ordinal) && IsJwt(run)) || IsPrefixedKey(run))
            {
                (found ??= []).Add((start, end, TokenPlaceholder));
                i = end;
                continue;
            }

            foreach (string word in TokenWords)
            {
                if (text.AsSpan(start).StartsWith(word, StringComparison.OrdinalIgnoreCase)
                    && (start + word.Length == text.Length || !char.IsAsciiLetterOrDigit(text[start + word.Length]))
                    && NamedToken(text, start + word.Length) is (int from, int to) && to > from)
                {
                    (found ??= []).Add((from, to, TokenPlaceholder));
                    i = to;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Whether some word of the text (between spaces or line breaks) has <see cref="MinNamedTokenLength"/> characters or more and a digit.</summary>
    private static bool HasLongWordWithDigit(string text)
    {
        ReadOnlySpan<char> rest = text;
        while (rest.Length >= MinNamedTokenLength)
        {
            int space = rest.IndexOfAny(WordBreaks);
            ReadOnlySpan<char> word = space < 0 ? rest : rest[..space];
            if (word.Length >= MinNamedTokenLength && word.IndexOfAnyInRange('0', '9') >= 0)
            {
                return true;
            }

            if (space < 0)
            {
                break;
            }

            rest = rest[(space + 1)..];
        }

        return false;
    }

    private static readonly SearchValues<char> WordBreaks = SearchValues.Create(" \n\r\t");

    /// <summary>Where the run of a token's characters (letters, digits, '_', '-', '.', '/', '+', '=', '~') at <paramref name="k"/> ends, a closing full stop or comma left out.</summary>
    private static int TokenEnd(string text, int k)
    {
        int end = k;
        // No token is longer: a run of many marks is read a bounded length from each.
        int limit = Math.Min(text.Length, k + MaxTokenLength);
        while (end < limit && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-' or '.' or '/' or '+' or '=' or '~'))
        {
            end++;
        }

        while (end > k && text[end - 1] is '.' or ',' or '-' or '/')
        {
            end--;
        }

        return end;
    }

    /// <summary>A JSON web token: three base64url parts joined by dots, the first two JSON ("eyJ"), each long enough to hold something.</summary>
    private static bool IsJwt(ReadOnlySpan<char> run)
    {
        int first = run.IndexOf('.');
        if (first < 10)
        {
            return false;
        }

        ReadOnlySpan<char> rest = run[(first + 1)..];
        int second = rest.IndexOf('.');
        return second >= 4 && rest[(second + 1)..].IndexOfAnyExcept(Base64Url) < 0 && run[..first].IndexOfAnyExcept(Base64Url) < 0
            && rest[..second].IndexOfAnyExcept(Base64Url) < 0;
    }

    private static readonly SearchValues<char> Base64Url = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=");

    /// <summary>A provider's key: its prefix (in its own case) and 16 or more letters and digits after it.</summary>
    private static bool IsPrefixedKey(ReadOnlySpan<char> run)
    {
        foreach (string prefix in KeyPrefixes)
        {
            if (run.StartsWith(prefix, StringComparison.Ordinal))
            {
                ReadOnlySpan<char> body = run[prefix.Length..];
                if (body.Length > MaxKeyLength)
                {
                    return false;
                }

                bool upperOnly = prefix is "AKIA" or "ASIA";
                return body.Length >= 16 && (!upperOnly || body.IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") < 0) && HasDigitAndLetter(body);
            }
        }

        return false;
    }

    /// <summary>The longest run of a token's characters read as one.</summary>
    private const int MaxTokenLength = 4096;

    /// <summary>The longest provider key read after its prefix: a longer run is some other text, and is not scanned.</summary>
    private const int MaxKeyLength = 256;

    private static bool HasDigitAndLetter(ReadOnlySpan<char> run) =>
        run.IndexOfAnyInRange('0', '9') >= 0 && (run.IndexOfAnyInRange('a', 'z') >= 0 || run.IndexOfAnyInRange('A', 'Z') >= 0);

    /// <summary>
    /// The token after its words at <paramref name="k"/>, past ':', '=', quotation marks and up to three words such as
    /// "is" or "my": a run of <see cref="MinNamedTokenLength"/> or more characters with a letter and a digit in it.
    /// </summary>
    private static (int From, int To) NamedToken(string text, int k)
    {
        for (int words = 0; words <= 3; words++)
        {
            int skipped = 0;
            while (k < text.Length && skipped < 4 && text[k] is ' ' or ':' or '=' or '"' or '\'' or '`' or '\n')
            {
                k++;
                skipped++;
            }

            int end = TokenEnd(text, k);
            if (end == k)
            {
                return default;
            }

            ReadOnlySpan<char> run = text.AsSpan(k, end - k);
            if (run.Length >= MinNamedTokenLength && HasDigitAndLetter(run))
            {
                return (k, end);
            }

            if (!IsOneOf(run, TokenBetween))
            {
                return default;
            }

            k = end;
        }

        return default;
    }
}
