using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A message that asks who is there in one sentence and for a person in the next: read whole, each sentence hides the
/// other, so once one signal is found each sentence is also read alone for the other. A sentence that asks about
/// something else beside a request raises nothing more.
/// </summary>
public sealed class SentencePairTests
{
    [Theory]
    [InlineData("is anybody real on this line? put them on, please")]
    [InlineData("are you even a human? agent please")]
    [InlineData("am I chatting with software right now? get me a supervisor.")]
    [InlineData("ini yang jawab sistem kah? tolong sambungin ke petugas.")]
    [InlineData("beneran orang bukan nih? cs dong")]
    public void An_identity_question_and_a_request_in_two_sentences_raise_both(string text) => Heard.Both(text);

    [Theory]
    [InlineData("put me through to billing. is the promo real?")]
    [InlineData("I need an agent. Is the website down?")]
    [InlineData("sambungkan ke cs. promonya asli kan?")]
    [InlineData("mau ngomong sama agen. webnya lagi error ya?")]
    public void A_request_beside_a_question_about_something_else_is_only_a_request(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.AsksForHuman, text);
        Assert.False(analysis.AsksIdentity, text);
    }
    [Theory]
    [InlineData("I would like the store manager please")]
    [InlineData("I'd like a supervisor")]
    [InlineData("I'd like the claims advisor, thank you")]
    public void A_polite_wish_for_a_role_is_a_request(string text) =>
        Assert.True(MessageSignals.Grammar(text).AsksForHuman, text);

    [Theory]
    [InlineData("I like the store manager, she was kind to me")]
    [InlineData("we really like the agent who helped us yesterday")]
    public void Liking_someone_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
}
