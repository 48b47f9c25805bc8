namespace CxCluster.Grains.Privacy;

/// <summary>India's permanent account number (PAN): five letters, four digits and a letter ("ABCPE1234F").</summary>
public static partial class Redactor
{
    /// <summary>A PAN's length: five letters, four digits, one letter.</summary>
    private const int PanLength = 10;

    /// <summary>
    /// PANs anywhere in <paramref name="text"/>, as whole words. After the word "PAN" anywhere before it, any run of that
    /// shape in either case ("my pan card no: abcde1234f"); without it, only one in capitals whose fourth letter says whose
    /// number it is (P a person, C a company, H a family, F a firm, A, T, B, L, J or G other holders: "AAAPL1234C"), so a
    /// code such as "SALEX2024Z" stays.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindPans(string text)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        int named = -1;
        for (int i = 0; i + PanLength <= text.Length; i++)
        {
            if (!char.IsAsciiLetter(text[i]) || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                continue;
            }

            if (named < 0 && IsPanWord(text, i))
            {
                named = i;
                i += 2;
                continue;
            }

            if (IsPanShape(text, i) && (named >= 0 || IsHolderCoded(text, i)))
            {
                (found ??= []).Add((i, i + PanLength, NationalIdPlaceholder));
                i += PanLength - 1;
            }
        }

        return found;
    }

    /// <summary>Whether the word at <paramref name="i"/> is "PAN" (any case), standing alone.</summary>
    private static bool IsPanWord(string text, int i) =>
        i + 3 <= text.Length
        && text.AsSpan(i, 3).Equals("pan", StringComparison.OrdinalIgnoreCase)
        && (i + 3 == text.Length || !char.IsAsciiLetterOrDigit(text[i + 3]));

    /// <summary>Whether a whole word of five letters, four digits and a letter starts at <paramref name="i"/>.</summary>
    private static bool IsPanShape(string text, int i)
    {
        if (i + PanLength < text.Length && char.IsAsciiLetterOrDigit(text[i + PanLength]))
        {
            return false;
        }

        for (int k = 0; k < PanLength; k++)
        {
            char c = text[i + k];
            bool wanted = k is < 5 or 9 ? char.IsAsciiLetter(c) : char.IsAsciiDigit(c);
            if (!wanted)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the PAN-shaped word at <paramref name="i"/> is in capitals with a holder's letter fourth.</summary>
    private static bool IsHolderCoded(string text, int i) =>
        "PCHFATBLJG".Contains(text[i + 3])
        && char.IsAsciiLetterUpper(text[i]) && char.IsAsciiLetterUpper(text[i + 4]) && char.IsAsciiLetterUpper(text[i + 9])
        && char.IsAsciiLetterUpper(text[i + 1]) && char.IsAsciiLetterUpper(text[i + 2]);
}
