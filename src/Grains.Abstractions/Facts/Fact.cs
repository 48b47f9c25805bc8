namespace CxCluster.Abstractions.Facts;

/// <summary>
/// Something that happened in a conversation (or to an agent), recorded once and never changed: one record type per
/// <c>type</c> of the contract's Fact table. <see cref="Type"/> is that wire name.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.Fact")]
public abstract record Fact
{
    /// <summary>When it happened.</summary>
    [Id(0)] public required DateTimeOffset At { get; init; }

    /// <summary>
    /// When the trust score counted the event that recorded this fact, if that was sooner than <see cref="At"/>: an
    /// event stamped ahead of the silo's clock is recorded at its time but scored at the silo's now. Kept in the journal
    /// so a rebuilt conversation's clock is the live one; never told.
    /// </summary>
    [Id(1)] public DateTimeOffset? ScoredAt { get; init; }

    /// <summary>The contract's name for this kind of fact, e.g. <c>disclosure.issued</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The set is closed: every kind of fact is declared here, beside the others.</summary>
    private protected Fact()
    {
    }
}
