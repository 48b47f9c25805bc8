using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

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
/// Sends one fact to one receiver as Standard Webhooks asks: a signed <c>POST</c> of the Fact's JSON. It never follows
/// redirects (a 3xx is a failure), waits for the answer only so long, uses only a scheme the receiver policy allows now,
/// and opens connections only to addresses the
/// receiver policy allows, checked on the resolved addresses at connect time, so a name that later resolves elsewhere
/// (DNS rebinding) gets no further than the policy.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly ReceiverPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;

    public WebhookSender(IOptions<WebhookOptions> options, CxCluster.Grains.Tenants.TenantDirectory tenants, TimeProvider clock)
        : this(options.Value.Policy(tenants.IsEmbeddedDefault), options.Value.Timeout, clock)
    {
    }

    public WebhookSender(ReceiverPolicy policy, TimeSpan timeout, TimeProvider clock)
    {
        _policy = policy;
        _clock = clock;
        _timeout = timeout;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = timeout,
            // New connections resolve the name again, so a changed address is checked again too.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, ct) => ConnectAsync(policy, context.DnsEndPoint, ct),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("CxCluster-Webhooks", "1"));
    }

    /// <summary>Sends <paramref name="body"/> to <paramref name="url"/> signed with <paramref name="key"/>; never throws for the receiver's sake.</summary>
    public async Task<DeliveryResult> SendAsync(string url, byte[] key, string webhookId, byte[] body, CancellationToken ct)
    {
        // The policy may have changed since the endpoint was registered: a scheme it no longer allows is never used. Only
        // http can have lost its permission (the URL's form was checked when it was registered), so https is not parsed
        // again on every attempt.
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && _policy.CheckScheme(url) is { } refused)
        {
            return new DeliveryResult(DeliveryVerdict.Failed, $"refused: {refused}");
        }
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("webhook-id", webhookId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(key, webhookId, timestamp, body));
        using var timeout = new CancellationTokenSource(_timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return new DeliveryResult(DeliveryVerdict.Accepted, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            var retryAfter = RetrySchedule.RetryAfter(response.Headers.RetryAfter, _clock.GetUtcNow());
            return new DeliveryResult(status == 410 ? DeliveryVerdict.Gone : DeliveryVerdict.Failed,
                status.ToString(System.Globalization.CultureInfo.InvariantCulture), retryAfter);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryVerdict.Failed, "timeout");
        }
        catch (HttpRequestException e) when (e.InnerException is ForbiddenReceiverException forbidden)
        {
            return new DeliveryResult(DeliveryVerdict.Failed, forbidden.Message);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult(DeliveryVerdict.Failed, e.HttpRequestError == HttpRequestError.Unknown ? "no connection" : $"no connection ({e.HttpRequestError})");
        }
    }

    /// <summary>Resolves the receiver's name and connects to the first address the policy allows; refuses when none is.</summary>
    internal static async ValueTask<Stream> ConnectAsync(ReceiverPolicy policy, DnsEndPoint endpoint, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.AsSpan().Trim("[]"), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        string? refused = null;
        Exception? failure = null;
        foreach (var address in addresses)
        {
            if (policy.Forbidden(address) is { } why)
            {
                refused ??= $"refused: {endpoint.Host} resolves to {why}";
                continue;
            }
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), ct);
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

    public void Dispose() => _http.Dispose();
}

/// <summary>The receiver's name resolved only to addresses the receiver policy forbids.</summary>
public sealed class ForbiddenReceiverException(string message) : IOException(message);
