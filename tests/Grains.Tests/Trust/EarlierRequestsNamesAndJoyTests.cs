using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A person asked for on an earlier day and told as what happened, or wished for only as a condition of the customer's
/// own plan ("if I want to talk to someone I'll just call"), asks for no one now, while asking again keeps it a request;
/// a person named only as what another wish is for ("ganti no hp biar petugas bisa hubungi sy") is not asked for, and
/// asking how to reach a real person asks for one, not who answers; whether the chat or the call is recorded asks
/// about the line; the one answering asked about by the name it gave ("is
/// Dina a bot?") asks who answers; "you guys suck" is thrown at someone, and a swear word opening joy ("fuck yes, the
/// refund came in!") is no abuse.
/// </summary>
public sealed class EarlierRequestsNamesAndJoyTests
{
    [Theory]
    [InlineData("kemarin minta spv, nunggu sejam, terus putus. ya udh lah, cara reset password gmn?")]
    [InlineData("istri saya kemarin minta disambungkan ke cs tapi gak ada yang telpon balik")]
    [InlineData("dulu sy selalu minta cs, tp skrg chat ini udah oke kok")]
    [InlineData("yesterday I asked for a supervisor and got cut off")]
    [InlineData("kalau mau ngomong sama orang, sy telpon aja nanti")]
    [InlineData("kalau mau ngomong sama orang mending sy telpon aja")]
    [InlineData("kalau mau ngobrol sama admin nanti saya chat lagi")]
    [InlineData("if I want to talk to someone I'll just call")]
    [InlineData("if I want to speak to a person, I'll ask")]
    public void A_person_asked_for_on_an_earlier_day_or_wished_for_only_if_asks_for_no_one_now(string text)
    {
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
    }

    [Theory]
    [InlineData("kemarin saya minta cs, tolong sambungkan sekarang")]
    [InlineData("kemarin saya minta cs, sekarang saya minta lagi")]
    [InlineData("kemarin saya minta cs, bisa sekarang?")]
    [InlineData("kemarin udah minta cs tapi gak dikasih, mana cs nya?")]
    [InlineData("dulu minta cs dong")]
    [InlineData("sambungkan ke cs dulu")]
    [InlineData("kalau mau ngomong sama cs gimana caranya?")]
    [InlineData("kalau mau bicara dengan cs saya harus telpon ke mana?")]
    [InlineData("kalau saya mau bicara dengan cs, sambungkan ya")]
    [InlineData("kalau bisa sambungkan ke cs")]
    [InlineData("if I want to talk to a human how do I do it?")]
    [InlineData("saya mau bicara dengan cs yang kemarin")]
    [InlineData("can I speak to the agent who helped me yesterday")]
    public void Asking_again_or_asking_how_still_asks_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("mau ganti no hp biar petugas bisa hubungi sy kalau ada apa2")]
    [InlineData("please update my number so that the agent can reach me")]
    public void A_person_named_only_as_what_another_wish_is_for_is_not_asked_for(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("Mohon agar petugas dapat menghubungi saya kembali")]
    [InlineData("Saya meminta agar pimpinan cabang menghubungi saya secara langsung.")]
    [InlineData("tolong sambungkan biar saya bisa bicara dengan cs")]
    [InlineData("anu ini eh ini beneran orang? kalo bukan saya mau ngomong sama orang aja")]
    [InlineData("Is this a live agent? If not, I want one.")]
    public void A_plea_that_a_person_call_back_or_a_person_wanted_if_no_real_one_answers_is_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("how do i talk to an actual human here")]
    [InlineData("how can I speak to a real person?")]
    [InlineData("is there a way to reach a human here?")]
    public void Asking_how_to_reach_a_real_person_asks_for_one_not_who_answers(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.AsksIdentity, text);
        Assert.True(analysis.AsksForHuman, text);
    }

    [Theory]
    [InlineData("how do I know you're a real person?")]
    [InlineData("how do I talk to a human, or is this a bot?")]
    [InlineData("is there a way to talk to a human or is this all bots?")]
    public void Doubt_or_a_machine_named_beside_it_still_asks_who_answers(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("is this chat recorded?")]
    [InlineData("Is this chat recorded ya?")]
    [InlineData("is this conversation recorded")]
    [InlineData("is this call recorded?")]
    public void Whether_the_chat_or_the_call_is_recorded_asks_nothing_of_who_answers(string text)
    {
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("is this call a recording?")]
    [InlineData("is this a recorded message?")]
    public void A_call_that_is_a_recording_is_still_asked_about(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("is Dina a bot")]
    [InlineData("Is Dina a real person? because I'd like to talk to a real person")]
    [InlineData("apakah Dina manusia?")]
    [InlineData("Dina itu bot?")]
    public void The_one_answering_asked_about_by_its_name_asks_who_answers(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("Is everything on this chat automated?")]
    [InlineData("is everything here done by a bot?")]
    public void Whether_everything_here_is_a_machine_asks_who_answers(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("is everything on this order automated?")]
    [InlineData("is everything ok?")]
    public void Whether_everything_of_a_thing_is_automatic_or_fine_asks_nothing_of_who_answers(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("apakah autodebet otomatis?")]
    [InlineData("is delivery automated?")]
    public void Whether_a_thing_is_automatic_is_no_question_of_who_answers_to_the_grammar(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("you suck")]
    [InlineData("you guys suck")]
    public void Sucks_thrown_at_the_ones_answering_is_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Fact]
    public void Sucks_said_of_a_thing_is_frustration()
    {
        MessageAnalysis analysis = MessageSignals.Analyze("this app sucks");
        Assert.True(analysis.Negative);
        Assert.False(analysis.Abusive);
    }

    [Theory]
    [InlineData("fuck yes, the refund came in! 🎉")]
    [InlineData("hell yes it worked")]
    [InlineData("anjing keren bgt fitur barunya")]
    [InlineData("damn good job")]
    public void A_swear_word_opening_joy_is_neither_abuse_nor_frustration(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.Abusive, text);
        Assert.False(analysis.Negative, text);
    }

    [Theory]
    [InlineData("fuck you")]
    [InlineData("anjing, gak bisa kerja")]
    [InlineData("shit service")]
    public void A_swear_word_before_anything_else_stays_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);
}
