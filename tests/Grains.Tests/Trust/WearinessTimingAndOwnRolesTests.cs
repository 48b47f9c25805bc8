using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Weariness of the machine ("I'm tired of talking to a bot", "capek ngomong sama mesin") asks for a person; a request
/// that says when ("a human at this point") or hands the customer over ("hand me over to someone else") asks for one;
/// a role the customer takes on or keeps for themselves ("become an agent", "I will speak to my manager"), a worker for
/// a job ("someone to sign for the delivery"), the machine as the helper ("can AI help me?"), help alone and someone
/// who did something ("the representative hung up on me") ask for no one; real words with a double letter ("see",
/// "soon") are not read as another word; love or cleverness taken back with a closing "not" is sarcasm; "do I talk to a
/// machine?" asks who is there; "ffs", having had it with the business and "still nothing" are frustration, and so are
/// being driven mad ("this is driving me crazy"), no help or reply at all ("zero help from you"), patience running out
/// and "apa-apaan ini".
/// </summary>
public sealed class WearinessTimingAndOwnRolesTests
{
    [Theory]
    [InlineData("I'm tired of talking to a bot")]
    [InlineData("sick of this bot")]
    [InlineData("fed up with the bot")]
    [InlineData("fed up with talking to a machine")]
    [InlineData("I hate talking to bots")]
    [InlineData("tired of bots")]
    [InlineData("capek ngomong sama mesin")]
    [InlineData("bosen ngobrol sama robot")]
    [InlineData("males chat sama bot")]
    public void Weariness_of_the_machine_asks_for_a_person_and_not_who_is_there(string text) =>
        Heard.RequestOnly(text);

    [Theory]
    [InlineData("I hate bots")]
    [InlineData("I'm tired of waiting for the bot to answer")]
    [InlineData("I'm sick of this")]
    [InlineData("capek banget")]
    [InlineData("I hate bots that spam my inbox")]
    public void Weariness_of_something_else_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("honestly just want a human at this point")]
    [InlineData("I want a person at the moment")]
    [InlineData("I need an agent at this stage, please")]
    [InlineData("a human at once please")]
    [InlineData("hand me over to someone else")]
    [InlineData("can you hand me over to a human?")]
    [InlineData("hand this over to an actual person")]
    public void A_request_that_says_when_or_hands_over_asks_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I need a person to sign for the delivery")]
    [InlineData("can AI help me pick a plan?")]
    [InlineData("can the bot help me with my order?")]
    [InlineData("I'd like to become an agent")]
    [InlineData("how do I become a sales agent")]
    [InlineData("saya mau jadi agen pulsa")]
    [InlineData("saya ingin menjadi agen asuransi")]
    [InlineData("I will speak to my manager about it")]
    [InlineData("the representative on the phone hung up on me")]
    [InlineData("I need help")]
    [InlineData("ok I see, thanks")]
    [InlineData("see you soon")]
    public void A_role_taken_on_or_kept_a_job_the_machine_helping_or_help_alone_asks_for_no_one(string text) =>
        Heard.Neither(text);

    [Theory]
    [InlineData("I want to talk to my account manager at your bank")]
    [InlineData("the bot can't help, I need a human")]
    [InlineData("I need help from a real person")]
    [InlineData("can a person sign me up? the bot keeps failing")]
    public void A_person_still_asked_for_beside_those_words_is_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("i love this service... NOT")]
    [InlineData("so smart... not")]
    [InlineData("you're so clever... not")]
    public void Love_or_cleverness_taken_back_is_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("I'd love to cancel... not")]
    [InlineData("I love it")]
    [InlineData("is it smart or not?")]
    [InlineData("the crazy deal, is it still on?")]
    [InlineData("thanks for your patience")]
    [InlineData("is the zero sugar one in stock?")]
    public void A_wish_praise_kept_or_a_question_is_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("do I talk to a machine?")]
    [InlineData("do i speak with a bot")]
    public void Asking_whether_one_talks_to_a_machine_with_do_asks_who_is_there(string text) =>
        Heard.IdentityOnly(text);

    [Theory]
    [InlineData("how do I talk to a human?")]
    [InlineData("is this a bot? get me a human")]
    public void Asking_how_to_reach_a_person_or_for_one_after_the_question_still_asks_for_one(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("ffs just fix it")]
    [InlineData("I've had it with this company")]
    [InlineData("had it with your service")]
    [InlineData("still nothing??")]
    [InlineData("still nothing from you, it's been a week")]
    public void Frustration_in_shorthand_or_in_a_phrase_is_negative(string text) =>
        Heard.Upset(text);

    [Theory]
    [InlineData("I had it with me yesterday")]
    [InlineData("see you soon")]
    public void Having_something_with_one_or_a_farewell_is_not_negative(string text) =>
        Heard.NotUpset(text);

    [Theory]
    [InlineData("this is driving me crazy")]
    [InlineData("zero help from you")]
    [InlineData("three emails, zero replies")]
    [InlineData("my patience is running out")]
    [InlineData("I'm out of patience")]
    [InlineData("I can't believe how slow this is")]
    [InlineData("Apa-apaan ini, barang beda sama foto")]
    public void Being_driven_mad_no_help_patience_running_out_and_what_on_earth_is_this_are_frustration(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);
}
