using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Thanks for something bad ("thanks for wasting my time", "thanks for the useless answer") and praise or thanks taken back
/// by a closing "not" ("really helpful NOT", "great service... not", "you're so helpful... not") are sarcasm: negative, and no thanks. Thanks for what
/// helped, and a "not" that asks or hopes ("is it good or not", "I hope not"), stay as they are. Help claimed flatly after a
/// scoff ("yeah, that totally answers my question", "wow, so helpful"), a wait accepted in resignation ("sure, I'll just
/// wait another month then") and praise for yet another machine ("great, another bot") are sarcasm too; thanks, praise
/// of something else and a wait offered lightly ("I'll wait, no rush") are not. Nor is help praised gladly, with an
/// exclamation mark, a smiley or thanks ("Wow, that really helped!"), or a wait accepted with a word that makes light of
/// it, thanks, or a length of time named with no scoff ("No problem, I'll just wait another day.").
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

    [Theory]
    [InlineData("yeah, that totally answers my question")]
    [InlineData("oh sure, that really clears it up")]
    [InlineData("wow, so helpful")]
    [InlineData("gee, very informative")]
    [InlineData("yeah, super useful")]
    [InlineData("sure, I'll just wait another month then")]
    [InlineData("I guess I'll just wait forever then")]
    [InlineData("fine, I'll just wait then")]
    [InlineData("great, another bot")]
    [InlineData("oh great, another chatbot")]
    [InlineData("wonderful, another automated reply")]
    public void Help_claimed_flatly_and_a_wait_accepted_in_resignation_are_sarcasm(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.Thanks, text);
    }

    [Theory]
    [InlineData("that totally answers my question, thanks!")]
    [InlineData("yeah, that answers my question")]
    [InlineData("yeah that totally answers my question, thank you")]
    [InlineData("wow, so fast! thanks")]
    [InlineData("wow, so beautiful")]
    [InlineData("I'll wait, no rush")]
    [InlineData("I'll just wait for the courier then")]
    [InlineData("I can just wait another week if needed")]
    [InlineData("ok I'll just wait another day, no worries")]
    public void Help_acknowledged_and_a_wait_offered_are_calm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("wow, so helpful.")]
    [InlineData("yeah right, super helpful")]
    [InlineData("yeah right, that really helps")]
    [InlineData("yeah, that really helped.")]
    [InlineData("I guess I'll just wait forever")]
    [InlineData("yeah I'll just wait another week, again")]
    [InlineData("I'll just wait another week again I guess")]
    [InlineData("whatever, I'll just wait another week then")]
    [InlineData("Sure, I'll just wait another day then")]
    public void Help_claimed_flatly_and_a_wait_accepted_in_resignation_stay_sarcasm_in_other_words(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.Thanks, text);
    }

    [Theory]
    [InlineData("Wow, that really helped!")]
    [InlineData("Yeah, that really helps!")]
    [InlineData("Wow, super helpful!")]
    [InlineData("Oh wow, that really clears it up!")]
    [InlineData("wow so helpful, thank you")]
    [InlineData("Wow, that really helped a lot!")]
    [InlineData("wow, so helpful :)")]
    [InlineData("wow, that really helped \U0001F64F")]
    [InlineData("Wow, that's really helpful!")]
    [InlineData("Oh wow that really helps, thanks so much")]
    public void Help_praised_gladly_is_no_sarcasm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("No problem, I'll just wait another day.")]
    [InlineData("It's ok, I'll just wait another week for the restock.")]
    [InlineData("I'll just wait another hour and check again.")]
    [InlineData("Perfect, I'll just wait then.")]
    [InlineData("Okay, I'll just wait another day then. Thank you!")]
    [InlineData("Great, I'll just wait then. Thanks!")]
    [InlineData("That's fine, I'll just wait another day.")]
    [InlineData("Alright, I'll just wait another day then.")]
    [InlineData("No worries, I'll just wait another week.")]
    [InlineData("No rush, I'll just wait another week.")]
    [InlineData("I'll just wait another minute and refresh.")]
    [InlineData("Fine by me, I'll just wait another day")]
    [InlineData("Sure thing, I'll just wait another day")]
    [InlineData("oke, saya just wait another day")]
    public void A_wait_accepted_lightly_or_with_thanks_is_calm(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
