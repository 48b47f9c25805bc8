using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Messages that name a machine or the chat without asking who answers: a quality of the chat or the app, a machine the
/// business uses for a job, a bot accepted, something automated that is not this chat, an indifferent choice between a
/// machine and a person. Each vetoes what only the learnt model would raise; a genuine question or request beside it
/// still counts.
/// </summary>
public sealed class ChannelAndMachineVetoTests
{
    [Theory]
    [InlineData("is this chat secure?")]
    [InlineData("is this chat safe to send my card number?")]
    [InlineData("Is this conversation private?")]
    [InlineData("is this the official channel?")]
    [InlineData("is this app free?")]
    [InlineData("chat ini aman gak?")]
    [InlineData("apakah percakapan ini direkam?")]
    [InlineData("nomor WA ini resmi kan?")]
    [InlineData("aplikasi ini gratis?")]
    public void A_quality_of_the_chat_is_no_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("is this a recording?")]
    [InlineData("ini rekaman?")]
    [InlineData("is this chat a bot?")]
    [InlineData("chat ini bot ya?")]
    [InlineData("is this chat secure? or is it a bot?")]
    [InlineData("is this chat private or am I talking to a machine?")]
    public void Who_or_what_answers_still_counts(string text)
    {
        Assert.False(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("is there really a robot that brings room service in your hotel?")]
    [InlineData("Is there a robot that delivers room service at your hotel?")]
    [InlineData("does your warehouse use robots to pack?")]
    [InlineData("apakah gudang kalian pakai robot untuk packing?")]
    [InlineData("hotel kalian ada robot yang antar makanan?")]
    public void A_machine_the_business_uses_for_a_job_is_no_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("are you a robot?")]
    [InlineData("ini pakai bot buat jawab chat saya?")]
    [InlineData("is there a bot that answers me here?")]
    public void A_machine_answering_here_still_counts(string text)
    {
        Assert.False(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("a bot is fine by me as long as the answer is right")]
    [InlineData("I don't mind automated replies")]
    [InlineData("gapapa kok dilayani bot asal cepat")]
    public void Accepting_a_bot_is_no_identity_question_nor_request(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Heard.Neither(text);
    }

    [Theory]
    [InlineData("I don't mind, but are you a bot?")]
    [InlineData("kalo kamu AI bilang aja, gapapa")]
    public void Acceptance_beside_a_question_does_not_veto_it(string text)
    {
        Assert.False(MessageSignals.Grammar(text).VetoesIdentity, text);
    }

    [Theory]
    [InlineData("stop sending me automated emails please")]
    [InlineData("tolong stop kirim SMS otomatis")]
    [InlineData("your robocalls are annoying")]
    [InlineData("I keep getting automatic notifications at night")]
    [InlineData("kenapa saya terus dapat telepon robot?")]
    public void A_complaint_about_automated_sends_is_no_identity_question_nor_request(string text)
    {
        GrammarVerdict grammar = MessageSignals.Grammar(text);
        Assert.True(grammar.VetoesIdentity, text);
        Assert.True(grammar.VetoesRequest, text);
        Heard.Neither(text);
    }

    [Theory]
    [InlineData("is this an automated call?")]
    [InlineData("stop the automated replies and get me a human")]
    public void Automation_of_this_chat_still_counts(string text)
    {
        GrammarVerdict grammar = MessageSignals.Grammar(text);
        Assert.False(grammar.VetoesIdentity && grammar.VetoesRequest, text);
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.AsksIdentity || analysis.AsksForHuman, text);
    }

    [Theory]
    [InlineData("mau AI kek mau orang kek yang penting masalah saya selesai")]
    [InlineData("bot kek manusia kek sama aja")]
    [InlineData("mau bot mau manusia yang penting cepat")]
    [InlineData("robot atau orang terserah, yang penting paket sampai")]
    public void An_indifferent_choice_is_no_identity_question_nor_request(string text)
    {
        GrammarVerdict grammar = MessageSignals.Grammar(text);
        Assert.True(grammar.VetoesIdentity, text);
        Assert.False(grammar.AsksForHuman, text);
        Heard.Neither(text);
    }

    [Theory]
    [InlineData("gak mau bot, mau orang")]
    [InlineData("bot kek manusia kek, kamu bot ya?")]
    public void A_choice_that_asks_still_counts(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.AsksIdentity || analysis.AsksForHuman, text);
    }
}
