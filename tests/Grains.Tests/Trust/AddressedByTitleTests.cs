using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// A form of address with "nya" ("mbak nya", "kakaknya", "masnya", "min nya") names the one answering, as "kamu" does:
/// asking whether they are human or a machine asks who is there; remarks about them and requests through them do not.
/// </summary>
public sealed class AddressedByTitleTests
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
}
