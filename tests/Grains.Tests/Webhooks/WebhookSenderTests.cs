using System.Text;
using CxCluster.Grains.Webhooks;
using CxCluster.TestSupport.Webhooks;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>The sender against a real receiver on loopback.</summary>
public sealed class WebhookSenderTests : IAsyncLifetime
{
    private static readonly ReceiverPolicy LoopbackAllowed = new(AllowHttp: false, AllowPrivateNetworks: false, AllowLoopback: true);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"c:x:1\",\"type\":\"ai.allowed\"}");
    private readonly byte[] _key = WebhookSignature.KeyOf(WebhookSignature.NewSecret())!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private static WebhookSender Sender(ReceiverPolicy? policy = null, double timeoutSeconds = 10) =>
        new(policy ?? LoopbackAllowed, TimeSpan.FromSeconds(timeoutSeconds), TimeProvider.System);

    [Fact]
    public async Task A_delivery_is_a_signed_post_of_the_fact_as_json()
    {
        using var sender = Sender();

        var result = await sender.SendAsync(_receiver.Url(), _key, "c:x:1", Body, CancellationToken.None);

        Assert.Equal(DeliveryVerdict.Accepted, result.Verdict);
        var got = Assert.Single(_receiver.All);
        Assert.Equal("c:x:1", got.Id);
        Assert.Equal("application/json", got.ContentType);
        Assert.Equal(Body, got.Body);
        Assert.InRange(long.Parse(got.Timestamp!), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.True(got.IsSignedWith(_key));
    }

    [Theory]
    [InlineData(500, DeliveryVerdict.Failed)]
    [InlineData(404, DeliveryVerdict.Failed)]
    [InlineData(302, DeliveryVerdict.Failed)]
    [InlineData(307, DeliveryVerdict.Failed)]
    [InlineData(410, DeliveryVerdict.Gone)]
    [InlineData(204, DeliveryVerdict.Accepted)]
    public async Task Only_a_2xx_is_accepted_410_means_gone_and_redirects_are_not_followed(int status, DeliveryVerdict verdict)
    {
        using var sender = Sender();
        _receiver.Answer = d => d.Path == "/hook" ? new ReceiverAnswer(status) : ReceiverAnswer.Ok;

        var result = await sender.SendAsync(_receiver.Url(), _key, "c:x:1", Body, CancellationToken.None);

        Assert.Equal((verdict, status.ToString()), (result.Verdict, result.Detail));
        Assert.All(_receiver.All, d => Assert.Equal("/hook", d.Path)); // the redirect's target was never asked
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData(null, null)]
    [InlineData("-5", null)]
    [InlineData("soon", null)]
    public async Task Retry_after_is_passed_on(string? header, int? seconds)
    {
        using var sender = Sender();
        _receiver.Answer = _ => new ReceiverAnswer(503, header);

        var result = await sender.SendAsync(_receiver.Url(), _key, "c:x:1", Body, CancellationToken.None);

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, result.RetryAfter);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_passed_on_as_the_wait_until_then()
    {
        using var sender = Sender();
        var until = DateTimeOffset.UtcNow.AddHours(1);
        _receiver.Answer = _ => new ReceiverAnswer(429, until.ToString("r", System.Globalization.CultureInfo.InvariantCulture));

        var result = await sender.SendAsync(_receiver.Url(), _key, "c:x:1", Body, CancellationToken.None);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
        // The date has whole seconds, and a little time passed since it was written.
        Assert.InRange(result.RetryAfter!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_fails_with_timeout()
    {
        using var sender = Sender(timeoutSeconds: 0.3);
        _receiver.Answer = _ => new ReceiverAnswer(200, Delay: TimeSpan.FromSeconds(10));

        var result = await sender.SendAsync(_receiver.Url(), _key, "c:x:1", Body, CancellationToken.None);

        Assert.Equal((DeliveryVerdict.Failed, "timeout"), (result.Verdict, result.Detail));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("localhost")]
    public async Task A_name_or_address_the_policy_forbids_is_refused_at_connect_time(string host)
    {
        // http is allowed, loopback is not: only the connect-time check stands between the sender and the receiver.
        using var sender = Sender(new ReceiverPolicy(AllowHttp: true, AllowPrivateNetworks: false, AllowLoopback: false));

        var result = await sender.SendAsync($"http://{host}:{_receiver.Port}/hook", _key, "c:x:1", Body, CancellationToken.None);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
        Assert.StartsWith("refused:", result.Detail);
        Assert.Contains("loopback", result.Detail);
        Assert.Empty(_receiver.All);
    }

    [Fact]
    public async Task An_http_url_the_policy_no_longer_allows_is_never_sent_to()
    {
        // Registered while http was allowed; now only https is, though the address itself still may be reached.
        using var sender = Sender(new ReceiverPolicy(AllowHttp: false, AllowPrivateNetworks: true, AllowLoopback: false));

        var result = await sender.SendAsync(_receiver.Url(), _key, "c:x:1", Body, CancellationToken.None);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
        Assert.StartsWith("refused:", result.Detail);
        Assert.Contains("https", result.Detail);
        Assert.Empty(_receiver.All);
    }

    [Fact]
    public async Task A_receiver_that_is_down_fails_without_an_answer()
    {
        using var sender = Sender();

        var result = await sender.SendAsync($"http://127.0.0.1:{FreePorts.One()}/hook", _key, "c:x:1", Body, CancellationToken.None);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
        Assert.StartsWith("no connection", result.Detail);
    }
}
