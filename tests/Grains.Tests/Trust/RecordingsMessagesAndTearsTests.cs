using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Whether the chat is recorded ("is this chat being recorded?", "are you recording this?", "chat ini di-record gak?")
/// asks about the line, not who answers; a message passed on to a team, a wish the customer says they did not have ("if
/// I wanted to talk to a person I would have called"), the staff asked to stop calling and the other side of a recorded
/// conversation ask for no one; and the tone of a mess, a formal complaint, tears, what was supposed to happen, time gone
/// by with nothing come, trouble again, waiting since the morning and what never comes, against politeness ("I hate to
/// bother you") and an apology ("my bad").
/// </summary>
public sealed class RecordingsMessagesAndTearsTests
{
    [Theory]
    [InlineData("Is this chat being recorded?")]
    [InlineData("is this call being recorded")]
    [InlineData("are you recording this?")]
    [InlineData("are you recording our call?")]
    [InlineData("chat ini di-record gak sih?")]
    [InlineData("percakapan ini direcord ya?")]
    public void Whether_the_line_is_recorded_asks_nothing_of_who_answers(string text)
    {
        GrammarVerdict verdict = MessageSignals.Grammar(text);
        Assert.False(verdict.AsksIdentity, text);
        Assert.True(verdict.VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("is this a recording?")]
    [InlineData("are you a recording?")]
    [InlineData("is this a recorded message?")]
    public void A_recording_that_answers_is_still_asked_about(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("I need to know if I'm speaking to a human before I share my card number")]
    [InlineData("saya mau tahu apakah saya bicara dengan manusia sebelum saya kasih data")]
    [InlineData("halo, ada manusianya gak di sini?")]
    [InlineData("ada manusia nggak di sana?")]
    public void Whether_a_person_is_there_asked_before_going_on_or_with_a_tag_before_the_place_asks_who_answers(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("I've talked to a human before")]
    [InlineData("I talked to a human before I called you")]
    public void Having_talked_to_a_person_before_is_no_question_of_who_is_there_to_the_grammar(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("are you an idiot?")]
    [InlineData("are you a moron or what")]
    [InlineData("kamu bego ya?")]
    public void An_insult_asked_as_a_question_asks_nothing_of_who_answers(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.AsksIdentity, text);
        Assert.True(analysis.Abusive, text);
    }

    [Theory]
    [InlineData("are you a stupid bot?")]
    [InlineData("are you an idiot or a real person?")]
    public void An_insult_beside_a_word_of_who_is_there_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Fact]
    public void Recording_asked_beside_a_machine_word_still_asks_who_answers() =>
        Assert.False(MessageSignals.Grammar("are you recording this or are you a bot?").VetoesIdentity);

    [Theory]
    [InlineData("Please pass this message on to your team: the billing address is wrong.")]
    [InlineData("please pass my message to your manager")]
    [InlineData("If I wanted to talk to a person I would have called.")]
    [InlineData("If I wanted to talk to a person, I'd call. Just answer please.")]
    [InlineData("if I'd wanted an agent I'd have asked")]
    [InlineData("Please ask your staff to stop calling me about promotions.")]
    [InlineData("tell your agents to stop calling me")]
    [InlineData("can I get a transcript of my chat with the agent")]
    [InlineData("saya ingin meminta salinan rekaman percakapan telepon saya dengan petugas")]
    public void A_message_passed_on_a_wish_not_had_a_call_refused_or_a_record_of_a_talk_vetoes_a_request(string text) =>
        Assert.True(MessageSignals.Grammar(text).VetoesRequest, text);

    [Theory]
    [InlineData("please pass me on to your team")]
    [InlineData("please forward me to a manager")]
    [InlineData("if you can't help, I want a human")]
    [InlineData("if you can't help, I'd like a human")]
    [InlineData("If you can't answer, I'd rather talk to an agent")]
    [InlineData("can I talk to the agent I chatted with yesterday")]
    [InlineData("I want to speak to a supervisor, and stop calling me")]
    public void Being_handed_over_or_a_request_beside_them_is_not_vetoed(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("mau transfer dong")]
    [InlineData("bisa transfer sekarang?")]
    [InlineData("I want to transfer")]
    [InlineData("transfer ke mandiri bisa?")]
    public void A_transfer_wished_for_with_no_one_named_is_a_payment(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("please transfer me")]
    [InlineData("transfer me to an agent")]
    [InlineData("transfer saya ke cs")]
    [InlineData("mau transfer ke cs")]
    [InlineData("transfer pls")]
    public void A_transfer_of_the_customer_or_to_someone_asks_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("no offence but your app is a mess")]
    [InlineData("what a complete mess")]
    [InlineData("I am writing to formally complain about the repeated billing errors on my account")]
    [InlineData("Honestly I'm about to cry, I've lost all my photos after your update.")]
    [InlineData("the refund was supposed to come on Monday. it's Friday.")]
    [InlineData("Respectfully, this is the poorest customer experience I've had in years.")]
    [InlineData("3 weeks and no refund")]
    [InlineData("two days and still nothing")]
    [InlineData("2 weeks and nothing")]
    [InlineData("it's been 2 weeks and nothing")]
    [InlineData("been a week and nobody called me back")]
    [InlineData("GANGGUAN LAGI GANGGUAN LAGI")]
    [InlineData("dengan ini saya menyampaikan keluhan atas keterlambatan pengiriman")]
    [InlineData("sy udh bolak balik ke kantor cabang 3x tetep gk beres")]
    [InlineData("sy sabar ya dari kemaren, tp ini udh kelewatan")]
    [InlineData("ehm pak saya udah nunggu dari pagi teknisinya gak dateng dateng")]
    [InlineData("proses refundnya gak kelar kelar")]
    [InlineData("pengen nangis rasanya")]
    public void A_mess_a_formal_complaint_tears_and_what_never_came_are_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("I hate to bother you but could you resend the invoice?")]
    [InlineData("hate to ask, but can you check my order again")]
    [InlineData("cancel order 4521 please, ordered the wrong size my bad")]
    [InlineData("my bad, wrong order number")]
    [InlineData("I'll wait 3 weeks and no more")]
    [InlineData("toko buka dari pagi?")]
    public void Politeness_an_apology_and_times_that_complain_of_nothing_are_not(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("I hate waiting")]
    [InlineData("I hate to wait this long for a refund")]
    [InlineData("my bad experience with your courier")]
    public void Hate_and_bad_outside_those_formulas_stay_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("you absolute clowns, 3 weeks and no refund")]
    [InlineData("you utter idiots")]
    [InlineData("otak lu di mana sih, masa gw yg disuruh bayar")]
    [InlineData("otak kamu di mana")]
    public void Contempt_made_whole_and_the_wits_of_the_one_answering_doubted_are_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);
}
