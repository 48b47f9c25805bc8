using System.Text;

namespace CxCluster.Understanding;

/// <summary>What a corpus line is labelled as.</summary>
public enum MessageClass
{
    /// <summary>Asks whether they are talking to a bot, an AI, a machine or a recording, or to a person.</summary>
    Identity,

    /// <summary>Asks to be put through to a person: a human, an agent, CS, an operator.</summary>
    Human,

    /// <summary>Everything else, hard negatives included.</summary>
    Other,

    /// <summary>Asks whether it is a bot and asks for a person: positive for both signals.</summary>
    Both,
}

/// <summary>Which part of the corpus a line is in: the recogniser learns from <see cref="Train"/> only.</summary>
public enum Split
{
    Train,
    Heldout,
}

/// <summary>One labelled customer message.</summary>
/// <param name="Language">The language folder it comes from (<c>id</c>, <c>en</c>).</param>
/// <param name="Class">Its label.</param>
/// <param name="Split">The split it belongs to.</param>
/// <param name="Text">The message, as written in the file.</param>
/// <param name="File">The file it was read from, relative to the corpus folder (<c>id/human.train.txt</c>).</param>
/// <param name="LineNumber">Its line in that file, from 1.</param>
public sealed record CorpusLine(string Language, MessageClass Class, Split Split, string Text, string File, int LineNumber)
{
    /// <summary>A positive for the identity signal: an <c>identity</c> or a <c>both</c> line.</summary>
    public bool IsIdentity => Class is MessageClass.Identity or MessageClass.Both;

    /// <summary>A positive for the request-for-a-person signal: a <c>human</c> or a <c>both</c> line.</summary>
    public bool IsHuman => Class is MessageClass.Human or MessageClass.Both;

    /// <summary>Where it is, as <c>file:line</c>.</summary>
    public string Location => $"{File}:{LineNumber}";
}

/// <summary>
/// The labelled corpus: <c>{lang}/{class}.{split}.txt</c> under one folder, UTF-8, one message a line, lines starting
/// with <c>#</c> and blank lines ignored.
/// </summary>
public sealed class Corpus
{
    /// <summary>The corpus folder inside the repository.</summary>
    public const string DefaultRelativePath = "data/understanding";

    private Corpus(IReadOnlyList<CorpusLine> lines, IReadOnlyList<string> files)
    {
        Lines = lines;
        Files = files;
    }

    /// <summary>Every line, in file order (languages, then classes, then splits, by name).</summary>
    public IReadOnlyList<CorpusLine> Lines { get; }

    /// <summary>The files read, relative to the corpus folder.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The languages present, by name.</summary>
    public IReadOnlyList<string> Languages => Lines.Select(l => l.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The lines of one split.</summary>
    public IReadOnlyList<CorpusLine> InSplit(Split split) => Lines.Where(l => l.Split == split).ToArray();

    /// <summary>A corpus made of the given lines, for tests and tools.</summary>
    public static Corpus FromLines(IEnumerable<CorpusLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var all = lines.ToArray();
        return new Corpus(all, all.Select(l => l.File).Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// Reads every <c>{lang}/{class}.{split}.txt</c> under <paramref name="directory"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">A <c>.txt</c> file whose name is not a known class and split, or no file at all.</exception>
    public static Corpus Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"the corpus folder {directory} does not exist");
        }

        var lines = new List<CorpusLine>();
        var files = new List<string>();
        foreach (string languageDirectory in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            string language = Path.GetFileName(languageDirectory);
            foreach (string path in Directory.GetFiles(languageDirectory, "*.txt").Order(StringComparer.Ordinal))
            {
                string relative = $"{language}/{Path.GetFileName(path)}";
                if (!TryParseFileName(Path.GetFileName(path), out MessageClass messageClass, out Split split))
                {
                    throw new InvalidDataException($"{relative}: not a corpus file name; expected {{class}}.{{split}}.txt with class identity, human, other or both and split train or heldout");
                }

                files.Add(relative);
                string[] raw = File.ReadAllLines(path, Encoding.UTF8);
                for (int i = 0; i < raw.Length; i++)
                {
                    string text = raw[i].Trim();
                    if (text.Length == 0 || text[0] == '#')
                    {
                        continue;
                    }

                    lines.Add(new CorpusLine(language, messageClass, split, text, relative, i + 1));
                }
            }
        }

        if (files.Count == 0)
        {
            throw new InvalidDataException($"the corpus folder {directory} holds no {{lang}}/{{class}}.{{split}}.txt file");
        }

        return new Corpus(lines, files);
    }

    /// <summary>The file name of a class and split: <c>identity.train.txt</c>.</summary>
    public static string FileName(MessageClass messageClass, Split split) => $"{ClassName(messageClass)}.{SplitName(split)}.txt";

    /// <summary>A class as it is spelled in file names.</summary>
    public static string ClassName(MessageClass messageClass) => messageClass switch
    {
        MessageClass.Identity => "identity",
        MessageClass.Human => "human",
        MessageClass.Other => "other",
        MessageClass.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(messageClass)),
    };

    /// <summary>A split as it is spelled in file names and on the command line.</summary>
    public static string SplitName(Split split) => split switch
    {
        Split.Train => "train",
        Split.Heldout => "heldout",
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    };

    /// <summary>Reads a split as spelled on the command line.</summary>
    public static bool TryParseSplit(string text, out Split split)
    {
        foreach (Split candidate in Enum.GetValues<Split>())
        {
            if (string.Equals(SplitName(candidate), text, StringComparison.Ordinal))
            {
                split = candidate;
                return true;
            }
        }

        split = default;
        return false;
    }

    private static bool TryParseFileName(string fileName, out MessageClass messageClass, out Split split)
    {
        foreach (MessageClass c in Enum.GetValues<MessageClass>())
        {
            foreach (Split s in Enum.GetValues<Split>())
            {
                if (string.Equals(FileName(c, s), fileName, StringComparison.Ordinal))
                {
                    messageClass = c;
                    split = s;
                    return true;
                }
            }
        }

        messageClass = default;
        split = default;
        return false;
    }
}
