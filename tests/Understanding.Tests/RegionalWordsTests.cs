using CxCluster.Grains.Trust;

namespace CxCluster.Understanding.Tests;

/// <summary>Javanese krama ("badhe", "matur", "kaleh", "disambungke") and "konsultasi" read as requests by the grammar.</summary>
public sealed class RegionalWordsTests
{
    [Theory]
    [InlineData("kulo badhe matur kaleh petugas")]
    [InlineData("nyuwun disambungke petugas")]
    [InlineData("mau konsultasi dengan petugas")]
    public void A_javanese_or_consulting_request_is_read_by_the_grammar(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("ulun handak bapandir lawan petugas")]
    [InlineData("tiang mau bicara sareng petugas nggih")]
    [InlineData("beta mo bicara dengan orang CS")]
    [InlineData("tolong sambung ke operator jo")]
    [InlineData("aku mo ngomong samo CS bae")]
    public void A_banjar_balinese_palembang_or_eastern_request_is_read_by_the_grammar(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("pian robot kah?")]
    [InlineData("ose robot?")]
    [InlineData("ngana robot?")]
    [InlineData("niki robot nggih?")]
    public void A_regional_identity_question_is_read_by_the_grammar(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("ulun handak bayar tagihan haja")]
    [InlineData("tiang listrik di depan rumah roboh")]
    [InlineData("beta version of the app crashes")]
    public void A_regional_word_alone_asks_nothing(string text)
    {
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);
    }
}
