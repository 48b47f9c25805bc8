using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// What a black-box review found misread, by kind: asking to be taken through something, someone else's role and what
/// they say or want, and an earlier chat ask for no one; joy with capitals and exclamation marks is no anger; "anjing" in
/// a product is the animal; someone else's need, a preference where to be answered and a remark made mild are no
/// complaint; someone else's question about who is there is asked; praise opening a failure, scorn in a word, threats,
/// being unread and resignation are negative, but praise before a mistake the customer owns ("perfect, I picked the wrong
/// colour", "mantap, saya salah pilih warna") is none; a question asked with "?!" in excitement ("When is my order
/// coming?! So excited", "kapan sampainya?! gak sabar") is joy, not exasperation; and their ordinary look-alikes stay as
/// they are.
/// </summary>
public sealed class ReviewedHandoffsJoyAndSarcasmTests
{
    [Theory]
    [InlineData("can you walk me through the options?")]
    [InlineData("could you walk me through the different plans?")]
    [InlineData("can you take me through the return steps?")]
    [InlineData("are you able to talk through the options with me?")]
    [InlineData("are you able to go through the pricing with me?")]
    [InlineData("the real estate agent says I need a proof of payment letter")]
    [InlineData("the insurance agent says I have to fill in a form")]
    [InlineData("our office manager wants 20 units, any discount?")]
    [InlineData("manajer kantor saya minta 50 pcs, bisa nego?")]
    [InlineData("bos saya minta 100 pcs, bisa diskon?")]
    [InlineData("yang kemarin chat sama saya itu manusia, orangnya baik banget")]
    [InlineData("the agent I spoke to yesterday was a real person, super nice")]
    public void An_explanation_someone_elses_role_and_an_earlier_chat_ask_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("put me through to an agent")]
    [InlineData("can you talk me through it or get me a real person")]
    [InlineData("my manager asked me to talk to a human")]
    [InlineData("manajer saya minta disambungkan ke cs")]
    public void A_person_handed_over_to_is_still_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("omg it's here!!! so happy 😍")]
    [InlineData("yay!!! it arrived!!!")]
    [InlineData("yeay!!! udah sampe!!!")]
    [InlineData("OMG I LOVE IT")]
    [InlineData("YA AMPUN SUKA BANGET")]
    [InlineData("hore!!! udah nyampe!!!")]
    public void Joy_shouted_or_exclaimed_is_no_anger(string text) =>
        Assert.DoesNotContain(TrustRules.ForCustomerMessage(MessageSignals.Analyze(text), 1), d => d.Delta < 0);

    [Theory]
    [InlineData("I don't love it!!!")]
    [InlineData("NOT SO HAPPY!!!")]
    [InlineData("gak suka banget!!!")]
    public void Joy_denied_is_still_anger(string text) =>
        Assert.Contains(TrustRules.ForCustomerMessage(MessageSignals.Analyze(text), 1), d => d.Name == TrustRules.Anger);

    [Theory]
    [InlineData("ada makanan anjing?")]
    [InlineData("ada makanan anjing yang grain free?")]
    [InlineData("jual mainan anjing?")]
    [InlineData("kalung anjing ukuran L ada?")]
    [InlineData("anjing saya alergi, ada makanan khusus?")]
    public void The_dog_in_a_product_is_no_abuse(string text) =>
        Assert.False(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("anjing lu")]
    [InlineData("anjing!")]
    [InlineData("dasar anjing")]
    public void Anjing_sworn_is_still_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("my lawyer needs a copy of the contract, can you email it")]
    [InlineData("pengacara saya minta salinan kontrak, bisa dikirim?")]
    [InlineData("please don't connect me to anyone, just answer here")]
    [InlineData("the delivery person was rude but the package is fine, I just need the invoice")]
    [InlineData("kurirnya tadi agak jutek sih tapi paketnya aman kok")]
    [InlineData("adik saya kerja jadi CS di bank, katanya kerjaan CS capek ya hehe. btw mau pesan")]
    [InlineData("is it bad that I ordered 3 of them? 😅")]
    [InlineData("I lost the customer number you gave me")]
    [InlineData("Blame it on me, I typed the wrong address")]
    [InlineData("Perfect, my bad")]
    public void Someone_elses_need_where_to_answer_and_a_mild_remark_are_no_complaint(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("my lawyer will be in touch")]
    [InlineData("your courier was rude but the package is fine")]
    [InlineData("just answer me!")]
    [InlineData("kata sandinya ga bisa dipake, kesel banget")]
    [InlineData("you just lost a loyal customer")]
    public void A_threat_their_rudeness_and_impatience_stay_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("beneran deh ini enak")]
    [InlineData("why is it always something with you people")]
    [InlineData("ini pesan ketiga saya soal hal yang sama")]
    [InlineData("my mom asks if this robot vacuum is on sale")]
    [InlineData("My son wants this robot for his birthday, is it in stock?")]
    [InlineData("my wife said you're a real lifesaver, can you rush it?")]
    public void Praise_scorn_a_count_of_messages_and_a_product_ask_nothing_of_who_is_there(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("my mom asks if this is a bot")]
    [InlineData("my mom wants to know if this is a bot")]
    [InlineData("my son says you're AI. is he right?")]
    [InlineData("my sister says this is a bot. true?")]
    [InlineData("my colleague bet me you're an AI, who wins?")]
    [InlineData("my grandma asks whether this is a real person")]
    [InlineData("kata anak saya ini AI, iya kah?")]
    [InlineData("mama saya nanya ini yang bales robot apa orang")]
    [InlineData("ibu saya nanya kamu manusia atau bot")]
    [InlineData("my mum asked if you're a real person")]
    [InlineData("my sister asked if you're a bot lol")]
    public void Someone_elses_question_of_who_is_there_is_asked(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("brilliant, charged twice")]
    [InlineData("congrats, you lost my parcel")]
    [InlineData("great, so now I have no phone and no refund")]
    [InlineData("oh lovely, another week of waiting")]
    [InlineData("fantastic service, 3 weeks and nothing")]
    [InlineData("cool cool cool, so I just lose 500k then")]
    [InlineData("well done, you sent it to the wrong city")]
    [InlineData("nice, so the refund just vanished")]
    [InlineData("hebat, ditagih dua kali")]
    [InlineData("selamat, paket saya hilang")]
    [InlineData("mantap, 3 minggu belum dateng juga")]
    [InlineData("mantap jiwa, saldo kepotong tiga kali")]
    [InlineData("hebat ya, paketnya nyasar ke kota lain")]
    [InlineData("wow. luar biasa. dobel potong saldo")]
    [InlineData("yeah right")]
    [InlineData("wow. just wow.")]
    [InlineData("sure, blame the courier, classic")]
    [InlineData("iya iya, salahin kurir terus")]
    [InlineData("last warning, refund me today")]
    [InlineData("keep this up and you'll lose a customer")]
    [InlineData("you've got one more chance")]
    [InlineData("this better be fixed by tomorrow, I'm warning you")]
    [InlineData("sekali lagi salah, saya lapor")]
    [InlineData("gini terus saya pindah ke toko lain")]
    [InlineData("besok harus beres, saya peringatkan")]
    [InlineData("you're not getting it")]
    [InlineData("no. that's not it. read again")]
    [InlineData("baca lagi dong chatnya")]
    [InlineData("harus berapa kali sih saya ngomong")]
    [InlineData("dibaca gak sih chat saya")]
    [InlineData("jawabannya gitu lagi gitu lagi")]
    [InlineData("I said the BLUE one, not the red one. again.")]
    [InlineData("how hard can it be to send a parcel")]
    [InlineData("what kind of answer is that")]
    [InlineData("what is wrong with you people")]
    [InlineData("is it too much to ask for my money back?")]
    [InlineData("terserah deh")]
    [InlineData("yaudah. lupain aja.")]
    [InlineData("jawaban apaan tuh")]
    [InlineData("kalian kenapa sih")]
    [InlineData("again?!")]
    [InlineData("lagi?!")]
    [InlineData("yaelah")]
    [InlineData("lieur abdi")]
    [InlineData("ieu kumaha sih, teu beres-beres")]
    [InlineData("wes embuh")]
    [InlineData("wis bola bali tak omongi")]
    public void Sarcasm_threats_being_unread_and_resignation_are_negative(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.Thanks, text);
    }

    [Theory]
    [InlineData("great, it arrived")]
    [InlineData("mantap, sudah sampai")]
    [InlineData("great, now I can track it")]
    [InlineData("nice, the refund came in")]
    [InlineData("keren, refundnya sudah masuk")]
    [InlineData("great, the problem is fixed")]
    [InlineData("brilliant, the refund came through")]
    [InlineData("cool, no problem")]
    [InlineData("congrats on the new store opening!")]
    [InlineData("selamat pagi, mau tanya ongkir")]
    [InlineData("whatever you recommend is fine with me")]
    [InlineData("whatever.")]
    [InlineData("terserah kakak aja mana yang bagus")]
    [InlineData("kirim lagi ya kak linknya")]
    [InlineData("I read again the instructions and it works now")]
    [InlineData("let me read it again")]
    [InlineData("can you read it again?")]
    [InlineData("tolong baca lagi syaratnya di mana ya")]
    [InlineData("yeah right here, the blue one")]
    [InlineData("berapa kali sehari obatnya diminum?")]
    [InlineData("don't blame the courier, I gave the wrong address")]
    [InlineData("jangan salahin kurirnya ya kak")]
    [InlineData("last chance to get the sale price, is it still on?")]
    [InlineData("will I lose my customer points?")]
    [InlineData("again?")]
    public void Praise_for_what_went_right_a_choice_and_a_plain_request_are_not(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("Perfect, I picked the wrong colour")]
    [InlineData("Great, I chose the wrong size, my bad")]
    [InlineData("great, I accidentally ordered the wrong size")]
    [InlineData("brilliant, I typed the wrong email")]
    [InlineData("awesome, i clicked the wrong button")]
    [InlineData("fantastic, I've selected the wrong date")]
    [InlineData("great, I gave the wrong phone number")]
    [InlineData("amazing, I chose the wrong delivery date again, my bad")]
    [InlineData("mantap, saya salah pilih warna")]
    [InlineData("mantap, salah pesan saya")]
    [InlineData("sip, aku salah pesen ukuran")]
    [InlineData("keren, gw salah klik")]
    [InlineData("mantap, kepencet yang salah")]
    public void Praise_before_a_mistake_the_customer_owns_is_no_sarcasm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("great, you sent the wrong size")]
    [InlineData("great, I got the wrong size")]
    [InlineData("perfect, they picked the wrong colour for me")]
    [InlineData("mantap, kalian salah pilih warna")]
    [InlineData("hebat, kurirnya salah ketik alamat")]
    public void Praise_before_a_mistake_someone_else_made_stays_sarcasm(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("When is my order coming?! So excited")]
    [InlineData("Where is my order?! can't wait to try it")]
    [InlineData("kapan sampainya?! gak sabar")]
    [InlineData("where is my package?! yay")]
    [InlineData("kapan paket saya sampai?! senang banget")]
    [InlineData("where is my order?! I cannot wait")]
    [InlineData("When will my order arrive?! Can't wait!")]
    [InlineData("kapan paketku datang?! udah gak sabar nih")]
    [InlineData("where's my parcel?! so happy it shipped")]
    public void A_question_asked_in_excitement_is_joy(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("mana paket saya?!")]
    [InlineData("where is my refund?!")]
    [InlineData("kapan paket saya sampai?!")]
    [InlineData("where is my order?! not so happy")]
    public void A_question_asked_with_marks_alone_stays_exasperated(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("my mum asked if you're a real shop")]
    [InlineData("my mum keeps asking if you're a real shop lol, anyway where's my order")]
    [InlineData("my dad wants to know if this is a real store")]
    public void Someone_else_asking_whether_the_business_is_a_real_shop_asks_nothing_of_who_is_there(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
}
