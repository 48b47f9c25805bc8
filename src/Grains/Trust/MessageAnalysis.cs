namespace CxCluster.Grains.Trust;

/// <summary>What one customer message says about trust: who it asks for, how it sounds and whether it thanks.</summary>
/// <param name="AsksForHuman">The customer asks to talk to a person (an agent, CS, an operator, a human).</param>
/// <param name="AsksIdentity">The customer asks whether they are talking to a bot or to a person.</param>
/// <param name="Negative">The message contains words or phrases of frustration, disappointment or impatience (also "hello??? anyone??").</param>
/// <param name="Abusive">The message contains abuse or profanity.</param>
/// <param name="Shouting">The message is written mostly in capitals.</param>
/// <param name="Exclaiming">The message contains a run of three or more exclamation or question marks with at least two '!'.</param>
/// <param name="Thanks">The customer says thank you.</param>
/// <param name="Delighted">The message praises or looks forward to something ("I'm so excited!!!", "I CAN'T WAIT FOR MY NEW
/// PHONE") with nothing negative or abusive in it: capitals and exclamation marks around it are delight, not anger.</param>
public sealed record MessageAnalysis(
    bool AsksForHuman,
    bool AsksIdentity,
    bool Negative,
    bool Abusive,
    bool Shouting,
    bool Exclaiming,
    bool Thanks,
    bool Delighted = false)
{
    /// <summary>A message with nothing notable in it.</summary>
    public static MessageAnalysis Neutral { get; } = new(false, false, false, false, false, false, false);
}
