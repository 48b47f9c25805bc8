using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A customer who is asked the same thing again, hears the same answer again, is not read, or gives up ("you asked me
/// that already", "you're going in circles", "read my message", "forget it", "udah dibilangin dari tadi", "jawabannya
/// itu itu terus", "ya sudahlah") sounds negative; asking for a repeat, keeping things and checking something first do not.
/// </summary>
public sealed class GoingInCirclesTests
{
    [Theory]
    [InlineData("you asked me that already")]
    [InlineData("you already asked me that")]
    [InlineData("you're going in circles")]
    [InlineData("we're going around in circles here")]
    [InlineData("you keep saying the same thing")]
    [InlineData("you keep repeating yourself")]
    [InlineData("read my message again")]
    [InlineData("did you even read my messages")]
    [InlineData("that's irrelevant")]
    [InlineData("wrong answer")]
    [InlineData("forget it")]
    [InlineData("never mind, forget it")]
    [InlineData("smh")]
    [InlineData("are you serious?")]
    [InlineData("kan sudah saya bilang tadi")]
    [InlineData("udah dibilangin dari tadi")]
    [InlineData("jawabannya itu itu terus")]
    [InlineData("kamu ngulang ngulang terus")]
    [InlineData("baca dulu pesan saya")]
    [InlineData("tolong baca chat saya")]
    [InlineData("ya sudahlah")]
    [InlineData("yaudahlah")]
    public void Asked_again_answered_the_same_unread_or_given_up_sounds_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("can you repeat that please")]
    [InlineData("I keep my receipts")]
    [InlineData("keep it up, thanks")]
    [InlineData("tunggu dulu ya")]
    [InlineData("saya cek dulu")]
    [InlineData("saya sudah bilang ke kurir kemarin")]
    [InlineData("the circle k near me")]
    [InlineData("I read the terms already")]
    public void Repeats_asked_for_things_kept_and_checks_first_are_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("did you read my message? are you a bot?")]
    [InlineData("are you serious, is this a real person?")]
    public void A_question_of_who_answers_is_still_read_beside_them(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.AsksIdentity, text);
        Assert.True(analysis.Negative, text);
    }
}
