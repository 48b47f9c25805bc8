using CxCluster.Grains.Trust;

namespace CxCluster.Understanding.Tests;

/// <summary>
/// Javanese krama ("badhe", "matur", "kaleh", "disambungke") and "konsultasi" read as requests by the grammar; "apa", "opo" and
/// "ka" said for "or" between two terms, and a system named first, read as the alternatives of an identity question.
/// </summary>
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
    [InlineData("ini petugas ka mesin?")]
    [InlineData("kamu orang apa sistem?")]
    [InlineData("ini admin apa robot ya?")]
    [InlineData("ini sistem apa orang?")]
    [InlineData("ini sistem atau petugas?")]
    [InlineData("kowe wong opo robot?")]
    [InlineData("iki wong opo mesin?")]
    public void An_or_said_as_apa_or_ka_or_a_system_named_first_is_read_by_the_grammar(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("ulun handak bayar tagihan haja")]
    [InlineData("tiang listrik di depan rumah roboh")]
    [InlineData("beta version of the app crashes")]
    [InlineData("robot apa yang bagus buat ngepel?")]
    [InlineData("mesin cuci apa yang paling hemat listrik?")]
    [InlineData("sistem atau aplikasi yang error?")]
    [InlineData("apa kabar kak?")]
    public void A_regional_word_alone_asks_nothing(string text)
    {
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);
    }
}
