using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Kinds of asking read together: an identity question followed by a request in the same message, doubt said as a
/// statement or a realisation, a question whether a call or a voice was automated, formal names for a virtual agent,
/// requests as fragments, for a call back, for the same person as before, for a professional through the chat or for
/// anyone real, in Minang and Medan words, for live chat or a desk, or as a question of whether it can be done; and
/// thanks or praise for the machine, which asks nothing.
/// </summary>
public sealed class DoubtCallbackAndPraiseTests
{
    [Theory]
    [InlineData("hmm is this all automated? pass me to the collections team")]
    [InlineData("are you software or a person, I'd like the branch manager")]
    [InlineData("ini dijawab mesin ya? tolong sambungkan ke bagian penagihan")]
    [InlineData("kamu chatbot kan, oper aja ke petugas yang asli")]
    [InlineData("is it a program typing this, I want to speak to your team leader")]
    public void An_identity_question_then_a_request_raises_both(string text) => Heard.Both(text);

    [Theory]
    [InlineData("I really can't tell whether a human is reading my messages")]
    [InlineData("beginning to think I've been chatting to a program all along")]
    [InlineData("oalah ternyata dari tadi dibales sistem")]
    [InlineData("lho yang jawab mesin toh")]
    [InlineData("wah kamu robot rupanya")]
    [InlineData("jangan-jangan yang ngetik ini AI")]
    public void Doubt_said_as_a_statement_is_an_identity_question(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("was the call I had on Tuesday automated?")]
    [InlineData("was that call from your number a robocall?")]
    [InlineData("was the voice on the phone a recording?")]
    [InlineData("telepon dari kalian kemarin itu rekaman bukan?")]
    [InlineData("yang nelpon aku tadi mesin ya?")]
    public void Asking_whether_a_call_was_automated_is_an_identity_question(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("was the call I answered at lunch automated?")]
    [InlineData("was that call a robocall?")]
    [InlineData("panggilan tadi siang itu otomatis kah?")]
    [InlineData("did a bot call me last night?")]
    [InlineData("apakah mesin yang nelpon saya kemarin?")]
    public void The_grammar_reads_a_question_whether_a_call_was_a_machine(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("was my call on Monday recorded?")]
    [InlineData("are your calls automated?")]
    [InlineData("was the email I got automated?")]
    [InlineData("is call recording automatic?")]
    [InlineData("apakah rekaman telepon saya bisa diminta?")]
    public void Whether_a_call_was_kept_or_what_the_business_does_is_no_call_question(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("why do I keep getting robocalls from you?")]
    [InlineData("kenapa saya terus dapat telepon otomatis ya?")]
    [InlineData("please stop the automated calls")]
    public void A_complaint_about_automated_calls_still_asks_nothing(string text) => Heard.Neither(text);

    [Theory]
    [InlineData("are you a virtual agent or a staff member?")]
    [InlineData("am I being served by a digital assistant?")]
    [InlineData("kamu asisten digital bukan?")]
    [InlineData("yang melayani saya ini agen virtual ya?")]
    public void A_formal_name_for_a_virtual_agent_is_an_identity_question(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("A human. Please.")]
    [InlineData("supervisor. now.")]
    [InlineData("actual agent pls")]
    [InlineData("could someone from your team phone me back")]
    [InlineData("please arrange a callback from an advisor")]
    [InlineData("minta ditelpon balik sama CS ya")]
    [InlineData("tolong telpon saya kembali, saya mau bicara langsung dengan petugas")]
    public void A_fragment_or_a_call_back_is_a_request(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("can I get the same agent who helped me last Thursday")]
    [InlineData("tolong sambungkan lagi ke petugas yang bantu saya kemarin")]
    public void The_same_person_as_before_is_a_request(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("can I consult a pharmacist on this chat")]
    [InlineData("I'd like to talk to a nurse here")]
    [InlineData("bisa ngobrol sama dokter di chat ini?")]
    [InlineData("mau konsultasi sama apoteker langsung")]
    public void A_professional_through_the_chat_is_a_request(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("any real human is fine by me")]
    [InlineData("any actual agent will do")]
    [InlineData("siapa saja boleh, asal orangnya asli")]
    public void Anyone_real_is_a_request(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("anyone can pick up the parcel, I don't mind")]
    [InlineData("any size is fine")]
    [InlineData("siapa saja boleh ambil barangnya di toko")]
    [InlineData("any agent or bot is fine, just fix it")]
    public void Anyone_for_a_job_or_anything_will_do_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("ambo nio bacakap jo petugas")]
    [InlineData("uni, ambo nak bacakap jo urang se")]
    [InlineData("aku mau ngomong sama petugas lah")]
    public void A_request_in_Minang_or_Medan_words_is_a_request(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("iko mesin?")]
    [InlineData("kau ini bot rupanya?")]
    public void An_identity_question_in_Minang_or_Medan_words_is_an_identity_question(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("live agent now please")]
    [InlineData("mau live chat sama CS")]
    [InlineData("tolong sambungkan ke bagian pengaduan")]
    [InlineData("is it possible to chat with a person at your company")]
    [InlineData("bisa gak saya bicara sama orang kalian?")]
    public void Live_chat_a_desk_or_asking_whether_one_can_is_a_request(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("thanks robot")]
    [InlineData("great job bot, thank you")]
    [InlineData("makasih ya bot")]
    [InlineData("bot pinter, mantap")]
    [InlineData("nice one bot 👍")]
    [InlineData("thank you bot")]
    public void Thanks_or_praise_for_the_machine_asks_nothing(string text)
    {
        Assert.True(MessageSignals.Grammar(text).VetoesIdentity, text);
        Heard.Neither(text);
    }

    [Theory]
    [InlineData("thanks, but are you a bot?")]
    [InlineData("makasih, kamu bot ya?")]
    public void Thanks_beside_a_question_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("ada petugas yang ngecek pesan ini atau cuma mesin?")]
    [InlineData("is there an agent who reads these or just the system?")]
    public void A_person_set_against_a_machine_after_what_they_do_is_asked_about_not_for(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("do people at your company read these chats or only a computer?")]
    [InlineData("ada manusia yang baca chat ini atau cuma mesin?")]
    public void Asking_whether_staff_read_the_chat_is_an_identity_question_and_no_request(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.AsksIdentity, text);
        Assert.False(analysis.AsksForHuman, text);
    }
}
