using CxCluster.Grains.Trust;

namespace CxCluster.Understanding.Tests;

/// <summary>
/// A request that depends on whether it is a bot is asked for now: the condition on who is there puts nothing off and
/// its "not" declines nothing. A condition on anything else still puts the request off.
/// </summary>
public sealed class IdentityConditionTests
{
    [Theory]
    [InlineData("are you real? if not i want an agent")]
    [InlineData("you're a machine? if no, please transfer me to an agent")]
    [InlineData("kamu manusia? kalau bukan tolong oper ke agen")]
    [InlineData("bot ya? kalo gak, sambungin ke orang")]
    [InlineData("ini robot? klo robot oper ke admin aja")]
    [InlineData("kalau kamu bot, saya akan minta cs")]
    [InlineData("kalau bot, nanti saya minta operator")]
    [InlineData("if bot, transfer me to human")]
    [InlineData("kamu robot ya? kalo iya saya minta cs aja")]
    public void A_request_on_the_answer_to_who_is_there_is_asked_now(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("are you human? if not then I need one")]
    [InlineData("are you a bot? if not get me one")]
    [InlineData("if you're a bot, I'll ask for a person")]
    public void The_person_a_question_asks_about_does_not_veto_a_request_after_the_condition(string text) =>
        Assert.False(MessageSignals.Grammar(text).VetoesRequest, text);

    [Theory]
    [InlineData("if it fails, I'll call an agent")]
    [InlineData("kalau belum beres, saya akan minta manajer")]
    [InlineData("nanti kalau masih gagal saya minta CS")]
    [InlineData("kalau tidak bisa saya akan minta cs nanti")]
    [InlineData("kalau botnya gak bisa jawab, nanti saya minta petugas")]
    [InlineData("if the bot can't help, I'll ask for an agent later")]
    public void A_condition_on_something_else_still_puts_the_request_off(string text)
    {
        GrammarVerdict verdict = MessageSignals.Grammar(text);
        Assert.False(verdict.AsksForHuman, text);
        Assert.True(verdict.VetoesRequest, text);
    }

    [Theory]
    [InlineData("can you fix it? if not, don't transfer me to an agent")]
    [InlineData("gak usah panggil operator")]
    public void A_request_declined_stays_declined(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
}
