using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// "apakah saya berbicara dengan manusia?" asks who is there and asks for no one, while "bisa saya bicara dengan
/// manusia?" asks for one; "did you read my message?" asks whether the message was read, not who reads it, and "is this
/// email from you?" or "is this link real?" ask about something sent, not who answers.
/// </summary>
public sealed class TalkingToAndReadingQuestionsTests
{
    [Theory]
    [InlineData("apakah saya berbicara dengan manusia?")]
    [InlineData("saya berbicara dengan manusia?")]
    [InlineData("apakah saya sedang berbicara dengan orang asli?")]
    [InlineData("saya lagi chat sama orang beneran ya?")]
    [InlineData("apakah saya berbicara dengan CS asli?")]
    [InlineData("saya berbicara dengan manusia atau bot?")]
    [InlineData("am I talking to a person?")]
    public void Asking_whether_one_talks_to_a_person_asks_who_is_there_and_for_no_one(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.AsksIdentity, text);
        Assert.False(analysis.AsksForHuman, text);
    }

    [Theory]
    [InlineData("bisa saya bicara dengan manusia?")]
    [InlineData("saya mau bicara dengan manusia?")]
    [InlineData("saya ingin berbicara dengan manusia")]
    [InlineData("saya bicara dengan manusia? tolong sambungkan")]
    [InlineData("apakah saya berbicara dengan manusia? kalau bukan, sambungkan ke CS")]
    public void Wishing_urging_or_a_request_beside_it_still_asks_for_one(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Fact]
    public void Telling_of_an_earlier_talk_asks_for_no_one() =>
        Assert.False(MessageSignals.Analyze("kemarin saya bicara dengan manusia?").AsksForHuman);

    [Theory]
    [InlineData("did you read my message?")]
    [InlineData("did you even read my messages")]
    [InlineData("have you read my email")]
    [InlineData("kamu baca chat saya gak sih?")]
    [InlineData("did you really read it")]
    public void Asking_whether_a_message_was_read_asks_nothing_of_who_is_there(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("is this email from you really?")]
    [InlineData("is this sms from you?")]
    [InlineData("is this call from you?")]
    [InlineData("is this text from your bank?")]
    [InlineData("is this link real?")]
    [InlineData("is this website safe?")]
    public void Asking_whether_something_sent_came_from_the_business_asks_nothing_of_who_is_there(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("is this message from a bot?")]
    [InlineData("is this email from you or from a bot?")]
    [InlineData("is this reply from a real person?")]
    [InlineData("is this link from you a bot?")]
    public void Something_sent_from_a_machine_or_a_person_still_asks_who_is_there(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("did you read my message? are you a bot?")]
    [InlineData("do you read or is this automated")]
    [InlineData("is someone actually reading this?")]
    [InlineData("is a human reading my messages?")]
    public void A_machine_or_a_person_named_beside_reading_still_asks_who_is_there(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
}
