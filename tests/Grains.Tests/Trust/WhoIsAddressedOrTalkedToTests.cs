using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A form of address with "nya" ("mbak nya", "kakaknya", "masnya", "min nya") names the one answering, as "kamu" does:
/// asking whether they are human or a machine asks who is there; remarks about them and requests through them do not.
/// Asking whom one is talking to ("saya berbicara dengan siapa?", "dengan siapa saya berbicara?") asks who is there and
/// for no one; asking whom one should or wants to talk to ("saya mau bicara dengan siapa?") asks for a person.
/// </summary>
public sealed class WhoIsAddressedOrTalkedToTests
{
    [Theory]
    [InlineData("mbak nya manusia kan?")]
    [InlineData("mbaknya manusia kan?")]
    [InlineData("kakaknya robot ya?")]
    [InlineData("masnya bot ya")]
    [InlineData("pak nya orang asli kan?")]
    [InlineData("min nya bot?")]
    [InlineData("kakaknya manusia atau bot?")]
    public void Asking_whether_the_one_addressed_by_title_is_human_asks_who_is_there(string text) =>
        Heard.IdentityOnly(text);

    [Theory]
    [InlineData("mbaknya cantik")]
    [InlineData("mbaknya baik banget, makasih")]
    public void A_remark_about_the_one_addressed_by_title_asks_nothing(string text) =>
        Heard.Neither(text);

    [Fact]
    public void A_request_made_to_the_one_addressed_by_title_asks_for_a_person() =>
        Heard.RequestOnly("masnya tolong sambungkan ke manusia");

    [Theory]
    [InlineData("halo, saya berbicara dengan siapa?")]
    [InlineData("saya berbicara dengan siapa?")]
    [InlineData("dengan siapa saya berbicara?")]
    [InlineData("halo kak, dengan siapa saya bicara?")]
    [InlineData("saya lagi chat sama siapa?")]
    [InlineData("who am I speaking with?")]
    public void Asking_whom_one_is_talking_to_asks_who_is_there_and_for_no_one(string text) =>
        Heard.IdentityOnly(text);

    [Theory]
    [InlineData("saya mau bicara dengan siapa?")]
    [InlineData("saya harus bicara dengan siapa?")]
    [InlineData("dengan siapa saya bisa bicara?")]
    [InlineData("sama siapa sy harus ngomong soal refund?")]
    public void Asking_whom_one_should_talk_to_asks_for_a_person(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksForHuman, text);
}
