using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Abuse with letters masked by stars reads as the word it masks ("f*** off", "b*ngsat", "a**hole", "what the f***"); stars
/// that mask no abusive word, or follow a number, change nothing ("rated 5* thanks", "a*b=c").
/// </summary>
public sealed class MaskedProfanityTests
{
    [Theory]
    [InlineData("f*** off")]
    [InlineData("f**k you")]
    [InlineData("f*ck this")]
    [InlineData("what the f***")]
    [InlineData("b*ngsat")]
    [InlineData("a**hole")]
    [InlineData("kamu t*lol")]
    [InlineData("g*blok")]
    public void Masked_abuse_is_abuse(string text) => Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("rated 5* thanks")]
    [InlineData("a*b=c")]
    [InlineData("the b*x arrived")]
    public void Stars_that_mask_no_abuse_change_nothing(string text) => Assert.False(MessageSignals.Analyze(text).Abusive, text);
}
