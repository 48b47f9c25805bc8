using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Identity questions asked with a glued question particle, in regional Indonesian, by a chatbot's brand name, with a
/// mocking first alternative, of staff or of a voice; requests for staff as a bare noun phrase; and messages that ask
/// whether a message came from the business or whether staff exist for a service, which ask nothing of who answers.
/// </summary>
public sealed class RegionalAndBrandIdentityTests
{
    [Theory]
    [InlineData("robotkah kamu?")]
    [InlineData("apa kamu orangkah?")]
    [InlineData("bot kah yang jawab ini")]
    [InlineData("akang teh bot atuh?")]
    [InlineData("ieu mah mesin nya?")]
    [InlineData("lae, kau robot kah?")]
    [InlineData("iko bot atau urang?")]
    [InlineData("lu bot ye?")]
    [InlineData("kamu Gemini ya?")]
    [InlineData("ini Copilot bukan?")]
    [InlineData("am I talking to ChatGPT or a real guy?")]
    [InlineData("chat sama tembok apa sama robot ini")]
    [InlineData("adminnya asli kah?")]
    [InlineData("operatornya manusia beneran?")]
    [InlineData("ini suara rekaman ya?")]
    [InlineData("is this a prerecorded voice or a real human?")]
    [InlineData("are these replies pre written?")]
    [InlineData("is this artificial intelligence talking?")]
    [InlineData("cheers, are you a real person?")]
    [InlineData("ngobrol ama tembok apa ama bot sih")]
    [InlineData("agennya beneran?")]
    [InlineData("is that Gemini replying?")]
    [InlineData("are you artificial intelligence?")]
    public void Is_an_identity_question(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("mau dilayani staf aja")]
    [InlineData("pass me to a staff member please")]
    [InlineData("orang asli, sekarang")]
    [InlineData("butuh bantuan manusia sekarang")]
    [InlineData("oper ke CS kau lah")]
    public void Is_a_request_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("live agent?")]
    [InlineData("real agent please?")]
    public void A_real_role_asked_for_stays_a_request(string text)
    {
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("petugas asli?")]
    [InlineData("adminnya asli kah?")]
    [InlineData("ngobrol sama patung apa sama robot?")]
    public void The_grammar_finds_a_real_role_and_a_mocking_alternative(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("email kemarin itu beneran dari kalian?")]
    [InlineData("telpon barusan asli dari bank ini?")]
    [InlineData("did this automated call really come from your company?")]
    public void Asking_whether_a_message_came_from_the_business_is_no_identity_question(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("ada montir yang bisa datang ke rumah? cuma nanya")]
    [InlineData("is there a technician who comes to the house? just curious")]
    [InlineData("ada terapis yang bisa ke rumah? nanya doang")]
    public void Asking_whether_staff_exist_for_a_service_is_no_request(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
}
