using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A customer who threatens to take it further (a lawsuit, the police, the regulator, a one-star review) or does not
/// believe what they read sounds negative; a customer who wants a thing ("I want a refund", "saya minta penjelasan")
/// asks for no person; one who declines the machine ("I don't want to talk to a bot", "gak mau bot") or asks whether a
/// person is free ("is a human available?") asks for one; and "is this renewal automatic?" asks about the renewal.
/// </summary>
public sealed class ThreatsWantedThingsAndRefusedMachineTests
{
    [Theory]
    [InlineData("I will sue you")]
    [InlineData("I'm going to sue your company for this")]
    [InlineData("my lawyer will be in touch")]
    [InlineData("I'll take legal action")]
    [InlineData("I'll take you to court")]
    [InlineData("I'm reporting you to consumer protection")]
    [InlineData("I'll file a chargeback with my bank")]
    [InlineData("leaving a one star review")]
    [InlineData("are you kidding me")]
    [InlineData("you've got to be kidding me")]
    [InlineData("unbelievable")]
    [InlineData("bad service, really bad")]
    [InlineData("do you even understand what I'm saying")]
    [InlineData("saya laporkan ke YLKI")]
    [InlineData("saya akan tuntut kalian")]
    [InlineData("saya lapor polisi")]
    [InlineData("saya lapor ke OJK kalau gak beres")]
    [InlineData("saya bawa ke jalur hukum")]
    [InlineData("saya kasih bintang satu")]
    [InlineData("pelayanan macam apa ini")]
    [InlineData("apaan sih")]
    [InlineData("udah 3 hari ga ada kabar")]
    public void Threats_to_take_it_further_and_disbelief_sound_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("my friend Sue ordered this for me")]
    [InlineData("I'm a lawyer, what documents do you need from me?")]
    [InlineData("do you have a lawyer referral service")]
    [InlineData("the court date is on my booking")]
    [InlineData("one star hotel or two star?")]
    [InlineData("not bad, thanks")]
    [InlineData("apakah terdaftar di OJK?")]
    [InlineData("hotel bintang satu ada?")]
    [InlineData("ada macam apa saja warnanya?")]
    public void Names_of_people_places_and_ratings_that_threaten_nothing_are_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("I want a refund")]
    [InlineData("I want a refund NOW")]
    [InlineData("I WANT A REFUND")]
    [InlineData("I want an invoice now")]
    [InlineData("I need a replacement now")]
    [InlineData("I want a receipt")]
    [InlineData("I want compensation")]
    [InlineData("I want an explanation")]
    [InlineData("I want a new card")]
    [InlineData("saya butuh solusi")]
    [InlineData("saya minta penjelasan")]
    [InlineData("saya mau kompensasi")]
    public void Wanting_a_thing_asks_for_no_person(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I want a refund, get me a human")]
    [InlineData("I want a receipt please, and a real person")]
    [InlineData("I need a person to process my refund")]
    [InlineData("saya mau refund, sambungkan ke cs")]
    [InlineData("i dont want a refund i want a human")]
    [InlineData("i dont want a voucher, get me an agent")]
    [InlineData("gak mau voucher, mau ke cs aja")]
    [InlineData("I don't want to talk to a bot")]
    [InlineData("I dont want a robot")]
    [InlineData("i do not want to chat with a machine")]
    [InlineData("no more bots please")]
    [InlineData("gak mau bot")]
    [InlineData("ngga mau sama bot")]
    [InlineData("saya tidak mau bicara dengan mesin")]
    [InlineData("gak mau ngomong sama AI lagi")]
    [InlineData("jangan bot, orang aja")]
    [InlineData("jangan sama mesin lagi")]
    [InlineData("is a human available?")]
    [InlineData("is an agent online?")]
    [InlineData("are any agents available")]
    [InlineData("is anyone available right now?")]
    public void A_person_asked_for_beside_a_thing_the_machine_declined_and_a_person_asked_for_if_free_are_requests(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I don't want a bot to answer my emails")]
    [InlineData("don't want a bot?")]
    [InlineData("I do not need a robot vacuum")]
    [InlineData("no more questions please")]
    [InlineData("jangan-jangan ini bot?")]
    [InlineData("jangan kasih ke bot")]
    [InlineData("is the agent available tomorrow at 5?")]
    [InlineData("is a bot available?")]
    public void A_machine_put_to_a_task_a_question_of_schedule_and_no_more_of_something_else_ask_for_no_person(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("is this renewal automatic?")]
    [InlineData("is this automatic renewal?")]
    [InlineData("is this automated payment set up?")]
    [InlineData("perpanjangan ini otomatis?")]
    [InlineData("kok gini sih")]
    [InlineData("apaan sih ini")]
    public void A_renewal_said_to_be_automatic_and_dismay_at_the_service_ask_nothing_of_who_answers(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("is this automatic?")]
    [InlineData("is this reply automatic?")]
    [InlineData("is this line automated?")]
    [InlineData("is this an automatic reply?")]
    [InlineData("are these automatic answers?")]
    [InlineData("eish this refund thing is taking forever, am I chatting to a real person or some auto system hey")]
    public void The_chat_said_to_be_automatic_still_asks_who_answers(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("I don't want a")]
    [InlineData("I dont want the")]
    [InlineData("i dont want the the")]
    [InlineData("gak mau")]
    [InlineData("no I don't want a, ")]
    [InlineData("your system sent me an OTP I didn't request")]
    [InlineData("I didn't ask")]
    [InlineData("saya tidak minta")]
    public void A_message_that_ends_right_after_a_declined_wish_is_read_as_asking_for_no_one(string text)
    {
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);
    }
}
