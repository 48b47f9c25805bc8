namespace CxCluster.Grains.Privacy;

/// <summary>India's permanent account number (PAN): five letters, four digits and a letter ("ABCPE1234F").</summary>
public static partial class Redactor
{
    /// <summary>A PAN's length: five letters, four digits, one letter.</summary>
    private const int PanLength = 10;

    /// <summary>The digits a PAN has: a text with fewer is not searched for one.</summary>
    private const int PanDigits = 4;

    /// <summary>
    /// PANs anywhere in <paramref name="text"/>, as whole words. After the word "PAN" anywhere before it, any word of that
    /// shape in either case ("my pan card no: abcde1234f"); without it, only one in capitals whose fourth letter says whose
    /// number it is (P a person, C a company, H a family, F a firm, A, T, B, L, J or G other holders: "AAAPL1234C"), so a
    /// code such as "SALEX2024Z" stays.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindPans(string text)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        bool named = false;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int end = WordEnd(text, i);
            ReadOnlySpan<char> word = text.AsSpan(i, end - i);
            if (!named && word.Equals("pan", StringComparison.OrdinalIgnoreCase))
            {
                named = true;
            }
            else if (IsPanShape(word) && (named || IsHolderCoded(word)))
            {
                (found ??= []).Add((i, end, NationalIdPlaceholder));
            }

            i = end;
        }

        return found;
    }

    /// <summary>Whether the word is five letters, four digits and a letter.</summary>
    private static bool IsPanShape(ReadOnlySpan<char> word)
    {
        if (word.Length != PanLength)
        {
            return false;
        }

        for (int k = 0; k < PanLength; k++)
        {
            if (k is < 5 or 9 ? !char.IsAsciiLetter(word[k]) : !char.IsAsciiDigit(word[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the PAN-shaped word is in capitals with a holder's letter fourth.</summary>
    private static bool IsHolderCoded(ReadOnlySpan<char> word) =>
        !word.ContainsAnyInRange('a', 'z') && "PCHFATBLJG".Contains(word[3]);
}
