namespace CxCluster.Abstractions.Facts;

/// <summary>A signal moved the trust score (from a customer message or measured by the platform).</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.TrustSignalled")]
public sealed record TrustSignalled : Fact
{
    [Id(0)] public required string Name { get; init; }
    /// <summary>The full, unfaded change of the score.</summary>
    [Id(1)] public required double Delta { get; init; }
    /// <summary>
    /// When its event happened, when that was before what the conversation had already recorded (sent late: a backlog
    /// replayed, a clock behind): the fact is recorded at the conversation's latest time, and the signal fades from
    /// when it happened, as the contract's "a penalty fades by the events' occurredAt" asks. Null otherwise.
    /// </summary>
    [Id(2)] public DateTimeOffset? HappenedAt { get; init; }
    public override string Type => "trust.signalled";
}

/// <summary>The trust score crossed into another band.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.TrustChanged")]
public sealed record TrustChanged : Fact
{
    [Id(0)] public required int Score { get; init; }
    [Id(1)] public required TrustBand Band { get; init; }
    [Id(2)] public required TrustBand PreviousBand { get; init; }
    public override string Type => "trust.changed";
}

/// <summary>Trust fell into the warning band and the customer was offered a human.</summary>
[GenerateSerializer, Immutable, Alias("cx.fact.HumanOffered")]
public sealed record HumanOffered : Fact
{
    [Id(0)] public required int Score { get; init; }
    public override string Type => "human.offered";
}
