using System.Text;

namespace CxCluster.Understanding;

/// <summary>One message the trainer learns from: a train line or a variant of it, and the train line it comes from.</summary>
/// <param name="Source">The index of the train line it was made from, in the list given to <see cref="Augmentation.Expand"/>.</param>
/// <param name="Text">The message.</param>
public readonly record struct TrainingText(int Source, string Text);

/// <summary>
/// Label-preserving variants of the train lines, so the model learns the kinds of variation customers add to any
/// phrasing rather than the exact spellings of the corpus: a typo in one word (a letter swapped with the next,
/// dropped or doubled), a form of address or tag after the message ("... kak", "... mate") and a form of address
/// before it ("admin, ...", "Hi support, ..."). The last two matter for negatives as much as for positives:
/// "admin, is the size 9 back?" is still an ordinary question. Only train lines are expanded, with a fixed seed,
/// so the same corpus always gives the same rows; a variant always stays in its line's cross-validation fold.
/// </summary>
public static class Augmentation
{
    /// <summary>The seed of the variants; changing it changes the model.</summary>
    public const int Seed = 20261130;

    /// <summary>Typo variants made of each line.</summary>
    public const int TyposPerLine = 2;

    private static readonly string[] IndonesianTails =
    [
        "kak", "ya kak", "min", "sih min", "gan", "sis", "bang", "pak", "bu", "mbak", "mas", "dong", "deh", "nih", "ya", "kah",
        "to", "po", "euy", "bah", "di", "ji", "lah", "om", "bos", "cuy", "bro", "nggih", "wae", "toh", "kan", "ka", "say",
    ];

    private static readonly string[] EnglishTails =
    [
        "mate", "sir", "maam", "pls", "please", "lah", "leh", "lor", "po", "bro", "man", "dude", "right", "yeah", "innit", "ah",
        "thanks", "boss", "ok", "ya", "hun", "love", "madam", "guys", "then", "eh",
    ];

    private static readonly string[] IndonesianOpenings =
    [
        "admin,", "min,", "kak,", "halo kak,", "CS,", "gan,", "sis,", "halo admin,", "permisi kak,", "pagi min,", "mimin,", "bang,", "pak,",
        "bu,", "halo,", "assalamualaikum,", "punten,", "mas,", "mbak,", "kakak,", "sore kak,", "halo CS,",
    ];

    private static readonly string[] EnglishOpenings =
    [
        "Admin,", "CS,", "Hi support,", "Hello,", "Hi team,", "Dear customer service,", "Hey,", "Agent,", "Good morning,", "Support,",
        "Hi there,", "Hello po,", "Hi admin,", "Excuse me,", "Dear sir,", "Customer care,", "Hiya,", "Hi CS,",
    ];

    /// <summary>
    /// Every line as it is, then its variants, each tagged with the index of its line; deterministic for a given
    /// list.
    /// </summary>
    public static IReadOnlyList<TrainingText> Expand(IReadOnlyList<CorpusLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var random = new Random(Seed);
        var rows = new List<TrainingText>(lines.Count * (TyposPerLine + 3));
        for (int i = 0; i < lines.Count; i++)
        {
            rows.Add(new TrainingText(i, lines[i].Text));
        }

        for (int i = 0; i < lines.Count; i++)
        {
            CorpusLine line = lines[i];
            bool indonesian = string.Equals(line.Language, "id", StringComparison.Ordinal);
            for (int k = 0; k < TyposPerLine; k++)
            {
                string? typo = WithTypo(line.Text, random);
                if (typo is not null)
                {
                    rows.Add(new TrainingText(i, typo));
                }
            }

            string[] tails = indonesian ? IndonesianTails : EnglishTails;
            rows.Add(new TrainingText(i, WithTail(line.Text, tails[random.Next(tails.Length)])));
            string[] openings = indonesian ? IndonesianOpenings : EnglishOpenings;
            rows.Add(new TrainingText(i, $"{openings[random.Next(openings.Length)]} {LowerFirst(line.Text)}"));
        }

        return rows;
    }

    /// <summary>
    /// The text with one word of four letters or more misspelt: two letters swapped, one dropped or one doubled;
    /// <see langword="null"/> when it has no such word.
    /// </summary>
    public static string? WithTypo(string text, Random random)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(random);
        var words = new List<(int Start, int Length)>();
        int at = 0;
        while (at < text.Length)
        {
            if (!char.IsLetter(text[at]))
            {
                at++;
                continue;
            }

            int start = at;
            while (at < text.Length && char.IsLetter(text[at]))
            {
                at++;
            }

            if (at - start >= 4)
            {
                words.Add((start, at - start));
            }
        }

        if (words.Count == 0)
        {
            return null;
        }

        var (wordStart, length) = words[random.Next(words.Count)];
        // Never the first letter: people rarely mistype it.
        int position = wordStart + 1 + random.Next(length - 1);
        var builder = new StringBuilder(text);
        switch (random.Next(3))
        {
            case 0 when position + 1 < wordStart + length:
                (builder[position], builder[position + 1]) = (builder[position + 1], builder[position]);
                break;
            case 1:
                builder.Remove(position, 1);
                break;
            default:
                builder.Insert(position, text[position]);
                break;
        }

        string result = builder.ToString();
        return string.Equals(result, text, StringComparison.Ordinal) ? null : result;
    }

    /// <summary>The text with a tag after it, before its closing question mark when it has one ("bot ya?" → "bot ya kak?").</summary>
    public static string WithTail(string text, string tail)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.TrimEnd();
        int end = trimmed.Length;
        while (end > 0 && trimmed[end - 1] is '?' or '!' or '.')
        {
            end--;
        }

        return $"{trimmed[..end]} {tail}{trimmed[end..]}";
    }

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
