using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Whether a machine is working or a feature is automatic asks nothing about who is there; a role asked whether it is a
/// real person and who made the one answering do. A request offered back and turned down, staff already spoken to and
/// money transferred to an account ask for no one; someone other than the one answering is asked for. Checking whether
/// anyone is there with question marks piled up or a drawn-out greeting is impatience.
/// </summary>
public sealed class MachineStateAndSomeoneOtherThanYouTests
{
    [Theory]
    [InlineData("Is the chat bot down?")]
    [InlineData("bot lagi error ya?")]
    [InlineData("is the bot down right now?")]
    [InlineData("is your bot offline?")]
    [InlineData("is the chatbot broken again?")]
    [InlineData("chatbot kalian lagi down ya?")]
    [InlineData("bot nya lagi rusak?")]
    [InlineData("botnya lagi gangguan?")]
    public void Whether_a_machine_is_working_is_no_identity_question(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("is autopay automatic?")]
    [InlineData("is the refund automated?")]
    [InlineData("is the top up automatic?")]
    [InlineData("is the bill payment automatic?")]
    [InlineData("does the payment go through automatically?")]
    public void Whether_a_feature_is_automatic_is_no_identity_question(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("is this a bot?")]
    [InlineData("ini bot ya?")]
    [InlineData("ieu bot lain?")]
    [InlineData("is this automatic?")]
    [InlineData("is this reply automatic?")]
    [InlineData("apakah ini otomatis?")]
    [InlineData("are you a broken bot or a human?")]
    public void Who_is_there_is_still_asked_beside_machines_and_automatic_replies(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("adminnya asli orang?")]
    [InlineData("adminnya orang asli?")]
    [InlineData("adminnya orang asli kan?")]
    [InlineData("cs nya beneran orang?")]
    [InlineData("apakah cs nya orang beneran?")]
    [InlineData("petugasnya manusia asli kan?")]
    public void A_role_asked_whether_it_is_a_real_person_is_an_identity_question_not_a_request(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.AsksIdentity, text);
        Assert.False(analysis.AsksForHuman, text);
    }

    [Theory]
    [InlineData("adminnya orang Medan ya?")]
    [InlineData("mau cs manusia asli dong")]
    public void A_role_from_somewhere_or_a_real_one_wished_for_is_not_asked_whether_it_is_a_person(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("who made you")]
    [InlineData("who made you?")]
    [InlineData("who built you?")]
    [InlineData("who created u")]
    [InlineData("who designed u")]
    [InlineData("siapa yang bikin kamu?")]
    [InlineData("siapa yang buat kamu?")]
    [InlineData("siapa pembuat kamu")]
    public void Who_made_the_one_answering_is_an_identity_question(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("who told you that?")]
    [InlineData("who sent you this?")]
    [InlineData("who made this app?")]
    public void Who_did_something_else_to_the_one_answering_is_no_identity_question(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("talk to a human? no thanks")]
    [InlineData("an agent? nah, no need")]
    [InlineData("transfer to a human? nope, I'm fine")]
    [InlineData("speak to a supervisor? no.")]
    [InlineData("sambung ke CS? gak usah, makasih")]
    [InlineData("ngobrol sama petugas? nggak deh")]
    [InlineData("ngobrol sama petugas? nggak deh, udah beres")]
    public void A_request_offered_back_and_turned_down_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("talk to a human? no, I want a person now")]
    [InlineData("talk to a human? no, just transfer me")]
    [InlineData("talk to a human? yes please")]
    [InlineData("can I talk to a human? no? why not")]
    [InlineData("are you a bot? no? then get me an agent")]
    public void A_request_not_turned_down_after_its_question_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("tadi udah ngobrol sama petugas, makasih")]
    [InlineData("I already spoke to an agent, thanks")]
    [InlineData("I've already talked to a human, all sorted")]
    [InlineData("sudah pernah bicara dengan CS kok")]
    [InlineData("sudah bicara dengan petugas tadi pagi, terima kasih")]
    public void Staff_already_spoken_to_are_not_asked_for(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("udah ngomong sama cs, sekarang mau ngobrol sama supervisor")]
    [InlineData("I already talked to an agent and it didn't help, I want a supervisor")]
    [InlineData("udah, sambungin ke cs aja")]
    public void A_request_beside_staff_already_spoken_to_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("transfer to BCA account 1234567890 please")]
    [InlineData("please transfer 50k to my wife's account")]
    [InlineData("tolong transfer ke rekening ini")]
    [InlineData("transfer 100rb ke rekening mandiri 1234567 ya")]
    [InlineData("can you transfer to my savings account please")]
    [InlineData("saya mau transfer ke orang lain")]
    [InlineData("cara transfer ke orang lain")]
    public void Money_transferred_to_an_account_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("please transfer me")]
    [InlineData("transfer me to customer service")]
    [InlineData("put me through to sales")]
    [InlineData("transfer me to billing please")]
    [InlineData("pls escalate to tier 2")]
    public void A_call_transfer_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("someone other than you please")]
    [InlineData("anyone but you, please")]
    [InlineData("anyone except you please")]
    [InlineData("I want somebody else")]
    [InlineData("someone else please")]
    [InlineData("get me someone else")]
    [InlineData("can I talk to someone else?")]
    [InlineData("can you put me through to someone else")]
    [InlineData("can you transfer me to someone else who knows")]
    [InlineData("orang lain selain kamu dong")]
    [InlineData("orang lain aja dong")]
    [InlineData("mau orang lain")]
    [InlineData("bisa bicara sama orang lain?")]
    public void Someone_other_than_the_one_answering_is_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("orang lain bisa pakai akun saya?")]
    [InlineData("gak usah ganti orang lain")]
    [InlineData("I don't want someone else")]
    [InlineData("does anyone else have this problem?")]
    [InlineData("someone else used my card")]
    public void Someone_else_talked_about_or_declined_is_not_asked_for(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("hello??? anyone??")]
    [InlineData("halo??? ada orang??")]
    [InlineData("hellooo?")]
    [InlineData("is anyone there??")]
    [InlineData("are you there???")]
    [InlineData("kak???")]
    [InlineData("halooo kak?")]
    [InlineData("anybody??")]
    public void Checking_whether_anyone_is_there_impatiently_lowers_trust(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.AsksForHuman, text);
        Assert.Contains(TrustRules.ForCustomerMessage(analysis, 1), d => d.Name == TrustRules.NegativeWords && d.Delta < 0);
    }

    [Theory]
    [InlineData("hello?")]
    [InlineData("halo kak?")]
    [InlineData("ok??")]
    [InlineData("where is my order??")]
    [InlineData("are you real??")]
    public void A_plain_greeting_or_another_question_is_no_impatient_call(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
