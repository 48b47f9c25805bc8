using CxCluster.Grains.Trust;
using CxCluster.Grains.Trust.Grammar;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// The one answering doubted and asked to show what it is ("prove you're not a robot", "how do I know you're not a
/// bot") is asked who it is; laughter ("haha", "wkwk", "lol") and a face ("😭", "😩") close the clause before them, and a
/// face shows a mood; syllables, stutters and a held key ("ba", "bo bo bo") ask nothing; "any human available?" asks
/// for one without its verb; "ini dijawab sama orang ya?" asks who answers, not for someone; a call already made to
/// the staff asks for no one, and neither does how a transfer went ("Transfer failed again."); "tlg telpon balik sy" asks
/// for a call; "real" set against a fraud ("is this message real or a scam?") asks whether something is genuine; and the
/// tone of stress, of nobody caring, of hopes let down and of contempt for anyone's wits there. A question of who is there
/// taken back as a joke ("is this a bot lol jk", "ini bot ya wkwk becanda") asks nothing.
/// </summary>
public sealed class DoubtLaughterAndFacesTests
{
    [Theory]
    [InlineData("prove you're not a robot")]
    [InlineData("can you prove you're not a robot haha")]
    [InlineData("prove to me that you are human")]
    [InlineData("ok prove ur human. what did u have for breakfast")]
    [InlineData("buktiin dong kalau kamu manusia")]
    [InlineData("coba buktiin kamu bukan bot")]
    [InlineData("how do i know you're not just an AI pretending to be Sarah from support")]
    [InlineData("How do I know you're not a bot? Just transfer me to an agent.")]
    [InlineData("how can i be sure you're a real person")]
    [InlineData("gimana saya tau kalo kamu bukan bot")]
    public void Doubt_put_to_the_one_answering_asks_who_it_is(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("the captcha says prove you're human but the images won't load")]
    [InlineData("you don't have to prove you're human")]
    [InlineData("how do they know you're a bot")]
    [InlineData("how do I know you're a real agent of this bank")]
    public void Doubt_that_is_not_the_customers_own_or_names_a_role_of_something_else_is_not_read_as_one(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("are you a bot haha")]
    [InlineData("r u a robot lol")]
    [InlineData("lol are you a robot")]
    [InlineData("kamu bot ya wkwk")]
    [InlineData("ini chatbot ya? hehe")]
    [InlineData("is this chatgpt 😭")]
    [InlineData("are you a bot 😡")]
    [InlineData("are you kidding me? are you a bot?")]
    [InlineData("kamu bercanda? kamu bot?")]
    [InlineData("are you a bot? jk. but seriously, are you human?")]
    // Said in earnest: "not kidding", "no kidding", "gak bercanda", "stop joking".
    [InlineData("are you a bot? no kidding, I need to know")]
    [InlineData("are you a real person? I'm not kidding")]
    [InlineData("kamu bot? gak bercanda nih, jawab")]
    [InlineData("are you human? stop joking around and answer")]
    public void Laughter_or_a_face_after_the_question_still_closes_it(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("bro just get me a human 😩")]
    [InlineData("ke cs aja plis 😭")]
    [InlineData("just give me a human lol")]
    public void A_face_or_laughter_after_a_request_leaves_it_a_request(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("haha")]
    [InlineData("hahaha")]
    [InlineData("hahah")]
    [InlineData("hehehe")]
    [InlineData("hihi")]
    [InlineData("ahahah")]
    [InlineData("wkwk")]
    [InlineData("wkwkwkwk")]
    [InlineData("kwkwkw")]
    [InlineData("xixixi")]
    [InlineData("lol")]
    [InlineData("loool")]
    [InlineData("lmao")]
    [InlineData("rofl")]
    public void Laughter_is_told(string word) => Assert.True(Tokenizer.IsLaughter(word), word);

    [Theory]
    [InlineData("ha")]
    [InlineData("hah")]
    [InlineData("halo")]
    [InlineData("hari")]
    [InlineData("wkw")]
    [InlineData("hall")]
    [InlineData("lola")]
    [InlineData("ll")]
    [InlineData("heha")]
    public void Words_that_only_look_like_laughter_are_words(string word) => Assert.False(Tokenizer.IsLaughter(word), word);

    [Theory]
    [InlineData("ba")]
    [InlineData("Ba")]
    [InlineData("ba?")]
    [InlineData("ya ba")]
    [InlineData("bo bo bo bo bo")]
    [InlineData("bo bo bo bo bo bo bo bo bo bo bo bo")]
    [InlineData("ab ab ab ab ab ab ab ab ab ab ab ab ab ab")]
    [InlineData("aaaa")]
    public void Syllables_stutters_and_a_held_key_ask_nothing(string text) => Heard.Neither(text);

    [Theory]
    [InlineData("r u ai?")]
    [InlineData("bot?")]
    [InlineData("u a bot")]
    public void Short_words_that_do_ask_still_ask(string text) => Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("ke CS")]
    [InlineData("to an agent.")]
    [InlineData("mw sm cs")]
    public void A_role_alone_to_go_to_or_chat_shorthand_still_asks_for_one(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Fact]
    public void Where_a_message_goes_asked_is_not_a_request() => Assert.False(MessageSignals.Grammar("ke cs?").AsksForHuman);

    [Theory]
    [InlineData("any human available? need help w my insulin delivery")]
    [InlineData("anyone available? my card is blocked")]
    [InlineData("Any staff online? I need to talk to one.")]
    [InlineData("any agents available right now?")]
    public void Whether_anyone_is_free_asked_without_its_verb_asks_for_one(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("no agent available?")]
    [InlineData("any human available")]
    [InlineData("there's no agent available, it says")]
    public void Without_any_or_a_question_mark_availability_is_not_asked(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("sis, ini dijawab langsung sama orang ya?")]
    [InlineData("ini dibales sama robot atau kakak sendiri?")]
    [InlineData("apakah chat ini dijawab langsung oleh manusia?")]
    public void Who_answers_the_chat_asked_with_sama_asks_who_is_there_not_for_someone(string text) =>
        Heard.IdentityOnly(text);

    [Fact]
    public void Who_answers_asked_then_a_person_asked_for_is_both() =>
        Heard.Both("ini dijawab sama orang ya? kalo bot sambungin ke cs");

    [Theory]
    [InlineData("sy udh telpon CS dua kali ga ada yg angkat")]
    [InlineData("saya sudah telpon operator tadi pagi, katanya diproses")]
    [InlineData("I already called customer service twice, nobody answered")]
    [InlineData("saya sudah hubungi admin kemarin")]
    public void A_call_already_made_to_the_staff_asks_for_no_one(string text) => Heard.Neither(text);

    [Fact]
    public void A_call_already_made_then_a_person_asked_for_is_a_request() =>
        Heard.RequestOnly("sudah telpon cs tapi ga ada yg angkat, tolong sambungkan ke supervisor");

    [Theory]
    [InlineData("my package is lost and it was a birthday gift for my daughter 😢")]
    [InlineData("love how my \"express\" delivery takes 9 days 🙃")]
    [InlineData("great, another \"please wait\" message 🙄")]
    [InlineData("atm charged me but didn't give me any cash 😤")]
    [InlineData("sigh... ok. i'll try again later I guess")]
    [InlineData("I'm so stressed")]
    [InlineData("sy stres bgt, bayar kos gagal gara2 sistem kalian down")]
    [InlineData("sumpah udh frustasi bgt")]
    [InlineData("I've been charged twice and nobody seems to care")]
    [InlineData("sy kena tagih dua kali dan ga ada yg peduli")]
    [InlineData("ini ga bisa diterima, sy mau beres hari ini")]
    [InlineData("jujur sy berharap lebih dr perusahaan sebesar ini")]
    [InlineData("yaudah lah makasih ga ngebantu")]
    [InlineData("crap, wrong address")]
    public void Sadness_stress_weariness_and_hopes_let_down_are_negative(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.Abusive, text);
    }

    [Theory]
    [InlineData("eh no stress, I'll wait for the email")]
    [InlineData("holy crap you guys are amazing, refund already landed")]
    [InlineData("haha yes")]
    [InlineData("wkwk makasih ya kak, udah beres kok")]
    public void Calm_laughter_and_delight_are_neither(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.Negative, text);
        Assert.False(analysis.Abusive, text);
    }

    [Theory]
    [InlineData("is there anyone with a brain working there")]
    [InlineData("ada yg punya otak ga sih yg kerja di situ")]
    [InlineData("jangan buang waktu sy, bot otak udang")]
    [InlineData("koplak lu, ditanya apa jawabnya apa")]
    [InlineData("kalian di call center emang bebal semua ya?")]
    [InlineData("stop wasting my time you brainless bot")]
    [InlineData("crap bot")]
    public void Contempt_for_anyones_wits_is_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("Tlg telpon balik sy.")]
    [InlineData("tolong telpon balik ke nomor saya aja ya kak")]
    public void A_call_back_with_balik_before_the_customer_asks_for_one(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Fact]
    public void Calling_back_oneself_later_asks_for_no_one() => Assert.False(MessageSignals.Grammar("nanti saya telpon balik ya").AsksForHuman);

    [Theory]
    [InlineData("Transfer failed again.")]
    [InlineData("transfer gagal terus min")]
    [InlineData("transfernya pending dari kemarin")]
    [InlineData("ada orang ngaku dari CS kalian minta transfer biaya admin, itu penipuan ya?")]
    public void How_a_transfer_went_or_a_fee_to_transfer_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Fact]
    public void A_transfer_of_the_customer_still_asks_for_one() => Assert.True(MessageSignals.Analyze("transfer me to an agent").AsksForHuman);

    [Theory]
    [InlineData("Is this message real or is it a scam?")]
    [InlineData("Ini beneran dari bank atau penipuan ya? disuruh transfer biaya admin dulu")]
    [InlineData("is this offer real or fake")]
    public void Real_set_against_a_fraud_asks_whether_something_is_genuine_not_who_answers(string text) => Heard.Neither(text);

    [Theory]
    [InlineData("are you real or fake?")]
    [InlineData("is this a real person or a scam?")]
    public void Real_set_against_a_fraud_of_the_one_answering_or_of_a_person_is_not_vetoed(string text) =>
        Assert.False(MessageSignals.Grammar(text).VetoesIdentity, text);

    [Theory]
    [InlineData("hw do i kno ur not a bot")]
    [InlineData("bruh ur an AI arent u lol")]
    public void Shorthand_for_how_know_and_a_greeting_reads_as_the_words(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Fact]
    public void A_call_back_asked_in_Malay_with_balik_asks_for_one() =>
        Assert.True(MessageSignals.Grammar("Boleh call balik saya tak? Nombor 012-3456789, pasal bil telefon.").AsksForHuman);

    [Theory]
    [InlineData("Is this charge automatic? I didn't authorize it")]
    [InlineData("is the renewal automatic? I want to cancel it")]
    public void Whether_a_charge_is_automatic_asked_then_spoken_of_asks_nothing_of_who_answers(string text) =>
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);

    [Theory]
    [InlineData("orang asli. sekarang.")]
    [InlineData("real person please")]
    [InlineData("manusia!")]
    [InlineData("live agent now")]
    public void A_person_demanded_with_no_question_asks_for_one_not_who_is_there(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Heard.RequestOnly(text);
    }

    [Theory]
    [InlineData("human?")]
    [InlineData("human or bot")]
    [InlineData("orang asli ya")]
    public void A_person_word_asked_or_set_against_a_machine_is_not_vetoed_as_a_demand(string text) =>
        Assert.False(MessageSignals.Grammar(text).VetoesIdentity, text);

    [Theory]
    [InlineData("Is this chat automated atau ada manusia yang baca? Because my complaint never gets a proper answer, serius deh.")]
    [InlineData("ini otomatis atau ada orang beneran?")]
    public void Someone_there_as_the_other_answer_to_a_machine_asks_who_is_there_not_for_someone(string text) => Heard.IdentityOnly(text);

    [Fact]
    public void Someone_there_asked_alone_still_asks_for_one() => Assert.True(MessageSignals.Grammar("ada manusia yang bisa bantu?").AsksForHuman);

    [Theory]
    [InlineData("call me back can?")]
    [InlineData("Call me back can? Number 9123 4567, about my Singtel bill.")]
    public void A_call_back_closed_with_can_asks_for_one(string text) => Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("is ths a bot lol jk where is my parcel")]
    [InlineData("are you a bot? just kidding")]
    [InlineData("ini bot ya wkwk becanda, paket saya mana")]
    public void A_question_of_who_is_there_taken_back_as_a_joke_asks_nothing(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
}
