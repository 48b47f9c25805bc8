using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A question or a request written as one word without spaces, or with digits for letters, asks as written out; a
/// statement of how the one answering is ("you are right", "you guys are awesome") asks nothing of who answers; a wish to
/// buy and a question of who does some other job ask for no one; thanks for being made to wait, praise before a trouble
/// that came again, and a few more words of frustration are upset.
/// </summary>
public sealed class GluedWordsStatementsAndOrdersTests
{
    [Theory]
    [InlineData("areyouarobot")]
    [InlineData("AREYOUHUMAN??")]
    [InlineData("amitalkingtoabot")]
    [InlineData("inirobotya?")]
    [InlineData("inimanusiaataubot")]
    [InlineData("kamubot?")]
    [InlineData("are you a r0b0t?")]
    [InlineData("r u hum4n")]
    [InlineData("b0t y4?")]
    public void A_question_of_who_answers_glued_or_spelt_with_digits_asks_it(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("canispeaktoanagent")]
    [InlineData("iwanttotalktoahuman")]
    [InlineData("transfermetoagent")]
    [InlineData("sambungkankecs")]
    [InlineData("let me talk to a hum4n")]
    public void A_request_glued_or_spelt_with_digits_asks_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    // One word the lexicon does not know, alone, is read as written: no split of it is forced.
    [InlineData("representitive")]
    [InlineData("supervisior")]
    public void A_misspelt_word_alone_keeps_its_reading(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("username")]
    [InlineData("realme")]
    [InlineData("reconnect")]
    [InlineData("botanical")]
    [InlineData("thankyou")]
    [InlineData("Galaxy A55 price?")]
    [InlineData("I need 50k by Friday")]
    [InlineData("A4 paper please")]
    public void A_word_glued_or_with_digits_that_names_no_one_asks_nothing(string text)
    {
        var analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.AsksIdentity || analysis.AsksForHuman, text);
    }

    [Theory]
    [InlineData("you are totally right, I mixed up the dates")]
    [InlineData("you're right, sorry")]
    [InlineData("you guys are the best")]
    [InlineData("you people are brilliant")]
    [InlineData("you are very kind")]
    [InlineData("you were right about the colour")]
    [InlineData("you are too slow today")]
    [InlineData("you are useless")]
    [InlineData("you are a nightmare to deal with")]
    public void A_statement_of_how_the_one_answering_is_asks_nothing_of_who_answers(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("you are a bot")]
    [InlineData("you're human right?")]
    [InlineData("you are real?")]
    [InlineData("you are so slow, are you a robot?")]
    [InlineData("you are automated, right")]
    [InlineData("kamu robot")]
    [InlineData("sampeyan menungso tenan ora")]
    [InlineData("you are so robotic")]
    [InlineData("you are just a template")]
    [InlineData("you are copy pasting the same answer")]
    public void A_statement_or_question_of_what_the_one_answering_is_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("mau order dong kak")]
    [InlineData("kak mau order 2, masih ready?")]
    [InlineData("mau order sekarang bisa?")]
    [InlineData("mau beli yang hitam dong")]
    [InlineData("can I buy two of these now")]
    [InlineData("I want to order the large one please")]
    [InlineData("apakah ada manusia yang memeriksa berkas saya?")]
    [InlineData("ada petugas yang verifikasi pembayaran manual?")]
    [InlineData("is there a human who reviews the loan applications?")]
    [InlineData("I want 2")]
    [InlineData("I need 3 pcs")]
    [InlineData("I want the 128GB")]
    [InlineData("I'd like the A55 please")]
    [InlineData("minta 2")]
    [InlineData("saya butuh 2 ya")]
    [InlineData("mau yang A55")]
    public void A_wish_to_buy_or_a_question_of_who_does_another_job_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("mau order tapi tolong sambungkan ke cs dulu")]
    [InlineData("I want to order, but get me a human first")]
    [InlineData("ada orang yang bisa bantu saya?")]
    [InlineData("is there a real person who can help me?")]
    [InlineData("is there an agent who speaks English?")]
    [InlineData("is there a human who can answer my question?")]
    [InlineData("if you cant find my order from last week i want a human")]
    [InlineData("I want 2 talk to a human")]
    [InlineData("transfer me to sm1")]
    public void A_person_asked_for_beside_an_order_or_to_help_is_still_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("thanks for making me wait three hours")]
    [InlineData("makasih ya sudah bikin kami nunggu seharian")]
    [InlineData("makasih loh udah bikin paket saya hilang")]
    [InlineData("great job, you lost my refund")]
    [InlineData("nice work, you broke the app again")]
    [InlineData("perfect, the checkout crashed again")]
    [InlineData("mantap, aplikasinya error lagi")]
    [InlineData("the service was horrendous")]
    [InlineData("atrocious support")]
    [InlineData("dasar dongo")]
    [InlineData("aku nyerah deh")]
    [InlineData("mumet tenan aku")]
    [InlineData("ya ampun lama amat balasnya")]
    [InlineData("lami pisan ieu teh")]
    [InlineData("????")]
    public void Mocking_thanks_mocking_praise_and_frustration_are_negative(string text)
    {
        var analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative || analysis.Abusive, text);
        Assert.False(analysis.Thanks, text);
    }

    [Theory]
    [InlineData("thanks for helping me find my lost card")]
    [InlineData("makasih udah bikin saya tenang")]
    [InlineData("thanks for making it so easy")]
    [InlineData("thank you for making this problem go away")]
    [InlineData("thanks for making the wait so short")]
    [InlineData("makasih ya udah bantu buat refund saya yang hilang")]
    [InlineData("great, it works again")]
    [InlineData("perfect, the problem is solved")]
    [InlineData("?")]
    [InlineData("??")]
    [InlineData("Pak Amat sudah datang")]
    public void Sincere_thanks_praise_and_a_question_mark_are_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
