using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A person word on its own after giving up or turning from the machine ("I give up, human", "not this automated
/// thing, a real person", "no bot, human") asks for that person rather than addressing the one answering, as does
/// one named with "a" ("..., a real person"); asking whom to speak to about something, or whether the case can be
/// escalated, asks for a person. A role the message only addresses ("Can I pay by transfer, CS?"), a question of who is
/// there that names "a real person" among alternatives, giving up on something else, and "live" or "real" said of a
/// thing ("a live demo", "a real answer") and a kind of thing named by a pair ("a person-to-person transfer") ask for
/// no one.
/// </summary>
public sealed class GivingUpAndWhomToAskTests
{
    [Theory]
    [InlineData("I give up, human")]
    [InlineData("I give up, agent")]
    [InlineData("I give up. human please")]
    [InlineData("ok I give up, get me an agent")]
    [InlineData("no bot, human")]
    [InlineData("I quit, get me a person")]
    [InlineData("nyerah, minta orang")]
    [InlineData("I want a human to human conversation")]
    public void Giving_up_or_turning_from_the_machine_then_a_person_asks_for_one(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("not this automated thing, a real person")]
    [InlineData("I want a live person, not this automated thing")]
    [InlineData("so slow today, a real person please")]
    [InlineData("I have a question about my bill, an agent")]
    public void A_person_named_with_a_or_after_turning_from_the_machine_is_asked_for_not_addressed(string text) =>
        Heard.RequestOnly(text);

    [Theory]
    [InlineData("who do I speak to about a refund?")]
    [InlineData("who can I talk to about my bill")]
    [InlineData("is there someone I can speak to about a refund")]
    [InlineData("are you able to escalate this?")]
    [InlineData("is it possible to escalate my case")]
    [InlineData("could this be escalated to someone")]
    [InlineData("saya harus bicara dengan siapa soal tagihan?")]
    [InlineData("who should I talk to about a refund")]
    [InlineData("who do I talk to about changing my plan")]
    [InlineData("who can I chat with about my bill?")]
    [InlineData("saya harus ngomong sama siapa?")]
    public void Asking_whom_to_speak_to_or_to_escalate_asks_for_a_person(string text) =>
        Heard.RequestOnly(text);

    [Theory]
    [InlineData("Can I pay by transfer, CS?")]
    [InlineData("hi agent, can I pay by transfer?")]
    [InlineData("I give up on this diet")]
    [InlineData("I want a live demo")]
    [InlineData("I want to watch the live match")]
    [InlineData("I want a real answer")]
    [InlineData("who handles refunds?")]
    [InlineData("who do I contact for a warranty claim?")]
    [InlineData("can you escalate the temperature on my thermostat")]
    [InlineData("no AI could help with that")]
    [InlineData("I need a person-to-person transfer")]
    [InlineData("can I make a person-to-person payment?")]
    public void A_role_addressed_giving_up_on_something_else_or_a_live_thing_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("Are you real? Like, a real actual human?")]
    [InlineData("Is it you, a real person, or the system again?")]
    public void A_real_person_among_the_alternatives_of_a_question_asks_who_is_there(string text) =>
        Heard.IdentityOnly(text);
}
