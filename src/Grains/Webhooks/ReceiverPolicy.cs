using System.Net;
using System.Net.Sockets;

namespace CxCluster.Grains.Webhooks;

/// <summary>
/// Which receivers the cluster may send to, so a tenant cannot aim deliveries at the cluster's own network: checked on
/// the URL when an endpoint is registered, and on every address a name resolves to when a connection is opened.
/// </summary>
/// <param name="AllowHttp"><c>http</c> is allowed wherever an address is.</param>
/// <param name="AllowPrivateNetworks">Private, loopback, link-local, shared and unique-local addresses are allowed.</param>
/// <param name="AllowLoopback">Loopback addresses are allowed, over <c>http</c> too.</param>
public sealed record ReceiverPolicy(bool AllowHttp, bool AllowPrivateNetworks, bool AllowLoopback)
{
    /// <summary>Only <c>https</c> to public addresses.</summary>
    public static ReceiverPolicy Strict { get; } = new(false, false, false);

    /// <summary>Why a receiver URL may not be used, or null when it may; the address check is repeated at connect time.</summary>
    public string? CheckUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.HostNameType == UriHostNameType.Unknown || string.IsNullOrEmpty(uri.Host))
        {
            return "url must be an absolute http or https URL.";
        }
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return "url must be an http or https URL.";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "url must not hold a user name or password.";
        }
        var loopbackHost = uri.IsLoopback;
        if (uri.Scheme == Uri.UriSchemeHttp && !AllowHttp && !(AllowLoopback && loopbackHost))
        {
            return AllowLoopback ? "url must be https (http only on loopback)." : "url must be https.";
        }
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
            && Forbidden(address) is { } why)
        {
            return $"url must not point at {why}.";
        }
        if (loopbackHost && !(AllowLoopback || AllowPrivateNetworks))
        {
            return "url must not point at a loopback address.";
        }
        return null;
    }

    /// <summary>What kind of address it is when the policy forbids it ("a loopback address"), or null when it is allowed.</summary>
    public string? Forbidden(IPAddress address)
    {
        var kind = Classify(address);
        return kind switch
        {
            AddressKind.Public => null,
            AddressKind.Loopback when AllowLoopback || AllowPrivateNetworks => null,
            AddressKind.Private or AddressKind.LinkLocal or AddressKind.Shared or AddressKind.UniqueLocal when AllowPrivateNetworks => null,
            _ => Describe(kind),
        };
    }

    /// <summary>The kind of network an address belongs to; IPv4 addresses written as IPv6 (mapped, compatible, NAT64) count as the IPv4 address.</summary>
    public static AddressKind Classify(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6)
            {
                return Classify(address.MapToIPv4());
            }
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            if (address.Equals(IPAddress.IPv6Any))
            {
                return AddressKind.Unspecified;
            }
            if (address.Equals(IPAddress.IPv6Loopback))
            {
                return AddressKind.Loopback;
            }
            // ::a.b.c.d (deprecated IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) reach the IPv4 address inside.
            if ((b[..12].IndexOfAnyExcept((byte)0) < 0) || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].IndexOfAnyExcept((byte)0) < 0))
            {
                return Classify(new IPAddress(b[12..]));
            }
            if (b[0] == 0xff)
            {
                return AddressKind.Multicast;
            }
            if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
            {
                return AddressKind.LinkLocal;
            }
            if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
            {
                return AddressKind.Private; // site-local (deprecated)
            }
            if ((b[0] & 0xfe) == 0xfc)
            {
                return AddressKind.UniqueLocal;
            }
            return AddressKind.Public;
        }
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return AddressKind.Unspecified;
        }
        Span<byte> v4 = stackalloc byte[4];
        address.TryWriteBytes(v4, out _);
        return v4[0] switch
        {
            0 => AddressKind.Unspecified,
            10 => AddressKind.Private,
            127 => AddressKind.Loopback,
            100 when (v4[1] & 0xc0) == 64 => AddressKind.Shared,
            169 when v4[1] == 254 => AddressKind.LinkLocal,
            172 when (v4[1] & 0xf0) == 16 => AddressKind.Private,
            192 when v4[1] == 168 => AddressKind.Private,
            >= 224 and <= 239 => AddressKind.Multicast,
            >= 240 => AddressKind.Unspecified, // reserved and broadcast
            _ => AddressKind.Public,
        };
    }

    private static string Describe(AddressKind kind) => kind switch
    {
        AddressKind.Loopback => "a loopback address",
        AddressKind.Private => "a private address",
        AddressKind.LinkLocal => "a link-local address",
        AddressKind.Shared => "a shared (carrier-grade NAT) address",
        AddressKind.UniqueLocal => "a unique-local address",
        AddressKind.Multicast => "a multicast address",
        _ => "an unspecified or reserved address",
    };
}

/// <summary>The networks <see cref="ReceiverPolicy"/> tells apart.</summary>
public enum AddressKind
{
    Public,
    Loopback,
    Private,
    LinkLocal,
    Shared,
    UniqueLocal,
    Multicast,
    Unspecified,
}
