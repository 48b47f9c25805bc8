using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A customer who has asked or explained more than once ("this is the third time I'm asking", "how many times do I have
/// to tell you", "I've explained this twice now", "berapa kali harus saya jelaskan"), whose question went unanswered,
/// who finds no one helping or gives up sounds negative, and asks for no one; counting, fixing and answering asked
/// about plainly do not.
/// </summary>
public sealed class AskingMoreThanOnceTests
{
    [Theory]
    [InlineData("this is the third time I'm asking")]
    [InlineData("for the fourth time, where is my package")]
    [InlineData("for the 3rd time, where is my package")]
    [InlineData("this is the 4th time I ask")]
    [InlineData("how many times do I have to tell you")]
    [InlineData("how many times have I told you this")]
    [InlineData("I've explained this twice now")]
    [InlineData("I told you twice already")]
    [InlineData("I give up")]
    [InlineData("still not fixed")]
    [InlineData("the problem is not solved")]
    [InlineData("my question was not answered")]
    [InlineData("you're not making sense")]
    [InlineData("nobody is helping me")]
    [InlineData("no one is helping")]
    [InlineData("omg just answer the question")]
    [InlineData("ini ketiga kalinya saya tanya")]
    [InlineData("untuk keempat kalinya, paket saya mana")]
    [InlineData("berapa kali harus saya jelaskan")]
    [InlineData("udah berapa kali saya bilang")]
    [InlineData("pertanyaan saya gak dijawab")]
    [InlineData("chat saya tidak dibalas")]
    [InlineData("pelayanan terburuk")]
    [InlineData("gak ada yang bantu")]
    [InlineData("udah nunggu sejam")]
    public void Asking_more_than_once_unanswered_or_unhelped_sounds_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("how many times can I change my password?")]
    [InlineData("berapa kali harus bayar cicilan?")]
    [InlineData("I was charged twice")]
    [InlineData("is the bug fixed yet?")]
    [InlineData("it's fixed now, thanks")]
    [InlineData("the price is fixed")]
    [InlineData("saya sudah dijawab, makasih")]
    [InlineData("sudah dibalas kok")]
    [InlineData("nobody is home at that time")]
    [InlineData("can you answer a question about shipping")]
    public void Counting_fixing_and_answers_asked_about_plainly_are_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("I've explained this twice now")]
    [InlineData("I've explained this twice")]
    [InlineData("how many times do I have to tell you")]
    [InlineData("ini ketiga kalinya saya tanya")]
    public void Having_said_it_before_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
}
