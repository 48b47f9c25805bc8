using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A customer who asks whether anyone real is there or reads the chat ("is there anyone real there", "ada orang gak di
/// sini", "ada yang baca gak sih"), or asks a group what it is ("are you guys bots", "are y'all AI?"), asks who answers,
/// and is answered as an identity question; the phrasings here are not the recogniser's train lines, bar the first of
/// each language. Whether someone real is there is read by the grammar itself, with or without "is there" before it
/// ("is there a human there?", "anyone real there?", "someone real on this chat?"), and so is who is on the line or on the
/// other end, as a caller asks ("do I have a human on the line?", "do you have a human on this chat?", "who's on the
/// phone?", "siapa di sana?"), which asks for no one ("do you have a person there?" may ask of a shop); calling out for anyone ("is anyone there?") or asking for someone available is no such question.
/// </summary>
public sealed class AnyoneReallyThereTests
{
    [Theory]
    [InlineData("is there anyone real there")]
    [InlineData("is there anyone real on this chat")]
    [InlineData("is anyone real there?")]
    [InlineData("is a human reading this chat")]
    [InlineData("ada orang gak disini?")]
    [InlineData("ada orang gak di sini")]
    [InlineData("ada orang yang baca gak?")]
    [InlineData("ada yang baca chat ini gak sih")]
    public void Asking_whether_anyone_real_is_there_asks_who_answers(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("are you guys bots")]
    [InlineData("are you all bots?")]
    [InlineData("are yall bots")]
    [InlineData("are y'all AI?")]
    [InlineData("yall real?")]
    public void The_grammar_reads_a_group_addressed_as_the_one_answering(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("are you guys open today?")]
    [InlineData("are you all done with my order?")]
    [InlineData("thank you all")]
    public void A_group_asked_about_something_else_is_no_identity_question(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("is there a human there?")]
    [InlineData("is there an actual human here?")]
    [InlineData("is there a real person on this chat?")]
    [InlineData("anyone real there?")]
    [InlineData("real person there?")]
    [InlineData("someone real on this chat?")]
    [InlineData("anybody human around?")]
    [InlineData("ada manusia asli di sini?")]
    public void The_grammar_reads_whether_someone_real_is_there(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("do I have a human on the line?")]
    [InlineData("do i have a real person here?")]
    [InlineData("have I got a human on the line?")]
    [InlineData("do we have a real person on the other end?")]
    [InlineData("is there a human on the phone?")]
    [InlineData("is a human on the line?")]
    [InlineData("is there a real person on the other end of this chat?")]
    [InlineData("is there a bot on the line?")]
    [InlineData("who's on the line?")]
    [InlineData("who is on the other end?")]
    [InlineData("who is there?")]
    [InlineData("siapa di sana?")]
    [InlineData("siapa yang di sana?")]
    [InlineData("do you have a human on this chat?")]
    [InlineData("do you have a real person on the line?")]
    [InlineData("have you got a human on the other end?")]
    public void Who_is_on_the_line_or_on_the_other_end_is_asked_and_no_one_is_asked_for(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);
        Heard.IdentityOnly(text);
    }

    [Theory]
    [InlineData("can I have a human on the line")]
    [InlineData("put a human on the line")]
    [InlineData("I need someone on the line who can help")]
    [InlineData("please pass me on to your line manager")]
    public void Asking_for_someone_on_the_line_still_asks_for_a_person(string text) => Heard.RequestOnly(text);

    [Theory]
    [InlineData("who is there to help me?")]
    [InlineData("who's on shift today?")]
    [InlineData("who is there at the store?")]
    [InlineData("stay on the line please")]
    [InlineData("my phone line is down")]
    [InlineData("do you have a person there?")]
    [InlineData("do you have a real person at the airport counter for check in")]
    [InlineData("you have a human on the line?")]
    public void The_grammar_reads_no_question_of_who_answers_in_who_does_something_or_a_place_of_something_else(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("is anyone there?")]
    [InlineData("is there someone there?")]
    [InlineData("is there a human available?")]
    [InlineData("is there a real person I can talk to?")]
    [InlineData("a real person there would help")]
    public void Calling_out_or_asking_for_someone_is_no_question_of_who_is_there(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);
}
