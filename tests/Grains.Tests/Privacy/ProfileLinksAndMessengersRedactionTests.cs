using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// Someone's account in a link to a social network or messenger is <c>[handle]</c>, the host kept; so is a messenger's
/// account after its word ("my skype is live:…", "line id: …", "my wechat is …"). Links to posts, groups or the network's
/// own pages, hosts that only end like one, and the same words used otherwise stay.
/// </summary>
public sealed class ProfileLinksAndMessengersRedactionTests
{
    [Theory]
    [InlineData("fb.com/budi.santoso.123", "fb.com/[handle]")]
    [InlineData("https://instagram.com/rina.cantik", "https://instagram.com/[handle]")]
    [InlineData("my IG https://www.instagram.com/rina.cantik/ follow me", "my IG https://www.instagram.com/[handle]/ follow me")]
    [InlineData("my tiktok: tiktok.com/@rina_99", "my tiktok: tiktok.com/[handle]")]
    [InlineData("linkedin.com/in/budi-santoso-12345", "linkedin.com/in/[handle]")]
    [InlineData("chat me at t.me/budi99.", "chat me at t.me/[handle].")]
    [InlineData("https://x.com/budi_s/status/123456", "https://x.com/[handle]/status/123456")]
    [InlineData("FACEBOOK.COM/Budi.Santoso", "FACEBOOK.COM/[handle]")]
    public void An_account_in_a_link_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("see https://www.instagram.com/p/Cx12ab/ for the photo")]
    [InlineData("x.com/home")]
    [InlineData("netflix.com/browse is down")]
    [InlineData("facebook.com/groups/12345")]
    [InlineData("https://box.com/abc")]
    [InlineData("https://twitter.com/intent/tweet")]
    public void Posts_groups_pages_and_other_hosts_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("my skype is live:budi.santoso", "my skype is [handle]")]
    [InlineData("line id: budi99", "line id: [handle]")]
    [InlineData("my wechat is budi_wx88", "my wechat is [handle]")]
    [InlineData("fb saya budi.santoso.123", "fb saya [handle]")]
    public void A_messenger_account_after_its_word_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("my line is busy since 10am")]
    [InlineData("on the line 2 times")]
    [InlineData("skype call at 3pm")]
    public void The_same_words_used_otherwise_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));
}
