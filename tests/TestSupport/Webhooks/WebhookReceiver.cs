using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace CxCluster.TestSupport.Webhooks;

/// <summary>One POST a receiver got: the Standard Webhooks headers and the body as sent.</summary>
public sealed record ReceivedDelivery(string Path, string? Id, string? Timestamp, string? Signature, string? ContentType, byte[] Body, DateTimeOffset ReceivedAt)
{
    /// <summary>The body as JSON, parsed once.</summary>
    public JsonElement Fact { get; } = Parse(Body);

    /// <summary>The request's HTTP method (deliveries are POSTs).</summary>
    public string? Method { get; init; }

    /// <summary>The protocol it came in: <c>HTTP/1.1</c> or <c>HTTP/2</c>.</summary>
    public string? Protocol { get; init; }

    public string? ConversationId => Fact.TryGetProperty("conversationId", out var id) ? id.GetString() : null;

    public string Type => Fact.GetProperty("type").GetString()!;

    public long Seq => Fact.GetProperty("seq").GetInt64();

    /// <summary>Whether its Standard Webhooks headers are signed with <paramref name="key"/> and timed within <paramref name="tolerance"/> (5 minutes) of now.</summary>
    public bool IsSignedWith(byte[] key, TimeSpan? tolerance = null) =>
        Id is not null && Timestamp is not null && Signature is not null
        && CxCluster.Grains.Webhooks.WebhookSignature.Verify(key, Id, Timestamp, Body, Signature, DateTimeOffset.UtcNow, tolerance ?? TimeSpan.FromMinutes(5));

    private static JsonElement Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}

/// <summary>How a receiver answers one delivery: a status, and optionally a <c>Retry-After</c> value.</summary>
public readonly record struct ReceiverAnswer(int Status, string? RetryAfter = null, TimeSpan Delay = default)
{
    public static ReceiverAnswer Ok { get; } = new(200);
}

/// <summary>
/// A real HTTP receiver on a free loopback port (Kestrel): records every POST, answered as <see cref="Answer"/> says
/// (200 unless told otherwise). Accepted deliveries are those answered 2xx.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedDelivery> _all = new();
    private readonly ConcurrentQueue<ReceivedDelivery> _accepted = new();

    private readonly string _scheme;

    private WebhookReceiver(WebApplication app, int port, string scheme)
    {
        _app = app;
        Port = port;
        _scheme = scheme;
    }

    public int Port { get; }

    /// <summary>The receiver's URL for a path, e.g. <c>http://127.0.0.1:5123/hook</c> (<c>https</c> when it has a certificate).</summary>
    public string Url(string path = "/hook") => $"{_scheme}://127.0.0.1:{Port}{path}";

    /// <summary>Decides the answer to each delivery; may be changed while the test runs.</summary>
    public Func<ReceivedDelivery, ReceiverAnswer> Answer { get; set; } = _ => ReceiverAnswer.Ok;

    public IReadOnlyList<ReceivedDelivery> All => [.. _all];

    public IReadOnlyList<ReceivedDelivery> Accepted => [.. _accepted];

    /// <summary>
    /// Starts a receiver speaking <paramref name="protocols"/> (HTTP/1.1 unless told), over TLS with
    /// <paramref name="certificate"/> when one is given (where HTTP/2 is chosen in the handshake), without TLS otherwise.
    /// </summary>
    public static async Task<WebhookReceiver> StartAsync(int? port = null, HttpProtocols protocols = HttpProtocols.Http1,
        X509Certificate2? certificate = null)
    {
        var chosen = port ?? FreePorts.One();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, chosen, listen =>
        {
            listen.Protocols = protocols;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, chosen, certificate is null ? "http" : "https");
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = context.Request;
        var delivery = new ReceivedDelivery(request.Path, request.Headers["webhook-id"], request.Headers["webhook-timestamp"],
            request.Headers["webhook-signature"], request.ContentType, body.ToArray(), DateTimeOffset.UtcNow)
        {
            Method = request.Method,
            Protocol = request.Protocol,
        };
        var answer = Answer(delivery);
        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, context.RequestAborted);
        }
        _all.Enqueue(delivery);
        if (answer.Status is >= 200 and < 300)
        {
            _accepted.Enqueue(delivery);
        }
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        if (answer.Status is >= 300 and < 400)
        {
            context.Response.Headers.Location = "/elsewhere";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
