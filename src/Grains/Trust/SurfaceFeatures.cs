using static CxCluster.Grains.Trust.Grammar.Characters;

namespace CxCluster.Grains.Trust;

/// <summary>What a message shows on its surface, before any word is read: shouting and runs of exclamation marks.</summary>
internal static class SurfaceFeatures
{
    /// <summary>Mostly capitals: at least 8 letters, 70% or more of them upper case.</summary>
    public static bool IsShouting(string text)
    {
        int upper = 0;
        int lower = 0;
        foreach (char c in text)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
        }

        int letters = upper + lower;
        return letters >= 8 && upper * 10 >= letters * 7;
    }

    /// <summary>
    /// The message closes with the sarcasm tag "/s" ("wow, amazing service as always /s"), spaces and closing punctuation
    /// after it aside; "/s" inside a word or a path ("a/s", "km/s") is none.
    /// </summary>
    public static bool EndsWithSarcasmTag(string text)
    {
        int end = text.Length;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or '!'))
        {
            end--;
        }

        return end >= 2 && char.ToLowerInvariant(text[end - 1]) == 's' && text[end - 2] == '/' && (end == 2 || char.IsWhiteSpace(text[end - 3]));
    }

    /// <summary>A run of three or more exclamation or question marks with at least two '!' ("!!!", "?!!", "!!1").</summary>
    public static bool HasExclamationRun(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!IsBang(text[i]) && !IsQuestionChar(text[i]))
            {
                i++;
                continue;
            }

            int length = 0;
            int bangs = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (IsBang(c))
                {
                    bangs++;
                }
                else if (!IsQuestionChar(c) && !(c == '1' && bangs > 0))
                {
                    break;
                }

                length++;
                i++;
            }

            if (length >= 3 && bangs >= 2)
            {
                return true;
            }
        }

        return false;
    }
}
