using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// The customer doubts that they are talking to a machine or a person, with a negator or "just" between them and the
/// talking verb ("how do I know I'm not just talking to a computer"), or sets one against the other ("... a human and not
/// a bot"): that asks who answers. Doubting a role ("a scammer", "the right department") or saying it of someone else
/// does not.
/// </summary>
public sealed class DoubtedTalkTests
{
    [Theory]
    [InlineData("how do I know I'm not just talking to a computer")]
    [InlineData("how do I know I'm not talking to a bot")]
    [InlineData("how can I be sure I am not chatting with a bot?")]
    [InlineData("how do I know that I'm talking to a human and not a bot")]
    [InlineData("gimana sy tau sy gk lagi ngobrol sama robot")]
    [InlineData("ok but how can I be sure im not talking to an AI")]
    public void Doubting_what_the_customer_talks_to_asks_who_answers(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("how do I know I'm not talking to a scammer")]
    [InlineData("how do I know I'm talking to the right department")]
    [InlineData("they don't know I'm not talking to a human")]
    [InlineData("my son doesn't know im not talking to a real person lol")]
    [InlineData("I'm not talking to a bot, get me a human")]
    public void Doubting_a_role_or_saying_it_of_someone_else_does_not(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
}
