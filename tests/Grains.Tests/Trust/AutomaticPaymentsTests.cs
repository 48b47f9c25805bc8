using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Whether a payment, a debit, a renewal or an instalment is automatic asks about the payment ("is this automatic
/// payment?", "is this an automatic renewal?", "is the debit automatic?", "cicilan ini otomatis?"), not who answers; "is
/// this automatic?", "is this reply automatic?" and "is this an automatic reply?" still ask about the chat.
/// </summary>
public sealed class AutomaticPaymentsTests
{
    [Theory]
    [InlineData("is this automatic payment?")]
    [InlineData("is this an automatic renewal?")]
    [InlineData("is the debit automatic?")]
    [InlineData("is the payment automatic?")]
    [InlineData("cicilan ini otomatis?")]
    public void Whether_a_payment_is_automatic_asks_no_identity_question(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("is this automatic?")]
    [InlineData("is this reply automatic?")]
    [InlineData("is this an automatic reply?")]
    [InlineData("Is this an automated account?")]
    public void Whether_the_chat_is_automatic_is_an_identity_question(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("transfer to an agent about my payment")]
    [InlineData("can you transfer me to someone about a payment")]
    public void A_payment_named_beside_a_request_keeps_it(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
}
