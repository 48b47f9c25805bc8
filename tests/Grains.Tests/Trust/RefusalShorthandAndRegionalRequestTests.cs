using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Requests for a person after a refusal of something else, of a role with a qualifier or seldom named, of another one,
/// in code-mixed regional English and in chat shorthand, and the ordinary messages that only sound like one: reluctance
/// to ring someone, negation in the code-mixed languages, a repeated word in an identity question, a form of address
/// with "please" before an ordinary question.
/// </summary>
public sealed class RefusalShorthandAndRegionalRequestTests
{
    [Theory]
    [InlineData("nope, I just want a human")]
    [InlineData("no, put me on to a supervisor")]
    [InlineData("I don't want the menu, just connect me with an operator")]
    [InlineData("i dont want the links i want a representative")]
    [InlineData("ora mau menu, langsung ke admin wae")]
    [InlineData("gak perlu pilihan, langsung ke petugas dong")]
    [InlineData("a Korean-speaking agent please")]
    [InlineData("an Arabic speaking representative please")]
    [InlineData("could you connect me to the mortgage officer")]
    [InlineData("may I speak to the branch manager")]
    [InlineData("I'd like to speak to a nutritionist")]
    [InlineData("transfer me to whoever handles refunds")]
    [InlineData("please transfer me to support")]
    [InlineData("nak cakap dengan operator")]
    [InlineData("boleh saya cakap dengan staf")]
    [InlineData("pwede makausap ang agent")]
    [InlineData("pakikonek ako sa supervisor")]
    [InlineData("bring person wey sabi this matter")]
    [InlineData("cn i tlk 2 an agnt")]
    [InlineData("pls cnct me 2 a hmn")]
    [InlineData("wnt 2 spk 2 a prsn")]
    [InlineData("ganti operator lain aja")]
    [InlineData("tolong pindah ke admin lain")]
    [InlineData("ini rekaman ya saya mau admin admin admin")]
    public void Is_a_request_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("aku males nelpon admin, chat aja")]
    [InlineData("I'd prefer not to call an agent, email is fine")]
    [InlineData("tak payah sambung ke operator")]
    [InlineData("wag na i-connect sa supervisor")]
    [InlineData("supervisor nahi chahiye")]
    [InlineData("Admin pls, do you ship to Davao?")]
    [InlineData("cs tolong, warna merah masih ada?")]
    [InlineData("I need a plumber to come and unblock the drain")]
    [InlineData("I want 2 tickets for Saturday")]
    [InlineData("need 2 people to carry the sofa")]
    [InlineData("I want to switch operators and keep my number")]
    [InlineData("the support team was great, thanks")]
    public void Is_no_request_for_a_person(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("manusia manusia, kamu manusia bukan")]
    [InlineData("human human, are you a human or not")]
    public void A_repeated_word_in_an_identity_question_asks_for_no_one(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.AsksIdentity, text);
        Assert.False(analysis.AsksForHuman, text);
    }

    [Theory]
    [InlineData("agent please, are you a bot?")]
    [InlineData("cs please, I need help with my refund?")]
    public void A_role_with_please_before_a_question_that_asks_still_asks(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("cn i spk 2 a hmn")]
    [InlineData("nk ckp dgn staf")]
    [InlineData("no, put me on to an advisor")]
    [InlineData("gak mau menu, langsung ke cs aja")]
    [InlineData("connect me to the claims officer")]
    public void The_grammar_reads_it_without_the_model(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);
}
