using System.Text;

namespace CxCluster.Understanding;

/// <summary>One thing wrong with the corpus, at a file and line.</summary>
public sealed record CorpusProblem(string File, int LineNumber, string Message)
{
    public override string ToString() => LineNumber > 0 ? $"{File}:{LineNumber}: {Message}" : $"{File}: {Message}";
}

/// <summary>
/// Keeps the corpus honest: every message is in it once. The same message twice in a class is a duplicate (it
/// counts twice); in both splits it leaks the held-out part into training; in two classes it contradicts itself.
/// Messages are compared by <see cref="Key"/>, so case, punctuation and spacing do not make two lines different.
/// </summary>
public static class CorpusCheck
{
    /// <summary>Everything wrong with <paramref name="corpus"/>, in file order; empty when it is fine.</summary>
    public static IReadOnlyList<CorpusProblem> Check(Corpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var problems = new List<CorpusProblem>();

        foreach (string language in corpus.Languages)
        {
            foreach (MessageClass messageClass in Enum.GetValues<MessageClass>())
            {
                foreach (Split split in Enum.GetValues<Split>())
                {
                    string file = $"{language}/{Corpus.FileName(messageClass, split)}";
                    if (!corpus.Files.Contains(file, StringComparer.Ordinal))
                    {
                        problems.Add(new CorpusProblem(file, 0, "missing: every language has a file for every class and split"));
                    }
                }
            }
        }

        var first = new Dictionary<string, CorpusLine>(StringComparer.Ordinal);
        foreach (CorpusLine line in corpus.Lines)
        {
            string key = Key(line.Text);
            if (key.Length == 0)
            {
                problems.Add(new CorpusProblem(line.File, line.LineNumber, "has no letter or digit"));
                continue;
            }

            if (!first.TryAdd(key, line))
            {
                CorpusLine earlier = first[key];
                string what = earlier.Class != line.Class ? "in two classes"
                    : earlier.Split != line.Split ? "in two splits"
                    : "a duplicate";
                problems.Add(new CorpusProblem(line.File, line.LineNumber, $"{what}: \"{line.Text}\" is already at {earlier.Location} (\"{earlier.Text}\")"));
            }
        }

        return problems;
    }

    /// <summary>
    /// What two lines are compared by: lower case, letters and digits only, words separated by one space
    /// ("Are you a BOT??" and "are you a bot" have the same key).
    /// </summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && key.Length > 0)
                {
                    key.Append(' ');
                }

                pendingSpace = false;
                key.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return key.ToString();
    }
}
