using CxCluster.Grains.Trust;

namespace CxCluster.Understanding.Tests;

/// <summary>
/// The kinds of ordinary message the grammar keeps from setting a signal off, whatever the learnt model says, and the
/// requests and questions next to them that must still be read: the vetoes stay narrow.
/// </summary>
public sealed class NarrowVetoTests
{
    [Theory]
    [InlineData("is the necklace real gold?")]
    [InlineData("original or knockoff, this jersey?")]
    [InlineData("are the pearls on this ring real?")]
    [InlineData("kalung ini emas asli kak?")]
    [InlineData("sepatunya ori atau kw?")]
    [InlineData("tas ini buatan tangan atau mesin pabrik?")]
    [InlineData("does the shop app have a virtual assistant?")]
    [InlineData("aplikasi kalian punya chatbot gak?")]
    public void A_question_about_a_thing_is_no_identity_question(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("are you a real person? i want to ask about a bag")]
    [InlineData("kamu bot ya? mau tanya barang")]
    [InlineData("ini yang bales orang asli atau mesin?")]
    public void A_question_about_who_is_there_still_counts_beside_a_thing(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("I might talk to an agent later but first where is my parcel")]
    [InlineData("operator nya besok aja, sekarang saya mau cek ongkir")]
    [InlineData("for my dad tomorrow, is there an agent who speaks Tamil?")]
    [InlineData("ada petugas yang bisa bahasa Jawa? buat nenek saya besok")]
    [InlineData("tadi saya salah transfer ke orang, bisa dibatalkan?")]
    [InlineData("kirim uang ke orang yang salah, gimana balikinnya")]
    [InlineData("saya pakai operator Telkomsel")]
    [InlineData("petugas di cabang Bogor judes banget")]
    [InlineData("rekening BNI saya bisa dihubungkan ke ShopeePay?")]
    public void A_request_put_off_for_later_or_someone_else_or_money_sent_is_no_request_now(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("minta cs sekarang, bukan nanti")]
    [InlineData("tolong sambungin ke cs nanti saya jelasin")]
    [InlineData("saldo saya hilang, tolong hubungkan ke cs")]
    [InlineData("istri saya mau bicara dengan CS sekarang")]
    [InlineData("transfer me to an agent please")]
    [InlineData("can you pass me to your staff or not?")]
    [InlineData("butuh bantuan petugas sekarang")]
    [InlineData("saya mau dihubungkan ke customer service")]
    [InlineData("akun saya diblokir, bisa disambungkan ke CS?")]
    public void A_request_for_a_person_now_still_counts(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("reservasi meja buat 8 orang jam 7")]
    [InlineData("tiket 3 orang dewasa berapa?")]
    [InlineData("can I book a cabin for 4 people?")]
    [InlineData("a room for 2 persons please")]
    [InlineData("tolong dong kak")]
    [InlineData("help!!")]
    [InlineData("pls help me")]
    public void A_headcount_or_a_bare_plea_is_no_request(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("tolong panggilkan CS")]
    [InlineData("help, I need a human agent")]
    [InlineData("saya mau bicara dengan orang asli")]
    public void A_plea_that_names_a_person_still_counts(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
}
