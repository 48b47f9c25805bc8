using System.Text;
using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

public sealed class MessageSignalsTests
{
    // ------------------------------------------------------------ asking for a person

    [Theory]
    [InlineData("saya mau bicara dengan CS")]
    [InlineData("mau ngomong sama orang dong")]
    [InlineData("minta agen")]
    [InlineData("hubungkan ke cs")]
    [InlineData("sambungkan ke petugas")]
    [InlineData("cs dong")]
    [InlineData("panggil operator")]
    [InlineData("bisa bicara dengan manusia?")]
    [InlineData("gak mau sama bot, mau orang")]
    [InlineData("Saya ingin berbicara dengan customer service")]
    [InlineData("tolong sambungkan saya dengan agen manusia")]
    [InlineData("pengen ngomong ama org beneran")]
    [InlineData("tlg hubungin ke cs ya kak")]
    [InlineData("bisa disambungkan ke cs?")]
    [InlineData("aku butuh cs sekarang")]
    [InlineData("halo kak, cs dong")]
    [InlineData("bukan bot, orang beneran dong")]
    [InlineData("ada cs yang bisa bantu?")]
    [InlineData("CS!!!")]
    [InlineData("csss donggg")]
    [InlineData("gw mau ngmg sm cs")]
    [InlineData("oper ke cs aja")]
    [InlineData("minta cs nya dong")]
    [InlineData("gak usah bot, langsung cs")]
    [InlineData("mana cs nya?")]
    [InlineData("saya minta dihubungkan dengan cs")]
    [InlineData("transfer saya ke cs")]
    public void Indonesian_requests_for_a_person_are_recognized(string text)
    {
        Assert.True(MessageSignals.Analyze(text).AsksForHuman);
    }

    [Theory]
    [InlineData("agent please")]
    [InlineData("talk to a human")]
    [InlineData("I want to speak to a real person")]
    [InlineData("connect me to an agent")]
    [InlineData("representative")]
    [InlineData("live agent")]
    [InlineData("human please")]
    [InlineData("agent")]
    [InlineData("operator")]
    [InlineData("cs")]
    [InlineData("human")]
    [InlineData("Agent.")]
    [InlineData("pleaseee agent")]
    [InlineData("Can I talk to someone?")]
    [InlineData("I'd like to speak with a customer service representative")]
    [InlineData("let me talk to your manager")]
    [InlineData("transfer me to a human")]
    [InlineData("I need a human")]
    [InlineData("get me a real person now")]
    [InlineData("Why can't I talk to a human?")]
    [InlineData("no bots, human please")]
    [InlineData("is there a human I can talk to?")]
    [InlineData("How do I speak with an agent")]
    [InlineData("escalate this to a manager")]
    [InlineData("I need to speak with someone about my bill")]
    public void English_requests_for_a_person_are_recognized(string text)
    {
        Assert.True(MessageSignals.Analyze(text).AsksForHuman);
    }

    [Theory]
    [InlineData("I am a real person")]
    [InlineData("my agent code is 123")]
    [InlineData("the human resources department sent me a letter")]
    [InlineData("orangnya sudah datang")]
    [InlineData("are you a human?")]
    [InlineData("am I talking to a real person?")]
    [InlineData("ini orang beneran?")]
    [InlineData("human?")]
    [InlineData("saya sudah bicara dengan cs kemarin")]
    [InlineData("I don't want to talk to a human")]
    [InlineData("saya tidak perlu cs")]
    [InlineData("terima kasih cs")]
    [InlineData("thanks agent")]
    [InlineData("minta nomor cs")]
    [InlineData("saya mau jadi agen pulsa")]
    [InlineData("saya mau orang tua saya yang ambil paketnya")]
    [InlineData("I talk to people all day")]
    [InlineData("someone please help")]
    [InlineData("what is the cs number")]
    [InlineData("saya sudah dihubungkan dengan cs tadi")]
    [InlineData("saya mau transfer ke rekening cs")]
    [InlineData("di mana kantor cs terdekat?")]
    [InlineData("the agent was rude")]
    [InlineData("saldo saya belum masuk")]
    [InlineData("")]
    public void Other_mentions_of_people_are_not_requests(string text)
    {
        Assert.False(MessageSignals.Analyze(text).AsksForHuman);
    }

    // ------------------------------------------------------------ asking who is there

    [Theory]
    [InlineData("ini bot ya?")]
    [InlineData("apakah ini bot?")]
    [InlineData("kamu robot?")]
    [InlineData("anda manusia atau mesin?")]
    [InlineData("saya lagi ngomong sama bot ya?")]
    [InlineData("ini orang beneran?")]
    [InlineData("ini chat otomatis ya")]
    [InlineData("Kak, kamu bot atau manusia sih?")]
    [InlineData("apakah saya bicara dengan manusia?")]
    [InlineData("km bot ya")]
    [InlineData("ini yg bales bot ya?")]
    [InlineData("jadi ini bot?")]
    [InlineData("bot ya?")]
    [InlineData("siapa ini?")]
    [InlineData("kamu siapa?")]
    [InlineData("dengan siapa saya bicara?")]
    [InlineData("apakah cs ini bot?")]
    [InlineData("kamu beneran orang?")]
    [InlineData("lagi chat sama robot ya?")]
    [InlineData("ini dijawab mesin ya?")]
    [InlineData("kamu nyata?")]
    [InlineData("halo, ini dengan siapa?")]
    public void Indonesian_questions_about_who_is_talking_are_recognized(string text)
    {
        Assert.True(MessageSignals.Analyze(text).AsksIdentity);
    }

    [Theory]
    [InlineData("mimin asli bukan?")]
    [InlineData("mimin manusia?")]
    [InlineData("ini mimin asli?")]
    [InlineData("kamu asli bukan?")]
    [InlineData("kamu asli?")]
    public void The_grammar_reads_the_admin_called_mimin_and_asked_if_real_as_the_one_answering(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("kamu asli mana?")]
    [InlineData("kamu asli orang jawa?")]
    [InlineData("produk kalian asli bukan?")]
    [InlineData("ini barang asli?")]
    public void Where_one_is_from_or_whether_goods_are_genuine_is_no_question_of_who_answers_for_the_grammar(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("mimin tolong bantu cek paket saya")]
    [InlineData("halo mimin")]
    [InlineData("mimin, paket saya belum sampai")]
    public void Speaking_to_the_admin_as_mimin_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("am I talking to a robot?")]
    [InlineData("are you a bot")]
    [InlineData("is this an AI?")]
    [InlineData("are you human?")]
    [InlineData("am I talking to a real person?")]
    [InlineData("is this automated?")]
    [InlineData("r u a bot")]
    [InlineData("Are you a real human or a bot?")]
    [InlineData("is this an A.I.?")]
    [InlineData("you're a bot, aren't you?")]
    [InlineData("Hey, are you a machine?")]
    [InlineData("is this chat automated?")]
    [InlineData("Is this... a bot?")]
    [InlineData("talking to a human?")]
    [InlineData("human or bot?")]
    [InlineData("who am I talking to?")]
    [InlineData("who are you?")]
    [InlineData("are you a bot? I want a human")]
    [InlineData("I think you are a bot")]
    [InlineData("ARE YOU A BOTTT???")]
    [InlineData("are you real?")]
    public void English_questions_about_who_is_talking_are_recognized(string text)
    {
        Assert.True(MessageSignals.Analyze(text).AsksIdentity);
    }

    [Theory]
    [InlineData("my robot vacuum is broken")]
    [InlineData("is this robot vacuum under warranty?")]
    [InlineData("the bot in your app crashed")]
    [InlineData("saya beli robot mainan")]
    [InlineData("AI camera not working")]
    [InlineData("saya mau bicara dengan CS")]
    [InlineData("I am a real person")]
    [InlineData("Can I talk to a human?")]
    [InlineData("bisa bicara dengan manusia?")]
    [InlineData("agent please")]
    [InlineData("my son loves this robot")]
    [InlineData("thank you robot")]
    [InlineData("apakah transfer ini otomatis?")]
    [InlineData("apakah ini mesin cuci yang baru?")]
    [InlineData("kamu orang mana?")]
    [InlineData("ini siapa yang kirim paketnya?")]
    [InlineData("this AI is useless")]
    [InlineData("are you an agent?")]
    [InlineData("I talk to humans for a living")]
    [InlineData("is this real? 90% discount")]
    [InlineData("the real problem is my card")]
    [InlineData("saldo saya belum masuk")]
    public void Other_mentions_of_bots_and_people_are_not_identity_questions(string text)
    {
        Assert.False(MessageSignals.Analyze(text).AsksIdentity);
    }

    [Fact]
    public void A_message_can_both_ask_who_is_there_and_ask_for_a_person()
    {
        var analysis = MessageSignals.Analyze("ini bot ya? saya mau bicara dengan orang beneran");

        Assert.True(analysis.AsksIdentity);
        Assert.True(analysis.AsksForHuman);
    }

    // ------------------------------------------------------------ tone

    [Theory]
    [InlineData("saya kecewa")]
    [InlineData("jawabannya tidak membantu")]
    [InlineData("gak jelas banget")]
    [InlineData("payah")]
    [InlineData("parah sih ini")]
    [InlineData("aplikasinya lemot")]
    [InlineData("ribet amat")]
    [InlineData("nyebelin")]
    [InlineData("percuma nanya di sini")]
    [InlineData("bukan itu maksud saya")]
    [InlineData("saya tidak ngerti")]
    [InlineData("ga nyambung")]
    [InlineData("tidak bisa membantu sama sekali")]
    [InlineData("sia-sia")]
    [InlineData("muter2 terus")]
    [InlineData("kecewaaa")]
    [InlineData("useless")]
    [InlineData("this is not helpful")]
    [InlineData("terrible service")]
    [InlineData("what a waste of time")]
    [InlineData("you don't understand")]
    [InlineData("I'm so disappointed")]
    [InlineData("I am frustrated")]
    [InlineData("that makes no sense")]
    [InlineData("that's not what I asked")]
    [InlineData("thanks for nothing")]
    [InlineData("I'm fed up with this")]
    [InlineData("udah berkali-kali saya tanya")]
    [InlineData("kurang membantu")]
    [InlineData("kurang jelas jawabannya")]
    [InlineData("nggak puas sama pelayanannya")]
    [InlineData("sangat tidak profesional")]
    [InlineData("bikin emosi")]
    [InlineData("not satisfied")]
    [InlineData("I'm unhappy with this")]
    [InlineData("dissatisfied")]
    [InlineData("very unprofessional")]
    [InlineData("waste of my time")]
    [InlineData("still not resolved")]
    public void Negative_words_and_phrases_are_recognized(string text)
    {
        Assert.True(MessageSignals.Analyze(text).Negative);
    }

    [Theory]
    [InlineData("saldo saya belum masuk")]
    [InlineData("bukan itu saja, saya juga mau tanya promo")]
    [InlineData("jelas, terima kasih")]
    [InlineData("that was helpful")]
    [InlineData("I don't need help anymore")]
    [InlineData("no problem")]
    [InlineData("my order number is 12345")]
    [InlineData("uangnya kurang 5 ribu, bisa transfer lagi?")]
    [InlineData("saya puas, terima kasih")]
    [InlineData("I'm satisfied, thanks")]
    [InlineData("is my complaint resolved?")]
    public void Ordinary_messages_are_not_negative(string text)
    {
        Assert.False(MessageSignals.Analyze(text).Negative);
    }

    [Theory]
    [InlineData("not disappointed at all, great job")]
    [InlineData("saya tidak kecewa kok")]
    [InlineData("I'm not angry, just confused")]
    [InlineData("I'm not upset")]
    [InlineData("tidak terlalu kecewa sih")]
    [InlineData("bukan marah, cuma bingung")]
    [InlineData("it's not terrible")]
    public void A_word_of_frustration_the_customer_denies_is_not_negative(string text)
    {
        Assert.False(MessageSignals.Analyze(text).Negative, text);
    }

    [Theory]
    [InlineData("it couldn't be worse")]
    [InlineData("I have never been so disappointed")]
    [InlineData("don't make me angry")]
    [InlineData("not disappointed, just furious")]
    [InlineData("no, useless")]
    [InlineData("isn't this ridiculous?")]
    [InlineData("gak kecewa gimana, ini parah banget")]
    public void A_negator_that_does_not_deny_the_frustration_leaves_it_negative(string text)
    {
        Assert.True(MessageSignals.Analyze(text).Negative, text);
    }

    [Theory]
    [InlineData("dasar bodoh")]
    [InlineData("bego")]
    [InlineData("goblok lu")]
    [InlineData("tolol")]
    [InlineData("anjing")]
    [InlineData("bangsat")]
    [InlineData("kampret")]
    [InlineData("brengsek")]
    [InlineData("sialan")]
    [InlineData("dasar bot")]
    [InlineData("bodohhh")]
    [InlineData("stupid bot")]
    [InlineData("you idiot")]
    [InlineData("this is dumb")]
    [InlineData("moron")]
    [InlineData("what the fuck")]
    [InlineData("f*ck this")]
    [InlineData("this is bullshit")]
    [InlineData("shut up")]
    [InlineData("wtf")]
    public void Abuse_and_profanity_are_recognized(string text)
    {
        Assert.True(MessageSignals.Analyze(text).Abusive);
    }

    [Theory]
    [InlineData("I live in Scunthorpe")]
    [InlineData("my class assignment")]
    [InlineData("the assistant helped me pass")]
    [InlineData("saya mau pesan cocktail")]
    [InlineData("anjingnya lucu")]
    [InlineData("Mississippi")]
    [InlineData("bodo amat")]
    [InlineData("saya mau tanya soal tagihan")]
    public void Words_that_merely_contain_abuse_are_not_abusive(string text)
    {
        Assert.False(MessageSignals.Analyze(text).Abusive);
    }

    [Theory]
    [InlineData("SAYA MAU BICARA DENGAN CS", true)]
    [InlineData("WHY IS THIS NOT WORKING", true)]
    [InlineData("ABCDEFgh", true)]
    [InlineData("ABCDEfgh", false)]
    [InlineData("ABCDEFG", false)]
    [InlineData("OK", false)]
    [InlineData("Halo CS, saldo BCA saya belum masuk", false)]
    [InlineData("12345678 !!!", false)]
    public void Shouting_is_mostly_capitals_over_at_least_eight_letters(string text, bool expected)
    {
        Assert.Equal(expected, MessageSignals.Analyze(text).Shouting);
    }

    [Theory]
    [InlineData("kenapa belum masuk!!!", true)]
    [InlineData("why!!!!", true)]
    [InlineData("hello!!1", true)]
    [InlineData("serius?!?!", true)]
    [InlineData("what!?!", true)]
    [InlineData("really!!", false)]
    [InlineData("what???", false)]
    [InlineData("??!", false)]
    [InlineData("Hello! Hi! Yes!", false)]
    [InlineData("no marks at all", false)]
    public void Exclaiming_is_a_run_of_three_or_more_marks_with_at_least_two_bangs(string text, bool expected)
    {
        Assert.Equal(expected, MessageSignals.Analyze(text).Exclaiming);
    }

    [Theory]
    [InlineData("terima kasih")]
    [InlineData("Terima kasih banyak ya kak")]
    [InlineData("terimakasih")]
    [InlineData("makasih")]
    [InlineData("makasi kak")]
    [InlineData("mksh")]
    [InlineData("trims")]
    [InlineData("thx")]
    [InlineData("thanks!")]
    [InlineData("thank you so much")]
    [InlineData("Thank u")]
    [InlineData("ty")]
    [InlineData("tq min")]
    [InlineData("I appreciate it")]
    [InlineData("makasihhh")]
    public void Thanks_are_recognized(string text)
    {
        Assert.True(MessageSignals.Analyze(text).Thanks);
    }

    [Theory]
    [InlineData("no thanks")]
    [InlineData("thanks for nothing")]
    [InlineData("gak, makasih")]
    [InlineData("kasih tahu saya")]
    [InlineData("thank god it arrived")]
    [InlineData("typo")]
    public void Declined_sarcastic_or_look_alike_thanks_are_not_thanks(string text)
    {
        Assert.False(MessageSignals.Analyze(text).Thanks);
    }

    [Fact]
    public void An_abusive_shouted_message_with_exclamations_sets_all_three_anger_flags()
    {
        var analysis = MessageSignals.Analyze("STUPID BOT!!!");

        Assert.True(analysis.Abusive);
        Assert.True(analysis.Shouting);
        Assert.True(analysis.Exclaiming);
    }

    [Theory]
    [InlineData("saldo saya belum masuk")]
    [InlineData("Saya mau cek status pesanan 12345")]
    [InlineData("What time do you open tomorrow?")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀👍")]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("k")]
    [InlineData("a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301a\u0301")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("?")]
    public void A_neutral_message_raises_no_flag(string text)
    {
        Assert.Equal(MessageAnalysis.Neutral, MessageSignals.Analyze(text));
    }

    [Fact]
    public void A_very_long_message_is_analyzed()
    {
        string text = string.Concat(Enumerable.Repeat("saldo saya belum masuk, ", 600)) + "minta agen";

        Assert.True(MessageSignals.Analyze(text).AsksForHuman);
    }

    [Fact]
    public void A_word_longer_than_any_known_word_is_ignored()
    {
        string text = new string('a', 500) + ". agent";

        Assert.True(MessageSignals.Analyze(text).AsksForHuman);
    }

    [Theory]
    [InlineData("cs ")]
    [InlineData("ini bot ")]
    [InlineData("ada cs ")]
    [InlineData("please ")]
    [InlineData("tidak ")]
    [InlineData("orang orang ya ")]
    [InlineData("human ")]
    [InlineData("bot or ")]
    [InlineData("cs asli ")]
    [InlineData("!?")]
    [InlineData("aaaa")]
    public void A_message_at_the_sixteen_thousand_character_limit_is_analyzed_quickly(string unit)
    {
        string text = string.Concat(Enumerable.Repeat(unit, 16_000 / unit.Length));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var analysis = MessageSignals.Analyze(text);

        watch.Stop();
        Assert.NotNull(analysis);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Analyze_refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => MessageSignals.Analyze(null!));
    }

    // ------------------------------------------------------------ fingerprint

    [Theory]
    [InlineData("Saldo saya belum masuk!!", "saldo saya   belum masuk")]
    [InlineData("SALDO SAYA BELUM MASUK", "saldo saya belum masuk")]
    [InlineData("  saldo, saya. belum? masuk...", "saldo saya belum masuk")]
    [InlineData("saldo\tsaya\nbelum masuk", "saldo saya belum masuk")]
    [InlineData("don't", "dont")]
    [InlineData("tolooong", "tolong")]
    public void Fingerprint_ignores_case_punctuation_and_white_space(string a, string b)
    {
        Assert.Equal(MessageSignals.Fingerprint(a), MessageSignals.Fingerprint(b));
    }

    [Theory]
    [InlineData("where is my order", "wher is my ordr??")]
    [InlineData("Where is my order?", "where is my oooorder")]
    [InlineData("refund belum masuk", "refund blm masuk")]
    [InlineData("refund belum masuk", "kak refund saya belum masuk juga dong")]
    [InlineData("cancel my subscription", "I said cancel my subscription please")]
    [InlineData("cancel my subscription", "Hello, cancel my subscription again")]
    [InlineData("my card is blocked", "blocked is my card")]
    [InlineData("paket sy blm sampai", "Paket saya belum sampai!!")]
    [InlineData("please", "pls")]
    public void Fingerprint_hears_the_same_message_said_again_with_typos_or_words_of_repeating(string a, string b)
    {
        Assert.Equal(MessageSignals.Fingerprint(a), MessageSignals.Fingerprint(b));
    }

    [Theory]
    [InlineData("saldo saya belum masuk", "saldo saya sudah masuk")]
    [InlineData("saldo saya", "saldosaya")]
    [InlineData("order 1000", "order 10000")]
    [InlineData("where is my order 4471", "where is my order 4472")]
    [InlineData("I want to check my order", "I want to check my balance")]
    [InlineData("I can pay", "I can't pay")]
    [InlineData("where is my order", "where is my refund")]
    [InlineData("ok", "no")]
    [InlineData("the print is poor", "the print is paper")]
    [InlineData("I need a refund", "I needed a refund")]
    public void Fingerprint_tells_different_messages_apart(string a, string b)
    {
        Assert.NotEqual(MessageSignals.Fingerprint(a), MessageSignals.Fingerprint(b));
    }

    [Fact]
    public void Fingerprint_is_stable_across_processes()
    {
        // The skeletons "sld", "blm" and "msk" ("saya" is left out), each hashed with FNV-1a, sorted, hashed again.
        Assert.Equal(SkeletonReference("sld", "blm", "msk"), MessageSignals.Fingerprint("Saldo saya belum masuk!!"));
    }

    [Fact]
    public void Fingerprint_of_a_message_of_more_than_64_words_is_its_text_word_for_word()
    {
        var words = string.Join(' ', Enumerable.Range(0, 70).Select(n => $"word{n}"));

        Assert.Equal(ReferenceFnv1a(words), MessageSignals.Fingerprint(words.ToUpperInvariant() + "!"));
    }

    [Fact]
    public void Fingerprint_of_non_ASCII_text_keeps_its_letters()
    {
        Assert.Equal(MessageSignals.Fingerprint("café ü"), MessageSignals.Fingerprint("Café, Ü!"));
        Assert.NotEqual(MessageSignals.Fingerprint("café"), MessageSignals.Fingerprint("cafè"));
        Assert.NotEqual(MessageSignals.Fingerprint("配達はいつですか"), MessageSignals.Fingerprint("返金はいつですか"));
    }

    [Fact]
    public void Fingerprint_of_empty_or_blank_text_is_the_FNV_offset_basis()
    {
        Assert.Equal(14695981039346656037UL, MessageSignals.Fingerprint(""));
        Assert.Equal(14695981039346656037UL, MessageSignals.Fingerprint(" \t\n "));
    }

    [Fact]
    public void Fingerprint_of_a_message_without_words_hashes_its_symbols()
    {
        Assert.Equal(ReferenceFnv1a("👍"), MessageSignals.Fingerprint(" 👍 "));
        Assert.NotEqual(MessageSignals.Fingerprint("👍"), MessageSignals.Fingerprint("😡"));
        Assert.NotEqual(MessageSignals.Fingerprint("?"), MessageSignals.Fingerprint("!"));
        Assert.Equal(MessageSignals.Fingerprint("???"), MessageSignals.Fingerprint("? ? ?"));
    }

    private static ulong SkeletonReference(params string[] skeletons)
    {
        var sorted = skeletons.Select(ReferenceFnv1a).Distinct().Order().ToArray();
        ulong hash = 14695981039346656037UL;
        foreach (var skeleton in sorted)
        {
            foreach (byte b in BitConverter.GetBytes(skeleton))
            {
                hash ^= b;
                hash *= 1099511628211UL;
            }
        }

        return hash;
    }

    private static ulong ReferenceFnv1a(string normalized)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(normalized))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }
    // ------------------------------------------------------------ long messages

    [Theory]
    [InlineData("My router has been blinking red since Sunday and I restarted it twice already. By the way am I chatting with a machine or an actual employee? The account number is in my first message.")]
    [InlineData("Sudah transfer DP kemarin sore jam 4 tapi statusnya masih menunggu pembayaran. Btw yang bales chat ini orang asli atau program? Buktinya sudah saya lampirkan.")]
    public void An_identity_question_in_the_middle_of_a_long_message_is_found(string text)
    {
        Assert.True(MessageSignals.Analyze(text).AsksIdentity);
    }

    [Theory]
    [InlineData("My router has been blinking red since Sunday and I restarted it twice already. Is this modem model still sold? The account number is in my first message.")]
    [InlineData("Sudah transfer DP kemarin sore jam 4 tapi statusnya masih menunggu pembayaran. Apa ada biaya admin? Buktinya sudah saya lampirkan.")]
    public void A_long_message_without_such_a_question_is_not_taken_for_one(string text)
    {
        var analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.AsksIdentity);
        Assert.False(analysis.AsksForHuman);
    }
}
