using System.Net;
using System.Net.Sockets;

namespace CxCluster.Grains.Webhooks;

/// <summary>
/// Which receivers the cluster may send to, so a tenant cannot aim deliveries at the cluster's own network: checked on
/// the URL when an endpoint is registered, and on every address a name resolves to when a connection is opened.
/// </summary>
/// <param name="AllowHttp"><c>http</c> is allowed wherever an address is.</param>
/// <param name="AllowPrivateNetworks">Private, loopback, link-local, shared, unique-local and reserved (documentation, benchmarking) addresses are allowed.</param>
/// <param name="AllowLoopback">Loopback addresses are allowed, over <c>http</c> too.</param>
public sealed record ReceiverPolicy(bool AllowHttp, bool AllowPrivateNetworks, bool AllowLoopback)
{
    /// <summary>Only <c>https</c> to public addresses.</summary>
    public static ReceiverPolicy Strict { get; } = new(false, false, false);

    /// <summary>The rules <c>Webhooks</c> sets (loopback allowed unless set otherwise when state is in memory).</summary>
    public static ReceiverPolicy For(WebhookSettings settings) => new(settings.AllowHttp, settings.AllowPrivateNetworks, settings.AllowLoopbackHttp);

    /// <summary>Why a receiver URL may not be used, or null when it may; the address check is repeated at connect time.</summary>
    public string? CheckUrl(string url) => Check(url, addresses: true);

    /// <summary>
    /// Why a receiver URL may not be sent to now for its form or scheme (an <c>http</c> URL registered before the policy
    /// allowed only <c>https</c>), or null; its addresses are checked as its connection opens.
    /// </summary>
    public string? CheckScheme(string url) => Check(url, addresses: false);

    private string? Check(string url, bool addresses)
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
        // The host as it is connected to: an IPv6 literal without its brackets, a name in its ASCII form without a
        // trailing dot, so "127.0.0.1.", "127。0。0。1" and "localhost." are the addresses and names they stand for.
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost.TrimEnd('.');
        var address = IPAddress.TryParse(host, out var literal) ? literal : null;
        var loopbackHost = address is not null ? Classify(address) == AddressKind.Loopback : IsLoopbackName(host);
        if (uri.Scheme == Uri.UriSchemeHttp && !AllowHttp && !(AllowLoopback && loopbackHost))
        {
            return AllowLoopback ? "url must be https (http only on loopback)." : "url must be https (this cluster's Webhooks settings allow http nowhere).";
        }
        if (!addresses)
        {
            return null;
        }
        if (address is not null && Forbidden(address) is { } why)
        {
            return $"url must not point at {why}.";
        }
        if (loopbackHost && !(AllowLoopback || AllowPrivateNetworks))
        {
            return "url must not point at a loopback address.";
        }
        return null;
    }

    /// <summary><c>localhost</c> and every name under it, which resolvers answer with loopback (RFC 6761).</summary>
    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>What kind of address it is when the policy forbids it ("a loopback address"), or null when it is allowed.</summary>
    public string? Forbidden(IPAddress address)
    {
        var kind = Classify(address);
        return kind switch
        {
            AddressKind.Public => null,
            AddressKind.Loopback when AllowLoopback || AllowPrivateNetworks => null,
            AddressKind.Private or AddressKind.LinkLocal or AddressKind.Shared or AddressKind.UniqueLocal or AddressKind.Reserved when AllowPrivateNetworks => null,
            _ => Describe(kind),
        };
    }

    /// <summary>
    /// The kind of network an address belongs to; IPv4 addresses written as IPv6 (mapped, compatible, translated, NAT64,
    /// 6to4, Teredo) count as the IPv4 address.
    /// </summary>
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
            // ::a.b.c.d (deprecated IPv4-compatible), ::ffff:0:a.b.c.d (IPv4-translated) and 64:ff9b::a.b.c.d (NAT64)
            // reach the IPv4 address inside.
            if ((b[..12].IndexOfAnyExcept((byte)0) < 0)
                || (b[..8].IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
                || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].IndexOfAnyExcept((byte)0) < 0))
            {
                return Classify(new IPAddress(b[12..]));
            }
            // 6to4 (2002:a.b.c.d::/48) is tunnelled to the IPv4 address in its prefix.
            if (b[0] == 0x20 && b[1] == 0x02)
            {
                return Classify(new IPAddress(b[2..6]));
            }
            // Teredo (2001:0::/32) is tunnelled to the client's IPv4 address, kept inverted in the last 4 bytes.
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
            {
                return Classify(new IPAddress([(byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15]]));
            }
            // The local-use NAT64 prefix (64:ff9b:1::/48) reaches whatever IPv4 network the operator's own translator
            // serves, in any of its embeddings: never the internet.
            if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 0x01)
            {
                return AddressKind.Private;
            }
            // Documentation (2001:db8::/32, 3fff::/20), benchmarking (2001:2::/48), discard-only (100::/64), the rest of
            // the IETF protocol assignments (2001::/23: service anycast, ORCHID) and segment routing's SIDs (5f00::/16).
            if ((b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
                || (b[0] == 0x20 && b[1] == 0x01 && (b[2] & 0xfe) == 0)
                || (b[0] == 0x5f && b[1] == 0)
                || (b[0] == 0x3f && b[1] == 0xff && (b[2] & 0xf0) == 0)
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0x02 && b[4] == 0 && b[5] == 0)
                || (b[0] == 0x01 && b[1] == 0 && b[2..8].IndexOfAnyExcept((byte)0) < 0))
            {
                return AddressKind.Reserved;
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
            // Protocol assignments (192.0.0.0/24), documentation (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), the
            // former 6to4 relays (192.88.99.0/24) and benchmarking (198.18.0.0/15): none is a receiver on the internet.
            192 when v4[1] == 0 && v4[2] is 0 or 2 => AddressKind.Reserved,
            192 when v4[1] == 88 && v4[2] == 99 => AddressKind.Reserved,
            198 when (v4[1] & 0xfe) == 18 => AddressKind.Reserved,
            198 when v4[1] == 51 && v4[2] == 100 => AddressKind.Reserved,
            203 when v4[1] == 0 && v4[2] == 113 => AddressKind.Reserved,
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
        AddressKind.Reserved => "a documentation, benchmarking or otherwise reserved address",
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
    /// <summary>Set aside for documentation, benchmarking and protocols: never a receiver on the internet.</summary>
    Reserved,
}
