using System.Diagnostics;
using System.Text;
using CxCluster.Grains.Webhooks;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>The sender against receivers that misbehave at the socket level, each on its own loopback port.</summary>
public sealed partial class HostileReceiverTests
{
    private static readonly ReceiverPolicy LoopbackAllowed = new(AllowHttp: false, AllowPrivateNetworks: false, AllowLoopback: true);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"c:x:1\",\"type\":\"ai.allowed\"}");
    /// <summary>The attempt's limit in the tests that wait for it: short, so they stay fast.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(0.5);
    private readonly byte[] _key = WebhookSignature.KeyOf(WebhookSignature.NewSecret())!;

    private static WebhookSender Sender(TimeSpan? timeout = null) => new(LoopbackAllowed, timeout ?? TimeSpan.FromSeconds(10), TimeProvider.System);

    private Task<DeliveryResult> Send(WebhookSender sender, RawReceiver receiver) =>
        sender.SendAsync(receiver.Url(), _key, "c:x:1", Body, CancellationToken.None);

    /// <summary>Sends once with the short limit, and checks the attempt ended by it: failed, soon after the limit.</summary>
    private async Task TimesOut(RawReceiver receiver)
    {
        using var sender = Sender(Limit);
        var watch = Stopwatch.StartNew();

        var result = await Send(sender, receiver);

        Assert.Equal((DeliveryVerdict.Failed, "timeout"), (result.Verdict, result.Detail));
        Assert.InRange(watch.Elapsed, Limit - TimeSpan.FromMilliseconds(50), Limit + TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_200_whose_body_never_comes_is_not_accepted_the_limit_covers_the_whole_answer()
    {
        await using var receiver = new RawReceiver(async x =>
        {
            await x.WriteAsync(RawReceiver.Head("HTTP/1.1 200 OK", "Content-Length: 100"));
            await x.HoldAsync();
        });

        await TimesOut(receiver);
    }

    [Fact]
    public async Task A_200_whose_body_trickles_a_byte_at_a_time_forever_is_not_accepted()
    {
        await using var receiver = new RawReceiver(async x =>
        {
            await x.WriteAsync(RawReceiver.Head("HTTP/1.1 200 OK", "Transfer-Encoding: chunked"));
            while (true)
            {
                await x.WriteAsync("1\r\nx\r\n");
                await Task.Delay(20, x.Stopping);
            }
        });

        await TimesOut(receiver);
    }

    [Fact]
    public async Task A_200_whose_headers_trickle_forever_is_not_accepted()
    {
        await using var receiver = new RawReceiver(async x =>
        {
            await x.WriteAsync("HTTP/1.1 200 OK\r\n");
            for (var i = 0; ; i++)
            {
                await x.WriteAsync($"X-{i}: y\r\n");
                await Task.Delay(20, x.Stopping);
            }
        });

        await TimesOut(receiver);
    }

    [Fact]
    public async Task A_200_cut_off_by_a_reset_in_the_middle_of_its_body_is_not_accepted()
    {
        await using var receiver = new RawReceiver(async x =>
        {
            await x.WriteAsync(RawReceiver.Head("HTTP/1.1 200 OK", "Content-Length: 1000"));
            await x.WriteAsync(new string('x', 10));
            await x.Stream.FlushAsync();
            x.Reset();
        });
        using var sender = Sender();

        var result = await Send(sender, receiver);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nshort")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    public async Task A_200_whose_body_is_cut_short_by_a_close_or_broken_is_not_accepted(string answer)
    {
        await using var receiver = new RawReceiver(x => x.WriteAsync(Encoding.Latin1.GetBytes(answer)));
        using var sender = Sender();

        var result = await Send(sender, receiver);

        Assert.Equal(DeliveryVerdict.Failed, result.Verdict);
        Assert.StartsWith("incomplete answer", result.Detail);
    }

    [Fact]
    public async Task A_200_with_a_short_body_is_accepted_and_its_connection_used_again()
    {
        // The first request to a receiver not heard from yet has a connection of its own; once an answer in HTTP/1.1 said
        // the connection stays open, one connection carries the rest.
        await using var receiver = new RawReceiver(async x =>
        {
            while (true)
            {
                await x.WriteAsync(RawReceiver.Head("HTTP/1.1 200 OK", "Content-Length: 2"));
                await x.WriteAsync("ok");
                await x.ReadRequestAsync();
            }
        });
        using var sender = Sender();

        var first = await Send(sender, receiver);
        var second = await Send(sender, receiver);
        var third = await Send(sender, receiver);
        var fourth = await Send(sender, receiver);

        Assert.All([first, second, third, fourth], r => Assert.Equal(DeliveryVerdict.Accepted, r.Verdict));
        Assert.Equal(2, receiver.Connections);
    }

    [Theory]
    [InlineData(64 << 10)]
    [InlineData(16 << 10)]
    [InlineData(0)]
    public async Task A_200_that_says_its_body_is_longer_than_is_read_is_accepted_however_much_of_it_comes_before_it_stalls(int sent)
    {
        // A megabyte said: past what the sender reads, so the answer is the status, whatever comes of the body.
        await using var receiver = new RawReceiver(async x =>
        {
            await x.WriteAsync(RawReceiver.Head("HTTP/1.1 200 OK", $"Content-Length: {1 << 20}"));
            await x.WriteAsync(new string('x', sent));
            await x.Stream.FlushAsync();
            await x.HoldAsync();
        });
        using var sender = Sender(Limit);

        var result = await Send(sender, receiver);

        Assert.Equal(DeliveryVerdict.Accepted, result.Verdict);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_huge_or_endless_body_is_not_read_through(bool endless)
    {
        // 256 MB said, or chunks without end: the sender reads a little of it, not all of it.
        const long said = 256L << 20;
        long written = 0;
        var chunk = new byte[64 << 10];
        Array.Fill(chunk, (byte)'x');
        var chunkHead = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
        var crlf = "\r\n"u8.ToArray();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = new RawReceiver(async x =>
        {
            try
            {
                await x.WriteAsync(RawReceiver.Head("HTTP/1.1 200 OK", endless ? "Transfer-Encoding: chunked" : $"Content-Length: {said}"));
                while (endless || Interlocked.Read(ref written) < said)
                {
                    if (endless)
                    {
                        await x.WriteAsync(chunkHead);
                    }
                    await x.WriteAsync(chunk);
                    if (endless)
                    {
                        await x.WriteAsync(crlf);
                    }
                    Interlocked.Add(ref written, chunk.Length);
                }
            }
            finally
            {
                done.TrySetResult();
            }
        });
        using var sender = Sender();

        var result = await Send(sender, receiver);

        Assert.Equal(DeliveryVerdict.Accepted, result.Verdict);
        // Once the sender is done with the connection the receiver can write only as much as the sockets' buffers hold.
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(Interlocked.Read(ref written), 0, 64L << 20);
    }
}
