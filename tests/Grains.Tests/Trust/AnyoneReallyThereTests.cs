using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A customer who asks whether anyone real is there or reads the chat ("is there anyone real there", "ada orang gak di
/// sini", "ada yang baca gak sih"), or asks a group what it is ("are you guys bots", "are y'all AI?"), asks who answers,
/// and is answered as an identity question; the phrasings here are not the recogniser's train lines, bar the first of
/// each language. Whether someone real is there is read by the grammar itself, with or without "is there" before it
/// ("is there a human there?", "anyone real there?", "someone real on this chat?"); calling out for anyone ("is anyone
/// there?") or asking for someone available is no such question.
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
    [InlineData("is anyone there?")]
    [InlineData("is there someone there?")]
    [InlineData("is there a human available?")]
    [InlineData("is there a real person I can talk to?")]
    [InlineData("a real person there would help")]
    public void Calling_out_or_asking_for_someone_is_no_question_of_who_is_there(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);
}
