using System.Net;
using System.Net.Sockets;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>
/// A loopback TCP forwarder in front of PostgreSQL, so a test can take the database away (every connection cut,
/// new ones refused) and bring it back, the way a network fault or a database restart looks to the cluster.
/// While the database is away the proxy keeps its port and resets every connection at once: a port given up could be
/// taken meanwhile by another listener, or by an outgoing connection to itself, and a client would then wait on it.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private TcpListener? _listener;
    private bool _refusing = true;

    public TcpProxy(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts (again) forwarding connections.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _refusing = false;
            if (_listener is null)
            {
                _listener = new TcpListener(IPAddress.Loopback, Port);
                _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                _listener.Start();
                _ = AcceptLoop(_listener, _disposed.Token);
            }
        }
    }

    /// <summary>Cuts every open connection and resets new ones until <see cref="Start"/>.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _refusing = true;
            foreach (var client in _open)
            {
                Reset(client);
            }
            _open.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _disposed.Cancel();
        _listener?.Stop();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptLoop(TcpListener listener, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellation);
            }
            catch (Exception) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            _ = Forward(inbound, cancellation);
        }
    }

    private async Task Forward(TcpClient inbound, CancellationToken cancellation)
    {
        var outbound = new TcpClient();
        lock (_gate)
        {
            if (_refusing)
            {
                Reset(inbound);
                outbound.Dispose();
                return;
            }
            _open.Add(inbound);
            _open.Add(outbound);
        }
        try
        {
            await outbound.ConnectAsync(_target, cancellation);
            await using var a = inbound.GetStream();
            await using var b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, cancellation), b.CopyToAsync(a, cancellation));
        }
        catch (Exception) when (cancellation.IsCancellationRequested || inbound.Client is null || outbound.Client is null)
        {
        }
        catch (IOException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
            lock (_gate)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }
        }
    }

    /// <summary>Closes a connection with a reset, as a peer that went away does.</summary>
    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client?.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        client.Dispose();
    }
}
