using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Exasperation in a word or two sounds negative: "seriously" asked on its own or as the whole message, and "come on"
/// closing its clause after at most one word. The same words inside a sentence (a remark, thanks, a visit, a light that
/// will not come on, a condition) stay calm. So does an exasperated question: where one's things are or why, asked with
/// "?!", how this is even supposed to work ("ini gimana sih kerjanya"), how hard the simple thing can be and why it is so
/// hard or takes so long; the same questions asked calmly, about a product or in surprise, stay calm. Why something is so
/// hard or takes so long is exasperated only when asked of the service (what it does, how it works, the one answering),
/// not of a product ("why is the mattress so hard?") or out of curiosity; how hard something is, only when the customer
/// is the one it is done to ("how hard is it to refund me"), not when they ask how hard a thing is to use, ask for
/// something politely ("how hard would it be to send me a sample first?") or ask plainly how hard it is to be sent a
/// thing ("How hard is it to send me a replacement?"). When something comes, asked with "?!", is exasperated only of
/// the customer's own thing ("kapan paket saya sampai?!"), as in English: "kapan paketnya sampai?!" and "when will it
/// arrive?!" are impatience at most.
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
    [InlineData("kapan paket saya sampai?!")]
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
    [InlineData("when will my order arrive?!")]
    [InlineData("kapan paketku sampai?!")]
    [InlineData("kapan refund saya masuk?!")]
    [InlineData("kapan belum juga?!")]
    [InlineData("when will you reply?!")]
    [InlineData("when will you respond?!")]
    [InlineData("kapan dibalas?!")]
    [InlineData("kapan kalian balas?!")]
    [InlineData("where is the reply?!")]
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
    [InlineData("when is the answer key released?!")]
    [InlineData("really?! it's on sale?!")]
    [InlineData("mau retur, gimana sih?")]
    [InlineData("halo kak, gimana sih")]
    [InlineData("mau retur, gimana sih caranya")]
    [InlineData("mau tanya, gimana sih")]
    [InlineData("kak mau daftar, gimana sih")]
    public void A_question_asked_calmly_or_in_surprise_stays_calm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("kapan paketnya sampai?!")]
    [InlineData("kapan sampainya?!")]
    [InlineData("kapan flash sale nya?!")]
    [InlineData("when will it arrive?!")]
    [InlineData("when will the package arrive?!")]
    public void When_something_comes_asked_with_marks_is_impatience_at_most(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("How hard is it to send me a replacement?")]
    [InlineData("how hard is it to send us another one?")]
    [InlineData("How hard is it to email me the invoice?")]
    public void How_hard_it_is_to_be_sent_a_thing_asked_plainly_stays_calm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("why is this so hard")]
    [InlineData("why is it so difficult to get a refund")]
    [InlineData("why does everything take so long")]
    [InlineData("why is the refund so slow")]
    [InlineData("why is your app so confusing")]
    [InlineData("why is ordering so complicated")]
    [InlineData("why are you so slow")]
    [InlineData("why does my package take so long?")]
    [InlineData("why do you make it so hard")]
    [InlineData("why so complicated")]
    [InlineData("how hard is it to just refund me")]
    [InlineData("how hard is it for you to answer a simple question")]
    [InlineData("how hard is it to refund me")]
    [InlineData("how hard can it be to refund me")]
    [InlineData("how hard is it to give us a refund")]
    [InlineData("why is my order late?!")]
    [InlineData("kenapa belum sampai juga?!")]
    [InlineData("where is my order?! I can't wait any longer")]
    [InlineData("where is my order?! not excited anymore")]
    [InlineData("mana paket saya?! gak seru")]
    [InlineData("how hard is it to send me the right size?")]
    [InlineData("how hard is it to send me a working one?")]
    [InlineData("how hard is it to give us a refund?")]
    [InlineData("how hard is it to send me a replacement")]
    [InlineData("how hard is it to give me a straight answer?")]
    [InlineData("how hard is it to send me a reply?")]
    [InlineData("how hard is it to give me a call back?")]
    [InlineData("how hard is it to send me the item I paid for?")]
    public void An_exasperated_question_of_the_service_sounds_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("Why is the mattress so hard?")]
    [InlineData("Why is my bread so hard after baking?")]
    [InlineData("Why is the dough so hard to knead?")]
    [InlineData("Why is this pillow so hard?")]
    [InlineData("Why is the sofa so hard to assemble?")]
    [InlineData("Why does the oven take so long to preheat?")]
    [InlineData("Why does shipping to Papua take so long? Just curious.")]
    [InlineData("kenapa pengirimannya lama ya? cuma nanya")]
    [InlineData("How difficult is it to set up for someone like me?")]
    [InlineData("How hard would it be to send me a sample first?")]
    [InlineData("How hard is it to learn a simple recipe with this oven?")]
    [InlineData("How hard is it to assemble for a beginner?")]
    [InlineData("How hard is it to install it myself?")]
    public void A_question_about_a_product_or_out_of_curiosity_stays_calm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("udah bayar tapi barang gak dikirim, gimana sih")]
    [InlineData("saya udah bayar, gimana sih")]
    [InlineData("barangnya gak sampai, mau refund, gimana sih")]
    public void How_is_this_even_supposed_to_work_closing_what_was_said_sounds_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);
}
