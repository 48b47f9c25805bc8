using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>
/// Threatening to take the complaint public on any platform or to a court is negative, as threatening a lawyer or the
/// regulator already is; sharing or posting asked about, offered, or of something else is not.
/// </summary>
public sealed class GoingPublicAndCourtsTests
{
    [Theory]
    [InlineData("I'm going to post this entire conversation on Reddit.")]
    [InlineData("I will share this chat on TikTok")]
    [InlineData("We'll spread this everywhere")]
    [InlineData("Fix it or I'm sharing these screenshots on Instagram tonight")]
    [InlineData("honestly I'll upload this chat to YouTube, watch me")]
    [InlineData("I'm spreading this everywhere, nobody should use your bank")]
    [InlineData("awas ya, gw sebarin ss percakapan ini ke medsos")]
    [InlineData("sy sebar chat ini ke grup keluarga kalo gak diganti")]
    [InlineData("Fine. I'll take you to court then.")]
    [InlineData("kalau tidak dikembalikan, kita bertemu di pengadilan")]
    [InlineData("I'll report ke OJK kalau masih begini")]
    public void Going_public_or_to_court_is_negative(string text)
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        Assert.True(analysis.Negative, text);
        Assert.False(analysis.Abusive, text);
    }

    [Theory]
    [InlineData("can I share this voucher on Instagram?")]
    [InlineData("please post the new schedule on your Facebook page")]
    [InlineData("I shared my referral link on Reddit and my friend signed up, thanks")]
    [InlineData("saya lihat promonya di medsos kalian, masih berlaku?")]
    [InlineData("bisa share lokasi outlet terdekat ke grup kantor saya?")]
    public void Sharing_asked_about_offered_or_of_something_else_is_no_threat(string text) =>
        Assert.False(MessageSignals.Analyze(text).Negative, text);
}
