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
}
