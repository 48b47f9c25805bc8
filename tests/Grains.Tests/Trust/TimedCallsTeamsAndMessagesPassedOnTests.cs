using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A call asked for now at a time the customer names ("call me back tomorrow morning", "telpon sy jam 3 ya") asks for a
/// person, while a vague "later" still puts it off; a named department pleaded for alone ("fraud department please") and
/// a role urged in the clause after it ("supervisor. now. ...") are asked for; a case escalated to someone and "hook me
/// up with an agent" ask for one; something passed on to a team with what to tell them, and a person asked to do
/// something after the customer says they know a machine answers, ask for no one and ask nothing of who answers; "next
/// to me" is no later time and "he'll" is no oath.
/// </summary>
public sealed class TimedCallsTeamsAndMessagesPassedOnTests
{
    [Theory]
    [InlineData("call me back tomorrow")]
    [InlineData("call me back tmrw morning pls")]
    [InlineData("telpon sy jam 3 ya kak, skrg lg nyetir. soal tagihan yg dobel itu")]
    [InlineData("Please call me back after 5pm today on the number on the account, I can't talk during work hours.")]
    [InlineData("tolong hubungi sy balik besok pagi jam 8an ya, ke nomor sy yg terdaftar")]
    [InlineData("telpon sy around 3pm ya")]
    [InlineData("can you call me on monday at 10?")]
    [InlineData("bisa telpon saya besok jam 10?")]
    public void A_call_asked_for_at_a_time_the_customer_names_asks_for_a_person(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("telpon sy setelah jam")]
    [InlineData("call me back at jam")]
    [InlineData("telpon sy jam")]
    [InlineData("call me after")]
    public void A_time_cut_short_at_the_end_of_a_message_is_read_without_error(string text) =>
        Assert.Null(Record.Exception(() => MessageSignals.Analyze(text)));

    [Theory]
    [InlineData("call me later")]
    [InlineData("don't call me tomorrow")]
    [InlineData("call me tomorrow if it still doesn't work")]
    [InlineData("the driver should call me tomorrow")]
    [InlineData("call me tomorrow when the courier is here")]
    [InlineData("I'll call you back tomorrow")]
    public void A_call_put_off_refused_or_left_to_others_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("fraud department please, ada 3 transaksi di Singapore yg bukan gw")]
    [InlineData("the billing team asap")]
    [InlineData("bagian klaim dong")]
    [InlineData("tolong tim teknis")]
    [InlineData("supervisor. now. this is the fourth time I'm explaining the same thing")]
    [InlineData("agent, now, I have been waiting an hour")]
    [InlineData("OK enough. Human. Now.")]
    [InlineData("Please escalate case 90211 to a senior advisor, the first-level answer doesn't address the double booking.")]
    [InlineData("escalate my ticket to your manager")]
    [InlineData("hook me up with an agent")]
    [InlineData("can you hook me up with a real person")]
    [InlineData("tolong bgt kak carikan petugas yg bisa bantu")]
    [InlineData("saya meminta untuk dihubungkan dengan petugas")]
    [InlineData("can you pass this to your team")]
    [InlineData("pass this on to someone who can actually help me")]
    public void A_team_pleaded_for_a_role_urged_a_case_escalated_or_someone_found_asks_for_a_person(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("Team please, what time does the store close?")]
    [InlineData("Support pls, do you deliver to Penang?")]
    [InlineData("thanks billing team")]
    [InlineData("hi support team, my app crashes")]
    [InlineData("the fraud team called me yesterday")]
    [InlineData("I escalated case 4411 to a manager yesterday")]
    [InlineData("don't escalate ticket 55 to a manager")]
    [InlineData("don't hook me up with an agent")]
    [InlineData("Admin, sekarang stok L masih?")]
    [InlineData("Please pass this on to your team: the app crashes when I upload photos.")]
    [InlineData("please pass this to your team ya, app nya crash terus")]
    [InlineData("Please pass this on to whoever handles lost property: I left a black umbrella on seat 14C")]
    [InlineData("saya tahu saya ngobrol sama bot, langsung aja")]
    [InlineData("my mum wants to talk to an agent next week")]
    public void An_address_a_thanks_a_report_or_a_message_passed_on_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I know I'm talking to a bot, no offence. Can you hand me over to an agent for a dispute on the £240 transaction from 8 November?")]
    [InlineData("I know I'm talking to a bot")]
    [InlineData("saya tahu saya ngobrol sama bot, langsung aja")]
    public void Saying_a_machine_answers_and_asking_it_to_do_something_asks_nothing_of_who_answers(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("I don't know if I'm talking to a bot")]
    [InlineData("i know im talking to a bot?")]
    [InlineData("Serious question. Are your replies written by AI?")]
    [InlineData("apakah balasan ini ditulis oleh AI?")]
    [InlineData("ini pesan otomatis kah kak? soalnya nama sy salah disebut terus")]
    [InlineData("ini bot ya kak?")]
    [InlineData("are you a bot sir?")]
    public void Doubt_replies_written_by_a_machine_and_a_question_closed_by_a_form_of_address_ask_who_answers(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("is this essay written by AI?")]
    [InlineData("was my invoice generated by the system?")]
    public void A_thing_written_by_a_machine_asks_nothing_of_who_answers(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("My son is the one who handles my account, he'll message you.")]
    [InlineData("my courier agent said he'll come tomorrow, is that right?")]
    [InlineData("we'll see")]
    public void He_will_is_no_oath(string text)
    {
        var analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.Negative || analysis.Abusive, text);
    }

    [Theory]
    [InlineData("your app sucks, serius deh, crash terus")]
    [InlineData("your customer service sucks")]
    [InlineData("What the hell is going on with your billing? I've been charged three times.")]
    [InlineData("Damn it, your website crashed in the middle of my payment again.")]
    [InlineData("Oh brilliant, another crap answer from a crap bot.")]
    public void An_oath_or_contempt_at_what_the_business_runs_is_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("damn it, the app crashed again")]
    [InlineData("this movie sucks lol")]
    [InlineData("life sucks")]
    [InlineData("damn, your team is fast, thanks!")]
    [InlineData("holy shit your app is amazing")]
    public void An_oath_at_no_one_of_theirs_or_in_delight_is_no_abuse(string text) =>
        Assert.False(MessageSignals.Analyze(text).Abusive, text);
}
