using CxCluster.Grains.Trust;

namespace CxCluster.Understanding.Tests;

/// <summary>An earlier time before "I talked to ..." tells of an earlier chat; without it the same words still ask who is there.</summary>
public sealed class EarlierChatTests
{
    [Theory]
    [InlineData("kemarin saya ngobrol sama manusia beneran")]
    [InlineData("yesterday I talked to a real person")]
    public void An_earlier_chat_is_no_identity_question(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksIdentity, text);

    [Theory]
    [InlineData("am I talking to a human?")]
    [InlineData("saya lagi ngobrol sama bot?")]
    [InlineData("dari tadi saya ngobrol sama bot ya?")]
    public void A_question_about_the_chat_now_still_counts(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);
}
