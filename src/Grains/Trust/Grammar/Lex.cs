namespace CxCluster.Grains.Trust.Grammar;

/// <summary>One canonical word and the parts it can play: a token of a message.</summary>
internal sealed class Lex(string word, Cat cats)
{
    /// <summary>A word that is not in the lexicon.</summary>
    public static readonly Lex Unknown = new("", Cat.None);

    /// <summary>A word with a digit in it ("123", "a1").</summary>
    public static readonly Lex Number = new("#", Cat.None);

    /// <summary>A clause boundary: punctuation other than '?'. The tokenizer emits this very instance.</summary>
    public static readonly Lex Boundary = new("|", Cat.Boundary);

    /// <summary>A question mark. The tokenizer emits this very instance.</summary>
    public static readonly Lex QuestionMark = new("?", Cat.Question);

    public string Word { get; } = word;

    public Cat Cats { get; } = cats;
}
