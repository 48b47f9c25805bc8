namespace CxCluster.Grains.Trust;

/// <summary>The trust score's slice of a conversation's state: the signals still within the fading window, and the band last recorded.</summary>
[GenerateSerializer, Alias("cx.TrustState")]
public sealed class TrustState
{
    /// <summary>Recent, not yet faded trust signals.</summary>
    [Id(0)] public List<TrustSignal> Signals { get; set; } = [];

    /// <summary>
    /// The latest time an event that recorded something was scored at (its <c>occurredAt</c>, never later than the silo's
    /// now), as its facts tell it: the "now" penalties fade against.
    /// </summary>
    [Id(1)] public DateTimeOffset Clock { get; set; }

    /// <summary>The trust band last recorded: a change of band is a fact.</summary>
    [Id(2)] public TrustBand Band { get; set; }

    /// <summary>A human was offered in the current warning episode.</summary>
    [Id(3)] public bool HumanOffered { get; set; }

    /// <summary>Fingerprints of the customer's latest messages, newest last, to notice repetition.</summary>
    [Id(4)] public List<ulong> RecentMessages { get; set; } = [];

    /// <summary>The score after each of the latest scored moments, oldest first: how trust went, for the agent who takes over.</summary>
    [Id(5)] public List<TrustPoint> Trajectory { get; set; } = [];

    /// <summary>The offer of a person the customer's next message may answer: made by a warning or ending an identity answer, until the customer writes.</summary>
    [Id(6)] public OfferAwaiting OfferAwaiting { get; set; }
}
