using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A call asked for with a tag and a form of address after it ("bisa telpon saya balik ga kak"), in the passive written
/// apart ("minta di-call aja"), someone there who can help ("ada orang yg bisa bantu ga sih"), a call with one of the
/// staff; what the customer wants to be called ("call me Sari") asks for no call, nor does a person denied in a question
/// ("bukan orang?"), a habit ("yang biasanya chat sama admin") or a guess about who answers ("let me guess, I'm talking to
/// a bot again?"); and the tone of nobody answering, of being ignored, of a shrug, of waiting without end, of help in
/// quotes, of the business called names and of the staff likened to animals. Giving up and waiting reads the same with or
/// without a comma or a particle ("terserah deh nunggu aja", "ya sudah lah, saya tunggu aja", "fine whatever i'll wait");
/// "ya sudah, saya tunggu saja" accepts the wait. The ones answering never answering ("you people never reply", "ga ada
/// yg jawab dari tadi") is a complaint that asks for no one.
/// </summary>
public sealed class NamesQuotesAndShrugsTests
{
    [Theory]
    [InlineData("bisa telpon saya balik ga kak")]
    [InlineData("bisa hubungi saya ga min?")]
    [InlineData("minta di-call aja deh kak")]
    [InlineData("minta ditelpon aja")]
    [InlineData("mau di telpon balik")]
    [InlineData("ada orang yg bisa bantu ga sih")]
    [InlineData("ada orang yang bisa bantu saya?")]
    [InlineData("is there a person who can help me?")]
    [InlineData("Can I video call with one of your staff to finish the account verification?")]
    [InlineData("can I talk to one of your agents")]
    [InlineData("gak ada yang bales, minta CS dong")]
    public void A_call_or_someone_to_help_asked_in_these_forms_is_a_request(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("ada orang yang bisa bantu ambil paket?")]
    [InlineData("ada yang bisa bantu?")]
    [InlineData("ada orang yang bisa bantu saya kemarin")]
    [InlineData("saya kerja di call center")]
    [InlineData("driver grabnya ga dateng2, tolong dihubungi")]
    [InlineData("I had a video call with one of your staff yesterday")]
    [InlineData("bisa telpon saya balik ga nanti")]
    public void A_hand_with_a_job_a_place_of_work_or_a_call_made_is_not_read_as_one(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("call me Sari")]
    [InlineData("just call me Dewi please")]
    [InlineData("you can call me Rizky")]
    [InlineData("panggil aku Sari aja kak")]
    [InlineData("eh ini chat sama sistem ya? bukan orang?")]
    [InlineData("not a human?")]
    [InlineData("anak saya yang biasanya chat sama admin, sekarang saya yg lanjutin ya. pesanan no 7781 udah dikirim?")]
    [InlineData("I usually talk to an agent about this")]
    [InlineData("Let me guess, I'm talking to a bot again?")]
    public void A_name_a_person_denied_in_a_question_a_habit_or_a_guess_vetoes_a_request_only_the_model_reads(string text) =>
        Assert.True(MessageSignals.Grammar(text).VetoesRequest, text);

    [Theory]
    [InlineData("panggilin supervisornya sekarang")]
    [InlineData("tolong panggilkan supervsior")]
    [InlineData("call me back")]
    [InlineData("call me at 5")]
    [InlineData("call me rn")]
    [InlineData("call me bck")]
    [InlineData("usually I can speak to an agent, can you connect me?")]
    public void Someone_fetched_or_a_call_asked_for_is_not_vetoed(string text) =>
        Assert.False(MessageSignals.Grammar(text).VetoesRequest, text);

    [Theory]
    [InlineData("ok so what exactly are you, some kind of AI assistant?")]
    [InlineData("some kind of AI?")]
    [InlineData("Let me guess, I'm talking to a bot again?")]
    [InlineData("am i talking to a human again?")]
    public void The_kind_of_machine_or_the_same_question_again_asks_who_it_is(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("nobody ever responds to my emails")]
    [InlineData("no one replied")]
    [InlineData("why does your bot keep ignoring me")]
    [InlineData("dicuekin terus")]
    [InlineData("pesan saya diabaikan")]
    [InlineData("fine. whatever. cancel it.")]
    [InlineData("ok whatever")]
    [InlineData("whatever, just refund me")]
    [InlineData("sampe kapan gw harus nunggu")]
    [InlineData("berapa lama lagi?")]
    [InlineData("sinyal ilang mulu, bayar mahal2 buat apa coba")]
    [InlineData("thanks for the \"help\" I guess")]
    [InlineData("this \u201Csmart\u201D assistant")]
    [InlineData("\u201Cbantuan\u201D kalian")]
    [InlineData("your 'customer service' again")]
    public void Nobody_answering_being_ignored_a_shrug_waiting_without_end_and_help_in_quotes_are_negative(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.Thanks, text);
    }

    [Theory]
    [InlineData("whatever.")]
    [InlineData("whatever works for you")]
    [InlineData("Bot or human, whatever, tell me where my parcel is")]
    [InlineData("please ignore my last message")]
    [InlineData("sampai kapan promonya berlaku?")]
    [InlineData("click \"Help\" and it opens")]
    [InlineData("the status says \"service active\"")]
    [InlineData("I typed \"help\" twice")]
    [InlineData("nobody else can sign for it")]
    [InlineData("no one answer is right for every case")]
    [InlineData("ya sudah, saya tunggu saja")]
    [InlineData("terserah kakak aja, saya tunggu")]
    [InlineData("terserah, saya tunggu kabarnya ya, makasih")]
    [InlineData("ok, I'll wait")]
    [InlineData("I never reply to spam emails, is that ok?")]
    public void A_choice_a_request_to_skip_a_date_or_a_label_in_quotes_is_not(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("cs nya kayak monyet, ga bisa apa2")]
    [InlineData("adminnya kek babi")]
    [InlineData("dasar perusahaan penipu, maling duit rakyat")]
    [InlineData("your company is a bunch of scammers and thieves")]
    [InlineData("what a joke of a company, absolute clowns")]
    [InlineData("utter crooks, all of you")]
    public void The_staff_likened_to_animals_or_the_business_called_names_is_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("kok kayak robot ya jawabannya")]
    [InlineData("monyet di kebun binatang lucu banget")]
    [InlineData("this company is great")]
    [InlineData("the total is wrong")]
    [InlineData("a thief stole my parcel")]
    public void A_likeness_to_a_machine_an_animal_elsewhere_or_praise_of_the_business_is_not(string text) =>
        Assert.False(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("terserah deh nunggu aja")]
    [InlineData("terserah, saya tunggu aja")]
    [InlineData("terserah lah, saya tunggu saja")]
    [InlineData("ya sudah lah, saya tunggu aja")]
    [InlineData("ya udah lah")]
    [InlineData("pasrah deh, nunggu aja")]
    [InlineData("fine whatever i'll wait")]
    [InlineData("whatever, I'm gonna keep waiting then")]
    public void Giving_up_and_waiting_sounds_negative_with_or_without_a_comma_or_particle(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("you people never reply")]
    [InlineData("your support never replies")]
    [InlineData("they never answered")]
    [InlineData("ga ada yg jawab dari tadi")]
    [InlineData("tidak ada yang respon")]
    public void The_ones_answering_never_answering_sounds_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("gak ada yang bales sama sekali")]
    [InlineData("ga ada yg jawab dari tadi")]
    public void That_no_one_answers_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
}
