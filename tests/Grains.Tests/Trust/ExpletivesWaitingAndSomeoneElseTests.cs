using CxCluster.Grains.Trust;
using CxCluster.Grains.Trust.Grammar;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Tone: an expletive beside praise or thanks is delight, beside a complaint or an insult it stays anger; waiting,
/// hurrying and something going wrong again are frustration; sarcastic praise that closes its clause is negative.
/// Requests for someone else ("ganti orang lain aja"), a mind of its own asked about ("are you sentient?"), and whether the
/// one answering holds a role ("are you an agent?"), which asks nothing about who is there.
/// </summary>
public sealed class ExpletivesWaitingAndSomeoneElseTests
{
    [Theory]
    [InlineData("anjir keren")]
    [InlineData("anjir keren banget fiturnya")]
    [InlineData("anjrit mantap")]
    [InlineData("anjir akhirnya bisa juga")]
    [InlineData("damn that was quick")]
    [InlineData("damn you guys are good")]
    [InlineData("holy shit that was fast, thanks")]
    [InlineData("fucking finally it works, thank you")]
    [InlineData("hell yeah it worked")]
    [InlineData("damn that's impressive")]
    public void An_expletive_beside_praise_or_thanks_is_delight_not_anger(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.Abusive, text);
        Assert.False(analysis.Negative, text);
        Assert.DoesNotContain(TrustRules.ForCustomerMessage(analysis, 1), d => d.Delta < 0);
    }

    [Theory]
    [InlineData("anjir")]
    [InlineData("anjir kok gagal lagi")]
    [InlineData("anjir gak keren banget")]
    [InlineData("anjing lama banget")]
    [InlineData("damn")]
    [InlineData("damn not good at all")]
    [InlineData("shit, so slow")]
    [InlineData("fucking useless")]
    [InlineData("bego lu, keren apanya")]
    [InlineData("you idiots, great job charging me twice")]
    [InlineData("wtf great")]
    public void An_expletive_beside_a_complaint_an_insult_or_denied_praise_stays_anger(string text) =>
        Heard.Upset(text);

    [Theory]
    [InlineData("still waiting for my refund")]
    [InlineData("I've been waiting for an hour")]
    [InlineData("hurry up please")]
    [InlineData("how much longer??")]
    [InlineData("nobody is answering me")]
    [InlineData("come on, answer me")]
    [InlineData("wonderful service, 3 weeks and still no refund")]
    [InlineData("dari tadi nunggu")]
    [InlineData("kok lama sih")]
    [InlineData("kok diem aja")]
    [InlineData("chat saya gak dibales bales")]
    [InlineData("udah 3 hari belum ada kabar")]
    [InlineData("2 minggu belum beres")]
    public void Waiting_and_hurrying_are_frustration(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("brilliant, it crashed again")]
    [InlineData("payment failed again")]
    [InlineData("oh great another error")]
    [InlineData("great, just great")]
    [InlineData("oh just perfect.")]
    [InlineData("mantap, error lagi")]
    [InlineData("keren, aplikasinya crash mulu")]
    [InlineData("top markotop, paket nyasar lagi")]
    [InlineData("transfer gagal terus")]
    public void Something_going_wrong_again_and_sarcastic_praise_are_frustration(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("just great service, thank you")]
    [InlineData("just perfect fit, thanks")]
    [InlineData("great, thanks")]
    [InlineData("tunggu sebentar ya saya cek dulu")]
    [InlineData("oke saya nunggu aja")]
    [InlineData("saldo saya belum masuk")]
    [InlineData("apakah paket saya sudah dikirim lagi?")]
    [InlineData("damn quick question, where do I change my address")]
    public void Praise_waiting_words_and_ordinary_questions_stay_as_they_are(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("cheers mate")]
    [InlineData("cheers for the help")]
    [InlineData("matur nuwun")]
    [InlineData("matur nuwun mas")]
    public void Cheers_and_matur_nuwun_are_thanks(string text) =>
        Assert.True(MessageSignals.Analyze(text).Thanks, text);

    [Theory]
    [InlineData("ganti orang lain aja")]
    [InlineData("ganti ke orang lain")]
    [InlineData("cari orang lain dong")]
    [InlineData("tolong carikan orang lain yg bisa bantu")]
    [InlineData("oper ke orang lain aja")]
    [InlineData("sambungin ke orang lain dong")]
    public void Someone_else_swapped_for_or_urged_is_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("gak usah ganti orang lain")]
    [InlineData("transfer ke orang lain bisa?")]
    [InlineData("gimana cara transfer ke orang lain")]
    [InlineData("orang lain bisa pakai akun saya?")]
    [InlineData("paket saya diterima orang lain")]
    [InlineData("cari ukuran lain aja")]
    [InlineData("ganti warna lain aja")]
    [InlineData("orang tua saya mau daftar juga")]
    public void Someone_else_talked_about_or_a_thing_swapped_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("are you sentient")]
    [InlineData("r u conscious?")]
    [InlineData("are you conscious or just a program")]
    public void A_mind_of_its_own_asked_about_is_an_identity_question(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("the patient was conscious when the ambulance came")]
    [InlineData("is this brand environmentally conscious")]
    [InlineData("Are you aware my package is lost?")]
    public void Someone_else_or_a_thing_being_conscious_is_no_identity_question(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("are you an agent?")]
    [InlineData("are you the manager?")]
    [InlineData("are you customer service?")]
    [InlineData("kamu admin?")]
    public void Whether_the_one_answering_holds_a_role_is_no_identity_question(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("are you a real agent?")]
    [InlineData("are you an agent or a bot?")]
    [InlineData("kamu admin asli?")]
    [InlineData("are you human?")]
    public void A_role_with_something_real_or_a_machine_beside_it_still_asks_who_is_there(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Fact]
    public void Praise_and_expletives_may_be_single_words_and_an_expletive_is_never_more()
    {
        LexiconFile words = new("words.tsv", "Abusive\tdamn\nNone\tfast\nNone\tgood\nNone\tjob\n");
        LexiconTables tables = LexiconLoader.Load([words], [new LexiconFile("phrases.tsv", "Praise\tfast\nPraise\tgood job\nExpletive\tdamn\n")]);
        Assert.Equal(3, tables.PhrasesByFirstWord.Values.Sum(p => p.Length));

        var error = Assert.Throws<InvalidDataException>(
            () => LexiconLoader.Load([words], [new LexiconFile("phrases.tsv", "Expletive\tdamn fast\n")]));
        Assert.Contains("phrases.tsv:1", error.Message);
        Assert.Throws<InvalidDataException>(() => LexiconLoader.Load([words], [new LexiconFile("phrases.tsv", "Negative\tfast\n")]));
    }
}
