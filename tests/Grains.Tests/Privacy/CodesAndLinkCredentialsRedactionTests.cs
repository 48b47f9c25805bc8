using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A one-time or access code named by "code" or "kode" alone ("the code you sent me is 553201", "kodenya 482913", "the
/// gate code is 4521", a parcel locker's code), a PIN with its
/// card's words between ("pin atm saya 123456") and the credentials in a pasted link's query or fragment ("?token=…",
/// "#access_token=…", "&amp;X-Amz-Signature=…") are replaced; codes of another kind (promo, postal, error, booking), a
/// count or a year beside "code", and a link's other parameters stay.
/// </summary>
public sealed class CodesAndLinkCredentialsRedactionTests
{
    [Theory]
    [InlineData("the code is 553201", "the code is [otp]")]
    [InlineData("code: 553 201", "code: [otp]")]
    [InlineData("the code you sent me is 553201", "the code you sent me is [otp]")]
    [InlineData("the code I got is 4829, is that right?", "the code I got is [otp], is that right?")]
    [InlineData("kodenya 482913", "kodenya [otp]")]
    [InlineData("kode yang masuk 482913 kak", "kode yang masuk [otp] kak")]
    [InlineData("kode OTP 553 201", "kode OTP [otp]")]
    [InlineData("the parcel locker door won't open, code 448213", "the parcel locker door won't open, code [otp]")]
    [InlineData("kindly note the gate code is 4521.", "kindly note the gate code is [otp].")]
    [InlineData("loker paketnya gak mau kebuka, kode 7721", "loker paketnya gak mau kebuka, kode [otp]")]
    [InlineData("pin atm saya 123456", "pin atm saya [pin]")]
    [InlineData("my card pin is 4321", "my card pin is [pin]")]
    public void A_code_or_pin_its_words_name_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("promo code 2024 doesn't work")]
    [InlineData("postal code 12190")]
    [InlineData("my zip code is 90210")]
    [InlineData("kode pos 12190")]
    [InlineData("kode promo 2024")]
    [InlineData("error code 5001 when I pay")]
    [InlineData("booking code 482913")]
    [InlineData("kode booking 482913")]
    [InlineData("I used the code 2 times")]
    [InlineData("code 3 digits?")]
    [InlineData("the code expired after 5 minutes")]
    [InlineData("kode unik 123")]
    [InlineData("kode bayar 88081234")]
    public void Codes_of_another_kind_and_numbers_beside_code_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("here is the link https://shop.example/reset?token=abcd1234efgh", "here is the link https://shop.example/reset?token=[token]")]
    [InlineData("https://app.example/cb#access_token=eyJhbGciOi.xyz.abc&expires=3600", "https://app.example/cb#access_token=[token]&expires=3600")]
    [InlineData("https://s3.example/f.pdf?X-Amz-Signature=abcdef123456&sig=zz99yy88", "https://s3.example/f.pdf?X-Amz-Signature=[token]&sig=[token]")]
    [InlineData("https://e.example/x?csrf_token=aa11bb22&monkey=banana", "https://e.example/x?csrf_token=[token]&monkey=banana")]
    [InlineData("link: example.com/r?Token=AbC123xyz, please check", "link: example.com/r?Token=[token], please check")]
    [InlineData("open https://example.com/verify?code=482913.", "open https://example.com/verify?code=[otp].")]
    [InlineData("https://x.example/login?password=hunter2", "https://x.example/login?password=[password]")]
    public void A_credential_in_a_link_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("token = coin")]
    [InlineData("what's the api key=?")]
    [InlineData("https://example.com/search?q=shoes&page=2")]
    [InlineData("https://example.com/?key=a")]
    [InlineData("https://example.com/p?monkey=banana&id=12")]
    public void A_link_without_a_credential_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));
}
