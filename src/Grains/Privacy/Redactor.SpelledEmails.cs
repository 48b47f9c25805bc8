using System.Buffers;

namespace CxCluster.Grains.Privacy;

/// <summary>E-mail addresses written out to dodge filters: "budi (at) gmail (dot) com", "budi at gmail dot com".</summary>
public static partial class Redactor
{
    /// <summary>What an address written out with a word for '@' turns on: "at" or "et" (any case) between spaces or after a bracket.</summary>
    private static readonly SearchValues<string> AtWords = SearchValues.Create(
        [" at ", " et ", "(at", "[at", "{at", "<at", "( at", "[ at", "{ at", "< at", "(et", "[et"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Top-level domains an address written with plain words ("budi at gmail dot com") may end in.</summary>
    private static readonly string[] KnownTopLevelDomains =
    [
        "com", "net", "org", "id", "co", "io", "me", "info", "biz", "edu", "gov", "ac", "sch", "or", "go", "web", "my",
        "sg", "uk", "au", "us", "ca", "de", "nl", "fr", "jp", "cn", "in", "ph", "th", "vn", "hk", "tw", "kr", "app", "dev",
    ];

    /// <summary>Mail providers whose name as the first label of a domain makes a written-out address plain.</summary>
    private static readonly string[] KnownMailProviders =
    [
        "gmail", "googlemail", "yahoo", "ymail", "rocketmail", "hotmail", "outlook", "live", "msn", "icloud", "aol",
        "proton", "protonmail", "gmx", "zoho", "yandex", "mail",
    ];

    /// <summary>Words before a plain "at" that are no one's address: "meet me at", "find us at", "look at".</summary>
    private static readonly string[] NotLocalParts =
    [
        "me", "us", "it", "him", "her", "them", "you", "we", "i", "they", "am", "is", "are", "was", "were", "be", "been", "look",
        "looking", "here", "there", "this", "that", "what", "where", "available", "online", "stay", "meet", "see", "saya",
        "kami", "kita", "dia", "aku", "ada", "email", "mail", "e-mail", "write", "reach", "contact",
    ];

    /// <summary>
    /// The e-mail addresses already found (<paramref name="emails"/>), with the ones written out merged in, in order: with
    /// <paramref name="atSign"/>, those around an '@' with spaces about it ("budi @ gmail . com") or a domain whose dots
    /// are written out ("budi@gmail dot com"); without, those with "at" in brackets ("budi(at)gmail.com", "budi [at] yahoo
    /// [dot] co [dot] id") or the plain words "at"/"et" and "dot"/"titik". An address that says "at" in plain words must be clearly one: its
    /// domain a known mail provider ("budi at gmail.com"), or its dots written as words and its last label a known
    /// top-level domain ("budi at kantor dot co dot id"); the word before it no pronoun or verb ("meet me at ...").
    /// </summary>
    private static List<(int Start, int End)>? FindSpelledEmails(string text, List<(int Start, int End)>? emails, bool atSign)
    {
        List<(int Start, int End)>? found = null;
        int nextEmail = 0;
        int floor = 0;
        int i = 0;
        while (i < text.Length)
        {
            int hit = atSign ? text.AsSpan(i).IndexOf('@') : text.AsSpan(i).IndexOfAny(AtWords);
            if (hit < 0)
            {
                break;
            }

            i += hit;
            if (!atSign)
            {
                while ((text[i] | 0x20) is not ('a' or 'e'))
                {
                    i++;
                }

                i++; // the t of "at"
            }

            while (emails is not null && nextEmail < emails.Count && emails[nextEmail].End <= i)
            {
                floor = Math.Max(floor, emails[nextEmail].End);
                nextEmail++;
            }

            if (emails is not null && nextEmail < emails.Count && emails[nextEmail].Start <= i)
            {
                i = emails[nextEmail].End;
                continue;
            }

            int limit = emails is not null && nextEmail < emails.Count ? emails[nextEmail].Start : text.Length;
            if (AtMarker(text, i, out int markStart, out int markEnd, out bool plain)
                && SpelledEmail(text, markStart, markEnd, plain, floor, limit, out int start, out int end))
            {
                (found ??= []).Add((start, end));
                floor = end;
                i = end;
                continue;
            }

            i++;
        }

        if (found is null)
        {
            return emails;
        }

        if (emails is null)
        {
            return found;
        }

        List<(int Start, int End)> merged = new(emails.Count + found.Count);
        int a = 0;
        int b = 0;
        while (a < emails.Count || b < found.Count)
        {
            merged.Add(b >= found.Count || (a < emails.Count && emails[a].Start < found[b].Start) ? emails[a++] : found[b++]);
        }

        return merged;
    }

    /// <summary>
    /// Whether text[i] ('@' or the t of "at"/"et") stands for '@': '@' itself (one <see cref="FindEmails"/> did not take),
    /// "at" in brackets, perhaps with spaces inside ("(at)", "[ at ]"), or "at"/"et" as a word between spaces, which is
    /// <paramref name="plain"/>. The marker's first character and the one after it.
    /// </summary>
    private static bool AtMarker(string text, int i, out int start, out int end, out bool plain)
    {
        start = end = i;
        plain = false;
        if (text[i] == '@')
        {
            // "budi(@)gmail.com", "budi [@] gmail.com": the sign in brackets; "budi@@gmail.com": doubled.
            int opening = SkipSpaces(text, i - 1, -1);
            int closing = SkipSpaces(text, i + 1, 1);
            if (opening >= 0 && closing < text.Length && Closes(text[opening], text[closing]))
            {
                start = opening;
                end = closing + 1;
                return true;
            }

            end = i + 1;
            while (end < text.Length && end - i < 3 && text[end] == '@')
            {
                end++;
            }

            return true;
        }

        if (i < 1 || (text[i - 1] | 0x20) is not ('a' or 'e') || (i >= 2 && char.IsLetterOrDigit(text[i - 2]))
            || (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
        {
            return false;
        }

        int open = SkipSpaces(text, i - 2, -1);
        int close = SkipSpaces(text, i + 1, 1);
        if (open >= 0 && close < text.Length && Closes(text[open], text[close]))
        {
            start = open;
            end = close + 1;
            return true;
        }

        if (i >= 2 && i + 1 < text.Length && text[i - 2] == ' ' && text[i + 1] == ' ')
        {
            start = i - 1;
            end = i + 1;
            plain = true;
            return true;
        }

        return false;
    }

    /// <summary>From <paramref name="k"/> in <paramref name="step"/>'s direction, past at most two spaces: where the first other character is.</summary>
    private static int SkipSpaces(string text, int k, int step)
    {
        for (int n = 0; n < 2 && k >= 0 && k < text.Length && text[k] == ' '; n++)
        {
            k += step;
        }

        return k;
    }

    private static bool Closes(char open, char close) =>
        (open, close) is ('(', ')') or ('[', ']') or ('{', '}') or ('<', '>');

    /// <summary>
    /// The address around the '@' marker text[markStart..markEnd]: the local part before it (past at most two spaces,
    /// not before <paramref name="floor"/>) and the domain after it, labels joined by dots written in any of the ways
    /// <see cref="DotAfter"/> reads, not into <paramref name="limit"/>.
    /// </summary>
    private static bool SpelledEmail(string text, int markStart, int markEnd, bool plain, int floor, int limit, out int start, out int end)
    {
        start = end = 0;
        int localEnd = SkipSpaces(text, markStart - 1, -1) + 1;
        int localStart = localEnd;
        while (localStart > floor && IsLocalChar(text[localStart - 1]) && !IsUnspacedScript(text[localStart - 1]))
        {
            localStart--;
        }

        while (localStart < localEnd && text[localStart] == '.')
        {
            localStart++;
        }

        if (localStart < localEnd)
        {
            localStart = SpelledLocalStart(text, localStart, floor);
        }

        if (localStart >= localEnd || text[localEnd - 1] == '.'
            || (localStart > 0 && text[localStart - 1] is not (' ' or '\u00A0' or '\t' or '\n' or '(' or '<' or '[' or ':' or '"' or ',')))
        {
            return false;
        }

        int p = SkipSpaces(text, markEnd, 1);
        int labels = 0;
        int firstStart = p;
        int firstEnd = p;
        int lastStart = p;
        int lastEnd = p;
        bool spelledDot = false;
        bool comma = false;
        while (labels < 6)
        {
            int q = p;
            while (q < limit && (char.IsLetterOrDigit(text[q]) || text[q] == '-') && !IsUnspacedScript(text[q]))
            {
                q++;
            }

            if (q == p || text[p] == '-' || text[q - 1] == '-')
            {
                break;
            }

            if (labels == 0)
            {
                firstStart = p;
                firstEnd = q;
            }

            labels++;
            lastStart = p;
            lastEnd = q;
            int next = DotAfter(text, q, limit, out bool written);
            if (next < 0)
            {
                break;
            }

            spelledDot |= written;
            comma |= text.AsSpan(q, next - q).Contains(',');
            p = next;
        }

        // "my email is budi at gmail": a known provider's name alone, with no top-level domain, is a domain only where a
        // word for e-mail comes just before the address ("I work at yahoo" stays).
        bool providerAlone = labels == 1 && plain && IsOneOf(text.AsSpan(firstStart, firstEnd - firstStart), KnownMailProviders)
            && EmailWordBefore(text, localStart);
        if ((labels < 2 && !providerAlone) || lastEnd - lastStart < 2)
        {
            return false;
        }

        ReadOnlySpan<char> tld = text.AsSpan(lastStart, lastEnd - lastStart);
        foreach (char c in tld)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        bool provider = IsOneOf(text.AsSpan(firstStart, firstEnd - firstStart), KnownMailProviders);
        bool knownTld = IsOneOf(tld, KnownTopLevelDomains);
        // "my instagram @rina.cantik": an '@' apart from the word before it but glued to what follows is a handle unless a
        // mail domain follows ("budi @gmail.com").
        bool handleShaped = text[markStart] == '@' && localEnd < markStart && firstStart == markEnd;
        bool clear = plain ? provider || (spelledDot && knownTld) : handleShaped ? provider || knownTld : !spelledDot || provider || knownTld;
        // "hubungi @tokopedia,id": a comma for a dot makes an address only with its local part glued to the '@' ("budi@gmail,com");
        // a word apart from the sign is the sentence's, and what follows the sign a handle.
        // "budi @ gmail,com": with spaces on both sides of the sign, nothing reads as a handle; a mail provider's name makes it an address.
        // "I shop at tokopedia,com": a word "at" before a comma for a dot makes one only at a mail provider or after a word for
        // e-mail ("my email is budi at kantor,co,id").
        bool gluedToTheSign = localEnd == markStart || text[markStart] != '@';
        ReadOnlySpan<char> local = text.AsSpan(localStart, localEnd - localStart);
        bool spacedSign = text[markStart] == '@' && localEnd < markStart && firstStart > markEnd && provider && !IsOneOf(local, NotLocalParts);
        if (!clear || (comma && ((!gluedToTheSign && !spacedSign) || (plain && !provider && !EmailWordBefore(text, localStart)))) || (plain && (local.Length < 2 || IsOneOf(local, NotLocalParts))))
        {
            return false;
        }

        start = localStart;
        end = lastEnd;
        return true;
    }

    /// <summary>The words for an e-mail address that may announce one ("my email is", "e-mail:", "surel saya").</summary>
    private static readonly string[] EmailWords = ["email", "mail", "emailnya", "emailku", "imel", "surel", "gmail"];

    /// <summary>A word for e-mail among the three words before <paramref name="localStart"/> ("email is budi at gmail", "e-mail saya: budi at yahoo").</summary>
    private static bool EmailWordBefore(string text, int localStart)
    {
        int k = localStart;
        for (int words = 0; words < 3; words++)
        {
            ReadOnlySpan<char> word = WordBefore(text, ref k, Math.Max(0, localStart - 40));
            if (word.IsEmpty)
            {
                return false;
            }

            if (IsOneOf(word, EmailWords))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a local part with its dots written out begins ("jane dot doe at ...", "jane (dot) doe", "jane(dot)doe", "budi
    /// titik santoso"): up to three more words before <paramref name="localStart"/>, each joined by "dot" or "titik" (in
    /// brackets or between spaces); not before <paramref name="floor"/>.
    /// </summary>
    private static int SpelledLocalStart(string text, int localStart, int floor)
    {
        for (int words = 0; words < 3; words++)
        {
            int k = SkipSpaces(text, localStart - 1, -1) + 1;
            bool bracketed = k > floor && text[k - 1] is ')' or ']' or '}' or '>';
            char close = bracketed ? text[k - 1] : ' ';
            if (!bracketed && k == localStart)
            {
                return localStart; // glued to what is before it
            }

            int wordEnd = bracketed ? SkipSpaces(text, k - 2, -1) + 1 : k;
            int wordStart = wordEnd;
            while (wordStart > floor && char.IsAsciiLetter(text[wordStart - 1]))
            {
                wordStart--;
            }

            ReadOnlySpan<char> dot = text.AsSpan(wordStart, wordEnd - wordStart);
            if (!(dot.Equals("dot", StringComparison.OrdinalIgnoreCase) || dot.Equals("titik", StringComparison.OrdinalIgnoreCase)))
            {
                return localStart;
            }

            k = wordStart;
            if (bracketed)
            {
                k = SkipSpaces(text, k - 1, -1) + 1;
                if (k <= floor || !Closes(text[k - 1], close))
                {
                    return localStart;
                }

                k--;
            }

            int before = SkipSpaces(text, k - 1, -1) + 1;
            if (!bracketed && before == k)
            {
                return localStart; // "xdot doe": no word of its own
            }

            int start = before;
            while (start > floor && IsLocalChar(text[start - 1]) && !IsUnspacedScript(text[start - 1]))
            {
                start--;
            }

            if (start == before)
            {
                return localStart;
            }

            localStart = start;
        }

        return localStart;
    }

    /// <summary>
    /// After a domain label at <paramref name="k"/>: a dot, glued ("gmail.com"), between spaces ("gmail . com") or with a
    /// space on one side only before a known top-level domain in small letters ("gmail .com", "gmail. com"), or "dot" or
    /// "titik" in brackets ("(dot)", "[titik]") or as a word between spaces; where the next label starts, or -1.
    /// <paramref name="written"/> tells a dot written other than glued.
    /// </summary>
    private static int DotAfter(string text, int k, int limit, out bool written)
    {
        written = false;
        if (k + 1 < limit && text[k] == '.' && char.IsLetterOrDigit(text[k + 1]))
        {
            return k + 1;
        }

        // "budi@gmail,com": a comma typed for the dot, glued on both sides, before a known top-level domain.
        if (k + 1 < limit && text[k] == ',' && IsKnownTopLevelDomainAt(text, k + 1, limit))
        {
            written = true;
            return k + 1;
        }

        // "budi@gmail. com": a dot glued before and a space after it, before a top-level domain ("kantor. Besok" ends a sentence).
        if (k + 1 < limit && text[k] == '.' && text[k + 1] == ' ' && SkipSpaces(text, k + 1, 1) is var tld && IsKnownTopLevelDomainAt(text, tld, limit))
        {
            written = true;
            return tld;
        }

        int q = SkipSpaces(text, k, 1);
        bool spaced = q > k;
        int after;
        // "gmail , com": a comma between spaces before a known top-level domain.
        if (spaced && q + 1 < limit && text[q] == ',' && text[q + 1] == ' ' && SkipSpaces(text, q + 1, 1) is var spacedTld
            && IsKnownTopLevelDomainAt(text, spacedTld, limit))
        {
            written = true;
            return spacedTld;
        }

        if (q < limit && text[q] == '.' && spaced)
        {
            after = q + 1;
            if (after < limit && IsKnownTopLevelDomainAt(text, after, limit))
            {
                // "budi@gmail .com": a space before the dot only.
                written = true;
                return after;
            }

            if (after >= limit || text[after] != ' ')
            {
                return -1; // "kantor. Besok" ends a sentence
            }
        }
        else if (q < limit && text[q] is '(' or '[' or '{' or '<')
        {
            int word = SkipSpaces(text, q + 1, 1);
            // "gmail(.)com": the dot itself in brackets.
            int wordEnd = word < limit && text[word] == '.' ? word + 1 : DotWordEnd(text, word, limit);
            int close = wordEnd < 0 ? -1 : SkipSpaces(text, wordEnd, 1);
            if (close < 0 || close >= limit || !Closes(text[q], text[close]))
            {
                return -1;
            }

            after = close + 1;
        }
        else if (spaced)
        {
            after = DotWordEnd(text, q, limit);
            if (after < 0 || after >= limit || text[after] != ' ')
            {
                return -1;
            }
        }
        else
        {
            return -1;
        }

        int next = SkipSpaces(text, after, 1);
        if (next >= limit || !char.IsLetterOrDigit(text[next]))
        {
            return -1;
        }

        written = true;
        return next;
    }

    /// <summary>Whether a known top-level domain in small letters ("com", "co", "id") is the whole label at <paramref name="k"/>.</summary>
    private static bool IsKnownTopLevelDomainAt(string text, int k, int limit)
    {
        int end = k;
        while (end < limit && char.IsAsciiLetterLower(text[end]))
        {
            end++;
        }

        return end > k && (end == limit || !char.IsLetterOrDigit(text[end])) && IsOneOf(text.AsSpan(k, end - k), KnownTopLevelDomains);
    }

    /// <summary>Where "dot" or "titik" (any case) at <paramref name="k"/> ends, if it is a whole word there; otherwise -1.</summary>
    private static int DotWordEnd(string text, int k, int limit)
    {
        int end = k + 3 <= limit && (text[k] | 0x20) == 'd' && (text[k + 1] | 0x20) == 'o' && (text[k + 2] | 0x20) == 't' ? k + 3
            : k + 5 <= limit && (text[k] | 0x20) == 't' && (text[k + 1] | 0x20) == 'i' && (text[k + 2] | 0x20) == 't'
                && (text[k + 3] | 0x20) == 'i' && (text[k + 4] | 0x20) == 'k' ? k + 5
            : -1;
        return end > 0 && (end == limit || !char.IsLetterOrDigit(text[end])) ? end : -1;
    }
}
