using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>A data file of the lexicon: the name its errors give and its text.</summary>
internal readonly record struct LexiconFile(string Name, string Text);

/// <summary>A loaded lexicon: every spelling mapped onto its canonical word, and the tone phrases by their first word.</summary>
internal sealed record LexiconTables(FrozenDictionary<string, Lex> Words, FrozenDictionary<string, Phrase[]> PhrasesByFirstWord);

/// <summary>
/// Reads the lexicon and the tone phrases from their data files, one of each per language, and merges the
/// languages into one lexicon. The format is described at the top of every file.
/// </summary>
/// <remarks>
/// Words: <c>categories&lt;TAB&gt;canonical[&lt;TAB&gt;variant variant ...]</c>, the categories being <see cref="Cat"/>
/// names separated by spaces. Phrases: <c>tone&lt;TAB&gt;word word ...</c>, a <see cref="Tone"/> name and canonical
/// words. Lines starting with '#' and blank lines are ignored. A malformed line, an unknown category or tone, a
/// spelling given twice with a different canonical word or categories, a phrase word that is not a canonical word and
/// a phrase given twice with different tones throw an <see cref="InvalidDataException"/> naming the file and line.
/// </remarks>
internal static class LexiconLoader
{
    /// <summary>The embedded data files are named this, then <c>&lt;language&gt;.lexicon.tsv</c> or <c>&lt;language&gt;.phrases.tsv</c>.</summary>
    public const string ResourcePrefix = "CxCluster.Grains.Trust.Grammar.";

    public const string WordsFileName = "lexicon.tsv";

    public const string PhrasesFileName = "phrases.tsv";

    /// <summary>Loads the data files embedded into this assembly (src/Grains/Grains.csproj), every language.</summary>
    public static LexiconTables LoadEmbedded()
    {
        Assembly assembly = typeof(LexiconLoader).Assembly;
        string[] names = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        LexiconFile[] wordFiles = ReadEmbedded(assembly, names, WordsFileName);
        if (wordFiles.Length == 0)
        {
            throw new InvalidOperationException(
                $"The Grains assembly was built without its lexicon ({ResourcePrefix}<language>.{WordsFileName}, from data/understanding/<language>/{WordsFileName}).");
        }

        return Load(wordFiles, ReadEmbedded(assembly, names, PhrasesFileName));
    }

    /// <summary>Reads and merges the words of <paramref name="wordFiles"/>, then the phrases of <paramref name="phraseFiles"/>.</summary>
    /// <exception cref="InvalidDataException">A line of a file is wrong; the message names the file and the line.</exception>
    public static LexiconTables Load(IEnumerable<LexiconFile> wordFiles, IEnumerable<LexiconFile> phraseFiles)
    {
        ArgumentNullException.ThrowIfNull(wordFiles);
        ArgumentNullException.ThrowIfNull(phraseFiles);

        var canonicals = new Dictionary<string, (Cat Cats, bool Named, string Where)>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, (string Canonical, string Where)>(StringComparer.Ordinal);
        foreach (LexiconFile file in wordFiles)
        {
            foreach ((string where, string line) in Lines(file))
            {
                ReadWord(where, line, canonicals, spellings);
            }
        }

        Dictionary<string, Lex> lexes = canonicals.ToDictionary(c => c.Key, c => new Lex(c.Key, c.Value.Cats, c.Value.Named), StringComparer.Ordinal);
        FrozenDictionary<string, Lex> words = spellings.ToFrozenDictionary(s => s.Key, s => lexes[s.Value.Canonical], StringComparer.Ordinal);

        var phrases = new List<Phrase>();
        var seen = new Dictionary<string, (Tone Tone, string Where)>(StringComparer.Ordinal);
        foreach (LexiconFile file in phraseFiles)
        {
            foreach ((string where, string line) in Lines(file))
            {
                if (ReadPhrase(where, line, words, seen) is { } phrase)
                {
                    phrases.Add(phrase);
                }
            }
        }

        FrozenDictionary<string, Phrase[]> byFirstWord = phrases
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        return new LexiconTables(words, byFirstWord);
    }

    private static LexiconFile[] ReadEmbedded(Assembly assembly, string[] names, string fileName)
    {
        string suffix = "." + fileName;
        var files = new List<LexiconFile>();
        foreach (string name in names.Where(n => n.EndsWith(suffix, StringComparison.Ordinal)))
        {
            string language = name[ResourcePrefix.Length..^suffix.Length];
            using Stream stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded resource {name} is listed but cannot be read.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files.Add(new LexiconFile($"data/understanding/{language}/{fileName}", reader.ReadToEnd()));
        }

        return [.. files];
    }

    /// <summary>The lines that are neither blank nor comments, each with where it is ("file:line").</summary>
    private static IEnumerable<(string Where, string Line)> Lines(LexiconFile file)
    {
        string[] lines = file.Text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(line) && !line.TrimStart().StartsWith('#'))
            {
                yield return ($"{file.Name}:{i + 1}", line);
            }
        }
    }

    private static void ReadWord(
        string where,
        string line,
        Dictionary<string, (Cat Cats, bool Named, string Where)> canonicals,
        Dictionary<string, (string Canonical, string Where)> spellings)
    {
        string[] fields = line.Split('\t');
        if (fields.Length is not (2 or 3))
        {
            throw Error(where, $"expected 'categories<TAB>canonical' or 'categories<TAB>canonical<TAB>variants', found {fields.Length} tab-separated field(s)");
        }

        // "Named": a word a few rules read by its spelling; to every other it is a word the lexicon does not know.
        bool named = fields[0].Trim(' ') == NamedCategory;
        Cat cats = named ? Cat.None : ParseCategories(where, fields[0]);
        string canonical = CheckedSpelling(where, fields[1].Trim(' '));
        string[] variants = fields.Length == 3 ? fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        if (fields.Length == 3 && variants.Length == 0)
        {
            throw Error(where, "the variants field is empty; leave out the tab before it");
        }

        if (canonicals.TryGetValue(canonical, out var known))
        {
            if (known.Cats != cats || known.Named != named)
            {
                throw Error(where, $"'{canonical}' plays {(named ? NamedCategory : Names(cats))} here but {(known.Named ? NamedCategory : Names(known.Cats))} at {known.Where}");
            }
        }
        else
        {
            canonicals.Add(canonical, (cats, named, where));
        }

        AddSpelling(canonical);
        foreach (string variant in variants)
        {
            AddSpelling(CheckedSpelling(where, variant));
        }

        void AddSpelling(string spelling)
        {
            if (!spellings.TryGetValue(spelling, out var other))
            {
                spellings.Add(spelling, (canonical, where));
            }
            else if (other.Canonical != canonical)
            {
                string here = spelling == canonical ? "is a canonical word here" : $"reads as '{canonical}' here";
                string there = spelling == other.Canonical ? "is a canonical word" : $"reads as '{other.Canonical}'";
                throw Error(where, $"the spelling '{spelling}' {here} but {there} at {other.Where}");
            }
        }
    }

    private static Phrase? ReadPhrase(string where, string line, FrozenDictionary<string, Lex> words, Dictionary<string, (Tone Tone, string Where)> seen)
    {
        string[] fields = line.Split('\t');
        if (fields.Length != 2)
        {
            throw Error(where, $"expected 'tone<TAB>word word ...', found {fields.Length} tab-separated field(s)");
        }

        string toneName = fields[0].Trim(' ');
        if (!IsName(toneName) || !Enum.TryParse(toneName, ignoreCase: false, out Tone tone))
        {
            throw Error(where, $"unknown tone '{toneName}'; known: {string.Join(' ', Enum.GetNames<Tone>())}");
        }

        string[] phraseWords = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (phraseWords.Length < 2 && tone is not (Tone.Praise or Tone.Expletive))
        {
            throw Error(where, "a phrase has at least two words; give a single word its tone in the lexicon");
        }

        if (tone == Tone.Expletive && phraseWords.Length != 1)
        {
            throw Error(where, "an expletive is a single word");
        }

        foreach (string word in phraseWords)
        {
            if (!words.TryGetValue(word, out Lex? lex))
            {
                throw Error(where, $"the phrase word '{word}' is not in the lexicon; add it there (with the category None if it plays no part alone)");
            }

            if (lex.Word != word)
            {
                throw Error(where, $"the phrase word '{word}' is a spelling of '{lex.Word}'; a phrase is written in canonical words");
            }
        }

        string key = string.Join(' ', phraseWords);
        if (seen.TryGetValue(key, out var other))
        {
            return other.Tone == tone
                ? null
                : throw Error(where, $"the phrase '{key}' is {tone} here but {other.Tone} at {other.Where}");
        }

        seen.Add(key, (tone, where));
        return new Phrase(tone, phraseWords);
    }

    /// <summary>The category of a word read by its spelling only (<see cref="Lex.Named"/>); it goes with no other.</summary>
    private const string NamedCategory = "Named";

    private static Cat ParseCategories(string where, string field)
    {
        string[] names = field.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            throw Error(where, "no category; a word only read inside a phrase has the category None");
        }

        Cat cats = Cat.None;
        foreach (string name in names)
        {
            if (!IsName(name) || !Enum.TryParse(name, ignoreCase: false, out Cat cat) || cat is Cat.Boundary or Cat.Question or Cat.Edge)
            {
                string known = string.Join(' ', Enum.GetNames<Cat>().Where(n => n is not (nameof(Cat.Boundary) or nameof(Cat.Question) or nameof(Cat.Edge))));
                throw Error(where, $"unknown category '{name}'; known: {known}");
            }

            if (cat == Cat.None && names.Length > 1)
            {
                throw Error(where, "None is a word that plays no part alone; it goes with no other category");
            }

            cats |= cat;
        }

        return cats;
    }

    /// <summary>Letters only, so <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> reads no number nor list.</summary>
    private static bool IsName(string name) => name.Length > 0 && name.All(char.IsAsciiLetter);

    /// <summary>A spelling the tokenizer can produce: lower case letters only, at most <see cref="Tokenizer.MaxWordLength"/>.</summary>
    private static string CheckedSpelling(string where, string spelling)
    {
        if (spelling.Length == 0 || spelling.Length > Tokenizer.MaxWordLength || !spelling.All(c => char.IsLetter(c) && char.ToLowerInvariant(c) == c))
        {
            throw Error(where, $"'{spelling}' is not a spelling: lower case letters only, 1 to {Tokenizer.MaxWordLength} of them");
        }

        return spelling;
    }

    private static string Names(Cat cats) => cats == Cat.None ? nameof(Cat.None) : cats.ToString().Replace(", ", " ", StringComparison.Ordinal);

    private static InvalidDataException Error(string where, string message) => new($"{where}: {message}");
}
