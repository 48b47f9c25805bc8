using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>
/// A receiver on a free loopback port that speaks HTTP by hand, so it can misbehave at the socket level: each accepted
/// connection reads one request (its headers and a <c>Content-Length</c> body, or nothing when told not to) and then
/// does what <see cref="Behave"/> says with the raw stream.
/// </summary>
internal sealed class RawReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _requests;
    private int _connectionsAccepted;

    public RawReceiver(Func<RawExchange, Task> behave, bool readRequest = true)
    {
        Behave = behave;
        ReadRequest = readRequest;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Func<RawExchange, Task> Behave { get; set; }

    /// <summary>Whether the request is read before <see cref="Behave"/> runs.</summary>
    public bool ReadRequest { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url(string path = "/hook") => $"http://127.0.0.1:{Port}{path}";

    /// <summary>Requests read whole so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public int Connections => Volatile.Read(ref _connectionsAccepted);

    /// <summary>An answer's head: the status line, the headers given, and <c>\r\n</c> after each.</summary>
    public static byte[] Head(string statusLine, params string[] headers) =>
        Encoding.ASCII.GetBytes(string.Concat(headers.Prepend(statusLine).Select(h => h + "\r\n")) + "\r\n");

    /// <summary>A whole answer with an empty body.</summary>
    public static byte[] Empty(int status, params string[] headers) =>
        Head($"HTTP/1.1 {status} Whatever", [.. headers, "Content-Length: 0"]);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _connectionsAccepted);
            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(ServeAsync(socket));
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var exchange = new RawExchange(socket, stream, _stop.Token);
            if (ReadRequest)
            {
                await exchange.ReadRequestAsync();
                Interlocked.Increment(ref _requests);
            }
            await Behave(exchange);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The sender went away, or the receiver is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        Task[] open;
        lock (_connections)
        {
            open = [.. _connections];
        }
        await Task.WhenAll(open);
        _stop.Dispose();
    }
}

/// <summary>One connection of a <see cref="RawReceiver"/>: the raw stream and the receiver's stopping token.</summary>
internal sealed class RawExchange(Socket socket, NetworkStream stream, CancellationToken stopping)
{
    public NetworkStream Stream => stream;

    public CancellationToken Stopping => stopping;

    /// <summary>The last request's head as read, without its body.</summary>
    public string RequestHead { get; private set; } = "";

    /// <summary>The last request's body.</summary>
    public byte[] RequestBody { get; private set; } = [];

    public Task WriteAsync(byte[] bytes) => stream.WriteAsync(bytes, stopping).AsTask();

    public Task WriteAsync(string text) => WriteAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>Waits until the receiver stops or the sender closes the connection.</summary>
    public async Task HoldAsync()
    {
        var buffer = new byte[256];
        while (await stream.ReadAsync(buffer, stopping) > 0)
        {
        }
    }

    /// <summary>Ends the connection with a TCP reset instead of an orderly close.</summary>
    public void Reset()
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    /// <summary>Reads the request's head and as many body bytes as its <c>Content-Length</c> says.</summary>
    public async Task ReadRequestAsync()
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, stopping) == 0)
            {
                throw new IOException("The request ended early.");
            }
            head.Add(one[0]);
        }
        RequestHead = Encoding.ASCII.GetString([.. head]);
        var length = RequestHead.Split("\r\n")
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, stopping);
        RequestBody = body;
    }
}
