using System.Text;
using CxCluster.Grains.Webhooks;

namespace CxCluster.Grains.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The Standard Webhooks specification's published test vector.
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorBody = "{\"test\": 2432232314}";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp);

    [Fact]
    public void Signing_reproduces_the_specifications_test_vector()
    {
        var key = WebhookSignature.KeyOf(VectorSecret)!;

        Assert.Equal(VectorSignature, WebhookSignature.Sign(key, VectorId, VectorTimestamp, Encoding.UTF8.GetBytes(VectorBody)));
    }

    [Fact]
    public void Verification_accepts_the_test_vector_among_other_signatures()
    {
        var key = WebhookSignature.KeyOf(VectorSecret)!;

        Assert.True(WebhookSignature.Verify(key, VectorId, "1614265330", Encoding.UTF8.GetBytes(VectorBody),
            $"v1,bm90IHRoaXMgb25l {VectorSignature}", VectorTime.AddSeconds(30), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(VectorId, "1614265330", "{\"test\": 2432232315}", 0)] // body changed
    [InlineData("msg_other", "1614265330", VectorBody, 0)] // id changed
    [InlineData(VectorId, "1614265331", VectorBody, 0)] // timestamp changed
    [InlineData(VectorId, "1614265330", VectorBody, 600)] // too old
    public void Verification_refuses_anything_changed_or_too_old(string id, string timestamp, string body, int secondsLater)
    {
        var key = WebhookSignature.KeyOf(VectorSecret)!;

        Assert.False(WebhookSignature.Verify(key, id, timestamp, Encoding.UTF8.GetBytes(body), VectorSignature,
            VectorTime.AddSeconds(secondsLater), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verification_refuses_another_secrets_signature()
    {
        var other = WebhookSignature.KeyOf(WebhookSignature.NewSecret())!;

        Assert.False(WebhookSignature.Verify(other, VectorId, "1614265330", Encoding.UTF8.GetBytes(VectorBody), VectorSignature,
            VectorTime, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_new_secret_is_whsec_and_32_random_bytes()
    {
        var secret = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, WebhookSignature.KeyOf(secret)!.Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")] // no prefix
    [InlineData("whsec_")] // nothing after it
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // 23 bytes: too short
    [InlineData("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // 65 bytes: too long
    public void A_secret_must_be_whsec_and_base64_of_24_to_64_bytes(string secret) =>
        Assert.Null(WebhookSignature.KeyOf(secret));

    [Theory]
    [InlineData(24)]
    [InlineData(64)]
    public void A_secret_of_24_to_64_bytes_is_read(int bytes) =>
        Assert.Equal(bytes, WebhookSignature.KeyOf("whsec_" + Convert.ToBase64String(new byte[bytes]))!.Length);
}
