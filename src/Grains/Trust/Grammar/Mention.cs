namespace CxCluster.Grains.Trust.Grammar;

/// <summary>What a mentioned term stands for.</summary>
internal enum Kind
{
    Agent,
    Human,
    Person,
    Bot,
    Who,

    /// <summary>A department or team: asked for only by a verb of handing over or talking.</summary>
    Team,
}

/// <summary>Where a term and its modifiers sit among the tokens, [Start, End).</summary>
internal readonly record struct Mention(int Start, int End, Kind Kind, bool Real)
{
    /// <summary>At most this many modifiers are read on each side of a term ("a real live human being"); it keeps every message linear.</summary>
    public const int MaxModifiers = 4;
}
