using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CxCluster.Silo.Health;

/// <summary>
/// Whether the silo's own ports are free before it opens them. The runtime's listeners share a port with any other
/// listener that allows sharing it, so a second silo started on a port another silo holds would come up, and the
/// connections to that port would be split between two unrelated processes. Each listening endpoint is bound and
/// listened on once, allowing only what a port left behind by a process that ended allows (connections still closing),
/// not a port another process listens on.
/// </summary>
public static class ListeningPorts
{
    /// <summary>What keeps the silo's or the gateway's port from being used, in one line, or null when both are free.</summary>
    public static string? Taken(EndpointOptions endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var silo = endpoints.SiloListeningEndpoint ?? new IPEndPoint(endpoints.AdvertisedIPAddress ?? IPAddress.Any, endpoints.SiloPort);
        if (Check("SiloPort", silo) is { } taken)
        {
            return taken;
        }
        if (endpoints.GatewayPort > 0 || endpoints.GatewayListeningEndpoint is not null)
        {
            var gateway = endpoints.GatewayListeningEndpoint ?? new IPEndPoint(endpoints.AdvertisedIPAddress ?? IPAddress.Any, endpoints.GatewayPort);
            return Check("GatewayPort", gateway);
        }
        return null;
    }

    /// <summary>The same, with the options the host holds.</summary>
    internal static string? Taken(IServiceProvider services) =>
        services.GetService<IOptions<EndpointOptions>>() is { } options ? Taken(options.Value) : null;

    private static string? Check(string setting, IPEndPoint endpoint)
    {
        if (endpoint.Port == 0 || !OperatingSystem.IsLinux())
        {
            return null;
        }
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // SO_REUSEADDR alone (SOL_SOCKET 1, option 2): a port whose last connections are still closing is free, one another
        // process listens on is not, even where that listener lets others share it. The managed option would share it too.
        socket.SetRawSocketOption(1, 2, BitConverter.GetBytes(1));
        try
        {
            socket.Bind(endpoint);
            socket.Listen(1);
            return null;
        }
        catch (SocketException bad)
        {
            return $"{ClusterSettings.Section}:{setting} {endpoint.Port} cannot be used: {bad.Message} ({endpoint})";
        }
    }
}
