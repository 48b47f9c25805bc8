using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A customer who asks to be told who answers ("can you tell me if you're an AI?", "let me know whether this chat is
/// automated", "kasih tau dong kamu bot atau bukan") or writes "ru" for "are you" ("ru human?") asks who answers, read by
/// the grammar itself; being told something else ("tell me if you need anything", "let me know if you are available
/// tomorrow") asks nothing. Disbelief and doubt that anyone reads or means to help ("I can't believe this", "are you even
/// reading my messages", "kalian niat kerja ga sih", "kok gak bisa bisa") sound negative; the same words said calmly do not.
/// </summary>
public sealed class BeingToldAndDisbeliefTests
{
    [Theory]
    [InlineData("can you tell me if ur an AI")]
    [InlineData("Can you tell me if you're human?")]
    [InlineData("tell me whether you are a bot")]
    [InlineData("Kindly let me know whether this chat is automated, sir.")]
    [InlineData("let me know if you are a real person")]
    [InlineData("kasih tau dong kamu bot atau bukan")]
    [InlineData("pengen tau aja ini dijawab orang beneran atau enggak")]
    [InlineData("ru human")]
    [InlineData("ru a bot?")]
    public void Asking_to_be_told_who_answers_is_an_identity_question(string text)
    {
        Assert.True(MessageSignals.Grammar(text).AsksIdentity, text);
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);
    }

    [Theory]
    [InlineData("tell me if you need anything")]
    [InlineData("let me know if you are available tomorrow")]
    [InlineData("tell me a joke")]
    [InlineData("can you tell me if my order shipped")]
    [InlineData("ru.wikipedia.org says the price is lower")]
    [InlineData("No need to transfer me, just tell me the fee.")]
    public void Being_told_something_else_asks_nothing(string text) => Heard.Neither(text);

    [Theory]
    [InlineData("I can't believe this")]
    [InlineData("for the love of god just fix it")]
    [InlineData("are you even reading my messages")]
    [InlineData("did you even read my message")]
    [InlineData("kalian niat kerja ga sih")]
    [InlineData("kalian gak niat kerja")]
    [InlineData("ini gimana sih kok gak bisa bisa")]
    [InlineData("hubungin smart TV ke wifi rumah gak bisa2")]
    public void Disbelief_and_doubt_that_anyone_helps_sound_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("I can't believe how fast it arrived, thank you!")]
    [InlineData("I read your message")]
    [InlineData("Is someone actually reading my messages?")]
    [InlineData("saya niat kerja di sini")]
    [InlineData("bisa bisa telat nih")]
    public void The_same_words_said_calmly_stay_calm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
