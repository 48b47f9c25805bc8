using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Abuse with letters masked by stars reads as the word it masks ("f*** off", "b*ngsat", "a**hole", "what the f***"); stars
/// that mask no abusive word, or follow a number, change nothing ("rated 5* thanks", "a*b=c"). An animal's name said to the
/// one answering ("babi lu", "kamu monyet"), British abuse ("bugger off", "sod off", "tosser") and calling them clowns are
/// abuse; the same words said of something else are not.
/// </summary>
public sealed class MaskedAbuseAndNamesCalledTests
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

    [Theory]
    [InlineData("babi lu")]
    [InlineData("kamu monyet")]
    [InlineData("bugger off")]
    [InlineData("sod off")]
    [InlineData("tosser")]
    [InlineData("bollocks")]
    [InlineData("you clown")]
    [InlineData("you're a clown")]
    [InlineData("you bunch of clowns")]
    public void Names_called_are_abuse(string text) => Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("ada menu babi?")]
    [InlineData("kamu suka babi guling?")]
    [InlineData("monyet di kebun binatang lucu")]
    [InlineData("a bunch of flowers")]
    [InlineData("the clown show was great for the kids")]
    public void The_same_words_said_of_something_else_are_not(string text) => Assert.False(MessageSignals.Analyze(text).Abusive, text);
}
