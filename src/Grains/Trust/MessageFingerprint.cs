using System.Collections.Frozen;
using System.Text;
using static CxCluster.Grains.Trust.Grammar.Characters;

namespace CxCluster.Grains.Trust;

/// <summary>The fingerprint of a message (<see cref="MessageSignals.Fingerprint"/>): what it says, read loosely enough that a customer saying it again is heard saying the same.</summary>
internal static class MessageFingerprint
{
    private const ulong FnvOffsetBasis = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>A message of more words than this is fingerprinted on its normalized text, word for word.</summary>
    private const int MaxWords = 64;

    /// <summary>
    /// Words a customer adds or leaves out when saying the same thing again: please, greetings and forms of address,
    /// their own pronouns, "I said", "again", "still", and the particles of chat Indonesian. Matched on the word as
    /// normalized (lower case, a letter repeated three or more times once).
    /// </summary>
    private static readonly FrozenSet<ulong> Fillers = FrozenSet.Create(
    [
        .. Words(
            "please", "pls", "plz", "plis", "pliss", "plss", "i", "im", "ive", "me", "my", "mine", "myself", "said", "say",
            "again", "still", "just", "now", "already", "hello", "helo", "hi", "hey", "the", "a", "an", "ok", "okay", "so",
            "sir", "madam", "maam", "dear", "oh", "um", "uh", "well", "really", "seriously"),
        .. Words(
            "tolong", "mohon", "dong", "donk", "deh", "sih", "kak", "ka", "kakak", "min", "gan", "sis", "bro", "mas", "mbak",
            "pak", "bu", "bang", "ya", "yaa", "yah", "lagi", "juga", "jg", "saya", "sy", "aku", "gue", "gw", "nih", "kok",
            "lho", "loh", "tuh", "kan", "halo", "hallo", "hai", "woi", "oi", "masih"),
    ]);

    /// <summary>The hash <see cref="MessageSignals.Fingerprint"/> documents, of a non-null text.</summary>
    public static ulong Compute(string text)
    {
        Span<ulong> content = stackalloc ulong[MaxWords];
        Span<ulong> all = stackalloc ulong[MaxWords];
        int contents = 0;
        int words = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var (word, skeleton) = ReadWord(text, ref i);
            if (words == MaxWords)
            {
                return Exact(text);
            }

            all[words++] = skeleton;
            if (!Fillers.Contains(word))
            {
                content[contents++] = skeleton;
            }
        }

        if (words == 0)
        {
            return HashSymbols(text);
        }

        var said = contents > 0 ? content[..contents] : all[..words];
        said.Sort();
        ulong hash = FnvOffsetBasis;
        for (int k = 0; k < said.Length; k++)
        {
            if (k > 0 && said[k] == said[k - 1])
            {
                continue;
            }

            for (int b = 0; b < 64; b += 8)
            {
                hash = HashByte(hash, (byte)(said[k] >> b));
            }
        }

        return hash;
    }

    /// <summary>
    /// Reads the word at <paramref name="i"/> (letters and digits, an apostrophe or star between letters joining them)
    /// and moves past it. Answers the hash of the word normalized (lower case, a letter repeated three or more times
    /// once) and of its skeleton: its first letter, then its consonants and digits, a letter repeated side by side once
    /// ("order", "ordr" and "oooorder" read "ordr"; "belum" and "blm" read "blm"; "paper" reads "ppr", "poor" "pr"; "1000"
    /// stays "1000"). The word's hash goes on from <paramref name="seed"/>, so a text can be hashed word after word.
    /// </summary>
    private static (ulong Word, ulong Skeleton) ReadWord(string text, ref int i, ulong seed = FnvOffsetBasis)
    {
        ulong word = seed;
        ulong skeleton = FnvOffsetBasis;
        char last = '\0';
        bool first = true;
        while (i < text.Length)
        {
            char c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (IsJoiner(text, i))
                {
                    i++;
                    continue;
                }

                break;
            }

            char lower = char.ToLowerInvariant(c);
            int run = 1;
            while (i + run < text.Length && char.ToLowerInvariant(text[i + run]) == lower)
            {
                run++;
            }

            bool letter = char.IsLetter(lower);
            int times = letter && run >= 3 ? 1 : run;
            for (int k = 0; k < times; k++)
            {
                word = HashChar(word, lower);
            }

            if (!letter)
            {
                for (int k = 0; k < run; k++)
                {
                    skeleton = HashChar(skeleton, lower);
                }

                last = '\0';
            }
            else if (!first && lower is 'a' or 'e' or 'i' or 'o' or 'u')
            {
                // A vowel left out still parts the consonants around it: "paper" is not "poor".
                last = '\0';
            }
            else if (lower != last)
            {
                skeleton = HashChar(skeleton, lower);
                last = lower;
            }

            first = false;
            i += run;
        }

        return (word, skeleton);
    }

    private static IEnumerable<ulong> Words(params string[] words)
    {
        foreach (var w in words)
        {
            int i = 0;
            yield return ReadWord(w, ref i).Word;
        }
    }

    /// <summary>FNV-1a over the text normalized word for word: lower case, letters and digits, one space between words.</summary>
    private static ulong Exact(string text)
    {
        ulong hash = FnvOffsetBasis;
        bool emitted = false;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            hash = ReadWord(text, ref i, emitted ? HashChar(hash, ' ') : hash).Word;
            emitted = true;
        }

        return hash;
    }

    private static ulong HashSymbols(string text)
    {
        ulong hash = FnvOffsetBasis;
        Span<byte> utf8 = stackalloc byte[4];
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            int length = Rune.ToLowerInvariant(rune).EncodeToUtf8(utf8);
            for (int k = 0; k < length; k++)
            {
                hash = HashByte(hash, utf8[k]);
            }
        }

        return hash;
    }

    private static ulong HashChar(ulong hash, char c)
    {
        if (c < 0x80)
        {
            return HashByte(hash, (byte)c);
        }

        if (c < 0x800)
        {
            hash = HashByte(hash, (byte)(0xC0 | (c >> 6)));
            return HashByte(hash, (byte)(0x80 | (c & 0x3F)));
        }

        hash = HashByte(hash, (byte)(0xE0 | (c >> 12)));
        hash = HashByte(hash, (byte)(0x80 | ((c >> 6) & 0x3F)));
        return HashByte(hash, (byte)(0x80 | (c & 0x3F)));
    }

    private static ulong HashByte(ulong hash, byte b) => (hash ^ b) * FnvPrime;
}
