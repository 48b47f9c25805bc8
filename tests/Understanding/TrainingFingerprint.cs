using System.Security.Cryptography;
using System.Text;

namespace CxCluster.Understanding;

/// <summary>
/// A SHA-256 of everything the trainer's result depends on in the repository's data: every train line with its
/// language and class, in corpus order, and every language's <c>lexicon.tsv</c> and <c>phrases.tsv</c> (the grammar
/// the thresholds are chosen with). The trainer stores it in the model; a test compares it with the data in the
/// repository, so phrasings or words added without retraining are caught. Line endings do not count.
/// </summary>
public static class TrainingFingerprint
{
    /// <summary>The grammar's data files of each language folder that count.</summary>
    public static readonly string[] GrammarFiles = ["lexicon.tsv", "phrases.tsv"];

    /// <summary>The fingerprint of the train split of <paramref name="corpus"/> and the grammar files under <paramref name="directory"/>.</summary>
    public static byte[] Compute(Corpus corpus, string directory)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(directory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (CorpusLine line in corpus.InSplit(Split.Train))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{line.Language}\t{Corpus.ClassName(line.Class)}\t{line.Text}\n"));
        }

        foreach (string language in corpus.Languages)
        {
            foreach (string name in GrammarFiles)
            {
                string path = Path.Combine(directory, language, name);
                string text = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
                hash.AppendData(Encoding.UTF8.GetBytes($"{language}/{name}\n{text}\n"));
            }
        }

        return hash.GetHashAndReset();
    }
}
