using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Requests and questions whose person word is read by what is around it: "one" asked for after a question on who is
/// there, a bare pair of alternatives, a person who said or did something at a place, and a product's AI feature. Someone
/// a courier or a driver asks to talk to ("kurirnya minta ngomong sama orang di resepsionis") is not asked for.
/// </summary>
public sealed class BackReferenceAndReportedPersonTests
{
    [Theory]
    [InlineData("are you human? because I need one")]
    [InlineData("is this a bot? I want one who is real")]
    [InlineData("you a machine? then give me a real one")]
    [InlineData("are you AI? cause I'd like to talk to one that's human")]
    public void One_after_a_question_on_who_is_there_is_asked_for(string text)
    {
        Assert.False(MessageSignals.Grammar(text).VetoesRequest, text);
        Heard.Both(text);
    }

    [Theory]
    [InlineData("bot? human?")]
    [InlineData("human? bot?")]
    [InlineData("human or bot?")]
    [InlineData("manusia? robot?")]
    [InlineData("bot atau manusia?")]
    public void A_bare_pair_of_alternatives_asks_who_is_there(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesRequest, text);
        Heard.IdentityOnly(text);
    }

    [Theory]
    [InlineData("a real person at the counter told me I could get a refund, is that right?")]
    [InlineData("the agent at the branch said it's free")]
    [InlineData("the human agent yesterday said it's free")]
    [InlineData("kata orang CS kemarin bisa refund")]
    public void A_person_who_said_something_is_not_asked_for(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesRequest, text);
        Heard.Neither(text);
    }

    [Theory]
    [InlineData("does this laptop have an AI chip?")]
    [InlineData("laptop ini ada chip AI?")]
    [InlineData("kamera ini ada fitur AI nya?")]
    [InlineData("does the phone have AI features?")]
    public void A_products_AI_feature_is_no_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("no no, I want a person")]
    [InlineData("nope. human please")]
    [InlineData("ga ga, mau orang aja")]
    [InlineData("human. now.")]
    [InlineData("manusia. sekarang.")]
    [InlineData("live agent")]
    [InlineData("real rep pls")]
    [InlineData("get me a real person")]
    [InlineData("driver gak datang, saya mau ngomong sama CS")]
    [InlineData("the driver never came, I want to talk to someone")]
    // Someone of the business's that a courier or driver wants to talk to, and a driver who writes, are asked for.
    [InlineData("driver mau ngomong sama cs")]
    [InlineData("the courier wants to talk to customer service")]
    [InlineData("driver here want to talk to a person")]
    public void A_refusal_before_a_request_or_a_terse_request_still_asks(string text)
    {
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("kurirnya minta ngomong sama orang di resepsionis, paketnya ditaruh mana?")]
    [InlineData("kurirnya mau ngomong sama orang rumah")]
    [InlineData("the courier wants to talk to someone at reception, where should I leave it?")]
    [InlineData("the driver asked to speak to a person at the gate")]
    public void Someone_a_courier_or_driver_asks_to_talk_to_is_not_asked_for(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
}
