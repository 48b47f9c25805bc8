using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Saying one will wait or hold for a person ("I'll wait for a human.", "saya tunggu CS nya aja") asks for one; having
/// waited, still waiting, not waiting and waiting for a courier do not. What a person may do or be, asked of anyone
/// ("Can a person under 18 open an account?"), asks for no one. Angry faces, a thumbs down and swearing faces are read
/// as the words they stand for, and staff called rude or impolite make a message negative.
/// </summary>
public sealed class WaitingEligibilityAndFacesTests
{
    [Theory]
    [InlineData("I'll wait for a human.")]
    [InlineData("I'll hold for a real person, thanks.")]
    [InlineData("Happy to wait for a person.")]
    [InlineData("I can wait for a real agent, no rush")]
    [InlineData("I'll wait for a human agent then.")]
    [InlineData("I'd rather wait for an agent")]
    [InlineData("saya tunggu petugasnya aja deh")]
    [InlineData("saya tunggu CS nya aja")]
    [InlineData("saya tunggu orangnya aja")]
    public void Waiting_or_holding_for_a_person_asks_for_one(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("I waited for an agent for an hour")]
    [InlineData("I can't wait for an agent")]
    [InlineData("should I wait for an agent?")]
    [InlineData("I'll wait for the courier")]
    [InlineData("I'd rather wait for the courier")]
    public void Having_waited_not_waiting_or_waiting_for_someone_else_is_no_request_of_the_grammar(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("Can a person under 18 open an account?")]
    [InlineData("Can a person with a foreign passport open an account?")]
    [InlineData("Can one person have two accounts?")]
    public void What_a_person_may_do_asked_of_anyone_asks_for_no_one(string text) =>
        Heard.Neither(text);

    [Theory]
    [InlineData("can a person help me")]
    [InlineData("can a person look at this?")]
    public void A_person_asked_to_help_or_look_is_still_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("😡😡😡")]
    [InlineData("😠")]
    [InlineData("👎👎")]
    [InlineData("The representative at the branch was rude.")]
    [InlineData("the agent was rude")]
    [InlineData("satpam di cabang Sudirman galak banget")]
    [InlineData("sopirnya tadi gak sopan")]
    [InlineData("CS nya jutek banget")]
    [InlineData("kurirnya kasar")]
    [InlineData("teruk betul servis ni")]
    [InlineData("Bakwas service")]
    public void Angry_faces_and_rude_staff_are_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("🤬🤬")]
    [InlineData("💩 pelayanannya")]
    public void A_swearing_face_or_a_pile_of_poo_is_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("the agent was so polite and friendly")]
    [InlineData("sopirnya sopan banget, makasih")]
    [InlineData("👍👍")]
    public void Polite_staff_and_a_thumbs_up_are_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
