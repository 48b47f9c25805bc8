using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A call back asked for in more ways asks for a person: with a way to be reached ("on WhatsApp", "on my registered
/// mobile number", "di nomor wa ini"), what it is about ("regarding my mortgage application", "terkait klaim saya"),
/// soon or again ("secepatnya", Malay "semula"), in the passive after a plea ("mohon dihubungi kembali"), after a plea of
/// the customer's own ("Kindly request you to call me", "can u guys call me?"), or named as the thing wanted ("call back
/// request", "Yes I want a callback"). A request for a role as a noun ("Request for agent") and one for someone on the
/// business's side ("an actual person at your company", "a real person here") ask too. Calls refused ("stop calling me"),
/// a request called off ("ga jadi minta cs"), having had enough of something else ("fed up with these constant outages")
/// and an automated charge ask nothing; contempt for the ones answering as a bunch of clowns, or as rubbish, is abuse, and
/// an insult said of oneself or one's own is frustration.
/// </summary>
public sealed class CallBackRequestsAndRefusedCallsTests
{
    [Theory]
    [InlineData("phone me on whatsapp")]
    [InlineData("whatsapp me pls, cant talk on this chat")]
    [InlineData("can u guys call me? my number is on the account")]
    [InlineData("Kindly request you to call me on my registered mobile number")]
    [InlineData("I want you to call me")]
    [InlineData("call me regarding my claim")]
    [InlineData("call back request")]
    [InlineData("Yes I want a callback")]
    [InlineData("Please can I have a callback regarding my mortgage application")]
    [InlineData("request a callback please")]
    [InlineData("tolong hubungi saya secepatnya di nomor wa ini")]
    [InlineData("kak tolong telfon aku aja ya, susah ngetik")]
    [InlineData("hubungi saya lewat WA ya")]
    [InlineData("Yth. Customer Service, saya mohon dihubungi kembali terkait klaim asuransi saya no polis 88213.")]
    [InlineData("mohon dihubungi kembali")]
    [InlineData("minta ditelpon balik ya kak")]
    [InlineData("tolong hubungi saya semula, nombor saya 012-3456789")]
    [InlineData("tolong panggil penyelia, saya dah tunggu lama")]
    [InlineData("Request for agent")]
    [InlineData("requesting for a live agent")]
    [InlineData("How do I reach an actual person at your company?")]
    [InlineData("I need a real person here")]
    public void A_call_back_or_a_person_asked_for_in_these_ways_asks_for_a_person(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("Quick question before I explain everything - is this a live agent?")]
    [InlineData("i need help – are you a bot?")]
    public void A_dash_standing_apart_separates_the_question_from_what_came_before(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("my e-mail is wrong")]
    [InlineData("my order no 0812-3456 is late")]
    public void A_hyphen_inside_a_word_or_number_asks_nothing(string text)
    {
        var analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.AsksIdentity || analysis.AsksForHuman, text);
    }

    [Theory]
    [InlineData("Please stop calling me, I've had 5 calls today")]
    [InlineData("don't call me again")]
    [InlineData("berhenti telpon saya")]
    [InlineData("udah bisa kak, makasih, ga jadi minta cs")]
    [InlineData("I missed your callback yesterday")]
    [InlineData("call me back later")]
    [InlineData("telpon saya nanti aja")]
    [InlineData("whatsapp me the invoice")]
    [InlineData("saya sudah dihubungi kemarin")]
    [InlineData("the agent at your store was rude")]
    [InlineData("I asked for an agent yesterday")]
    [InlineData("driver grabnya ga dateng2, tolong dihubungi")]
    [InlineData("menawi taksih mboten saged, benjing kula telpon CS")]
    [InlineData("saya mau kasih masukan: agen di cabang sudirman sangat membantu")]
    public void Calls_refused_or_put_off_and_requests_called_off_ask_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("Is this an automated charge every month?")]
    [InlineData("is this an automated payment?")]
    [InlineData("tagihan ini otomatis kan?")]
    [InlineData("pembayaran ini otomatis ya?")]
    public void An_automated_charge_is_asked_about_not_who_answers(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("Is this an automated account?")]
    [InlineData("ini otomatis ya?")]
    [InlineData("balasan ini otomatis ya?")]
    public void The_chat_or_an_account_called_automated_is_still_asked_about_as_who_answers(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("you guys are a bunch of clowns")]
    [InlineData("what a bunch of morons, fix my internet")]
    [InlineData("bloody useless muppets the lot of you")]
    [InlineData("kalian semua sampah")]
    [InlineData("lu budek ya? dari tadi gue nanya")]
    [InlineData("are you brain dead? I said the order number is 5521")]
    [InlineData("eff off bot")]
    public void Contempt_for_the_ones_answering_is_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("aplikasinya sampah")]
    [InlineData("the circus had clowns and jugglers")]
    [InlineData("my battery is dead")]
    public void Rubbish_said_of_a_thing_or_clowns_at_a_circus_are_no_abuse(string text) =>
        Assert.False(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("bodoh banget aku, salah masukin nomor rekening 😅 bisa dibantu?")]
    [InlineData("tolol juga ya temen gue, nitip beli pulsa malah salah nomor")]
    [InlineData("I'm such an idiot, I typed the wrong email")]
    [InlineData("my brother is an idiot, he ordered twice")]
    [InlineData("kampret, sy ketiduran pas kurirnya dateng wkwk. bisa dikirim ulang besok?")]
    [InlineData("tolol emang gue, pesen ukuran L padahal biasanya M. bisa tuker gk ya?")]
    public void An_insult_said_of_oneself_or_one_of_ones_own_is_nothing_against_the_service(string text)
    {
        var analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.Abusive, text);
        Assert.False(analysis.Negative, text);
    }

    [Theory]
    [InlineData("you idiot")]
    [InlineData("I think you're stupid")]
    [InlineData("stupid bot")]
    [InlineData("bego lu")]
    [InlineData("goblok banget sih CS nya")]
    public void An_insult_of_the_ones_answering_stays_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("I need an agent who is helpful")]
    [InlineData("minta cs yang membantu dong")]
    public void A_person_wished_for_as_helpful_is_still_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I'm fed up with these constant outages")]
    [InlineData("sick of the delays")]
    [InlineData("capek sama aplikasinya")]
    public void Having_had_enough_of_something_else_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("my package arrived damaged")]
    [InlineData("I'm so stressed about this refund")]
    [InlineData("sedih bgt barangnya dateng pecah")]
    [InlineData("The food was cold when it arrived and half the order was missing")]
    [InlineData("hadeuh, meni lami pisan")]
    public void Damage_stress_and_sadness_are_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);
}
