namespace CxCluster.Grains.Privacy;

/// <summary>
/// The words of the names one conversation's messages were found to hold ("Budi", "Santoso" of "my name is Budi Santoso"),
/// so a later message that uses one alone ("Budi will pick it up") has it replaced too. Kept in memory only, by the
/// conversation that reads its messages: a name is personal data, so it is never stored; a conversation that leaves memory
/// forgets them, and an erased one lets them go.
/// </summary>
public sealed class NamesSeen
{
    /// <summary>At most this many words are kept; past it, no more are (one conversation names a handful of people, the customer first).</summary>
    public const int MaxWords = 16;

    /// <summary>A word this short ("Al", "Jo") is too often something else to be looked for alone.</summary>
    public const int MinWordLength = 3;

    /// <summary>Made with the first word: most conversations name nobody.</summary>
    private List<string>? _words;

    public int Count => _words?.Count ?? 0;

    public IReadOnlyList<string> Words => (IReadOnlyList<string>?)_words ?? [];

    /// <summary>Keeps <paramref name="word"/> (compared without case) unless it is kept already.</summary>
    public void Add(ReadOnlySpan<char> word)
    {
        if (word.Length < MinWordLength)
        {
            return;
        }
        _words ??= [];
        foreach (var known in _words)
        {
            if (word.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }
        if (_words.Count < MaxWords)
        {
            _words.Add(word.ToString());
        }
    }

    public void Clear() => _words = null;
}
