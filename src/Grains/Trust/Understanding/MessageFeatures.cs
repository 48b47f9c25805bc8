using System.Buffers;
using System.Text;
using CxCluster.Grains.Trust.Grammar;

namespace CxCluster.Grains.Trust.Understanding;

/// <summary>
/// Turns a customer message into hashed features for the learnt recogniser. The same code computes the features
/// when the model is trained (tests/Understanding, <c>train</c>) and on the hot path, so the two always agree.
/// </summary>
/// <remarks>
/// <para>Normalisation: lower case (invariant), accents folded ("é" reads as "e"), apostrophes dropped inside a word
/// ("don't" reads as "dont", "ki'" as "ki"), every other character that is not a letter (digits, punctuation,
/// symbols, white space) is a word boundary, a pictograph that stands for a word is read as that word
/// (<see cref="Pictographs"/>: "🤖" reads as "bot"), and a letter repeated more than twice is kept twice ("pleaseee" reads
/// as "pleasee"). Only the first <see cref="MaxNormalizedLength"/> normalised characters are read.</para>
/// <para>Features, each hashed with 32-bit FNV-1a over UTF-16 code units with a tag for its kind, then folded into
/// <see cref="BucketCount"/> buckets: the character n-grams of length 2 to 5 of the normalised text that start on a
/// word or on the boundary mark before it, so they may reach across the next mark into the next word (" bot to "
/// gives " b", "bo", "ot", "t ", " bo", ..., "ot t", "t to"), every word, and every pair of adjacent words. A
/// feature that occurs twice is emitted twice, so a weight vector's dot product with the counts is the plain sum of
/// the weights of the emitted buckets.</para>
/// </remarks>
public static class MessageFeatures
{
    /// <summary>Buckets are <c>2^BucketBits</c>.</summary>
    public const int BucketBits = 18;

    /// <summary>The number of hash buckets, the length of a weight vector.</summary>
    public const int BucketCount = 1 << BucketBits;

    /// <summary>Normalised characters beyond this are not read: a message is a chat line, not a document.</summary>
    public const int MaxNormalizedLength = 1024;

    /// <summary>Smallest character n-gram.</summary>
    public const int MinGram = 2;

    /// <summary>Largest character n-gram.</summary>
    public const int MaxGram = 5;

    private const uint FnvOffsetBasis = 2166136261u;
    private const uint FnvPrime = 16777619u;
    private const char Mark = ' ';
    private const char GramTag = 'c';
    private const char WordTag = 'w';
    private const char PairTag = 'p';

    /// <summary>Accent folding for U+00C0..U+024F: the base letter, or the character itself; immutable.</summary>
    private static readonly string Folding = BuildFolding();

    private const char FoldingStart = '\u00C0';

    /// <summary>An upper bound of the features emitted for a normalised text of <paramref name="normalizedLength"/> characters.</summary>
    public static int MaxFeatures(int normalizedLength) => (5 * normalizedLength) + 8;

    /// <summary>
    /// Writes the normalised text into <paramref name="into"/>: words separated by one space, with a space before the
    /// first and after the last (or nothing at all when the message has no letter). Returns its length.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> into)
    {
        int n = 0;
        int limit = Math.Min(into.Length, MaxNormalizedLength);
        if (limit < 3)
        {
            return 0;
        }

        char last = Mark;
        int run = 0;
        for (int at = 0; at < text.Length; at++)
        {
            if (Pictographs.WordAt(text, at) is { } pictograph)
            {
                // "🤖" reads as the word "bot", a word of its own; the letters of a word are never repeated.
                if (n + pictograph.Length + 2 > limit)
                {
                    break;
                }

                if (last != Mark || n == 0)
                {
                    into[n++] = Mark;
                }

                pictograph.AsSpan().CopyTo(into[n..]);
                n += pictograph.Length;
                into[n++] = Mark;
                last = Mark;
                run = 0;
                at++;
                continue;
            }

            char c = Fold(text[at]);
            if (c is '\'' or '\u2019' or '`' or '\u00B4')
            {
                continue;
            }

            if (!char.IsLetter(c))
            {
                if (last != Mark)
                {
                    into[n++] = Mark;
                    last = Mark;
                    run = 0;
                }

                continue;
            }

            if (c == last)
            {
                if (++run > 2)
                {
                    continue;
                }
            }
            else
            {
                run = 1;
            }

            if (n == 0)
            {
                into[n++] = Mark;
            }

            // Room for this letter and the closing mark.
            if (n + 2 > limit)
            {
                break;
            }

            into[n++] = c;
            last = c;
        }

        if (n > 0 && into[n - 1] != Mark)
        {
            into[n++] = Mark;
        }

        return n;
    }

    /// <summary>
    /// Writes the bucket of every feature of <paramref name="text"/> into <paramref name="buckets"/> (in a stable
    /// order, repeats kept) and returns how many; <paramref name="buckets"/> must hold
    /// <see cref="MaxFeatures"/>(<see cref="MaxNormalizedLength"/>) entries.
    /// </summary>
    public static int Extract(ReadOnlySpan<char> text, Span<int> buckets)
    {
        if (buckets.Length < MaxFeatures(MaxNormalizedLength))
        {
            throw new ArgumentException($"room for {MaxFeatures(MaxNormalizedLength)} features is needed", nameof(buckets));
        }

        char[] rented = ArrayPool<char>.Shared.Rent(MaxNormalizedLength);
        try
        {
            int length = Normalize(text, rented.AsSpan(0, MaxNormalizedLength));
            return ExtractNormalized(rented.AsSpan(0, length), buckets);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The features of an already normalised text (see <see cref="Normalize"/>).</summary>
    private static int ExtractNormalized(ReadOnlySpan<char> s, Span<int> buckets)
    {
        int count = 0;
        int previousStart = -1;
        int previousEnd = -1;

        // Each word is s[start..end), with a mark at start - 1 and at end.
        int i = 1;
        while (i < s.Length)
        {
            int start = i;
            int end = s[start..].IndexOf(Mark) + start;
            // The n-grams that start in this word or on the mark before it, reaching into the next word.
            for (int gram = MinGram; gram <= MaxGram; gram++)
            {
                for (int at = start - 1; at < end && at + gram <= s.Length; at++)
                {
                    buckets[count++] = Bucket(Hash(Hash(FnvOffsetBasis, GramTag), s.Slice(at, gram)));
                }
            }

            ReadOnlySpan<char> word = s[start..end];
            buckets[count++] = Bucket(Hash(Hash(FnvOffsetBasis, WordTag), word));
            if (previousStart >= 0)
            {
                uint pair = Hash(Hash(FnvOffsetBasis, PairTag), s[previousStart..previousEnd]);
                pair = Hash(pair, Mark);
                buckets[count++] = Bucket(Hash(pair, word));
            }

            previousStart = start;
            previousEnd = end;
            i = end + 1;
        }

        return count;
    }

    private static int Bucket(uint hash) => (int)((hash ^ (hash >> BucketBits)) & (BucketCount - 1));

    private static uint Hash(uint hash, char c) => (hash ^ c) * FnvPrime;

    private static uint Hash(uint hash, ReadOnlySpan<char> chars)
    {
        foreach (char c in chars)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }

    private static char Fold(char c)
    {
        c = char.ToLowerInvariant(c);
        int at = c - FoldingStart;
        return (uint)at < (uint)Folding.Length ? Folding[at] : c;
    }

    private static string BuildFolding()
    {
        var table = new StringBuilder();
        for (char c = FoldingStart; c <= '\u024F'; c++)
        {
            string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            char folded = decomposed.Length > 0 && decomposed[0] < 128 && char.IsLetter(decomposed[0]) ? decomposed[0] : c;
            table.Append(char.ToLowerInvariant(folded));
        }

        return table.ToString();
    }
}
