namespace CxCluster.Grains.Privacy;

/// <summary>How the redactor reads a text: runs of letters and digits, spaces and joiners, and the words around a place.</summary>
public static partial class Redactor
{
    /// <summary>Where the run of ASCII letters at <paramref name="i"/> ends.</summary>
    private static int LettersEnd(string text, int i)
    {
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Where the run of letters of any script at <paramref name="i"/> ends ("Müller", "Jakarta").</summary>
    private static int WordLettersEnd(string text, int i)
    {
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Where the word or number at <paramref name="i"/> ends.</summary>
    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Whether every character of <paramref name="span"/> is an ASCII letter.</summary>
    private static bool IsAllLetters(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Past spaces, ':', '=', '-', '.', '#' and quotation marks, at most four of them.</summary>
    private static int SkipJoiners(string text, int k)
    {
        for (int skipped = 0; k < text.Length && skipped < 4 && text[k] is ' ' or '\u00A0' or ':' or '=' or '-' or '.' or '#' or '"' or '\'' or '\u201C' or '\u2018' or '/' or ','; skipped++)
        {
            k++;
        }

        return k;
    }

    /// <summary>Past every space from <paramref name="k"/> on.</summary>
    private static int PastSpaces(string text, int k)
    {
        while (k < text.Length && text[k] == ' ')
        {
            k++;
        }

        return k;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, ReadOnlySpan<string> words)
    {
        foreach (string w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The word (letters) at or after <paramref name="k"/>, past spaces.</summary>
    private static (int Start, int End) NextWord(string text, int k)
    {
        k = PastSpaces(text, k);
        return (k, WordLettersEnd(text, k));
    }

    /// <summary>The word before position <paramref name="start"/>, past spaces.</summary>
    private static ReadOnlySpan<char> PreviousWord(string text, int start)
    {
        int end = SpacesBefore(text, start);
        int begin = LettersStart(text, end);
        return text.AsSpan(begin, end - begin);
    }

    /// <summary>Where the run of letters (of any script) that ends at <paramref name="end"/> begins.</summary>
    private static int LettersStart(string text, int end)
    {
        while (end > 0 && char.IsLetter(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>Where the spaces right before <paramref name="k"/> begin.</summary>
    private static int SpacesBefore(string text, int k)
    {
        while (k > 0 && text[k - 1] == ' ')
        {
            k--;
        }

        return k;
    }

    /// <summary>
    /// The word that ends just before <paramref name="k"/>, past ':', '#', '=', '.' and spaces (at most four of them),
    /// not before <paramref name="floor"/>; <paramref name="k"/> moves to its start. Letters, digits and '/' make a word
    /// ("a/c", "cvv2"); empty when something else stands there.
    /// </summary>
    private static ReadOnlySpan<char> WordBefore(string text, scoped ref int k, int floor)
    {
        int end = k;
        for (int skipped = 0; end > floor && skipped < 4 && text[end - 1] is ' ' or '\u00A0' or ':' or '#' or '=' or '.'; skipped++)
        {
            end--;
        }

        int start = end;
        while (start > floor && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '/'))
        {
            start--;
        }

        if (start == end)
        {
            return default;
        }

        k = start;
        return text.AsSpan(start, end - start);
    }

    private static int DigitsAt(string text, int i, int limit)
    {
        int start = i;
        while (i < limit && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }
}
