using System.Text;
using static CxCluster.Grains.Trust.Grammar.Characters;

namespace CxCluster.Grains.Trust;

/// <summary>The fingerprint of a message (<see cref="MessageSignals.Fingerprint"/>): FNV-1a over its normalized form.</summary>
internal static class MessageFingerprint
{
    private const ulong FnvOffsetBasis = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>The hash <see cref="MessageSignals.Fingerprint"/> documents, of a non-null text.</summary>
    public static ulong Compute(string text)
    {
        ulong hash = FnvOffsetBasis;
        bool emitted = false;
        bool pendingSpace = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (!IsJoiner(text, i))
                {
                    pendingSpace = emitted;
                }

                i++;
                continue;
            }

            char lower = char.ToLowerInvariant(c);
            int run = 1;
            while (i + run < text.Length && char.ToLowerInvariant(text[i + run]) == lower)
            {
                run++;
            }

            int times = char.IsLetter(lower) && run >= 3 ? 1 : run;
            if (pendingSpace)
            {
                hash = HashChar(hash, ' ');
                pendingSpace = false;
            }

            for (int k = 0; k < times; k++)
            {
                hash = HashChar(hash, lower);
            }

            emitted = true;
            i += run;
        }

        return emitted ? hash : HashSymbols(text);
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
