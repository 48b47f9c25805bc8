namespace CxCluster.Grains.Disclosure;

/// <summary>The disclosure's slice of a conversation's state: every notice issued and whether the next answer must lead with one.</summary>
[GenerateSerializer, Alias("cx.DisclosureState")]
public sealed class DisclosureState
{
    /// <summary>Every disclosure issued, oldest first; the last is the one in force.</summary>
    [Id(0)] public List<IssuedDisclosure> Issued { get; set; } = [];

    /// <summary>
    /// True when the next answer must lead with the current disclosure (after the AI takes over from a human): the answer
    /// to the next event that records something, whose first fact clears it.
    /// </summary>
    [Id(1)] public bool Announce { get; set; }

    /// <summary>The disclosure in force: the last one issued.</summary>
    public IssuedDisclosure? Current => Issued.Count == 0 ? null : Issued[^1];

    /// <summary>The disclosure in force was confirmed on <paramref name="channel"/> (the channel the customer is on now).</summary>
    public bool DeliveredOn(Channel channel) => Current is { DeliveredAt: not null } current && current.Channel == channel;
}

/// <summary>One disclosure: the proof of what the customer was told, where and when.</summary>
[GenerateSerializer, Alias("cx.IssuedDisclosure")]
public sealed class IssuedDisclosure
{
    [Id(0)] public required string DisclosureId { get; init; }
    [Id(1)] public required Channel Channel { get; init; }
    [Id(2)] public required string Locale { get; init; }
    [Id(3)] public required string Text { get; init; }
    [Id(4)] public required DateTimeOffset IssuedAt { get; init; }
    [Id(5)] public DateTimeOffset? DeliveredAt { get; set; }
}
