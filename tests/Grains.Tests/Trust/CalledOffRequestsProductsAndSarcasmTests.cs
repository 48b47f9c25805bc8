using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A person said to be not needed, a request called off or denied ever made ("I never asked to speak to anyone") and a call
/// refused through whoever would make it ask for no one;
/// a person needed as a heading, a person asked to handle it in the passive and a call back booked or named for a time
/// ask for one. A product a machine word describes ("automated watch", "robot mop") asks nothing of who answers, and a
/// document addressed to a role or a team copied in asks for no one. Annoyance in slang, plural insults and sarcastic
/// praise before trouble are upset; an intensifier beside praise is delight.
/// </summary>
public sealed class CalledOffRequestsProductsAndSarcasmTests
{
    [Theory]
    [InlineData("no human needed, the article answered it")]
    [InlineData("No real person needed thanks")]
    [InlineData("no supervisor required, all good now")]
    [InlineData("please cancel my request for an agent, I found it")]
    [InlineData("cancel that request for a human")]
    [InlineData("batal minta cs ya kak, sudah bisa login")]
    [InlineData("batalin minta operator nya, udah beres")]
    [InlineData("cancel aja minta admin nya")]
    [InlineData("please don't have anyone call me, I'm in a meeting")]
    [InlineData("do not have an agent phone me")]
    [InlineData("don't let a supervisor ring me please")]
    [InlineData("nobody call me please, email only")]
    [InlineData("please address the receipt to our finance manager")]
    [InlineData("can you cc my manager on the invoice?")]
    public void A_person_not_needed_called_off_or_only_addressed_is_not_asked_for(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("Live agent needed for booking 55120")]
    [InlineData("supervisor needed asap")]
    [InlineData("a real person required please")]
    [InlineData("could my claim be reviewed by a real person?")]
    [InlineData("can this be sorted out by an agent please")]
    [InlineData("I'd like a call back")]
    [InlineData("I would like to book a callback")]
    [InlineData("please arrange a callback for 4pm")]
    [InlineData("requesting a call back for Friday morning")]
    // Something else called off, and then a person asked for.
    [InlineData("cancel my request for a refund and get me an agent")]
    [InlineData("batalin minta refund, mau ngomong sama cs aja")]
    [InlineData("I never asked to speak to anyone before, but now I want to talk to an agent")]
    [InlineData("I never asked for a bot, get me a human")]
    // A request denied ever made, then one made after all.
    [InlineData("I never asked for an agent, but now I need one")]
    [InlineData("I never asked for a human but I want one now")]
    [InlineData("I never asked for a human agent but please get me one")]
    [InlineData("I didn't ask for an agent. Please connect me to one.")]
    public void A_person_needed_asked_to_handle_it_or_to_call_back_is_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("is a human needed to sign for the parcel?")]
    [InlineData("was this checked by a person?")]
    [InlineData("will this be reviewed by a human?")]
    public void A_person_asked_about_rather_than_for_is_not_asked_for(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("is this automated cat feeder easy to refill?")]
    [InlineData("Is the AI blender dishwasher safe?")]
    [InlineData("is this robot vacuum good on rugs?")]
    [InlineData("Is this an AI-powered speaker?")]
    [InlineData("is the espresso machine automatic?")]
    [InlineData("ini robot vacuum nya garansi resmi?")]
    public void A_product_a_machine_word_describes_asks_nothing_of_who_answers(string text) =>
        Heard.Neither(text);

    [Theory]
    [InlineData("is this AI generated?")]
    [InlineData("is this an automated chat?")]
    [InlineData("are you an AI model?")]
    [InlineData("is this AI powered?")]
    [InlineData("is this an automated reply or a person?")]
    [InlineData("is this AI legit?")]
    [InlineData("is this robot trained?")]
    public void Questions_of_who_answers_still_ask(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("I'm so pissed off with this")]
    [InlineData("you lot are assholes")]
    [InlineData("this whole order was a shitshow")]
    [InlineData("bete banget nunggu dari pagi")]
    [InlineData("dongkol saya sama kurirnya")]
    [InlineData("kzl bgt sm aplikasinya")]
    [InlineData("ajg lama bgt")]
    [InlineData("you've got to be joking")]
    [InlineData("honestly you're a fraud")]
    [InlineData("what the f is this")]
    [InlineData("makasih ya udah bikin nunggu dua minggu")]
    public void Annoyance_abuse_and_disbelief_are_upset(string text) =>
        Heard.Upset(text);

    [Theory]
    [InlineData("oh wonderful, another error")]
    [InlineData("just what I needed, another fee")]
    [InlineData("brilliant, you cancelled my order again")]
    [InlineData("well done, you lost my package")]
    [InlineData("perfect, now my account is blocked. thanks a lot")]
    [InlineData("thanks so much for absolutely nothing")]
    public void Praise_before_trouble_and_thanks_for_nothing_are_sarcasm(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.Thanks, text);
    }

    [Theory]
    [InlineData("great, you fixed it")]
    [InlineData("great, now I can pay")]
    [InlineData("great, another question: do you deliver on Sundays?")]
    [InlineData("amazing, you never disappoint")]
    [InlineData("awesome, you saved me again")]
    [InlineData("great, another order from you guys")]
    [InlineData("parah sih enak banget")]
    [InlineData("anjir murah banget")]
    [InlineData("parah bagus bgt packingnya")]
    public void Praise_with_nothing_wrong_is_not_upset(string text) =>
        Heard.NotUpset(text);

    [Theory]
    [InlineData("I never asked to speak to anyone, why did I get a call?")]
    [InlineData("I never asked for an agent but you gave me one anyway")]
    [InlineData("I never asked to speak to anyone, but thanks")]
    [InlineData("I never asked for an agent")]
    [InlineData("I didn't ask to talk to a real person")]
    // A wish after "but" in a clause of its own is for something else.
    [InlineData("I never asked for an agent but fine. I want a refund")]
    public void A_request_denied_ever_made_asks_for_no_one(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);
}
