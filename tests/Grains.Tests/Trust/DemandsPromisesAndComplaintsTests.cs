using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// "I demand a human" asks for a person, read by the grammar itself. What the customer says they will do once a condition
/// comes true puts a request off whether or not a comma sets the condition apart ("if it still doesn't work I will need a
/// human" as "if it still doesn't work, I'll need a human"), unless the condition is on who is there ("if you are a bot I
/// will want a human" asks now). "you don't have to transfer me" declines the transfer. Exasperation that it is so hard,
/// that nothing said makes sense, disbelief ("you've got to be kidding", "give me a break"), a complaint made formally and
/// going public sound negative; the same words said calmly do not.
/// </summary>
public sealed class DemandsPromisesAndComplaintsTests
{
    [Theory]
    [InlineData("I demand a human")]
    [InlineData("I demand to speak to a manager")]
    [InlineData("i demand to speak with a supervisor")]
    public void A_demand_for_a_person_asks_for_one(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("the demand for this product is high")]
    [InlineData("is this deal real?")]
    public void Demand_as_a_thing_asks_nothing(string text) => Heard.Neither(text);

    [Theory]
    [InlineData("if it still doesn't work I will need a human")]
    [InlineData("if it still doesn't work, I'll need a human")]
    [InlineData("if this fails, I will need a human")]
    [InlineData("If the refund isn't in by Friday I'm going to demand to speak to someone")]
    [InlineData("if the refund not come by Friday then I will request a human")]
    [InlineData("kalau masih gagal saya akan minta CS")]
    [InlineData("if the bot I'm talking to can't help, I'll ask for a human later")]
    public void What_the_customer_will_do_once_a_condition_comes_true_is_put_off(string text)
    {
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("if you are a bot I will want a human")]
    [InlineData("if you are a bot, I will want a human")]
    [InlineData("if you're a bot I'll want a human")]
    [InlineData("kalau kamu bot saya akan minta CS")]
    [InlineData("if you can't help I want a human")]
    [InlineData("I will need a human for this")]
    public void A_condition_on_who_is_there_or_a_wish_now_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("you don't have to transfer me")]
    [InlineData("you don't have to connect me")]
    [InlineData("I don't want to be transferred")]
    public void Saying_a_transfer_is_not_needed_declines_it(string text)
    {
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("why is this so hard")]
    [InlineData("Why is it so complicated to change my address?")]
    [InlineData("nothing you say makes sense")]
    [InlineData("none of this makes sense")]
    [InlineData("you've got to be kidding")]
    [InlineData("give me a break")]
    [InlineData("I want to file a complaint")]
    [InlineData("I'd like to make a complaint about the delivery")]
    [InlineData("I'm going to cancel my account and tell everyone")]
    [InlineData("I'm going to post this on twitter")]
    [InlineData("gimana sih kalian")]
    [InlineData("kalian ini gimana sih")]
    [InlineData("ampun deh")]
    [InlineData("saya mau komplain keras")]
    public void Exasperation_disbelief_complaints_and_going_public_sound_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("why is the sky blue")]
    [InlineData("that makes sense, thanks")]
    [InlineData("is this hard drive covered by warranty?")]
    [InlineData("I want to cancel my account")]
    [InlineData("gimana sih caranya?")]
    [InlineData("kalian buka jam berapa?")]
    [InlineData("please post this on my account")]
    public void The_same_words_said_calmly_stay_calm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Fact]
    public void Give_me_a_break_asks_for_no_one() => Heard.Neither("give me a break");
}
