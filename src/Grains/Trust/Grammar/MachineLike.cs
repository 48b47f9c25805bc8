namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// Whether a text has a word that begins as one for a machine or for how a machine answers ("robotic", "template",
/// "scripted", "copy pasting", "automated", "programmed", "mesin"), read from the text itself: many of them are words the
/// lexicon does not know, which the grammar reads as blanks.
/// </summary>
internal static class MachineLike
{
    /// <summary>Beginnings of such words; a word is one if it begins with any.</summary>
    private static readonly string[] Beginnings =
    [
        "robot", "templat", "script", "copy", "copas", "paste", "program", "automat", "canned", "machine", "mesin", "comput",
        "komput", "artific", "generat", "chatgpt", "gpt", "algorit", "recorded", "rekaman", "prewritten",
    ];

    /// <summary>Whole words that are such words alone: "bot", "ai".</summary>
    private static readonly string[] Words = ["bot", "bots", "ai", "llm"];

    public static bool IsIn(string text)
    {
        ReadOnlySpan<char> rest = text;
        for (int start = FirstLetter(rest); start >= 0; start = FirstLetter(rest))
        {
            rest = rest[start..];
            int end = 1;
            while (end < rest.Length && char.IsLetter(rest[end]))
            {
                end++;
            }

            if (IsMachineWord(rest[..end]))
            {
                return true;
            }

            rest = rest[end..];
        }

        return false;
    }

    private static int FirstLetter(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsMachineWord(ReadOnlySpan<char> word)
    {
        foreach (string whole in Words)
        {
            if (word.Equals(whole, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (string beginning in Beginnings)
        {
            if (word.StartsWith(beginning, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
