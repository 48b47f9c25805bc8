using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A customer who says again the role they asked for ("i said agent", "saya bilang CS") or that they asked for one ("I
/// asked for a person", "I already asked for an agent"), says a role twice in a row
/// ("hello is this a bot hello agent agent"), or, after asking whether a person is there, asks to speak to "one" ("are you
/// a real person? I need to speak to one", "if not could you put me through to one?") asks for a person; someone else's
/// words, a remark about staff, a question whether they said it, a refusal to talk to one and Indonesian plurals
/// ("agen-agen itu", "admin2 nya") do not.
/// </summary>
public sealed class SayingTheRoleAgainAndAskingForOneTests
{
    [Theory]
    [InlineData("i said agent")]
    [InlineData("I said customer service!")]
    [InlineData("I said agent again")]
    [InlineData("i said human")]
    [InlineData("saya bilang CS")]
    [InlineData("udah aku bilang admin")]
    [InlineData("agent agent")]
    [InlineData("operator operator please")]
    [InlineData("cs cs cs")]
    [InlineData("hello is this a bot hello agent agent")]
    [InlineData("is this a robot robot agent agent")]
    public void Saying_a_role_again_asks_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I asked for a person")]
    [InlineData("I already asked for an agent")]
    [InlineData("I asked for a human agent twice already")]
    [InlineData("I asked for a person 10 minutes ago")]
    [InlineData("hi, I requested a real person")]
    [InlineData("I didn't ask for a bot, I asked for a person")]
    [InlineData("I asked for the manager")]
    public void Saying_one_was_asked_for_already_asks_again(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I asked for a human 2 days ago and it was great")]
    [InlineData("I asked for a human last week and it was great")]
    [InlineData("my mom asked for a person")]
    [InlineData("I asked a person at the store and they said to contact you")]
    [InlineData("I asked for a person at the store")]
    [InlineData("I asked for an agent xyzzy")]
    public void One_asked_for_before_elsewhere_or_by_someone_else_is_not_asked_for(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("are you a real person? if not can I speak to one")]
    [InlineData("are you a real person? I need to speak to one")]
    [InlineData("Is there a real human here or just AI? I want to speak to one now")]
    [InlineData("Are you a real person, love? If not could you put me through to one?")]
    [InlineData("are you a real person eh? if not can you connect me to someone")]
    [InlineData("Are you a real agent or a virtual one? Put me through to a real one please.")]
    public void Asking_for_one_after_asking_who_is_there_asks_both(string text) => Heard.Both(text);

    [Theory]
    [InlineData("my friend said agent")]
    [InlineData("I said the agent was rude")]
    [InlineData("did I say agent?")]
    [InlineData("are you a bot? I don't want to talk to one")]
    [InlineData("agen agen itu yang di pasar masih buka nggak jam segini")]
    [InlineData("admin2 nya sabar bgt ngadepin gue, respect")]
    public void Someone_elses_words_remarks_refusals_and_plurals_ask_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
}
