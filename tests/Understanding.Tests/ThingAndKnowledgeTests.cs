using CxCluster.Grains.Trust;

namespace CxCluster.Understanding.Tests;

/// <summary>
/// A question about a thing (a product, a course, a discount, a worker's delivery) or a remark that the customer knows
/// they are talking to a machine asks nothing about who is there; a question about the chat right beside it still does.
/// </summary>
public sealed class ThingAndKnowledgeTests
{
    [Theory]
    [InlineData("is this video made by a real person or AI?")]
    [InlineData("is this course taught by real teachers?")]
    [InlineData("is this article written by a real journalist or AI?")]
    [InlineData("is this deal real?")]
    [InlineData("is it a real person who delivers or a drone?")]
    [InlineData("video ini dibuat manusia atau AI?")]
    [InlineData("ini diskon beneran atau cuma pancingan?")]
    public void A_question_about_a_thing_is_no_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("is this real person?")]
    [InlineData("is this a real person?")]
    [InlineData("ini barang asli? kamu orang asli?")]
    [InlineData("ini yang bales orang asli atau mesin?")]
    [InlineData("is this review written by a human or a bot? are you a bot too?")]
    [InlineData("is this message written by a real person?")]
    [InlineData("is this reply typed by a human?")]
    public void A_question_about_who_is_there_still_counts(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("I know this is a bot, just give me the tracking number")]
    [InlineData("OK, I understand this is an automated service, please send the form")]
    [InlineData("aku tau ini bot, kasih aja nomor resinya")]
    [InlineData("iya saya paham ini chat otomatis, saya cuma mau cek saldo")]
    public void Knowing_it_is_a_machine_is_no_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("I don't know if you're a bot")]
    [InlineData("how do I know you're not a bot?")]
    [InlineData("I know you're a bot, but are you?")]
    [InlineData("tau gak ini bot?")]
    [InlineData("pengen tau aja, ini bot bukan?")]
    public void Not_knowing_or_asking_still_counts(string text)
    {
        Assert.False(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }
}
