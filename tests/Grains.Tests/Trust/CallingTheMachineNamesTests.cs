using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A customer who calls the machine or the one answering names ("this bot is dumb", "you are a useless bot", "you people
/// are incompetent", "bot ga guna") says who they take it for and asks nothing: the message is abusive or negative and
/// asks no identity question, so no identity answer is owed. Asked as
/// a question, with a question mark or without one ("are you a stupid bot", "ini bot ya dari tadi"), or with someone
/// else who could be there ("a real person"), it still asks.
/// </summary>
public sealed class CallingTheMachineNamesTests
{
    [Theory]
    [InlineData("this bot is dumb")]
    [InlineData("the bot is an idiot")]
    [InlineData("dumb robot")]
    [InlineData("you are a useless bot")]
    [InlineData("bots like you are the reason i hate this company")]
    [InlineData("your AI is dumb as hell")]
    [InlineData("this chatbot is garbage")]
    [InlineData("worst bot ever")]
    [InlineData("bot ga guna")]
    [InlineData("bot ini tidak berguna")]
    [InlineData("kamu bot bodoh")]
    [InlineData("dasar bot goblok")]
    [InlineData("bot tolol")]
    [InlineData("you people are incompetent")]
    [InlineData("you are hopeless")]
    [InlineData("you guys are useless")]
    [InlineData("kamu gak guna")]
    public void Calling_the_machine_names_asks_no_identity_question_and_sounds_bad(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);

        Assert.False(analysis.AsksIdentity, text);
        Assert.False(analysis.AsksForHuman, text);
        Assert.True(analysis.Negative || analysis.Abusive, text);
    }

    [Theory]
    [InlineData("is this a dumb bot?")]
    [InlineData("are you a stupid bot")]
    [InlineData("you're a useless bot aren't you")]
    [InlineData("wtf is this a bot")]
    [InlineData("useless bot, are you even a real person?")]
    [InlineData("stupid bot or a human")]
    [InlineData("anjir ini bot ya dari tadi")]
    [InlineData("lo tuh bot apa bukan sih anjir")]
    [InlineData("ini bot ya soalnya jawabannya ga nyambung")]
    [InlineData("elu ai ya anjir")]
    [InlineData("bot bukan bot bukan jawab")]
    [InlineData("you are useless, are you even human?")]
    [InlineData("are you people even real?")]
    public void A_machine_called_names_in_a_question_is_still_asked_about(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("this bot is useless, get me a human")]
    [InlineData("bot goblok, sambungin ke cs")]
    public void A_person_asked_for_beside_the_names_is_still_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
}
