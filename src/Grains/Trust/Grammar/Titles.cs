using System.Collections.Frozen;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// Names of things and places written as names, whose words carry no tone: a title in quotes ("is the 'Crazy Stupid
/// Love' DVD available?", "the movie 'Angry Birds'"), a run of capitalised words inside a sentence ("do you stock Angry
/// Birds plush toys?") and a place with its region after a comma ("do you ship to Hell, Michigan?").
/// </summary>
/// <remarks>
/// A capitalised word is a capital and then lower-case letters only ("Angry", not "ANGRY" or "I"), so a message in capitals
/// names nothing this way, and a run at the start of a sentence ("Stupid Bot, get me a person") is no name. A run that
/// names the ones answering or the machine ("you", "your", "bot", "agent", "service", ...) or thanks ("ok Thanks Again") is left as it is: "you Stupid
/// Bot" is abuse however it is written, and capitals after a word of being or degree are emphasis ("this is Absolute
/// Garbage"). Nor is a run outside quotes whose every word carries a tone ("hey, Stupid Idiots", "thanks Useless Morons"):
/// that is shouting in capitals, not a name.
/// </remarks>
internal static class Titles
{
    /// <summary><paramref name="text"/> with the letters of the names in it blanked, or the very same string when it names nothing.</summary>
    public static string WithoutTitles(string text)
    {
        char[]? blanked = null;
        int i = 0;
        while (i < text.Length)
        {
            if (!IsCapitalised(text, i, out int end) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            bool quoted = i > 0 && IsQuote(text[i - 1]);
            bool inSentence = !quoted && !StartsASentence(text, i);
            // The run of capitalised words from here, spaces between.
            int words = 1;
            int runEnd = end;
            bool theirs = NamesThem(text, i, end);
            bool allTone = CarriesTone(text, i, end);
            while (runEnd + 1 < text.Length && text[runEnd] == ' ' && IsCapitalised(text, runEnd + 1, out int next))
            {
                theirs |= NamesThem(text, runEnd + 1, next);
                allTone &= CarriesTone(text, runEnd + 1, next);
                runEnd = next;
                words++;
            }

            theirs |= !quoted && allTone && words >= 2;

            bool title = quoted ? runEnd < text.Length && IsQuote(text[runEnd]) && words >= 2
                : inSentence && !SaidOfSomething(text, i) && (words >= 2 || IsPlaceWithRegion(text, runEnd));
            if (title && !theirs)
            {
                int to = runEnd;
                if (!quoted && words == 1)
                {
                    // "Hell, Michigan": the region after the comma goes with it.
                    IsCapitalised(text, runEnd + 2, out to);
                }

                blanked ??= text.ToCharArray();
                for (int k = i; k < to; k++)
                {
                    blanked[k] = ' ';
                }

                i = to;
                continue;
            }

            i = runEnd;
        }

        return blanked is null ? text : new string(blanked);
    }

    /// <summary>A capital and then at least one lower-case letter, up to the end of the word (<paramref name="end"/>).</summary>
    private static bool IsCapitalised(string text, int i, out int end)
    {
        end = i;
        if (i >= text.Length || !char.IsUpper(text[i]))
        {
            return false;
        }

        end = i + 1;
        while (end < text.Length && char.IsLower(text[end]))
        {
            end++;
        }

        return end > i + 1 && (end == text.Length || !char.IsLetterOrDigit(text[end]));
    }

    /// <summary>Whether the word at <paramref name="i"/> opens its sentence: nothing but spaces, quotes or brackets since the start or a '.', '!', '?' or line break.</summary>
    private static bool StartsASentence(string text, int i)
    {
        for (int k = i - 1; k >= 0; k--)
        {
            char c = text[k];
            if (c is '.' or '!' or '?' or '\n' or ':' or ';')
            {
                return true;
            }

            if (char.IsLetterOrDigit(c) || c == ',')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>", " and a capitalised word closing a clause after <paramref name="end"/>: "Hell, Michigan?", "Paris, Texas.".</summary>
    private static bool IsPlaceWithRegion(string text, int end)
    {
        if (end + 2 >= text.Length || text[end] != ',' || text[end + 1] != ' ' || !IsCapitalised(text, end + 2, out int regionEnd) || NamesThem(text, end + 2, regionEnd))
        {
            return false;
        }

        return regionEnd == text.Length || text[regionEnd] is '?' or '.' or '!' or ',' or ' ';
    }

    /// <summary>
    /// The word before <paramref name="i"/> says what something is or how much: "this is Absolute Garbage", "you are So
    /// Slow", "really Bad Service". Capitals after it are emphasis, not a name.
    /// </summary>
    private static bool SaidOfSomething(string text, int i)
    {
        int end = i;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        int start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] is '\'' or '’'))
        {
            start--;
        }

        return DegreeWords.Contains(text.AsSpan(start, end - start));
    }

    /// <summary>Words of being or degree (see <see cref="SaidOfSomething"/>), in any case.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DegreeWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        [
            "is", "are", "was", "were", "so", "very", "such", "really", "totally", "absolutely", "too", "it's", "it’s", "its",
            "you're", "you’re", "youre", "ur", "you", "be", "been", "just", "pretty",
        ]).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsQuote(char c) => c is '\'' or '"' or '‘' or '’' or '“' or '”';

    /// <summary>The word names the ones answering or the machine, or thanks: such a run is no title.</summary>
    private static bool NamesThem(string text, int start, int end) => ThemWords.Contains(text.AsSpan(start, end - start));

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ThemWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        [
            "you", "your", "youre", "bot", "robot", "ai", "agent", "agents", "service", "support", "staff", "company", "admin", "kamu",
            "kalian", "lu", "cs", "team", "thanks", "thank", "terima", "makasih",
        ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The capitalised word is one the lexicon reads as negative or abusive.</summary>
    private static bool CarriesTone(string text, int start, int end)
    {
        if (end - start > 40)
        {
            return false;
        }

        Span<char> lower = stackalloc char[end - start];
        text.AsSpan(start, end - start).ToLowerInvariant(lower);
        return Lexicon.BySpan.TryGetValue(lower, out var lex) && (lex.Cats & (Cat.Negative | Cat.Abusive)) != 0;
    }
}
