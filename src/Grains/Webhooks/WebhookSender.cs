using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace CxCluster.Grains.Webhooks;

/// <summary>How one attempt ended.</summary>
public enum DeliveryVerdict
{
    /// <summary>A 2xx answer.</summary>
    Accepted,
    /// <summary>Anything else: another status, no answer in time, no connection, a refused address.</summary>
    Failed,
    /// <summary><c>410 Gone</c>: the receiver wants no more.</summary>
    Gone,
}

/// <summary>One attempt's outcome: the verdict, what happened in a word (<c>200</c>, <c>timeout</c>), and the wait the receiver asked for.</summary>
public readonly record struct DeliveryResult(DeliveryVerdict Verdict, string Detail, TimeSpan? RetryAfter = null);

/// <summary>
/// Sends one fact to one receiver as Standard Webhooks asks: a signed <c>POST</c> of the Fact's JSON, in HTTP/1.1, or over
/// HTTP/2 where the operator turned it on (offered to <c>https</c> receivers, which may choose HTTP/1.1; spoken to
/// <c>http</c> ones that the operator says speak it), so many deliveries share one connection. It never follows
/// redirects (a 3xx is a failure), waits for the whole answer (a 2xx's body too, read only so far and thrown away) only
/// so long, uses only a scheme the receiver policy allows now,
/// and opens connections only to addresses the
/// receiver policy allows, checked on the resolved addresses at connect time, so a name that later resolves elsewhere
/// (DNS rebinding) gets no further than the policy.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    /// <summary>The most of an accepting answer's body that is read (and thrown away) before it is taken as whole.</summary>
    private const int BodyReadMost = 64 << 10;
    private const int BodyBuffer = 8 << 10;

    private readonly HttpClient _http;

    /// <summary>A client that opens a new connection for every request: for receivers that close theirs after each answer.</summary>
    private readonly HttpClient _oneShot;
    private readonly ReceiverPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly bool _http2;
    private readonly bool _cleartextHttp2;

    /// <summary>
    /// Whether each receiver (by scheme, host and port) keeps its connections alive, as its last answer said. One that
    /// closes its connection after every answer (HTTP/1.0 without <c>keep-alive</c>, or <c>Connection: close</c>) is sent
    /// every request on a new connection (<see cref="_oneShot"/>): a connection kept for another request would be closed
    /// under it, which then fails unanswered. A receiver not heard from yet is sent its first requests on new connections
    /// too, so none lies open and unused at a receiver that serves one connection at a time. Bounded: cleared when it grows
    /// past <see cref="MostReceiversKnown"/>, to be learnt again.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _keepsAlive = new(StringComparer.OrdinalIgnoreCase);

    private const int MostReceiversKnown = 10_000;

    public WebhookSender(WebhookSettings options, TimeProvider clock)
        : this(ReceiverPolicy.For(options), options.Timeout, clock, options.Http2, options.CleartextHttp2)
    {
    }

    public WebhookSender(ReceiverPolicy policy, TimeSpan timeout, TimeProvider clock, bool http2 = false, bool cleartextHttp2 = false)
        : this(policy, timeout, clock, http2, cleartextHttp2, tune: null)
    {
    }

    /// <summary>As the public constructor; <paramref name="tune"/> changes the HTTP handler before its first use (tests trust their own TLS receivers with it).</summary>
    internal WebhookSender(ReceiverPolicy policy, TimeSpan timeout, TimeProvider clock, bool http2, bool cleartextHttp2, Action<SocketsHttpHandler>? tune)
    {
        _policy = policy;
        _clock = clock;
        _timeout = timeout;
        _http2 = http2;
        _cleartextHttp2 = cleartextHttp2;
        _http = Client(pooled: true);
        _oneShot = Client(pooled: false);

        HttpClient Client(bool pooled)
        {
            var handler = new SocketsHttpHandler
            {
                // Over HTTP/2 deliveries share a connection, another one opened when the receiver's limit of streams is reached.
                EnableMultipleHttp2Connections = true,
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectTimeout = timeout,
                // An answer's unread rest is drained for the connection's reuse only up to what would have been read.
                MaxResponseDrainSize = BodyReadMost,
                // New connections resolve the name again, so a changed address is checked again too; the one-shot client
                // never uses a connection twice.
                PooledConnectionLifetime = pooled ? TimeSpan.FromMinutes(2) : TimeSpan.Zero,
                ConnectCallback = (context, ct) => ConnectAsync(policy, context.DnsEndPoint, ct),
            };
            tune?.Invoke(handler);
            var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("CxCluster-Webhooks", "1"));
            return client;
        }
    }

    /// <summary>
    /// Sends <paramref name="body"/> to <paramref name="url"/> signed with <paramref name="key"/>; never throws for the
    /// receiver's sake. A connection the receiver closed or reset before it answered anything (a busy receiver whose
    /// queue of new connections overflowed, one that closes the connection after each answer) is tried again at once on
    /// a new connection, up to <see cref="FreshTries"/> times within the attempt's time: that attempt had no answer to go
    /// by, and waiting for the retry schedule would hold the conversation's later facts back for seconds. A receiver that
    /// cannot be reached at all, or that answered, is not.
    /// </summary>
    public async Task<DeliveryResult> SendAsync(string url, byte[] key, string webhookId, byte[] body, CancellationToken ct)
    {
        // The policy may have changed since the endpoint was registered: a scheme it no longer allows is never used. Only
        // http can have lost its permission (the URL's form was checked when it was registered), so https is not parsed
        // again on every attempt.
        var tls = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (!tls && _policy.CheckScheme(url) is { } refused)
        {
            return new DeliveryResult(DeliveryVerdict.Failed, $"refused: {refused}");
        }
        using var timeout = new CancellationTokenSource(_timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var uri = new Uri(url);
        var origin = uri.GetLeftPart(UriPartial.Authority);
        for (var tries = 1; ; tries++)
        {
            var client = tries == 1 && _keepsAlive.TryGetValue(origin, out var keepsAlive) && keepsAlive ? _http : _oneShot;
            var (result, unanswered) = await TryOnceAsync(client, origin, uri, tls, key, webhookId, body, timeout, linked.Token, ct);
            if (!unanswered || tries >= FreshTries || linked.IsCancellationRequested)
            {
                return result;
            }
        }
    }

    /// <summary>How many times one attempt sends a delivery while the receiver closes connections before answering.</summary>
    private const int FreshTries = 3;

    /// <summary>
    /// One request, sent with <paramref name="client"/> (<see cref="_oneShot"/> for a new connection): its result, and
    /// whether the connection ended or was reset before any answer came.
    /// </summary>
    private async Task<(DeliveryResult Result, bool Unanswered)> TryOnceAsync(HttpClient client, string origin,
        Uri uri, bool tls, byte[] key, string webhookId, byte[] body, CancellationTokenSource timeout, CancellationToken token, CancellationToken ct)
    {
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        if (tls && _http2)
        {
            // Offered in the TLS handshake (ALPN): a receiver that does not choose HTTP/2 is spoken to in HTTP/1.1.
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        }
        else if (!tls && _cleartextHttp2)
        {
            // Without TLS nothing negotiates: HTTP/2 from the first byte, as the operator said the receivers speak it.
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("webhook-id", webhookId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(key, webhookId, timestamp, body));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            LearnWhetherItKeepsAlive(origin, response);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                // Accepted only once the answer is whole, within the same time: a body that never ends or is cut off
                // is no answer. It is read only so far and thrown away; one longer than that is not waited for.
                await SkipBodyAsync(response.Content, token);
                return (new DeliveryResult(DeliveryVerdict.Accepted, status.ToString(System.Globalization.CultureInfo.InvariantCulture)), false);
            }
            // Read from the raw value: the typed header drops a number of seconds beyond what an int holds.
            var retryAfter = response.Headers.NonValidated.TryGetValues("Retry-After", out var asked) && asked.Count == 1
                ? RetrySchedule.ParseRetryAfter(asked.ToString(), _clock.GetUtcNow())
                : null;
            return (new DeliveryResult(status == 410 ? DeliveryVerdict.Gone : DeliveryVerdict.Failed,
                status.ToString(System.Globalization.CultureInfo.InvariantCulture), retryAfter), false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (new DeliveryResult(DeliveryVerdict.Failed, "timeout"), false);
        }
        catch (HttpRequestException e) when (e.InnerException is ForbiddenReceiverException forbidden)
        {
            return (new DeliveryResult(DeliveryVerdict.Failed, forbidden.Message), false);
        }
        catch (HttpRequestException e)
        {
            // Sent, and the connection ended before the answer began: closed (ResponseEnded) or reset under the request.
            var unanswered = e.HttpRequestError == HttpRequestError.ResponseEnded
                || (e.HttpRequestError != HttpRequestError.ConnectionError && WasReset(e));
            return (new DeliveryResult(DeliveryVerdict.Failed, e.HttpRequestError == HttpRequestError.Unknown ? "no connection" : $"no connection ({e.HttpRequestError})"), unanswered);
        }
        catch (SocketException e) when (!ct.IsCancellationRequested)
        {
            // A connection the receiver reset as soon as it accepted it: the HTTP client reads the new socket's peer
            // address before it sends anything, and that error comes as the socket's own, not wrapped in a request error.
            return (new DeliveryResult(DeliveryVerdict.Failed, $"no connection ({e.SocketErrorCode})"), e.SocketErrorCode == SocketError.ConnectionReset);
        }
        catch (IOException e) when (!ct.IsCancellationRequested)
        {
            // The answer's body broke off (a reset, a close before its end, a malformed chunk), or its time ran out: an
            // answer had begun, so it is the retry schedule's.
            return (new DeliveryResult(DeliveryVerdict.Failed, timeout.IsCancellationRequested ? "timeout"
                : e is HttpIOException { HttpRequestError: not HttpRequestError.Unknown } http ? $"incomplete answer ({http.HttpRequestError})"
                : "incomplete answer"), false);
        }
    }

    /// <summary>
    /// Notes whether the receiver keeps its connection alive after this answer: in HTTP/1.1 and later unless it says
    /// <c>Connection: close</c>, in HTTP/1.0 only when it says <c>Connection: keep-alive</c> (RFC 9112 9.3).
    /// </summary>
    private void LearnWhetherItKeepsAlive(string origin, HttpResponseMessage response)
    {
        var keepsAlive = response.Version >= HttpVersion.Version11 ? response.Headers.ConnectionClose != true : SaysKeepAlive(response);
        if (_keepsAlive.TryGetValue(origin, out var known) && known == keepsAlive)
        {
            return;
        }
        if (_keepsAlive.Count >= MostReceiversKnown)
        {
            _keepsAlive.Clear();
        }
        _keepsAlive[origin] = keepsAlive;
    }

    private static bool SaysKeepAlive(HttpResponseMessage response)
    {
        foreach (var option in response.Headers.Connection)
        {
            if (option.Equals("keep-alive", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a socket reset or aborted by the other side lies under <paramref name="e"/>.</summary>
    private static bool WasReset(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads the body to its end and throws it away, or stops once more than <see cref="BodyReadMost"/> bytes came.</summary>
    private static async Task SkipBodyAsync(HttpContent content, CancellationToken ct)
    {
        if (content.Headers.ContentLength > BodyReadMost)
        {
            // Said to be longer than is read: not waited for at all.
            return;
        }
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BodyBuffer);
        try
        {
            await using var body = await content.ReadAsStreamAsync(ct);
            var read = 0L;
            int got;
            while (read <= BodyReadMost && (got = await body.ReadAsync(buffer.AsMemory(0, BodyBuffer), ct)) > 0)
            {
                read += got;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Resolves the receiver's name and connects to the first address the policy allows; refuses when none is. A name
    /// written with the root's dot ("localhost.", "127.0.0.1.") is the same name without it, and an IPv4 address written
    /// as IPv6 (<c>::ffff:a.b.c.d</c>) is connected to over IPv4.
    /// </summary>
    internal static async ValueTask<Stream> ConnectAsync(ReceiverPolicy policy, DnsEndPoint endpoint, CancellationToken ct)
    {
        var host = endpoint.Host.Length > 1 && endpoint.Host.EndsWith('.') ? endpoint.Host[..^1] : endpoint.Host;
        var addresses = IPAddress.TryParse(host.AsSpan().Trim("[]"), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        string? refused = null;
        Exception? failure = null;
        foreach (var address in addresses)
        {
            if (policy.Forbidden(address) is { } why)
            {
                refused ??= $"refused: {endpoint.Host} resolves to {why}";
                continue;
            }
            var target = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(target, endpoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                failure = e;
                if (e is OperationCanceledException)
                {
                    throw;
                }
            }
        }
        throw failure ?? new ForbiddenReceiverException(refused ?? $"refused: {endpoint.Host} has no address");
    }

    public void Dispose()
    {
        _http.Dispose();
        _oneShot.Dispose();
    }
}

/// <summary>The receiver's name resolved only to addresses the receiver policy forbids.</summary>
public sealed class ForbiddenReceiverException(string message) : IOException(message);
