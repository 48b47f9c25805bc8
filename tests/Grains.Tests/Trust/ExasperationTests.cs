using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Exasperation in a word or two sounds negative: "seriously" asked on its own or as the whole message, and "come on"
/// closing its clause after at most one word. The same words inside a sentence (a remark, thanks, a visit, a light that
/// will not come on, a condition) stay calm. So does an exasperated question: where one's things are or why, asked with
/// "?!", how this is even supposed to work ("ini gimana sih kerjanya"), how hard the simple thing can be and why it is so
/// hard or takes so long; the same questions asked calmly, about a product or in surprise, stay calm.
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

    [Theory]
    [InlineData("mana paket saya?!")]
    [InlineData("dimana refund saya?!")]
    [InlineData("where is my refund?!")]
    [InlineData("kenapa belum dikirim?!")]
    [InlineData("kapan sampainya?!")]
    [InlineData("why?!")]
    [InlineData("ini gimana sih kerjanya")]
    [InlineData("gimana sih ini")]
    [InlineData("itu gimana sih, kok belum sampai")]
    [InlineData("how hard is it to just refund me")]
    [InlineData("how difficult is it for you to call me back")]
    [InlineData("how hard is it to answer a simple question")]
    [InlineData("why is this so difficult")]
    [InlineData("why does it take so long to process a refund")]
    [InlineData("why is everything so confusing with you")]
    public void An_exasperated_question_sounds_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("mana yang lebih murah?")]
    [InlineData("mana paket saya?")]
    [InlineData("where is my order?")]
    [InlineData("gimana cara kerjanya?")]
    [InlineData("gimana sih caranya daftar?")]
    [InlineData("gimana sih kalau mau retur?")]
    [InlineData("produk ini gimana sih pakainya?")]
    [InlineData("how hard is it to assemble? just curious")]
    [InlineData("how difficult is it to learn the app?")]
    [InlineData("why is the cable so long?")]
    [InlineData("are you a bot?!")]
    [InlineData("when is the sale?!")]
    [InlineData("really?! it's on sale?!")]
    public void A_question_asked_calmly_or_in_surprise_stays_calm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
