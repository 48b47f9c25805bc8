namespace CxCluster.Grains.Trust.Grammar;

/// <summary>The tone a phrase gives a message.</summary>
internal enum Tone
{
    Negative,
    Abusive,
    Thanks,

    /// <summary>
    /// Praise or relief ("keren", "finally", "that was fast", "hell yeah"): gives the message no tone of its own, but an
    /// expletive beside it is delight rather than anger ("anjir keren", "damn that was quick"). May be a single word.
    /// </summary>
    Praise,

    /// <summary>
    /// An exclamation that is abusive or negative by itself ("damn", "shit", "anjir", "hell") but only an intensifier
    /// beside praise or thanks with nothing else negative or abusive in the message. May be a single word.
    /// </summary>
    Expletive,
}

/// <summary>A run of canonical words with a tone.</summary>
internal sealed class Phrase(Tone tone, params string[] words)
{
    public Tone Tone { get; } = tone;

    public string[] Words { get; } = words;
}
