namespace CxCluster.Grains.Privacy;

/// <summary>E-mail addresses typed a character at a time with spaces between: "b u d i @ g m a i l . c o m".</summary>
public static partial class Redactor
{
    /// <summary>The longest address read character by character, '@' included.</summary>
    private const int MaxSpacedOutEmail = 128;

    /// <summary>
    /// The e-mail addresses already found (<paramref name="emails"/>), with those typed a character at a time around an
    /// '@' merged in, in order: "b u d i @ g m a i l . c o m", "r i n a 8 8 @gmail.com", "budi @ y a h o o . c o . i d".
    /// On one side of the '@' or both, single characters stand one space apart (two at least before it, or three after
    /// it); read without the spaces they make an address whose top-level domain is a known one. An address found already
    /// inside one typed so ("b u d [i@gmail.com]") gives way to the whole. "rate 4 @ 5 . 0", "x @ y . z" and "A @ B" stay.
    /// </summary>
    private static List<(int Start, int End)>? FindLetterByLetterEmails(string text, List<(int Start, int End)>? emails)
    {
        int at = text.IndexOf('@');
        while (at >= 0)
        {
            if (SpacedOutEmail(text, at) is (var start, var end) && end > start)
            {
                emails = WithWiderEmail(emails, (start, end));
                at = text.IndexOf('@', end);
                continue;
            }

            at = text.IndexOf('@', at + 1);
        }

        return emails;
    }

    /// <summary>The address typed a character at a time around the '@' at <paramref name="at"/>, or an empty span.</summary>
    private static (int Start, int End) SpacedOutEmail(string text, int at)
    {
        // Before the '@' (past at most two spaces): single characters one space apart, or a word of an address.
        int localEnd = SkipSpaces(text, at - 1, -1) + 1;
        int localStart = localEnd;
        int localSingles = 0;
        while (localStart > 0 && IsLocalChar(text[localStart - 1]) && (localStart == 1 || !IsLocalChar(text[localStart - 2])))
        {
            localSingles++;
            localStart--;
            if (localStart >= 2 && text[localStart - 1] == ' ' && IsLocalChar(text[localStart - 2]) && (localStart == 2 || !IsLocalChar(text[localStart - 3])))
            {
                localStart--;
                continue;
            }

            break;
        }

        if (localSingles < 2)
        {
            localSingles = 0;
            localStart = localEnd;
            while (localStart > 0 && IsLocalChar(text[localStart - 1]))
            {
                localStart--;
            }
        }

        // After it: single characters one space apart, or a domain as written.
        int domainStart = SkipSpaces(text, at + 1, 1);
        int domainEnd = domainStart;
        int domainSingles = 0;
        while (domainEnd < text.Length && IsDomainChar(text[domainEnd]) && IsSingleAt(text, domainEnd + 1))
        {
            domainSingles++;
            domainEnd++;
            if (domainEnd + 1 < text.Length && text[domainEnd] == ' ' && IsDomainChar(text[domainEnd + 1]))
            {
                domainEnd++;
                continue;
            }

            break;
        }

        if (domainSingles < 3)
        {
            domainSingles = 0;
            domainEnd = domainStart;
            while (domainEnd < text.Length && IsDomainChar(text[domainEnd]))
            {
                domainEnd++;
            }
        }

        // "... c o m ." ends a sentence, not the domain.
        while (domainEnd > domainStart && text[domainEnd - 1] is '.' or ' ')
        {
            domainEnd--;
        }

        if ((localSingles == 0 && domainSingles == 0) || localStart == localEnd || domainEnd == domainStart
            || (localEnd - localStart) + (domainEnd - domainStart) + 1 > MaxSpacedOutEmail)
        {
            return default;
        }

        Span<char> address = stackalloc char[MaxSpacedOutEmail];
        int length = 0;
        foreach (char c in text.AsSpan(localStart, localEnd - localStart))
        {
            if (c != ' ')
            {
                address[length++] = c;
            }
        }

        int localLength = length;
        address[length++] = '@';
        int domainFrom = length;
        foreach (char c in text.AsSpan(domainStart, domainEnd - domainStart))
        {
            if (c != ' ')
            {
                address[length++] = c;
            }
        }

        ReadOnlySpan<char> domain = address[domainFrom..length];
        int lastDot = domain.LastIndexOf('.');
        bool plausible = localLength > 0 && address[0] != '.' && address[localLength - 1] != '.' && IsDomain(domain)
            && lastDot >= 0 && IsOneOf(domain[(lastDot + 1)..], KnownTopLevelDomains);
        return plausible ? (localStart, domainEnd) : default;
    }

    /// <summary>Whether a character of a domain ends at <paramref name="k"/>: nothing of a domain follows, or a dot that ends the sentence ("c o m.").</summary>
    private static bool IsSingleAt(string text, int k) =>
        k >= text.Length || !IsDomainChar(text[k]) || (text[k] == '.' && (k + 1 == text.Length || char.IsWhiteSpace(text[k + 1])));

    /// <summary>The addresses with <paramref name="wider"/> in its place, in order, in place of those it holds or overlaps.</summary>
    private static List<(int Start, int End)> WithWiderEmail(List<(int Start, int End)>? emails, (int Start, int End) wider)
    {
        emails ??= [];
        int start = wider.Start;
        int end = wider.End;
        emails.RemoveAll(e =>
        {
            bool overlaps = e.Start < wider.End && wider.Start < e.End;
            if (overlaps)
            {
                start = Math.Min(start, e.Start);
                end = Math.Max(end, e.End);
            }

            return overlaps;
        });
        int index = emails.FindIndex(e => e.Start > start);
        emails.Insert(index < 0 ? emails.Count : index, (start, end));
        return emails;
    }
}
