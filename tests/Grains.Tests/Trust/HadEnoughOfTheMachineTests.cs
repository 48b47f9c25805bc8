using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Refusing the machine in a word ("no bot please") or having had enough of it ("I'm done talking to a machine",
/// "enough with the bot") leaves a person as the one wanted, and asks nothing of who is there; the machine named
/// otherwise ("there's no bot", "no bot can fix this", "is the bot done?") asks for no one.
/// </summary>
public sealed class HadEnoughOfTheMachineTests
{
    [Theory]
    [InlineData("no bot please")]
    [InlineData("no bots!")]
    [InlineData("no robot pls")]
    [InlineData("No bot. Human.")]
    [InlineData("I'm done talking to a machine")]
    [InlineData("im done with this bot")]
    [InlineData("done with bots")]
    [InlineData("enough with the bot")]
    [InlineData("jangan bot lagi ya, sambungkan ke admin")]
    [InlineData("kau sambungkan la awak ke manusia, jangan mesin")]
    public void The_machine_refused_or_had_enough_of_asks_for_a_person_and_not_who_is_there(string text) =>
        Heard.RequestOnly(text);

    [Theory]
    [InlineData("no bot can fix this")]
    [InlineData("enough of the bot to answer questions")]
    [InlineData("is the bot done?")]
    [InlineData("the bot is done")]
    [InlineData("there's no bot")]
    public void The_machine_named_otherwise_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("no bot?")]
    [InlineData("no bots, are you one?")]
    public void A_refusal_that_asks_is_still_an_identity_question(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
}
