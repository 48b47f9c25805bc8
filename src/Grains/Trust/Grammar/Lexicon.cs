using System.Collections.Frozen;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// The words the grammar reads and the tone phrases, loaded once from the data files embedded into the assembly
/// (<c>data/understanding/*/lexicon.tsv</c> and <c>phrases.tsv</c>, read by <see cref="LexiconLoader"/>); immutable.
/// </summary>
internal static class Lexicon
{
    private static readonly LexiconTables Embedded = LexiconLoader.LoadEmbedded();

    /// <summary>Every spelling, mapped onto its canonical word and the parts it plays.</summary>
    public static readonly FrozenDictionary<string, Lex> Words = Embedded.Words;

    /// <summary><see cref="Words"/> looked up by the characters of a word, without allocating a string.</summary>
    public static readonly FrozenDictionary<string, Lex>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every spelling of an abusive word with its entry, for reading one whose letters are masked by stars ("f***", "b*ngsat").</summary>
    public static readonly KeyValuePair<string, Lex>[] AbusiveSpellings =
        [.. Words.Where(w => (w.Value.Cats & Cat.Abusive) != 0).OrderBy(w => w.Key, StringComparer.Ordinal)];

    /// <summary>The tone phrases by their first canonical word.</summary>
    public static readonly FrozenDictionary<string, Phrase[]> PhrasesByFirstWord = Embedded.PhrasesByFirstWord;
}
