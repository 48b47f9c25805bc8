namespace CxCluster.Grains.Trust;

/// <summary>
/// Where the sentences of a message are. A sentence ends after a run of '.', '!', '?', '…', ';' or line breaks; a '.'
/// or ',' between two digits ("Rp 1.500.000", "3.5") ends none.
/// </summary>
internal static class Sentences
{
    /// <summary>The end (exclusive) of the sentence of <paramref name="text"/> that starts at <paramref name="start"/>.</summary>
    public static int EndOf(ReadOnlySpan<char> text, int start) => EndOf(text, start, commas: false);

    /// <summary>
    /// The end (exclusive) of the sentence, or with <paramref name="commas"/> of the comma-separated stretch, of
    /// <paramref name="text"/> that starts at <paramref name="start"/>: a long run-on message ("..., and honestly I just
    /// need to know, is this a bot I'm talking to, because ...") is read stretch by stretch.
    /// </summary>
    public static int EndOf(ReadOnlySpan<char> text, int start, bool commas)
    {
        int i = start;
        while (i < text.Length && !EndsHere(text, i) && !(commas && IsComma(text, i)))
        {
            i++;
        }
        while (i < text.Length && (IsEnd(text[i]) || char.IsWhiteSpace(text[i]) || (commas && IsComma(text, i))))
        {
            i++;
        }
        return i;
    }

    private static bool IsComma(ReadOnlySpan<char> text, int i) => text[i] is ',' or '，' && !BetweenDigits(text, i);

    /// <summary>Whether <paramref name="text"/> holds more than one sentence with a letter in it.</summary>
    public static bool AreMany(ReadOnlySpan<char> text)
    {
        int withLetters = 0;
        for (int start = 0, end; start < text.Length; start = end)
        {
            end = EndOf(text, start);
            if (HasLetter(text[start..end]) && ++withLetters > 1)
            {
                return true;
            }
        }
        return false;
    }

    public static bool HasLetter(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool EndsHere(ReadOnlySpan<char> text, int i) => IsEnd(text[i]) && !(text[i] == '.' && BetweenDigits(text, i));

    /// <summary>Whether the character at <paramref name="i"/> stands between two digits ("1.500", "3,5").</summary>
    private static bool BetweenDigits(ReadOnlySpan<char> text, int i) =>
        i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);

    private static bool IsEnd(char c) => c is '.' or '!' or '?' or '…' or ';' or '\n' or '\r' or '。' or '？' or '！';
}
