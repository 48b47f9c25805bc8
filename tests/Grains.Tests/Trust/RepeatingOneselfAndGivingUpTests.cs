using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A customer who has to repeat themselves ("I've asked this three times already", "you already said that"), who doubts
/// anyone reads ("are you even listening?"), gives up ("I'm done with this") or threatens to make the complaint public
/// ("mau saya viralkan") sounds negative; finishing a step ("I'm done with the form") and something gone viral do not.
/// </summary>
public sealed class RepeatingOneselfAndGivingUpTests
{
    [Theory]
    [InlineData("I've asked this three times already")]
    [InlineData("this happened 3 times already")]
    [InlineData("are you even listening?")]
    [InlineData("is anyone even listening to me")]
    [InlineData("you already said that")]
    [InlineData("yes you already said that, now what")]
    [InlineData("I already told you my order number")]
    [InlineData("I told you already")]
    [InlineData("I'm done with this")]
    [InlineData("honestly done with you guys")]
    [InlineData("mau saya viralkan aja")]
    [InlineData("saya viralin nih kalau gak beres")]
    public void Repeating_oneself_doubting_anyone_listens_giving_up_and_threatening_to_go_public_sound_negative(string text) =>
        Assert.True(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("I'm done with the form, what's next?")]
    [InlineData("thanks, you already helped a lot")]
    [InlineData("produk ini lagi viral ya?")]
    public void Finishing_a_step_and_things_that_went_viral_are_not_negative(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
