namespace CxCluster.Grains.Trust.Grammar;

/// <summary>The tone a phrase gives a message.</summary>
internal enum Tone
{
    Negative,
    Abusive,
    Thanks,
}

/// <summary>A run of canonical words with a tone.</summary>
internal sealed class Phrase(Tone tone, params string[] words)
{
    public Tone Tone { get; } = tone;

    public string[] Words { get; } = words;
}
