namespace CxCluster.Grains.Privacy;

public static partial class Redactor
{
    /// <summary>
    /// Where <paramref name="text"/> uses a word of a name found earlier in the conversation on its own: a whole word,
    /// written as a name is (capitalised, or all in the case the name was found in) and no everyday word, so "Budi" after
    /// "my name is Budi Santoso" goes, as "Santoso" does, while "santai" or "Budiman" stay. Null when there is none.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindRememberedNames(string text, NamesSeen? seen)
    {
        if (seen is not { Count: > 0 })
        {
            return null;
        }
        List<(int Start, int End, string Placeholder)>? found = null;
        foreach (var name in seen.Words)
        {
            int from = 0;
            while (from <= text.Length - name.Length)
            {
                int at = text.IndexOf(name, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }
                int end = at + name.Length;
                from = end;
                if ((at > 0 && IsNameLetter(text[at - 1])) || (end < text.Length && IsNameLetter(text[end]) && !IsPossessive(text, end)))
                {
                    continue;
                }
                var word = text.AsSpan(at, name.Length);
                if (word.SequenceEqual(name) || LooksLikeAFurtherName(word))
                {
                    found ??= [];
                    found.Add((at, end, NamePlaceholder));
                }
            }
        }
        if (found is { Count: > 1 })
        {
            found.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
        return found;

        static bool IsNameLetter(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’' or '-' or '_';

        // "Smith's office": an apostrophe and an "s" that ends the word.
        static bool IsPossessive(string text, int at) =>
            text[at] is '\'' or '’' && at + 1 < text.Length && text[at + 1] is 's' or 'S'
            && (at + 2 == text.Length || !char.IsLetterOrDigit(text[at + 2]));
    }

    /// <summary>Keeps in <paramref name="seen"/> the words of every name <paramref name="spans"/> replaces in <paramref name="text"/>.</summary>
    private static void RememberNames(string text, List<(int Start, int End, string Placeholder)>? spans, NamesSeen? seen)
    {
        if (seen is null || spans is null)
        {
            return;
        }
        foreach (var (start, end, placeholder) in spans)
        {
            // Only a name read surely (an introduction, a greeting, an honorific, a signature, a name's own field), never
            // one read less surely (UncertainNamePlaceholder, the same text), which may be a product's or a fare's.
            if (!ReferenceEquals(placeholder, NamePlaceholder))
            {
                continue;
            }
            foreach (var range in text.AsSpan(start, end - start).SplitAny(" \t\r\n,"))
            {
                var word = text.AsSpan(start, end - start)[range].Trim(".\"'()");
                if (word.Length >= NamesSeen.MinWordLength && !IsOneOf(word, StandInNames) && (LooksLikeAFurtherName(word) || IsGivenNameInSmallLetters(word)))
                {
                    seen.Add(word);
                }
            }
        }
    }

    /// <summary>What a platform or a form writes where it has no name ("customerName": "Guest"): never remembered.</summary>
    private static readonly string[] StandInNames =
    [
        "guest", "visitor", "user", "anonymous", "anonim", "unknown", "customer", "client", "pelanggan", "pengunjung", "tamu",
        "member", "buyer", "pembeli", "test", "tester", "admin", "none", "null", "nobody", "someone", "sir", "madam",
    ];

    /// <summary>A common given name written in small letters ("i'm budi"), as an introduction may give it.</summary>
    private static bool IsGivenNameInSmallLetters(ReadOnlySpan<char> word) =>
        IsAllLetters(word) && char.IsLower(word[0]) && GivenNames.Contains(word);
}
