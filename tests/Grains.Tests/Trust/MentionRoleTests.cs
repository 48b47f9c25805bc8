using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A person the message names is asked for only when it is asked for now: not a form of address, not declined or
/// put off, not what an identity question asks about. Most cases run through the whole recogniser, the learnt model
/// included, because such mentions also veto a request only the model finds; handing over without naming anyone is
/// a rule of the grammar and is checked on the grammar alone.
/// </summary>
public sealed class MentionRoleTests
{
    [Theory]
    [InlineData("admin, stok sepatu hitam ukuran 42 masih ada?")]
    [InlineData("halo admin ada promo ongkir minggu ini?")]
    [InlineData("CS, kenapa saldo saya terpotong dua kali?")]
    [InlineData("petugas, loket pembayaran buka jam berapa?")]
    [InlineData("admin lah, barang ni ready tak?")]
    [InlineData("Hi CS! do you deliver on Sundays?")]
    [InlineData("Customer service, is the mall branch open late tonight?")]
    [InlineData("Can I return it without the box, agent?")]
    [InlineData("Hello po admin, pwede pa ba mag-order ng dalawa?")]
    [InlineData("Operator, my data bundle ran out early this month.")]
    [InlineData("Admin please, what is the account number for the transfer?")]
    public void Addressing_the_shop_or_an_agent_is_not_a_request(string text)
    {
        Assert.False(MessageSignals.Analyze(text).AsksForHuman);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("CS!!")]
    [InlineData("halo kak, cs dong")]
    [InlineData("admin, tolong sambungkan saya ke petugas")]
    [InlineData("halo admin, saya mau bicara dengan CS")]
    [InlineData("Hi there, I want to speak to an agent")]
    [InlineData("Agent, please put me through to a real person.")]
    [InlineData("Admin please, can you transfer me to an agent?")]
    public void A_name_that_asks_or_a_request_after_an_address_is_still_a_request(string text)
    {
        Assert.True(MessageSignals.Analyze(text).AsksForHuman);
    }

    [Theory]
    [InlineData("gak usah panggil operator, saya cuma tanya ongkir")]
    [InlineData("tidak perlu dialihkan ke petugas, sudah beres")]
    [InlineData("jangan sambungkan ke CS dulu, saya masih coba")]
    [InlineData("no need to transfer me to an agent, just tell me the fee")]
    [InlineData("Please don't put me through to anyone, chat is fine.")]
    [InlineData("nanti kalau masih error saya minta CS")]
    [InlineData("kalau besok paketnya belum sampai, baru saya minta disambungkan ke operator")]
    [InlineData("nanti kalau refund belum masuk, saya minta CS")]
    [InlineData("if the refund is not in by Friday I'll ask for a supervisor")]
    [InlineData("I might need an agent eventually, for now just the tracking link")]
    [InlineData("kalau sampai jumat paketnya belum datang, saya akan minta bicara dengan supervisor")]
    [InlineData("if the card is not unblocked by Monday, I will ask for a manager")]
    [InlineData("if the refund is not in by Friday, then I want to speak to a supervisor")]
    [InlineData("kalau sampai jumat refund belum masuk, saya mau bicara dengan supervisor")]
    [InlineData("sonde usah sambung ke operator, beta cuma mau tanya jam buka")]
    [InlineData("klo msh gagal nnt aku minta ngobrol sm org aja")]
    [InlineData("you don't have to transfer me to an agent, the article answered it")]
    [InlineData("ten perlu sambungkan ke petugas nggih, tiang sampun paham")]
    [InlineData("indak usah ke CS, ambo cuma batanyo jam buka")]
    [InlineData("talk to an agent next week, today I only need the invoice")]
    [InlineData("kalau masih gagal, habis itu saya minta supervisor")]
    [InlineData("if the app fails again, after that I want a manager")]
    [InlineData("kalau tidak usah ke CS, saya tanya di sini saja")]
    [InlineData("no transfer please, just the fee")]
    public void A_declined_or_postponed_request_is_not_a_request(string text)
    {
        Assert.False(MessageSignals.Analyze(text).AsksForHuman);
    }

    [Theory]
    [InlineData("if possible, I want to speak to a supervisor")]
    [InlineData("kalau bisa, saya mau bicara dengan supervisor")]
    [InlineData("the refund was due on Friday, I want to speak to a supervisor")]
    [InlineData("habis ini tolong sambungkan ke cs ya")]
    [InlineData("after that, connect me to an agent please")]
    public void A_condition_without_a_deadline_or_a_day_outside_a_condition_still_asks_now(string text)
    {
        Assert.True(MessageSignals.Analyze(text).AsksForHuman);
    }

    [Theory]
    [InlineData("bisa gak disambungin ke CS?")]
    [InlineData("bisa tidak saya dihubungkan dengan petugas?")]
    [InlineData("why can't I speak to a real person?")]
    [InlineData("gak mau bot, mau CS")]
    [InlineData("I don't want to wait, connect me to an agent")]
    [InlineData("kalau tidak bisa jawab, sambungkan ke CS saja")]
    [InlineData("if you can't fix it, will you connect me to a manager?")]
    [InlineData("kalau bukan, tolong sambungkan ke CS saja")]
    [InlineData("klo bkn tlg sambungin ke admin yang asli")]
    [InlineData("if not please transfer me to an agent")]
    [InlineData("no please connect me to an agent")]
    [InlineData("menu no just put me through to a person")]
    [InlineData("could you pass this chat to a colleague of yours")]
    public void A_question_tag_or_a_negation_of_something_else_keeps_the_request(string text)
    {
        Assert.True(MessageSignals.Analyze(text).AsksForHuman);
    }

    [Theory]
    [InlineData("Halo kak, saya manusia biasa yang bingung sama aplikasinya, tolong jelaskan caranya")]
    [InlineData("I'm a real person too, so please be patient with me about the refund")]
    [InlineData("tim CS kemarin sangat membantu, tolong sampaikan terima kasih saya")]
    [InlineData("The agent I spoke to yesterday was lovely, please pass on my thanks")]
    [InlineData("tolong jangan bagikan data saya ke orang lain")]
    public void Speaking_of_oneself_of_an_earlier_contact_or_of_other_people_is_not_a_request(string text)
    {
        Assert.False(MessageSignals.Analyze(text).AsksForHuman);
    }

    [Theory]
    [InlineData("get me a human")]
    [InlineData("kasih saya orang yang ngerti masalah ini")]
    [InlineData("saya manusia, bukan bot, sambungkan saya ke CS")]
    [InlineData("sambungkan ke CS yang kemarin bantu saya")]
    public void A_request_beside_those_words_is_still_a_request(string text)
    {
        Assert.True(MessageSignals.Analyze(text).AsksForHuman);
    }

    [Theory]
    [InlineData("transfer me please")]
    [InlineData("Is this a bot? Put me through.")]
    [InlineData("tolong sambungin dong")]
    [InlineData("ini mesin ya? minta dioper aja kak")]
    [InlineData("bisa dialihkan?")]
    public void Handing_over_without_naming_anyone_asks_for_a_person(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksForHuman);
    }

    [Theory]
    [InlineData("saya udah transfer ya, tolong dicek")]
    [InlineData("otw transfer kak")]
    [InlineData("admin grup minta rekap transfer, bisa dikirim?")]
    [InlineData("Kindly do not escalate, it is resolved at my end.")]
    [InlineData("gak usah dioper, saya cuma tanya ongkir")]
    [InlineData("nanti saya minta dialihkan aja")]
    public void A_payment_or_a_declined_hand_over_is_not_a_request(string text)
    {
        Assert.False(MessageSignals.Grammar(text).AsksForHuman);
    }

    [Theory]
    [InlineData("are you a real CS agent?")]
    [InlineData("saya lagi chat sama petugas atau sama mesin?")]
    [InlineData("kamu manusia?")]
    [InlineData("is this a real person or a program?")]
    [InlineData("ini chat otomatis atau ada petugasnya?")]
    [InlineData("is this automated or is there a real person?")]
    [InlineData("ini orang atau bukan?")]
    public void The_person_an_identity_question_asks_about_is_not_asked_for(string text)
    {
        var analysis = MessageSignals.Analyze(text);

        Assert.True(analysis.AsksIdentity);
        Assert.False(analysis.AsksForHuman);
    }

    [Theory]
    [InlineData("bot or human? human please")]
    [InlineData("robot atau orang? mau orang aja")]
    [InlineData("ini bot atau ada cs nya? sambungin ke cs")]
    public void A_question_on_which_one_is_there_beside_a_request_asks_both(string text)
    {
        var analysis = MessageSignals.Analyze(text);

        Assert.True(analysis.AsksIdentity);
        Assert.True(analysis.AsksForHuman);
    }

    [Theory]
    [InlineData("my supervisor asked me to get a quote for twenty laptops")]
    [InlineData("the previous agent promised me a callback, any update?")]
    [InlineData("The branch manager approved my loan, what happens next?")]
    [InlineData("admin tadi bilang ongkirnya gratis, kok ditagih?")]
    [InlineData("manager toko udah setuju tukar barangnya")]
    [InlineData("tadi sudah dihubungi oleh petugas, terima kasih")]
    public void A_person_who_did_something_else_is_not_asked_for(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesRequest, text);
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("my manager asked me to talk to a human")]
    [InlineData("the agent told me to ask for a supervisor, so please put me through to one")]
    [InlineData("petugas tadi nyuruh saya minta supervisor, tolong sambungkan")]
    [InlineData("saya udah minta CS dari tadi")]
    public void A_request_beside_what_someone_did_is_still_a_request(string text)
    {
        Assert.False(MessageSignals.Grammar(text).VetoesRequest, text);
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("I want to report an agent who was rude to my mother")]
    [InlineData("how do I report a staff member who asked me for extra money?")]
    [InlineData("mau adukan petugas loket yang minta uang tambahan")]
    [InlineData("gimana cara laporin oknum petugas yang nakal?")]
    public void Someone_reported_is_not_asked_for(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesRequest, text);
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("I want to report a problem to an agent")]
    [InlineData("report this to a human please")]
    [InlineData("saya mau lapor ke petugas")]
    [InlineData("laporin ke CS aja, sambungkan sekarang")]
    public void Reporting_to_someone_still_asks_for_them(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I want to switch operators but keep my prepaid balance")]
    [InlineData("can I change my insurance agent online?")]
    [InlineData("saya mau ganti operator, nomornya bisa dibawa?")]
    [InlineData("kalau pindah operator, pulsa saya hangus gak?")]
    public void What_is_swapped_is_not_asked_for(string text)
    {
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("switch me to a human agent")]
    [InlineData("change agent please")]
    [InlineData("ganti operator dong, yang ini gak ngerti")]
    public void Swapping_to_someone_or_an_urged_swap_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I need someone to pick up the old fridge")]
    [InlineData("I need a plumber for the leaking pipe in unit 5B")]
    [InlineData("butuh tukang listrik buat pasang stop kontak")]
    public void A_worker_for_a_job_is_not_asked_for(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesRequest, text);
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("I need someone to pick up the phone")]
    [InlineData("Can someone pick up my chat?")]
    [InlineData("Someone please pick up.")]
    public void Someone_to_pick_up_a_call_is_still_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
}
