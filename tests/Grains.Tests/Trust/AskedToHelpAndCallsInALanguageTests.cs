using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A real person or a human asked whether they can do it ("could an actual human go through my claim?"), an agent asked
/// whether they can help, and a call asked for in a language ("ring me back in Spanish please") ask for a person; a
/// question about what people may do or be, a hand with a job, and a call put off do not.
/// </summary>
public sealed class AskedToHelpAndCallsInALanguageTests
{
    [Theory]
    [InlineData("could an actual human go through my claim?")]
    [InlineData("can a real person sort this out for me")]
    [InlineData("can a human take a look at my invoice please")]
    [InlineData("hi, can an agent help me?")]
    [InlineData("bisa orang asli bantu saya?")]
    [InlineData("kak bisa cs bantu cek pesanan saya?")]
    public void A_person_asked_whether_they_can_do_it_asks_for_one(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("can a human be held responsible for a bot's mistake?")]
    [InlineData("can your porter help carry my bags upstairs")]
    [InlineData("I can help a real person get set up if you send the form")]
    [InlineData("can an agent help me next week?")]
    [InlineData("Can a real person's photo be used on the card?")]
    [InlineData("Will a real person read my complaint?")]
    [InlineData("do real humans work there?")]
    public void What_people_may_do_or_be_a_job_for_a_hand_or_help_put_off_ask_for_no_one(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("Could I get a callback in Portuguese?")]
    [InlineData("ring me back in French please")]
    [InlineData("tolong telepon saya balik pakai bahasa Sunda ya kak")]
    [InlineData("bisa telpon sy pake bahasa inggris?")]
    public void A_call_asked_for_in_a_language_asks_for_a_person(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("don't call me in English, I only read Indonesian")]
    [InlineData("call me in English later, not now")]
    [InlineData("jangan telpon saya pakai bahasa inggris")]
    public void A_call_in_a_language_refused_or_put_off_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);
}
