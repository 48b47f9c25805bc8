namespace CxCluster.Grains.Trust.Grammar;

/// <summary>One canonical word and the parts it can play: a token of a message.</summary>
internal sealed class Lex(string word, Cat cats, bool named = false)
{
    /// <summary>A word that is not in the lexicon.</summary>
    public static readonly Lex Unknown = new("", Cat.None);

    /// <summary>A word with a digit in it ("123", "a1"), other than a lone "1".</summary>
    public static readonly Lex Number = new("#", Cat.None);

    /// <summary>
    /// The number 1 written as a lone digit: a number to every pattern (<see cref="IsNumber"/>), told apart only where its
    /// value matters ("1 star", "bintang 1" rate the lowest).
    /// </summary>
    public static readonly Lex One = new("#", Cat.None);

    /// <summary>A clause boundary: punctuation other than '?'. The tokenizer emits this very instance.</summary>
    public static readonly Lex Boundary = new("|", Cat.Boundary);

    /// <summary>A question mark. The tokenizer emits this very instance.</summary>
    public static readonly Lex QuestionMark = new("?", Cat.Question);

    public string Word { get; } = word;

    public Cat Cats { get; } = cats;

    /// <summary>
    /// A word of the lexicon's <c>Named</c> category (a language, a platform, a verb of sharing): the few rules that need it
    /// read it by its spelling, and to every rule that looks for a word the lexicon does not know ("the billing team", "an
    /// English speaking agent") it is one.
    /// </summary>
    public bool Named { get; } = named;

    /// <summary>Whether the grammar reads this as a word the lexicon does not know: <see cref="Unknown"/>, or a <see cref="Named"/> word.</summary>
    public bool IsUnknown => Named || ReferenceEquals(this, Unknown);

    /// <summary>Whether this is a word with a digit in it: <see cref="Number"/> or <see cref="One"/>.</summary>
    public bool IsNumber => ReferenceEquals(this, Number) || ReferenceEquals(this, One);
}
