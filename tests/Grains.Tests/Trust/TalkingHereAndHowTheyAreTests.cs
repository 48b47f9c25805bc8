using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Messages that sound like asking for a person or about who answers and are neither: talking to the one who is already
/// there about something, wanting or urging with no one named, and asking how the one answering is rather than what;
/// beside them the requests and questions that still ask. And tone: negated praise, plain words of frustration and
/// repeated failure are negative; thanks in capitals are delight, not anger.
/// </summary>
public sealed class TalkingHereAndHowTheyAreTests
{
    [Theory]
    [InlineData("I want to talk to you about my bill")]
    [InlineData("I'd like to speak to you regarding my account")]
    [InlineData("I need to talk to you urgently, my card was stolen")]
    [InlineData("can I talk to you in Indonesian?")]
    [InlineData("I want to talk to you guys about a problem with my order")]
    [InlineData("just talk to me normally please")]
    [InlineData("can we talk?")]
    [InlineData("we need to talk")]
    [InlineData("I need it now")]
    [InlineData("give me")]
    [InlineData("now")]
    [InlineData("saya mau bicara dengan kamu")]
    [InlineData("saya mau ngomong soal tagihan")]
    [InlineData("saya ingin berbicara mengenai pinjaman saya")]
    [InlineData("aku mau ngomong, paketku rusak")]
    [InlineData("kita perlu bicara")]
    [InlineData("saya mau")]
    [InlineData("sekarang")]
    public void Talking_to_the_one_who_is_there_or_wanting_something_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I want to talk to someone about my bill")]
    [InlineData("can i talk to ur operater")]
    [InlineData("talk to a hmuan")]
    [InlineData("I want to talk to the nurse in charge please")]
    [InlineData("Let me speak to the admissions office please")]
    [InlineData("can I talk to your manager about my bill?")]
    [InlineData("saya mau bicara dengan cs soal tagihan")]
    [InlineData("ada yang bisa saya ajak bicara langsung?")]
    [InlineData("saya mau bicara sama yang ngurus pengiriman")]
    [InlineData("tolong sambungkan")]
    public void Talking_to_someone_else_still_asks_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("are you there?")]
    [InlineData("are you still there?")]
    [InlineData("are you listening?")]
    [InlineData("are you busy?")]
    [InlineData("are you sure?")]
    [InlineData("are you sure that's right?")]
    [InlineData("are you serious?")]
    [InlineData("are you kidding?")]
    [InlineData("are you going to refund me?")]
    [InlineData("Are you aware my package is lost?")]
    [InlineData("are you even trying?")]
    [InlineData("you are amazing")]
    [InlineData("kamu masih di situ?")]
    [InlineData("kamu yakin?")]
    [InlineData("kamu serius?")]
    [InlineData("kamu bercanda ya?")]
    [InlineData("kamu sibuk?")]
    public void Asking_how_the_one_answering_is_asks_nothing_of_who_it_is(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("are you real?")]
    [InlineData("are you a bot?")]
    [InlineData("are you sure you're not a bot?")]
    [InlineData("are you still a robot?")]
    [InlineData("r u a bto?")]
    [InlineData("kamu robot?")]
    [InlineData("kamu yakin kamu bukan robot?")]
    [InlineData("serius kamu manusia?")]
    [InlineData("who am I talking to, are you busy?")]
    public void What_the_one_answering_is_is_still_asked(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("I'm not happy")]
    [InlineData("not good enough")]
    [InlineData("not great")]
    [InlineData("I don't like this")]
    [InlineData("I don't appreciate being ignored")]
    [InlineData("saya tidak senang")]
    [InlineData("gak bagus")]
    [InlineData("kurang bagus")]
    [InlineData("pelayanannya tidak baik")]
    [InlineData("ga suka")]
    [InlineData("gak sesuai harapan")]
    [InlineData("I hate this app")]
    [InlineData("this is a scam")]
    [InlineData("such a rip off")]
    [InlineData("what a mess")]
    [InlineData("this is a joke")]
    [InlineData("I regret buying this")]
    [InlineData("I'm losing my patience")]
    [InlineData("this is taking forever")]
    [InlineData("it still doesn't work")]
    [InlineData("still broken")]
    [InlineData("penipu")]
    [InlineData("kalian tipu saya")]
    [InlineData("keterlaluan")]
    [InlineData("masih error")]
    [InlineData("lagi-lagi gagal")]
    public void Negated_praise_frustration_and_repeated_failure_are_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("I like it, thanks")]
    [InlineData("is it good?")]
    [InlineData("tell me a joke")]
    [InlineData("no problem, good job")]
    [InlineData("saya suka produknya")]
    [InlineData("barangnya sesuai, makasih")]
    [InlineData("baik kak, saya tunggu")]
    [InlineData("I'm not sure it's working")]
    [InlineData("the screen is not working")]
    public void Praise_agreement_and_plain_reports_are_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("thanks a lot for losing my package")]
    [InlineData("makasih udah ngilangin paket saya")]
    [InlineData("cheers for wasting my afternoon")]
    public void Thanks_for_a_loss_is_sarcasm_and_raises_no_trust(string text)
    {
        var deltas = TrustRules.ForCustomerMessage(MessageSignals.Analyze(text), 1);

        Assert.DoesNotContain(deltas, d => d.Name == TrustRules.Thanks);
        Assert.Contains(deltas, d => d.Name == TrustRules.NegativeWords);
    }

    [Theory]
    [InlineData("THANK YOU SO MUCH!!!")]
    [InlineData("MAKASIH BANYAK KAK!!!")]
    public void Thanks_in_capitals_are_delight_not_anger(string text)
    {
        var deltas = TrustRules.ForCustomerMessage(MessageSignals.Analyze(text), 1);

        Assert.DoesNotContain(deltas, d => d.Name == TrustRules.Anger);
        Assert.Contains(deltas, d => d.Name == TrustRules.Thanks);
    }
}
