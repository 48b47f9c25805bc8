using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Asking to be called now ("phone me pls", "telpon saya dong kak") asks for a person; a call declined, put off, asked of
/// someone else or after a condition, and "telpon saya" as the customer's phone, do not, nor does someone asked for once
/// something has come to be ("kalau udah ready, minta admin chat saya ya"). Asking whether the chat is run
/// by a machine or a person, whether one talks to the system, or which of a role and a machine one has, asks who is
/// there; asking what kind of business answers ("are you a registered company?") or whether a product is powered by
/// AI does not. An operator that comes with hired equipment is no one to talk to.
/// Contempt thrown at the ones answering is abuse, a failure said to happen again is a complaint, and exasperation
/// with the machine is negative.
/// </summary>
public sealed class CallbacksBusinessesAndInsultsTests
{
    [Theory]
    [InlineData("phone me pls")]
    [InlineData("ring me back please")]
    [InlineData("can you call me back?")]
    [InlineData("call me on 0812345678")]
    [InlineData("telpon saya dong kak")]
    [InlineData("tolong telpon saya")]
    [InlineData("tlg telp sy")]
    [InlineData("telepon saya ya")]
    [InlineData("telpon saya di 0812345678")]
    [InlineData("tolong hubungi saya balik")]
    public void Asking_to_be_called_now_asks_for_a_person(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("don't call me")]
    [InlineData("please don't call me, text only")]
    [InlineData("call me later")]
    [InlineData("call me a taxi")]
    [InlineData("Can the driver call me when he's outside?")]
    [InlineData("the courier should call me")]
    [InlineData("telpon saya rusak")]
    [InlineData("telpon saya nanti aja")]
    [InlineData("kalau kurirnya nyasar, telpon saya")]
    [InlineData("telepon saya aja kalau kurirnya nyasar")]
    [InlineData("hubungi saya lewat WA kalau barang sudah ready")]
    public void A_call_declined_put_off_or_asked_of_someone_else_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("Is this customer service run by AI now?")]
    [InlineData("is this chat powered by AI?")]
    [InlineData("are you operated by a real person?")]
    [InlineData("apakah chat ini dikelola oleh AI?")]
    [InlineData("apa saya ngobrol sama sistem?")]
    [InlineData("am I talking to the system?")]
    [InlineData("do I have a real agent or the assistant")]
    [InlineData("do I have a human or a bot?")]
    public void Asking_who_runs_the_chat_or_who_one_has_asks_who_is_there(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("halo apakah ini robot saya nggak ngerti")]
    [InlineData("are you a real company or a bot?")]
    public void A_question_of_who_is_there_beside_a_complaint_or_a_business_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("is this camera powered by AI?")]
    [InlineData("is the shop run by a family?")]
    [InlineData("are you a registered company in Indonesia?")]
    [InlineData("are you a real company?")]
    [InlineData("are you a legit store")]
    [InlineData("is this the real Nike store or a reseller?")]
    [InlineData("are you a franchise?")]
    [InlineData("apakah ini toko resmi?")]
    [InlineData("kemarin saya ngobrol sama sistem?")]
    [InlineData("the system is down?")]
    public void A_product_run_by_a_machine_or_a_kind_of_business_asks_no_identity_question(string text) =>
        Heard.Neither(text);

    [Theory]
    [InlineData("Do you have operators for the forklift rental?")]
    [InlineData("do you have an operator available for the crane hire")]
    [InlineData("sewa excavator sudah termasuk operatornya?")]
    public void An_operator_that_comes_with_hired_equipment_is_no_one_to_talk_to(string text) =>
        Heard.Neither(text);

    [Theory]
    [InlineData("can I talk to an operator about my car rental")]
    [InlineData("connect me to an operator for my car rental")]
    [InlineData("I would like the store manager please")]
    public void A_role_asked_for_with_a_rental_or_a_business_named_is_still_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("You people are useless")]
    [InlineData("you're hopeless")]
    [InlineData("you guys are liars")]
    [InlineData("scam company, thieves")]
    [InlineData("Liars!")]
    [InlineData("penipu kalian semua")]
    [InlineData("kalian penipu")]
    [InlineData("dasar penipu")]
    [InlineData("dasar tidak becus")]
    [InlineData("lu gak becus")]
    [InlineData("kurang ajar")]
    public void Contempt_thrown_at_the_ones_answering_is_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("this app is useless")]
    [InlineData("a thief stole my parcel")]
    [InlineData("you are not useless")]
    [InlineData("you're not hopeless, thanks")]
    [InlineData("kemarin ada maling di rumah saya")]
    [InlineData("the delivery was hopeless")]
    public void Contempt_for_a_thing_or_denied_is_no_abuse(string text) =>
        Assert.False(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("wrong item again")]
    [InlineData("salah kirim lagi")]
    [InlineData("gagal terus")]
    [InlineData("error again")]
    [InlineData("Great, another bot. Are you even a person?")]
    [InlineData("bot lagi? udah deh minta operator aja")]
    [InlineData("kok kayak ngomong sama tembok, ini robot apa gimana")]
    [InlineData("I am done with the bot, give me a human")]
    [InlineData("enough of this bot, I want a human now")]
    [InlineData("hadeh")]
    [InlineData("mohon maaf, saya merasa dirugikan")]
    public void A_failure_again_or_exasperation_with_the_machine_is_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("salah satu lagi mau saya pesan")]
    [InlineData("saya mau pesan lagi")]
    [InlineData("can you send it again please")]
    public void One_more_or_again_without_a_failure_is_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("kalau udah ready, minta admin chat saya ya")]
    [InlineData("kalau udah ready, minta admin hubungi saya ya")]
    [InlineData("kalau barang sudah sampai, tolong minta CS hubungi saya")]
    public void Someone_asked_for_once_something_has_come_to_be_is_put_off(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("kalau sudah begini saya minta manajer")]
    [InlineData("kalau udah sampai tapi rusak, saya minta CS sekarang")]
    [InlineData("kalau sudah seperti ini, saya mau ngomong sama manager")]
    [InlineData("kalau udah telat gini, tolong sambungkan ke cs")]
    [InlineData("kalau udah kayak gini, minta spv")]
    public void Someone_asked_for_now_that_it_has_come_to_this_is_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
}
