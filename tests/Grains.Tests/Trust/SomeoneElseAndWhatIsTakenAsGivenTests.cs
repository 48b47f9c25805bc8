using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A seller, a courier or a driver said to be real, a bot or automatic is someone else, not the one answering; a
/// subscription or a plan renewing by itself is a thing; the one answering taken for a machine as a given ("You're a bot, so ...")
/// asks nothing. Handing over to someone else is asked of the one answering ("lu bisa oper ke orang lain?"), a call at
/// the caller's first chance is a call now ("call me when you're free"), a call asked with a closing tag or a call back
/// after a plea asks for one ("bisa telpon saya balik ga?", "min tlg callback ya"), and a title before a role after
/// "with" names the one asked for ("ngobrol sama mbak cs"). An expletive sworn at no one is frustration, not abuse; contempt for the
/// staff by their role, fear, sadness and blaming oneself are what they are.
/// </summary>
public sealed class SomeoneElseAndWhatIsTakenAsGivenTests
{
    [Theory]
    [InlineData("Is the seller real?")]
    [InlineData("seller ini asli gak sih?")]
    [InlineData("penjual ini asli?")]
    [InlineData("kurirnya akun bot ya? gak pernah bales")]
    [InlineData("sellernya bales otomatis ya? cepet banget")]
    [InlineData("apakah penjual ini manusia asli atau akun bot?")]
    [InlineData("Is the courier a bot?")]
    [InlineData("is the driver real?")]
    [InlineData("langganan ini perpanjang otomatis ya?")]
    [InlineData("is this subscription automatic?")]
    [InlineData("Is this plan automatic renewal?")]
    [InlineData("You're a bot, so I'll keep it simple: cancel order 4471.")]
    [InlineData("you are a bot, so please just cancel my order")]
    [InlineData("kamu bot, jadi langsung aja ya cek resi")]
    [InlineData("kamu kan bot, jadi batalin aja pesanan sy")]
    public void Someone_else_said_to_be_real_or_a_machine_and_a_machine_taken_as_given_ask_nothing(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("am I talking to the seller or a bot?")]
    [InlineData("you're a bot, aren't you?")]
    [InlineData("you're a bot?")]
    [InlineData("kamu bot ya")]
    [InlineData("is this a bot?")]
    [InlineData("is this automatic?")]
    [InlineData("is this line automated?")]
    [InlineData("seller ini bot ya? kamu juga?")]
    public void Who_answers_is_still_asked(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("yang bales saya ini beneran manusia ya, bukan bot?")]
    [InlineData("you are a human, not a bot?")]
    [InlineData("ini bot ya, bukan orang?")]
    public void One_kind_asked_with_the_other_denied_in_a_tag_asks_who_is_there_not_for_a_person(string text) =>
        Heard.IdentityOnly(text);

    [Fact]
    public void The_choice_asked_then_a_person_asked_for_is_both() =>
        Heard.Both("manusia ya, bukan bot? tolong sambungkan ke cs");

    [Fact]
    public void A_guess_of_the_customers_own_before_what_follows_from_it_still_asks() =>
        Heard.Both("I think you're a bot, so please put me through to a real agent.");

    [Theory]
    [InlineData("lu bisa oper ke orang lain ga? yg ngerti masalah gw")]
    [InlineData("can you transfer to someone else?")]
    [InlineData("call me when you're free")]
    [InlineData("call me whenever you can")]
    [InlineData("call me when available please")]
    [InlineData("pengen ngobrol sama mba2 cs yg kemarin aja, bisa ga?")]
    [InlineData("pengen ngobrol sama mbak cs yg kemarin")]
    [InlineData("tolong sambungkan ke kak admin")]
    [InlineData("bisa telpon saya balik ga? males ngetik")]
    [InlineData("bisa hubungi saya nggak")]
    [InlineData("min tlg callback ya, nomornya sama kaya yg terdaftar")]
    public void Handing_over_asked_of_the_one_answering_a_call_at_the_first_chance_or_asked_with_a_tag_and_a_titled_role_ask_for_a_person(string text) =>
        Heard.RequestOnly(text);

    [Theory]
    [InlineData("call me when the courier is here")]
    [InlineData("saya mau transfer ke orang lain")]
    [InlineData("tolong teruskan ke bagian gudang biar dusnya gak penyok")]
    [InlineData("mas cs tolong cek pesanan saya")]
    [InlineData("no callback please")]
    [InlineData("bisa telpon saya nanti ga?")]
    [InlineData("jangan telpon saya ya")]
    public void A_call_once_something_happens_money_sent_and_a_message_passed_on_ask_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("damn, I won the raffle!")]
    [InlineData("shit, wrong address, can I change it?")]
    [InlineData("anjir gw menang undian!")]
    [InlineData("damn it, the app crashed again")]
    public void An_expletive_sworn_at_no_one_is_not_abuse(string text) =>
        Assert.False(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("shit, wrong address, can I change it?")]
    [InlineData("shit, so slow")]
    [InlineData("I'm so sad, the gift didn't arrive before my mum's birthday")]
    [InlineData("please help, I'm really worried my card was stolen")]
    [InlineData("tolong kak sy takut kartu sy dicuri")]
    [InlineData("gw emang ceroboh, salah pesen ukuran")]
    [InlineData("aduh lupa PIN lagi, pikun bgt sy")]
    public void Frustration_fear_sadness_and_blaming_oneself_are_negative_not_abuse(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.Abusive, text);
    }

    [Theory]
    [InlineData("fuck this bot")]
    [InlineData("damn you")]
    [InlineData("your staff are clowns")]
    [InlineData("perusahaan abal2, CS nya badut semua")]
    [InlineData("ga punya otak ya kalian")]
    [InlineData("mampus aja kalian semua")]
    [InlineData("maneh mah teu ngarti-ngarti, belegug!")]
    public void Swearing_at_someone_and_contempt_for_the_staff_are_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);
}
