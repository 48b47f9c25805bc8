using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Thanks for something bad ("thanks for wasting my time", "thanks for the useless answer") and praise or thanks taken back
/// by a closing "not" ("really helpful NOT", "great service... not", "you're so helpful... not") are sarcasm: negative, and no thanks. Thanks for what
/// helped, and a "not" that asks or hopes ("is it good or not", "I hope not"), stay as they are.
/// </summary>
public sealed class SarcasticThanksTests
{
    [Theory]
    [InlineData("thanks for nothing")]
    [InlineData("great, thanks for wasting my time")]
    [InlineData("thanks for the useless answer")]
    [InlineData("thanks a lot, really helpful NOT")]
    [InlineData("wow thanks, super helpful... not")]
    [InlineData("great service... not")]
    [InlineData("you're so helpful... not")]
    [InlineData("that was very helpful, not")]
    [InlineData("I like it... not")]
    [InlineData("I like it. not")]
    [InlineData("keren banget... nggak")]
    [InlineData("pelayanan bagus... enggak")]
    public void Sarcastic_thanks_and_praise_are_negative_and_no_thanks(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.Thanks, text);
    }

    [Theory]
    [InlineData("thanks for your help")]
    [InlineData("thanks for the quick reply!")]
    [InlineData("thanks for being patient with me")]
    [InlineData("thanks, I hope not")]
    public void Sincere_thanks_stay_thanks(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Thanks, text);
        Assert.False(analysis.Negative, text);
    }

    [Theory]
    [InlineData("is it good or not")]
    [InlineData("why not")]
    [InlineData("I hope not")]
    [InlineData("will it be delivered today or not?")]
    [InlineData("is it helpful? or not?")]
    [InlineData("was that helpful? not really")]
    [InlineData("I hope it's helpful. not sure")]
    [InlineData("I like it, not sure though")]
    [InlineData("I'd like to cancel... not")]
    [InlineData("bagus nggak?")]
    [InlineData("bagus, nggak?")]
    [InlineData("saya mau pesan... nggak jadi")]
    public void A_not_that_asks_or_hopes_is_no_sarcasm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
