using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Identity questions with a machine word and the noun it names ("an AI model"), asked of whether the customer is put
/// through to a person, about a voice assistant or an auto responder, of the reader addressed formally as Bapak/Ibu, as
/// a pair set against a system or as a wish to know; requests after an answering "no", in Swahili-mixed Kenyan and
/// pidgin English, with playful or misspelt words for a person and for customer service, or for a product's specialist;
/// and the ordinary messages that only sound like one: a complaint about staff, what staff said would happen, a request
/// put off in shorthand, whether staff at a branch can do something, a message passed on to a team, a robot mop.
/// </summary>
public sealed class AddressedFormallyAndPutThroughTests
{
    [Theory]
    [InlineData("are you an AI model?")]
    [InlineData("so ur an AI ah?")]
    [InlineData("r u some AI program?")]
    [InlineData("is this an AI system?")]
    [InlineData("am I through to a real person?")]
    [InlineData("am I connected to a real person?")]
    [InlineData("am I on with a human?")]
    [InlineData("am i put through to a live human?")]
    [InlineData("is this an autoresponder?")]
    [InlineData("is this Siri?")]
    [InlineData("kamu alexa ya?")]
    [InlineData("ini asisten virtual bukan")]
    [InlineData("Apakah Bapak/Ibu manusia?")]
    [InlineData("Apakah Ibu ini petugas asli?")]
    [InlineData("bapak ini robot ya?")]
    [InlineData("Person or system?")]
    [InlineData("petugas atau sistem?")]
    [InlineData("saya cuma mau tau ini dibalas manusia atau tidak itu saja")]
    public void Is_an_identity_question(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("do you sell Alexa speakers?")]
    [InlineData("Can Siri read my account balance?")]
    [InlineData("is the AI model part of the premium plan?")]
    [InlineData("ibu saya mau daftar akun")]
    [InlineData("Bu, saya mau tanya ongkir ke Bogor")]
    [InlineData("I know this is a system, just send me the form")]
    [InlineData("anyone? i want to talk to anyone real")]
    [InlineData("make I talk to somebody")]
    public void Is_no_identity_question(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("no, I want a person")]
    [InlineData("nope I want a human")]
    [InlineData("no i need an agent")]
    [InlineData("no no i want a supervisor")]
    [InlineData("niunganishe na mtu")]
    [InlineData("nataka kuongea na mtu")]
    [InlineData("nataka mhudumu tafadhali")]
    [InlineData("make I talk to somebody")]
    [InlineData("chale make I yarn with your agent")]
    [InlineData("i want to talk to a hooman")]
    [InlineData("connect me to cust servce")]
    [InlineData("i want custmer srvice")]
    [InlineData("bisa dioper ke spesialis kartu kredit?")]
    [InlineData("tolong panggilkan supervisor")]
    [InlineData("ada cs yang bisa bantu di sini?")]
    public void Is_a_request_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("no i dont need an agent")]
    [InlineData("how do I file a complaint about one of your agents?")]
    [InlineData("where can I complain about your delivery staff?")]
    [InlineData("mau komplain soal salah satu petugas kalian")]
    [InlineData("the technician said someone from the office would ring me; nobody did")]
    [InlineData("the courier told me a supervisor would call back but nobody called")]
    [InlineData("manajer toko bilang boleh tukar, tapi kasirnya nggak mau")]
    [InlineData("klo bsk blm ada kabar br sy minta dioper ke cs")]
    [InlineData("apakah ada staf yang bisa bahasa Sunda di kantor cabang Bandung?")]
    [InlineData("di cabang Medan ada petugas yang bisa bahasa Batak?")]
    [InlineData("tolong sampaikan ke tim gudang supaya packingnya lebih rapi")]
    [InlineData("tolong teruskan ke bagian gudang biar dusnya gak penyok")]
    [InlineData("mau robot pel yang bisa vakum juga")]
    [InlineData("am I through to a real person?")]
    public void Is_no_request_for_a_person(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman, text);

    [Theory]
    [InlineData("Can I have a word with the complaints team, please?")]
    [InlineData("The agent told me to ask for a supervisor, so please put me through to one.")]
    [InlineData("Agent, I said agent.")]
    public void A_complaints_team_or_an_instruction_still_asks(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
}
