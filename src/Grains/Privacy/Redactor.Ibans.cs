namespace CxCluster.Grains.Privacy;

/// <summary>IBANs, whole or in groups, whose check digits hold.</summary>
public static partial class Redactor
{
    /// <summary>
    /// The e-mail addresses, and the IBANs outside them, in order. An IBAN is two letters (the country), two digits and
    /// the national account number, 15 to 34 letters and digits in all, written whole or in groups separated by a space,
    /// a dash or two spaces ("GB82 WEST 1234 5698 7654 32", "de89370400440532013000"), whose check digits hold (ISO 13616: the
    /// number read with its first four characters moved to the end and each letter as 10 to 35 leaves 1 when divided by
    /// 97). Of the groups that follow, the longest run that checks is taken, so words after it stay.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindIbans(string text, List<(int Start, int End)>? emails)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        int nextEmail = 0;
        Span<int> ends = stackalloc int[MaxIbanLength];
        Span<int> lengths = stackalloc int[MaxIbanLength];
        int i = 0;
        while (i < text.Length)
        {
            if (emails is not null && nextEmail < emails.Count && i >= emails[nextEmail].Start)
            {
                (found ??= []).Add((emails[nextEmail].Start, emails[nextEmail].End, EmailPlaceholder));
                i = emails[nextEmail].End;
                nextEmail++;
                continue;
            }

            int emailStart = emails is not null && nextEmail < emails.Count ? emails[nextEmail].Start : text.Length;
            if (i + 4 <= text.Length && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
                && char.IsAsciiLetter(text[i]) && char.IsAsciiLetter(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
            {
                int groups = IbanGroups(text, i, emailStart, ends, lengths);
                for (int g = groups - 1; g >= 0; g--)
                {
                    if (lengths[g] >= MinIbanLength && IbanChecks(text, i, ends[g]))
                    {
                        (found ??= []).Add((i, ends[g], IbanPlaceholder));
                        i = ends[g];
                        goto next;
                    }
                }
            }

            i++;
        next:;
        }

        return found;
    }

    /// <summary>
    /// Reads groups of letters and digits from <paramref name="start"/>, separated by a space, a dash or two spaces, up to
    /// <see cref="MaxIbanLength"/> characters of them and not into <paramref name="limit"/>: each group's end in the text
    /// and the characters read up to it. Returns how many groups; a group that runs into a letter or digit glued to other
    /// characters ("1234abc-") ends the reading.
    /// </summary>
    private static int IbanGroups(string text, int start, int limit, Span<int> ends, Span<int> lengths)
    {
        int groups = 0;
        int count = 0;
        int k = start;
        while (k < limit)
        {
            int groupStart = k;
            while (k < limit && char.IsAsciiLetterOrDigit(text[k]) && count < MaxIbanLength)
            {
                k++;
                count++;
            }

            if (k == groupStart || (k < text.Length && char.IsLetterOrDigit(text[k])))
            {
                break; // longer than an IBAN, or glued to a letter of another script
            }

            ends[groups] = k;
            lengths[groups] = count;
            groups++;
            int gap = k >= limit ? 0 : text[k] is '-' or '\u00A0' ? 1 : text[k] != ' ' ? 0 : k + 1 < limit && text[k + 1] == ' ' ? 2 : 1;
            if (count >= MaxIbanLength || gap == 0 || k + gap >= limit || !char.IsAsciiLetterOrDigit(text[k + gap]))
            {
                break;
            }

            k += gap; // between groups: one space or dash, or two spaces
        }

        return groups;
    }

    /// <summary>Whether the letters and digits of text[start..end] (spaces skipped) pass the IBAN check (mod 97 = 1).</summary>
    private static bool IbanChecks(string text, int start, int end)
    {
        int remainder = 0;
        // the account number first, then the country and the check digits
        for (int pass = 0; pass < 2; pass++)
        {
            int from = pass == 0 ? start + 4 : start;
            int to = pass == 0 ? end : start + 4;
            for (int k = from; k < to; k++)
            {
                char c = text[k];
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    continue;
                }

                remainder = char.IsAsciiDigit(c)
                    ? (remainder * 10 + (c - '0')) % 97
                    : (remainder * 100 + (char.ToUpperInvariant(c) - 'A' + 10)) % 97;
            }
        }

        return remainder == 1;
    }
}
