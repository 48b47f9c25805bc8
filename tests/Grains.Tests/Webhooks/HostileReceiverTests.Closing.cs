using CxCluster.Grains.Webhooks;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>Receivers that close their connections after answering, or under the next request.</summary>
public sealed partial class HostileReceiverTests
{
    [Fact]
    public async Task An_http_1_0_receiver_that_closes_each_connection_a_moment_after_its_answer_gets_every_delivery_at_once()
    {
        // The way Python's http.server answers by default: HTTP/1.0, no keep-alive, the connection closed after the answer
        // (here a moment later, so a client that kept it for the next request would send that request into the close).
        await using var receiver = new RawReceiver(async x =>
        {
            await x.WriteAsync(RawReceiver.Head("HTTP/1.0 204 No Content", "Server: BaseHTTP/0.6"));
            await Task.Delay(TimeSpan.FromMilliseconds(100), x.Stopping);
        });
        using var sender = Sender();

        var results = new List<DeliveryResult>();
        for (var round = 0; round < 4; round++)
        {
            results.AddRange(await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Send(sender, receiver))));
        }

        Assert.All(results, r => Assert.Equal((DeliveryVerdict.Accepted, "204"), (r.Verdict, r.Detail)));
        Assert.Equal(32, receiver.Requests);
        Assert.Equal(32, receiver.Connections);
    }

    [Fact]
    public async Task A_kept_connection_closed_under_the_next_request_before_any_answer_is_tried_again_at_once_on_a_new_one()
    {
        // HTTP/1.1 and keep-alive, but each connection serves one request and is closed when the next one comes in, unanswered.
        var unanswered = 0;
        await using var receiver = new RawReceiver(async x =>
        {
            await x.WriteAsync(RawReceiver.Empty(204));
            await x.ReadRequestAsync();
            Interlocked.Increment(ref unanswered);
        });
        using var sender = Sender();

        var results = new List<DeliveryResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await Send(sender, receiver));
        }

        // Every delivery accepted within its own attempt, though some were first sent into a kept connection that closed.
        Assert.All(results, r => Assert.Equal(DeliveryVerdict.Accepted, r.Verdict));
        Assert.InRange(Volatile.Read(ref unanswered), 1, results.Count);
        Assert.Equal(results.Count, receiver.Requests);
    }

    [Fact]
    public async Task A_receiver_that_closes_every_connection_unanswered_fails_the_attempt_after_a_few_new_connections()
    {
        await using var receiver = new RawReceiver(_ => Task.CompletedTask);
        using var sender = Sender();

        var result = await Send(sender, receiver);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
        Assert.StartsWith("no connection", result.Detail, StringComparison.Ordinal);
        Assert.Equal(3, receiver.Requests);
    }
}
