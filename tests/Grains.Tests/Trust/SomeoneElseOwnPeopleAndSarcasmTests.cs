using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Someone other than the one answering wished for with "to" before the talking verb, or after the one answering is
/// turned down, a machine declined as the one to be served by, the staff person a form of address with "nya" names and a
/// person chosen over the machine ask for a person. The customer's own people consulted first, a role someone wants to
/// be, a person called off and a person of the customer's own team do not. Threats to take it further, leaving, plain
/// anger, abuse with letters written as digits or signs and praise for something gone wrong lower trust; a name's words,
/// and capitals or exclamation marks around excitement, do not.
/// </summary>
public sealed class SomeoneElseOwnPeopleAndSarcasmTests
{
    [Theory]
    [InlineData("I would like to chat with somebody else")]
    [InlineData("we want to speak to someone else please")]
    [InlineData("no, not you. someone else")]
    [InlineData("bukan kamu, orang lain")]
    public void Someone_else_wished_for_or_set_against_the_one_answering_is_asked_for(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I don't want to be helped by a robot")]
    [InlineData("saya tidak mau dilayani oleh robot")]
    public void Declining_to_be_served_by_the_machine_asks_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("saya mau bicara dengan masnya")]
    [InlineData("pengen ngobrol sama kakaknya aja")]
    public void Talking_with_the_staff_person_named_with_nya_asks_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("mbaknya cantik")]
    [InlineData("saya tidak mau bicara dengan masnya")]
    public void The_staff_person_named_without_a_wish_to_talk_is_not_asked_for(string text) =>
        Assert.False(MessageSignals.Grammar(text).AsksForHuman, text);

    [Fact]
    public void A_person_chosen_over_the_machine_is_asked_for() =>
        Assert.True(MessageSignals.Analyze("robot no, person yes").AsksForHuman);

    [Theory]
    [InlineData("let me talk to my husband and get back to you")]
    [InlineData("I need to ask my manager and get back to you")]
    [InlineData("let me talk to my dad and get back to you")]
    [InlineData("let me speak with my husband and get back to you")]
    public void The_customers_own_people_consulted_first_are_not_asked_for(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("my sister wants to be a call center agent")]
    [InlineData("my son wants to be a real agent")]
    [InlineData("my daughter wants to be a customer support agent")]
    public void A_role_someone_wants_to_be_is_not_asked_for(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("forget the human, it works now")]
    public void A_person_called_off_is_not_asked_for(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("please add a third user, a real person in our family")]
    [InlineData("please add one more user, a real person from our team")]
    [InlineData("please add a user, a real person in my company")]
    public void A_person_of_the_customers_own_side_is_not_asked_for(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("let me speak to your manager")]
    [InlineData("forget the bot, get me a human")]
    [InlineData("can I speak to a person in your billing team")]
    [InlineData("I want to be connected with a human")]
    public void Requests_beside_those_still_ask(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("I will take you to small claims court")]
    [InlineData("I'm disputing the charge with my bank")]
    [InlineData("I'm going to complain to the FTC")]
    [InlineData("this is total fraud")]
    [InlineData("I will reverse the payment")]
    [InlineData("we are cancelling our subscription")]
    [InlineData("you've lost a customer")]
    [InlineData("I am done with your service")]
    [InlineData("I'm absolutely fuming")]
    [InlineData("this is getting beyond a joke")]
    [InlineData("oh for crying out loud")]
    public void Threats_leaving_and_plain_anger_are_negative(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.Contains(TrustRules.ForCustomerMessage(analysis, 1), d => d.Name == TrustRules.NegativeWords && d.Delta < 0);
    }

    [Theory]
    [InlineData("a55hole")]
    [InlineData("you id1ot")]
    [InlineData("f off bot")]
    [InlineData("you @sshole")]
    public void Abuse_with_letters_written_as_digits_signs_or_cut_to_one_is_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("b2b order")]
    [InlineData("send it to room a1")]
    [InlineData("it costs us$ 40")]
    [InlineData("my Galaxy A55 screen is cracked")]
    [InlineData("is the P155 model in stock?")]
    [InlineData("unit 4s5 arrived fine")]
    public void Digits_and_signs_that_spell_no_abuse_change_nothing(string text) =>
        Assert.False(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("great, now my order is gone")]
    [InlineData("oh wonderful, now the app won't open")]
    [InlineData("great job breaking the checkout")]
    [InlineData("lovely service as usual /s")]
    [InlineData("yeah, super helpful, thanks")]
    [InlineData("yeah, real useful, thanks")]
    public void Praise_for_something_gone_wrong_is_sarcasm(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.Thanks, text);
        Assert.DoesNotContain(TrustRules.ForCustomerMessage(analysis, 1), d => d.Name == TrustRules.Thanks);
    }

    [Theory]
    [InlineData("great, now I can track it")]
    [InlineData("yeah that was really helpful, thanks")]
    public void Praise_for_what_went_right_stays_praise(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);

    [Theory]
    [InlineData("do you deliver to Hell, Norway?")]
    [InlineData("is 'Stupid Cupid' on vinyl in stock?")]
    [InlineData("can I order the Damn Yankees soundtrack")]
    public void The_words_of_a_name_carry_no_tone(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.False(analysis.Negative, text);
        Assert.False(analysis.Abusive, text);
    }

    [Theory]
    [InlineData("Stupid Bot, get me a person")]
    [InlineData("you Stupid Bot")]
    [InlineData("Hey, Stupid Idiots fix my account")]
    [InlineData("thanks Useless Morons")]
    public void A_name_for_the_one_answering_or_a_run_of_insults_is_still_abuse(string text) =>
        Assert.True(MessageSignals.Analyze(text).Abusive, text);

    [Theory]
    [InlineData("I'M SO EXCITED FOR THE LAUNCH")]
    [InlineData("can't wait to get it!!!")]
    [InlineData("I'm so thrilled!!!")]
    public void Capitals_and_exclamation_marks_around_excitement_are_no_anger(string text) =>
        Assert.DoesNotContain(TrustRules.ForCustomerMessage(MessageSignals.Analyze(text), 1), d => d.Delta < 0);

    [Theory]
    [InlineData("I CAN'T WAIT ANY LONGER")]
    [InlineData("I can't wait any longer!!!")]
    public void Capitals_and_exclamation_marks_without_excitement_are_still_anger(string text) =>
        Assert.Contains(TrustRules.ForCustomerMessage(MessageSignals.Analyze(text), 1), d => d.Name == TrustRules.Anger);

    [Theory]
    [InlineData("awesome, you are the best")]
    public void Saying_the_one_answering_is_the_best_is_no_identity_question(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
}
