using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CxCluster.Grains.Webhooks;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>Redirects, informational answers, malformed answers and connections that end before an answer.</summary>
public sealed partial class HostileReceiverTests
{
    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_of_any_kind_is_a_failure_and_never_followed(int status)
    {
        await using var elsewhere = new RawReceiver(x => x.WriteAsync(RawReceiver.Empty(200)));
        using var sender = Sender();
        foreach (var location in new[] { null, "/elsewhere", elsewhere.Url(), $"http://localhost:{elsewhere.Port}/hook", "http://[::1" })
        {
            await using var receiver = new RawReceiver(x => x.WriteAsync(location is null
                ? RawReceiver.Empty(status)
                : RawReceiver.Empty(status, $"Location: {location}")));

            var result = await Send(sender, receiver);

            Assert.Equal((DeliveryVerdict.Failed, status.ToString()), (result.Verdict, result.Detail));
            Assert.Equal(1, receiver.Requests);
        }
        Assert.Equal(0, elsewhere.Connections);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(204)]
    [InlineData(299)]
    public async Task Any_2xx_is_accepted(int status)
    {
        await using var receiver = new RawReceiver(x => x.WriteAsync(RawReceiver.Empty(status)));
        using var sender = Sender();

        var result = await Send(sender, receiver);

        Assert.Equal((DeliveryVerdict.Accepted, status.ToString()), (result.Verdict, result.Detail));
    }

    [Theory]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\n")]
    [InlineData("HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n")]
    public async Task Informational_answers_alone_are_not_an_answer(string informational)
    {
        await using var receiver = new RawReceiver(async x =>
        {
            await x.WriteAsync(informational);
            await x.HoldAsync();
        });

        await TimesOut(receiver);
    }

    [Fact]
    public async Task Informational_answers_without_end_are_not_an_answer()
    {
        await using var receiver = new RawReceiver(async x =>
        {
            while (true)
            {
                await x.WriteAsync("HTTP/1.1 102 Processing\r\n\r\n");
                await Task.Delay(20, x.Stopping);
            }
        });

        await TimesOut(receiver);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_connection_closed_or_reset_right_after_it_is_accepted_is_a_failure(bool reset)
    {
        await using var receiver = new RawReceiver(x =>
        {
            if (reset)
            {
                x.Reset();
            }
            return Task.CompletedTask;
        }, readRequest: false);
        using var sender = Sender();

        // Several times over: a reset may reach the sender at different moments of opening the connection (even
        // before it asks the socket for its peer's address), and each is a failure, never an exception.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var result = await Send(sender, receiver);

            Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
            Assert.StartsWith("no connection", result.Detail);
        }
    }

    [Fact]
    public async Task A_receiver_that_speaks_tls_to_an_http_url_is_a_failure()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await using var receiver = new RawReceiver(async x =>
        {
            await using var tls = new SslStream(x.Stream, leaveInnerStreamOpen: true);
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, x.Stopping);
            }
            catch (System.Security.Authentication.AuthenticationException)
            {
                // A plain request is no TLS handshake: the server says so and closes.
            }
        }, readRequest: false);
        using var sender = Sender(Limit);

        var result = await Send(sender, receiver);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
    }

    [Theory]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\n")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n")]
    [InlineData("HTTP/1.1 200")]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 abc OK\r\n\r\n")]
    [InlineData("200 OK\r\n\r\n")]
    [InlineData("hello\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nBad Header Without Colon\r\n\r\n")]
    [InlineData("\u0015\u0003\u0003\u0000\u0002\u0002\u0046")] // a TLS alert
    public async Task A_broken_answer_then_a_closed_connection_is_a_failure(string answer)
    {
        await using var receiver = new RawReceiver(x => x.WriteAsync(Encoding.Latin1.GetBytes(answer)));
        using var sender = Sender();

        var result = await Send(sender, receiver);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
    }

    [Fact]
    public async Task Informational_answers_before_a_2xx_are_passed_over()
    {
        await using var receiver = new RawReceiver(async x =>
        {
            await x.WriteAsync("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n");
            await x.WriteAsync(RawReceiver.Empty(202));
        });
        using var sender = Sender();

        var result = await Send(sender, receiver);

        Assert.Equal((DeliveryVerdict.Accepted, "202"), (result.Verdict, result.Detail));
    }

    [Fact]
    public async Task An_answer_with_more_headers_than_is_reasonable_is_a_failure()
    {
        await using var receiver = new RawReceiver(x => x.WriteAsync(RawReceiver.Empty(200, $"X-Padding: {new string('x', 200_000)}")));
        using var sender = Sender();

        var result = await Send(sender, receiver);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
    }

    [Fact]
    public async Task An_https_url_whose_receiver_speaks_plain_http_or_shows_an_untrusted_certificate_is_a_failure()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await using var plain = new RawReceiver(x => x.WriteAsync(RawReceiver.Empty(200)), readRequest: false);
        await using var untrusted = new RawReceiver(async x =>
        {
            await using var tls = new SslStream(x.Stream, leaveInnerStreamOpen: true);
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, x.Stopping);
                await tls.WriteAsync(RawReceiver.Empty(200), x.Stopping);
            }
            catch (System.Security.Authentication.AuthenticationException)
            {
                // The sender refused the certificate.
            }
        }, readRequest: false);
        using var sender = Sender(Limit);

        foreach (var receiver in new[] { plain, untrusted })
        {
            var result = await sender.SendAsync($"https://127.0.0.1:{receiver.Port}/hook", _key, "c:x:1", Body, CancellationToken.None);

            Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
        }
    }
}
