using System.Net.Sockets;

namespace CxCluster.TestSupport;

/// <summary>TCP ports the operating system says are free on loopback right now.</summary>
public static class FreePorts
{
    /// <summary>One port.</summary>
    public static int One() => Take(1)[0];

    /// <summary>Takes <paramref name="count"/> distinct ports, holding each until all are found so none repeats.</summary>
    public static int[] Take(int count)
    {
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            }
            return sockets.Select(s => ((IPEndPoint)s.LocalEndPoint!).Port).ToArray();
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }
}
