using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A customer who swears off the business ("I will never buy from you again", "saya gak akan beli lagi", "kapok") or
/// says they are taking it elsewhere ("I'll take my business elsewhere", "switching to your competitor", "mending di
/// toko sebelah", "pindah provider") sounds negative and asks for no one; something that did not happen again, a question
/// whether it will, and the words of a shop or a provider asked about plainly do not.
/// </summary>
public sealed class SwearingOffAndGoingElsewhereTests
{
    [Theory]
    [InlineData("I will never buy from you again")]
    [InlineData("I'm never ordering again")]
    [InlineData("we won't use your service again")]
    [InlineData("never shopping here again!")]
    [InlineData("I will not order from this store again")]
    [InlineData("never again")]
    [InlineData("I'll take my business elsewhere")]
    [InlineData("I'm going elsewhere")]
    [InlineData("I'll spend my money elsewhere")]
    [InlineData("I'm switching to your competitor")]
    [InlineData("saya gak akan beli lagi")]
    [InlineData("aku tidak akan pernah belanja di sini lagi")]
    [InlineData("gak bakal order lagi di sini")]
    [InlineData("saya gak mau langganan lagi")]
    [InlineData("kapok belanja di sini")]
    [InlineData("mending beli di toko sebelah")]
    [InlineData("saya mau pindah provider")]
    [InlineData("pindah ke provider lain aja")]
    public void Swearing_off_or_going_elsewhere_sounds_negative_and_asks_for_no_one(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);

        Assert.True(analysis.Negative, text);
        Assert.False(analysis.AsksForHuman, text);
        Assert.False(analysis.AsksIdentity, text);
    }

    [Theory]
    [InlineData("it never happened again after the update")]
    [InlineData("will I never be charged again?")]
    [InlineData("don't worry, it's fine again")]
    [InlineData("is this business open on sunday")]
    [InlineData("what's the provider for shipping?")]
    [InlineData("where is the nearest shop?")]
    [InlineData("saya tidak bisa login lagi")]
    [InlineData("toko ini buka jam berapa?")]
    [InlineData("rumah saya di sebelah masjid")]
    public void What_did_not_happen_again_and_shops_asked_about_are_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
