namespace CxCluster.Grains.Trust.Grammar;

/// <summary>Words of a message's text compared with spellings in small letters, whatever their case, apostrophes skipped.</summary>
internal static class Spellings
{
    /// <summary>Whether <paramref name="word"/> is one of <paramref name="spellings"/> (see <see cref="WordIs"/>).</summary>
    public static bool IsOneOf(ReadOnlySpan<char> word, params ReadOnlySpan<string> spellings)
    {
        foreach (string spelling in spellings)
        {
            if (WordIs(word, spelling))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="word"/> is <paramref name="spelling"/> (small letters), whatever its case and with its
    /// apostrophes skipped: "It's" is "its", "I've" is "ive", "WHY" is "why".
    /// </summary>
    public static bool WordIs(ReadOnlySpan<char> word, string spelling)
    {
        int n = 0;
        foreach (char c in word)
        {
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            if (n >= spelling.Length || char.ToLowerInvariant(c) != spelling[n])
            {
                return false;
            }

            n++;
        }

        return n == spelling.Length;
    }
}
