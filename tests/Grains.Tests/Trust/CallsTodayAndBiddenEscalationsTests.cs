using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A call asked for at a time of this day the customer names in Indonesian ("sore ini", "hari ini", "nanti malam jam 7")
/// asks for a person now, as "besok jam 10" does, while a part of the day alone stays a greeting; escalating bidden at the
/// head of its clause ("eskalasikan ya kak", "escalate pls") asks for one, while an escalation reported or refused does not.
/// </summary>
public sealed class CallsTodayAndBiddenEscalationsTests
{
    [Theory]
    [InlineData("bisa telpon sy sore ini?")]
    [InlineData("tolong telpon saya hari ini")]
    [InlineData("tolong telpon sy sore ini ya kak")]
    [InlineData("bisa telpon sy nanti sore?")]
    [InlineData("tolong hubungi saya nanti malam jam 7 ya")]
    [InlineData("telpon sy malam ini aja kak, skrg lg di jalan")]
    public void A_call_asked_for_at_a_time_of_this_day_asks_for_a_person(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("jangan telpon sy sore ini")]
    [InlineData("kurirnya bilang mau telpon sy sore ini")]
    [InlineData("telpon sy sore ini kalau paketnya sudah sampai")]
    public void A_call_today_refused_left_to_others_or_on_a_condition_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("eskalasikan ya kak")]
    [InlineData("udh 4x chat soal paket yg sama. eskalasikan ya kak")]
    [InlineData("ok kak eskalasikan aja")]
    [InlineData("escalate pls")]
    public void Escalating_bidden_at_the_head_of_its_clause_asks_for_a_person(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("sudah saya eskalasikan kemarin")]
    [InlineData("I escalated it last week")]
    [InlineData("jangan eskalasikan dulu ya, sy coba lagi")]
    [InlineData("don't escalate, I'll try again")]
    public void An_escalation_reported_or_refused_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);
}
