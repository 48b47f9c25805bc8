using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Asking whether the business has someone to take the customer ("do you have a live agent?") asks for one; asking
/// what the business has (a number, hours, staff who speak a language, agents in a city) or who is on this chat does not.
/// </summary>
public sealed class HavingSomeoneTests
{
    [Theory]
    [InlineData("do you have a live agent?")]
    [InlineData("do you have live agents?")]
    [InlineData("do u have a live agent")]
    [InlineData("do you guys have a live chat agent")]
    [InlineData("do you have a live chat agent available?")]
    [InlineData("hi, do you have a live agent I can talk to")]
    [InlineData("so do you have a real person?")]
    [InlineData("do you have human support?")]
    [InlineData("do you have customer service?")]
    [InlineData("do you have a human?")]
    [InlineData("have you got a human?")]
    [InlineData("do you have a real person who can help me?")]
    [InlineData("do you have an agent that could talk to me")]
    public void Asking_whether_the_business_has_someone_to_take_the_customer_asks_for_a_person(string text) =>
        Heard.RequestOnly(text);

    [Theory]
    [InlineData("do you have a customer service number?")]
    [InlineData("do you have customer service hours?")]
    [InlineData("do you have agents in Surabaya?")]
    [InlineData("do you have an agent near me?")]
    [InlineData("do you have staff who speak Tagalog")]
    [InlineData("do you have a person who can install it at home?")]
    [InlineData("do you have someone who speaks Spanish?")]
    [InlineData("why do you have a live agent if nobody answers")]
    [InlineData("what agents do you have")]
    [InlineData("do you have a person")]
    public void Asking_what_the_business_has_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("do you have a human on this chat?")]
    [InlineData("do you have a real person on the line?")]
    public void Asking_who_is_on_this_chat_stays_an_identity_question(string text) =>
        Heard.IdentityOnly(text);
}
