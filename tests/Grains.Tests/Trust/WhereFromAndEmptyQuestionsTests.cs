using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A message that names nothing an identity question asks about ("ini gimana sih") is no identity question, and asking
/// where someone is from ("adminnya orang mana?") is no request for a person, and asking whether a thing really comes from
/// a place ("ini beneran dari Jepang?") no identity question, whatever the learnt model reads into them;
/// the questions and requests that sound alike still count.
/// </summary>
public sealed class WhereFromAndEmptyQuestionsTests
{
    [Theory]
    [InlineData("ini gimana sih")]
    [InlineData("ini gimana sih kak")]
    [InlineData("gimana sih ini")]
    [InlineData("ini gimana?")]
    public void A_question_that_names_no_one_and_no_machine_asks_no_identity(string text)
    {
        var analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.AsksIdentity, text);
        Assert.False(analysis.AsksForHuman, text);
    }

    [Theory]
    [InlineData("adminnya orang mana?")]
    [InlineData("kamu orang mana sih?")]
    [InlineData("CS nya orang mana ya kak")]
    public void Asking_where_someone_is_from_asks_for_no_one(string text)
    {
        var analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.AsksForHuman, text);
        Assert.False(analysis.AsksIdentity, text);
    }

    [Theory]
    [InlineData("ORANGNYA MANA, SAYA MAU BICARA")]
    [InlineData("sambungkan ke orang mana saja")]
    [InlineData("admin orang mana? saya mau bicara dengan CS")]
    public void Asking_where_the_person_is_or_for_anyone_still_asks_for_one(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("siapa ini?")]
    [InlineData("beneran?")]
    [InlineData("is this automatic?")]
    [InlineData("Is this a robocall?")]
    [InlineData("ini b0t ya min")]
    [InlineData("kamu itu apa sih?")]
    [InlineData("apakah ini asli?")]
    [InlineData("ini beneran dari manusia atau bot?")]
    [InlineData("is this really from a human?")]
    public void Short_questions_about_who_or_what_answers_still_ask(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("ini beneran dari Jepang?")]
    [InlineData("beneran dari Korea kak?")]
    [InlineData("is this really from Japan?")]
    public void Asking_whether_a_thing_really_comes_from_a_place_asks_no_identity(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
}
