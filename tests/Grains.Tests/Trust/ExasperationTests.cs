using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Exasperation in a word or two sounds negative: "seriously" asked on its own or as the whole message, and "come on"
/// closing its clause after at most one word. The same words inside a sentence (a remark, thanks, a visit, a light that
/// will not come on, a condition) stay calm.
/// </summary>
public sealed class ExasperationTests
{
    [Theory]
    [InlineData("seriously?")]
    [InlineData("seriously??")]
    [InlineData("Seriously!")]
    [InlineData("seriously? it's still not here")]
    [InlineData("Wait, I'm talking to a bot? Seriously?")]
    [InlineData("omg come on")]
    [InlineData("oh come on!")]
    [InlineData("come on, it's been 3 days")]
    public void A_word_or_two_of_exasperation_sounds_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("Seriously, the app is great")]
    [InlineData("seriously though, thanks")]
    [InlineData("can the technician come on Monday?")]
    [InlineData("they said they would come on")]
    [InlineData("the light won't come on")]
    [InlineData("if it doesn't come on, I'll call")]
    [InlineData("please come on time")]
    [InlineData("Come on in!")]
    public void The_same_words_in_a_sentence_stay_calm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
