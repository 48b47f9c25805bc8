using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Words of someone else's the customer quotes ask nothing of the one answering and abuse no one: a relative's, a
/// stranger's or a reviewer's request, question or insult in quotes after a verb of saying. What the customer quotes of
/// themselves still asks, unless they take it back as a slip ("I typed 'agent' by mistake, ignore that"), and rudeness of
/// the business's own people, reported, is a complaint.
/// </summary>
public sealed class ReportedSpeechTests
{
    [Theory]
    [InlineData("My grandad tells every phone menu 'get me a real person' lol. Can he have his own login for the app?")]
    [InlineData("the lady at the post office told me to \"just ask for a manager\". I'd rather not, I only need the tracking link.")]
    [InlineData("bapak saya selalu bilang 'sambungkan ke operator' kalau telpon, tapi saya cuma mau tanya saldo")]
    [InlineData("kata tetangga sy \u201Cminta aja ngomong sama supervisor\u201D, tp sy cuma mau ganti alamat")]
    public void A_request_someone_else_made_in_quotes_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("My daughter keeps asking the smart speaker 'are you a robot?' haha. Anyway, how do I add her to my plan?")]
    [InlineData("anak sy nanya ke hp 'kamu robot ya?' wkwk. btw cara tambah anggota keluarga di paket gimana?")]
    public void An_identity_question_someone_else_asked_in_quotes_asks_nothing_of_this_chat(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("My nephew typed 'dumb bot' in here while I was away, apologies. Could you send the code again?")]
    [InlineData("ponakan gw td ngetik 'bot goblok' di sini, maaf ya. bisa kirim ulang kodenya?")]
    [InlineData("A buyer left 'scam seller, idiot' as a review on my shop. How can I get it removed?")]
    [InlineData("ada ibu2 di antrian teriak 'dasar penipu!' ke satpam. btw kantor buka jam berapa?")]
    public void Abuse_someone_else_wrote_or_shouted_in_quotes_is_no_abuse_of_the_customers(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.Abusive, text);
        Assert.False(analysis.Negative, text);
    }

    [Theory]
    [InlineData("I already typed 'agent' twice and nothing happened")]
    [InlineData("I said 'talk to a human', why am I still here with the bot")]
    [InlineData("saya sudah bilang 'mau ngomong sama orang' dari tadi")]
    [InlineData("I have typed 'agent' five times now")]
    [InlineData("I keep typing 'operator' and nothing happens")]
    [InlineData("I\u2019ve typed \u2018agent\u2019 twice")]
    [InlineData("I tried typing \"human\" like the menu said")]
    [InlineData("My son typed \"dumb bot lol. Anyway I need a human agent now please")]
    [InlineData("I typed 'agent' by mistake, but actually yes I want a human")]
    // A mistake or an accident of someone else's, or being ignored, takes nothing back.
    [InlineData("don't ignore me! I typed 'agent' 5 times")]
    [InlineData("I had a car accident. I typed 'human' three times and nobody came")]
    [InlineData("your mistake, not mine. I wrote 'agent' twice.")]
    [InlineData("I typed 'agent' and got a reply full of typos")]
    [InlineData("I said 'speak to a person' and you ignore it")]
    public void What_the_customer_quotes_of_themselves_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("your driver said 'ugh, what a pain' when I asked for a signature")]
    [InlineData("kurir kalian bilang 'ribet banget sih' waktu sy minta tanda tangan")]
    [InlineData("Someone at your call centre called me 'stupid' and hung up.")]
    public void Rudeness_of_their_own_people_reported_in_quotes_is_a_complaint_not_abuse(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.Abusive, text);
    }

    [Theory]
    [InlineData("I never said 'I want an agent', I just asked about my bill")]
    [InlineData("I didn't type 'human', it filled in by itself")]
    [InlineData("I typed 'agent' by mistake, I don't need a person")]
    public void A_quote_the_customer_says_they_did_not_say_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("A customer at your branch yelled 'you're all crooks' at the teller. I hope she's alright.")]
    [InlineData("the status still says \"processing\", is that normal?")]
    [InlineData("anaknya bilang 'dasar bodoh' ke temannya, lucu sih. btw cabang buka jam berapa?")]
    public void A_stranger_at_their_branch_or_a_label_quoted_is_no_complaint_of_the_customers(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.Abusive, text);
        Assert.False(analysis.Negative, text);
    }

    [Theory]
    [InlineData("I typed 'agent' by mistake, ignore that, what's the tracking?")]
    [InlineData("I wrote \"agent\" by mistake, ignore that, what's the tracking?")]
    [InlineData("saya ketik 'cs' tadi kepencet, abaikan ya. resi saya mana?")]
    public void A_quote_the_customer_takes_back_as_a_slip_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I asked 'are you a bot?' by mistake, never mind")]
    [InlineData("I typed \"is this AI\" by accident, ignore it")]
    public void A_question_the_customer_takes_back_as_a_slip_asks_nothing(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("I asked 'are you a bot?' and you ignore the question")]
    [InlineData("I asked 'are you a bot?' three times, please don't ignore it")]
    public void A_question_the_customer_quotes_beside_being_ignored_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
}
