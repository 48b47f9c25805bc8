using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CxCluster.Grains.Webhooks;
using CxCluster.TestSupport.Webhooks;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>
/// Deliveries over HTTP/2 where the operator turned it on and the receiver speaks it: an <c>https</c> receiver is offered
/// it in the TLS handshake and may choose HTTP/1.1; an <c>http</c> receiver gets it only when the operator says its
/// receivers speak it. Off, everything is HTTP/1.1.
/// </summary>
public sealed class WebhookHttp2Tests
{
    private static readonly ReceiverPolicy LoopbackAllowed = new(AllowHttp: false, AllowPrivateNetworks: false, AllowLoopback: true);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"c:x:1\",\"type\":\"ai.allowed\"}");
    private readonly byte[] _key = WebhookSignature.KeyOf(WebhookSignature.NewSecret())!;

    /// <summary>A certificate for 127.0.0.1 that only the senders of these tests trust.</summary>
    private static X509Certificate2 Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A sender that trusts <paramref name="certificate"/> (and only it) besides what the machine trusts.</summary>
    private static WebhookSender Sender(bool http2 = true, bool cleartextHttp2 = false, X509Certificate2? certificate = null) =>
        new(LoopbackAllowed, TimeSpan.FromSeconds(10), TimeProvider.System, http2, cleartextHttp2, handler =>
        {
            if (certificate is not null)
            {
                handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                    errors == System.Net.Security.SslPolicyErrors.None || presented?.GetCertHashString() == certificate.GetCertHashString();
            }
        });

    [Fact]
    public async Task An_https_receiver_that_speaks_http2_gets_its_deliveries_over_it_signed_as_ever()
    {
        using var certificate = Certificate();
        await using var receiver = await WebhookReceiver.StartAsync(protocols: HttpProtocols.Http1AndHttp2, certificate: certificate);
        using var sender = Sender(certificate: certificate);

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            sender.SendAsync(receiver.Url(), _key, $"c:x:{i}", Body, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(DeliveryVerdict.Accepted, r.Verdict));
        Assert.Equal(20, receiver.All.Count);
        Assert.All(receiver.All, d => Assert.Equal("HTTP/2", d.Protocol));
        Assert.All(receiver.All, d => Assert.True(d.IsSignedWith(_key)));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"c:x:{i}").Order(), receiver.All.Select(d => d.Id).Order());
    }

    [Fact]
    public async Task An_https_receiver_that_chooses_http1_is_spoken_to_in_http1()
    {
        using var certificate = Certificate();
        await using var receiver = await WebhookReceiver.StartAsync(protocols: HttpProtocols.Http1, certificate: certificate);
        using var sender = Sender(certificate: certificate);

        var result = await sender.SendAsync(receiver.Url(), _key, "c:x:1", Body, CancellationToken.None);

        Assert.Equal(DeliveryVerdict.Accepted, result.Verdict);
        var got = Assert.Single(receiver.All);
        Assert.Equal("HTTP/1.1", got.Protocol);
        Assert.True(got.IsSignedWith(_key));
    }

    [Fact]
    public async Task Without_the_operators_word_an_https_receiver_that_speaks_http2_is_sent_http1()
    {
        using var certificate = Certificate();
        await using var receiver = await WebhookReceiver.StartAsync(protocols: HttpProtocols.Http1AndHttp2, certificate: certificate);
        using var sender = Sender(http2: false, certificate: certificate);

        var result = await sender.SendAsync(receiver.Url(), _key, "c:x:1", Body, CancellationToken.None);

        Assert.Equal(DeliveryVerdict.Accepted, result.Verdict);
        Assert.Equal("HTTP/1.1", Assert.Single(receiver.All).Protocol);
    }

    [Fact]
    public async Task An_http_receiver_gets_http2_without_tls_only_when_the_operator_says_receivers_speak_it()
    {
        await using var plain = await WebhookReceiver.StartAsync();
        await using var h2c = await WebhookReceiver.StartAsync(protocols: HttpProtocols.Http2);
        using var byDefault = Sender();
        using var told = Sender(cleartextHttp2: true);

        var toPlain = await byDefault.SendAsync(plain.Url(), _key, "c:x:1", Body, CancellationToken.None);
        var toH2c = await told.SendAsync(h2c.Url(), _key, "c:x:2", Body, CancellationToken.None);
        // HTTP/1.1 to a receiver that speaks only HTTP/2 without TLS is a failed attempt, never an exception.
        var mismatched = await byDefault.SendAsync(h2c.Url(), _key, "c:x:3", Body, CancellationToken.None);

        Assert.Equal(DeliveryVerdict.Accepted, toPlain.Verdict);
        Assert.Equal("HTTP/1.1", Assert.Single(plain.All).Protocol);
        Assert.Equal(DeliveryVerdict.Accepted, toH2c.Verdict);
        var got = Assert.Single(h2c.All);
        Assert.Equal(("HTTP/2", "c:x:2"), (got.Protocol, got.Id));
        Assert.True(got.IsSignedWith(_key));
        Assert.Equal(DeliveryVerdict.Failed, mismatched.Verdict);
    }

    [Fact]
    public async Task The_certificate_is_still_checked_over_http2()
    {
        using var certificate = Certificate();
        await using var receiver = await WebhookReceiver.StartAsync(protocols: HttpProtocols.Http1AndHttp2, certificate: certificate);
        using var sender = Sender();

        var result = await sender.SendAsync(receiver.Url(), _key, "c:x:1", Body, CancellationToken.None);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
        Assert.Empty(receiver.All);
    }
}
