namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// Help or praise put in quotes to say it was none: thanks for the "help" I guess, your "customer service", this "smart"
/// assistant, screw you and your "policies", "bantuan" kalian, "solusi" dari CS. Sarcasm, read like a negative phrase.
/// </summary>
/// <remarks>
/// The tokenizer drops quotes, so this reads the text itself: one to three words between double quotes (straight or
/// curly) or curly single quotes, or straight single quotes standing apart from the words around them; one of them a word
/// of help, service or praise; and the quote said of the business: "the", "your", "this", "that", "ur", "such" or "so
/// called" right before it, or "kalian", "nya", "dari", "lu", "lo", "kamu" right after it. A label or a saying quoted
/// ("click "Help"", "the status says "service active"", "my order is "on its way"") is no such quote.
/// </remarks>
internal static class ScareQuotes
{
    private static readonly string[] Said = ["help", "helpful", "support", "service", "services", "assistance", "assistant", "care",
        "smart", "intelligent", "fast", "quick", "solution", "solutions", "answer", "answers", "policy", "policies", "procedure",
        "expert", "experts", "professional", "professionals", "bantuan", "membantu", "solusi", "layanan", "pelayanan", "kebijakan",
        "prosedur", "cepat", "pintar", "canggih", "profesional", "jawaban", "respon", "response"];

    private static readonly string[] Before = ["the", "your", "this", "that", "ur", "such", "called", "yr"];

    private static readonly string[] After = ["kalian", "nya", "dari", "lu", "lo", "kamu", "anda", "you"];

    /// <summary>The quotes that may open a quoted word.</summary>
    private static readonly System.Buffers.SearchValues<char> Opening = System.Buffers.SearchValues.Create("\"'\u201C\u2018");

    public static bool IsIn(string text)
    {
        // Most messages quote nothing: one vectorised look, and nothing more.
        int first = text.AsSpan().IndexOfAny(Opening);
        if (first < 0)
        {
            return false;
        }

        for (int i = first; i < text.Length; i++)
        {
            char open = text[i];
            char close = open switch
            {
                '"' => '"',
                '\u201C' => '\u201D',
                '\u2018' => '\u2019',
                '\'' => '\'',
                _ => '\0',
            };
            if (close == '\0')
            {
                continue;
            }

            if (open == '\'' && i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                // An apostrophe inside a word ("don't", "customer's").
                continue;
            }

            int end = text.IndexOf(close, i + 1);
            if (end < 0)
            {
                return false;
            }

            if (open == '\'' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]))
            {
                continue;
            }

            ReadOnlySpan<char> inside = text.AsSpan(i + 1, end - i - 1).Trim();
            if (IsHelpSaidOfThem(text, i, end, inside))
            {
                return true;
            }

            i = end;
        }

        return false;
    }

    private static bool IsHelpSaidOfThem(string text, int open, int close, ReadOnlySpan<char> inside)
    {
        if (inside.Length == 0 || inside.Length > 32)
        {
            return false;
        }

        int words = 0;
        bool said = false;
        foreach (Range range in inside.Split(' '))
        {
            ReadOnlySpan<char> word = inside[range];
            if (word.Length == 0)
            {
                continue;
            }

            foreach (char ch in word)
            {
                if (!char.IsLetter(ch) && ch != '-')
                {
                    return false;
                }
            }

            words++;
            said |= IsOneOf(word, Said);
        }

        return said && words <= 3
            && (IsOneOf(WordBefore(text, open), Before) || IsOneOf(WordAfter(text, close + 1), After));
    }

    private static ReadOnlySpan<char> WordBefore(string text, int at)
    {
        int end = at;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        int start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text.AsSpan(start, end - start);
    }

    private static ReadOnlySpan<char> WordAfter(string text, int at)
    {
        int start = at;
        while (start < text.Length && text[start] is ' ' or '-')
        {
            start++;
        }

        int end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text.AsSpan(start, end - start);
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (string candidate in words)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
