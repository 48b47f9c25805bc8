namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// A message of one word the lexicon does not know that is several of its words written without spaces: "areyouabot",
/// "canitalktoahuman", "inibotya?", "talktoagent", "connectmetoCS". Read with the spaces put back, so the grammar and the
/// learnt model read the words. Only a message that is that one word (and its punctuation) is read so: inside a sentence
/// a word the lexicon does not know is a name, a product or a word of another tongue far more often than a glued phrase.
/// </summary>
internal static class GluedWords
{
    /// <summary>The longest run of letters read: a glued question is short.</summary>
    private const int MaxLetters = 40;

    /// <summary>What one of the words must be for the reading to be kept: who is there, a person, talking, handing over.</summary>
    private const Cat Telling = Cat.Bot | Cat.Human | Cat.Agent | Cat.Person | Cat.Speak | Cat.Connect | Cat.Real | Cat.RealAdj;

    /// <summary>
    /// The message with its one glued word spaced out, or null: the message has other words, its word is known to the
    /// lexicon, or it splits into no run of at least two known words one of which names a machine, a person, being real,
    /// talking or handing over. Each split word is at least two letters long, but for "a", "i" and "u"; of the splits,
    /// the one with the fewest words is read, and of those the one with the fewest words that are particles alone; a last
    /// word of one or two letters must name a person or a machine or close a question ("ya", "cs"); the words must average
    /// two and a half letters or more, and the first may not be a prefix ("re", "un", "pre": "reconnect" is one word).
    /// </summary>
    public static string? Spaced(string text, ReadOnlySpan<Lex> tokens)
    {
        int word = -1;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Cats.HasFlag(Cat.Boundary) || tokens[i].Cats.HasFlag(Cat.Question))
            {
                continue;
            }

            if (word >= 0 || !ReferenceEquals(tokens[i], Lex.Unknown))
            {
                return null;
            }

            word = i;
        }

        if (word < 0)
        {
            return null;
        }

        int start = 0;
        while (start < text.Length && !char.IsLetter(text[start]))
        {
            start++;
        }

        int end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        int length = end - start;
        if (length < 4 || length > MaxLetters)
        {
            return null;
        }

        for (int k = end; k < text.Length; k++)
        {
            if (char.IsLetterOrDigit(text[k]))
            {
                return null;
            }
        }

        Span<char> letters = stackalloc char[length];
        text.AsSpan(start, length).ToLowerInvariant(letters);

        // cost[i]: the cheapest spelling of letters[..i] in known words, four for each word and one more for a word that
        // plays no part but a particle's ("a mi" costs more than "am i"); count[i]: its words; from[i]: where the last starts.
        Span<int> cost = stackalloc int[length + 1];
        Span<int> count = stackalloc int[length + 1];
        Span<int> from = stackalloc int[length + 1];
        cost.Fill(int.MaxValue);
        cost[0] = 0;
        for (int i = 1; i <= length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (cost[j] == int.MaxValue || WordCost(letters[j..i]) is not { } piece || cost[j] + piece >= cost[i])
                {
                    continue;
                }

                cost[i] = cost[j] + piece;
                count[i] = count[j] + 1;
                from[i] = j;
            }
        }

        if (cost[length] == int.MaxValue || count[length] < 2)
        {
            return null;
        }

        // Read spaced, a word of many short pieces is more likely one word ("botanical" is no "bot a ni cal"), and one
        // that opens with a prefix the lexicon also knows as a word is one word ("reconnect", "reagent").
        int firstEnd = length;
        while (from[firstEnd] != 0)
        {
            firstEnd = from[firstEnd];
        }

        if (length * 2 < count[length] * 5 || letters[..firstEnd] is "re" or "un" or "in" or "de" or "pre" or "co" or "ex" or "sub" or "non" or "dis" or "mis")
        {
            return null;
        }

        // A short last word must close a question or name a person: "inibotya", "connectmetocs". One that only completes
        // a word ("realme" as "real me", "humanis" as "human is", "humanity" as "human i ty") is no glued question.
        ReadOnlySpan<char> last = letters[from[length]..];
        if (last.Length <= 2 && !(Lexicon.BySpan.TryGetValue(last, out Lex? closing) && (closing.Cats & (Telling | Cat.QParticle)) != 0))
        {
            return null;
        }

        var words = new string[count[length]];
        bool telling = false;
        for (int i = length, w = words.Length - 1; i > 0; i = from[i], w--)
        {
            ReadOnlySpan<char> piece = letters[from[i]..i];
            telling |= Lexicon.BySpan.TryGetValue(piece, out Lex? lex) && (lex.Cats & Telling) != 0 && !lex.Named;
            words[w] = text.Substring(start + from[i], i - from[i]);
        }

        return telling ? string.Join(' ', words) + text[end..] : null;
    }

    /// <summary>What reading <paramref name="piece"/> as one word costs, or null when it is none the grammar reads.</summary>
    private static int? WordCost(ReadOnlySpan<char> piece)
    {
        if ((piece.Length < 2 && piece is not ("a" or "i" or "u")) || !Lexicon.BySpan.TryGetValue(piece, out Lex? lex) || lex.Named)
        {
            return null;
        }

        return (lex.Cats & ~Cat.QParticle) == Cat.None ? 5 : 4;
    }
}
