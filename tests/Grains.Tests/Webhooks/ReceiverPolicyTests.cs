using System.Net;
using CxCluster.Grains.Webhooks;

namespace CxCluster.Grains.Tests.Webhooks;

public sealed class ReceiverPolicyTests
{
    [Theory]
    // IPv4
    [InlineData("8.8.8.8", AddressKind.Public)]
    [InlineData("93.184.216.34", AddressKind.Public)]
    [InlineData("172.32.0.1", AddressKind.Public)]
    [InlineData("100.128.0.1", AddressKind.Public)]
    [InlineData("10.0.0.1", AddressKind.Private)]
    [InlineData("172.16.0.1", AddressKind.Private)]
    [InlineData("172.31.255.255", AddressKind.Private)]
    [InlineData("192.168.1.1", AddressKind.Private)]
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("127.8.9.10", AddressKind.Loopback)]
    [InlineData("169.254.169.254", AddressKind.LinkLocal)]
    [InlineData("100.64.0.1", AddressKind.Shared)]
    [InlineData("100.127.255.254", AddressKind.Shared)]
    [InlineData("0.0.0.0", AddressKind.Unspecified)]
    [InlineData("224.0.0.1", AddressKind.Multicast)]
    [InlineData("239.255.255.250", AddressKind.Multicast)]
    [InlineData("255.255.255.255", AddressKind.Unspecified)]
    // IPv6
    [InlineData("2001:4860:4860::8888", AddressKind.Public)]
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("::", AddressKind.Unspecified)]
    [InlineData("fe80::1", AddressKind.LinkLocal)]
    [InlineData("febf::1", AddressKind.LinkLocal)]
    [InlineData("fec0::1", AddressKind.Private)]
    [InlineData("fc00::1", AddressKind.UniqueLocal)]
    [InlineData("fd12:3456:789a::1", AddressKind.UniqueLocal)]
    [InlineData("ff02::1", AddressKind.Multicast)]
    // IPv4 written as IPv6: mapped, compatible and NAT64 count as the address inside.
    [InlineData("::ffff:127.0.0.1", AddressKind.Loopback)]
    [InlineData("::ffff:10.1.2.3", AddressKind.Private)]
    [InlineData("::ffff:192.168.0.1", AddressKind.Private)]
    [InlineData("::ffff:169.254.169.254", AddressKind.LinkLocal)]
    [InlineData("::ffff:100.64.0.1", AddressKind.Shared)]
    [InlineData("::ffff:0.0.0.0", AddressKind.Unspecified)]
    [InlineData("::ffff:224.0.0.1", AddressKind.Multicast)]
    [InlineData("::ffff:8.8.8.8", AddressKind.Public)]
    [InlineData("::127.0.0.1", AddressKind.Loopback)]
    [InlineData("64:ff9b::10.0.0.1", AddressKind.Private)]
    [InlineData("64:ff9b::8.8.8.8", AddressKind.Public)]
    // IPv4 set aside for protocols, documentation and benchmarking
    [InlineData("192.0.0.192", AddressKind.Reserved)]
    [InlineData("192.0.2.10", AddressKind.Reserved)]
    [InlineData("198.51.100.7", AddressKind.Reserved)]
    [InlineData("203.0.113.9", AddressKind.Reserved)]
    [InlineData("198.18.0.1", AddressKind.Reserved)]
    [InlineData("198.19.255.254", AddressKind.Reserved)]
    [InlineData("192.88.99.1", AddressKind.Reserved)]
    [InlineData("192.0.1.1", AddressKind.Public)]
    [InlineData("198.17.255.255", AddressKind.Public)]
    [InlineData("198.20.0.1", AddressKind.Public)]
    // IPv6 set aside for documentation, benchmarking and discarding
    [InlineData("2001:db8::1", AddressKind.Reserved)]
    [InlineData("3fff::1", AddressKind.Reserved)]
    [InlineData("2001:2::1", AddressKind.Reserved)]
    [InlineData("100::1", AddressKind.Reserved)]
    // The rest of the IETF protocol assignments and segment routing's SIDs; the local-use NAT64 prefix reaches the
    // operator's own IPv4 networks, whatever the embedding
    [InlineData("2001:10::1", AddressKind.Reserved)]
    [InlineData("2001:20::1", AddressKind.Reserved)]
    [InlineData("2001:1::1", AddressKind.Reserved)]
    [InlineData("5f00::1", AddressKind.Reserved)]
    [InlineData("2001:200::1", AddressKind.Public)]
    [InlineData("64:ff9b:1::a00:1", AddressKind.Private)]
    [InlineData("64:ff9b:1:a00:0:1::", AddressKind.Private)]
    [InlineData("64:ff9b:2::1", AddressKind.Public)]
    // IPv4-translated, 6to4 and Teredo count as the IPv4 address they reach
    [InlineData("::ffff:0:127.0.0.1", AddressKind.Loopback)]
    [InlineData("::ffff:0:10.0.0.1", AddressKind.Private)]
    [InlineData("2002:7f00:1::1", AddressKind.Loopback)]
    [InlineData("2002:a00:1::1", AddressKind.Private)]
    [InlineData("2002:a9fe:a9fe::", AddressKind.LinkLocal)]
    [InlineData("2002:808:808::1", AddressKind.Public)]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", AddressKind.Loopback)] // client 127.0.0.1
    [InlineData("2001:0:4136:e378:8000:63bf:f5ff:fffe", AddressKind.Private)] // client 10.0.0.1
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7", AddressKind.Public)] // client 8.8.8.8
    public void Every_address_is_classified_by_its_network(string address, AddressKind kind) =>
        Assert.Equal(kind, ReceiverPolicy.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("192.0.0.192")]
    [InlineData("192.0.2.10")]
    [InlineData("198.18.0.1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:0:10.0.0.1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:f5ff:fffe")]
    public void The_strict_policy_forbids_reserved_and_tunnelled_internal_addresses(string address) =>
        Assert.NotNull(ReceiverPolicy.Strict.Forbidden(IPAddress.Parse(address)));

    [Theory]
    // Integers, octal and hexadecimal are the addresses they stand for.
    [InlineData("https://2130706433/cx")]
    [InlineData("https://0x7f000001/cx")]
    [InlineData("https://0177.0.0.1/cx")]
    [InlineData("https://127.1/cx")]
    [InlineData("https://0/cx")]
    // A trailing dot or full-width dots change nothing.
    [InlineData("https://127.0.0.1./cx")]
    [InlineData("https://10.0.0.1./cx")]
    [InlineData("https://127\uFF0E0\uFF0E0\uFF0E1/cx")]
    // localhost in any spelling, and the names under it.
    [InlineData("https://localhost./cx")]
    [InlineData("https://LocalHost/cx")]
    [InlineData("https://hooks.localhost/cx")]
    // A zone id changes nothing.
    [InlineData("https://[fe80::1%25eth0]/cx")]
    [InlineData("https://[::1%251]/cx")]
    [InlineData("https://[2002:a00:1::1]/cx")]
    [InlineData("https://198.51.100.7/cx")]
    public void A_strict_url_is_refused_however_its_internal_host_is_written(string url) =>
        Assert.NotNull(ReceiverPolicy.Strict.CheckUrl(url));

    [Theory]
    [InlineData("https://hooks.example.com./cx", true)]
    [InlineData("https://hooks.example.com:8443/cx", true)]
    [InlineData("http://localhost.:8080/hook", true)]
    [InlineData("http://127.0.0.1.:8080/hook", true)]
    [InlineData("http://10.0.0.1.:8080/hook", false)]
    [InlineData("http://hooks.example.com./cx", false)]
    public void The_loopback_allowance_reads_the_host_as_it_is_connected_to(string url, bool allowed) =>
        Assert.Equal(allowed, new ReceiverPolicy(false, false, true).CheckUrl(url) is null);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("172.20.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("100.64.0.1")]
    [InlineData("fd00::1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("224.0.0.1")]
    [InlineData("ff02::1")]
    public void The_strict_policy_forbids_every_address_but_public_ones(string address) =>
        Assert.NotNull(ReceiverPolicy.Strict.Forbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    public void The_strict_policy_allows_public_addresses(string address) =>
        Assert.Null(ReceiverPolicy.Strict.Forbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("169.254.1.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("198.18.0.1", true)]
    [InlineData("2001:db8::1", true)]
    public void Allowing_private_networks_never_allows_unspecified_or_multicast(string address, bool allowed) =>
        Assert.Equal(allowed, new ReceiverPolicy(false, true, false).Forbidden(IPAddress.Parse(address)) is null);

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    public void Allowing_loopback_allows_loopback_alone(string address, bool allowed) =>
        Assert.Equal(allowed, new ReceiverPolicy(false, false, true).Forbidden(IPAddress.Parse(address)) is null);

    [Theory]
    [InlineData("https://hooks.example.com/cx", true)]
    [InlineData("https://hooks.example.com:8443/cx?x=1", true)]
    [InlineData("http://hooks.example.com/cx", false)]
    [InlineData("ftp://hooks.example.com/cx", false)]
    [InlineData("https://user:secret@hooks.example.com/cx", false)]
    [InlineData("https://a@hooks.example.com/cx", false)]
    [InlineData("hooks.example.com/cx", false)]
    [InlineData("https://127.0.0.1/cx", false)]
    [InlineData("https://localhost/cx", false)]
    [InlineData("https://[::1]/cx", false)]
    [InlineData("https://[::ffff:10.0.0.1]/cx", false)]
    [InlineData("https://10.0.0.1/cx", false)]
    [InlineData("https://169.254.169.254/latest/meta-data", false)]
    [InlineData("https://100.64.1.1/cx", false)]
    [InlineData("https://[fd00::1]/cx", false)]
    [InlineData("https://[fe80::1]/cx", false)]
    [InlineData("https://0.0.0.0/cx", false)]
    [InlineData("https://224.0.0.1/cx", false)]
    public void A_strict_url_is_https_to_a_public_host(string url, bool allowed) =>
        Assert.Equal(allowed, ReceiverPolicy.Strict.CheckUrl(url) is null);

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", true)]
    [InlineData("http://localhost:8080/hook", true)]
    [InlineData("http://[::1]:8080/hook", true)]
    [InlineData("https://127.0.0.1/hook", true)]
    [InlineData("https://hooks.example.com/cx", true)]
    [InlineData("http://hooks.example.com/cx", false)]
    [InlineData("http://10.0.0.1/hook", false)]
    [InlineData("https://192.168.1.10/hook", false)]
    public void The_embedded_defaults_loopback_allowance_admits_http_on_loopback_only(string url, bool allowed) =>
        Assert.Equal(allowed, new ReceiverPolicy(false, false, true).CheckUrl(url) is null);

    [Fact]
    public void Allowing_http_admits_http_to_public_hosts_but_not_private_ones()
    {
        var policy = new ReceiverPolicy(true, false, false);

        Assert.Null(policy.CheckUrl("http://hooks.example.com/cx"));
        Assert.NotNull(policy.CheckUrl("http://10.0.0.1/cx"));
        Assert.NotNull(policy.CheckUrl("http://localhost/cx"));
    }

    [Theory]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("127.0.0.1.")]
    [InlineData("localhost.")]
    public async Task A_loopback_receiver_written_as_ipv6_or_with_the_roots_dot_is_connected_to(string host)
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync();

        await using var stream = await WebhookSender.ConnectAsync(new ReceiverPolicy(false, false, true), new DnsEndPoint(host, port), CancellationToken.None);

        using var client = await accepted.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(client.Connected);
    }
}
