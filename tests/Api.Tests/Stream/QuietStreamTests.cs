using CxCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace CxCluster.Api.Tests.Stream;

/// <summary>
/// A quiet live stream on a cluster whose keep-alive is longer than its grain calls may take (as shipped: 10 s against
/// 3 s): it stays open, sending only comment lines, for as long as the client reads. And a quiet tenant, whose facts
/// nobody has followed on the silo for longer than <c>Push:IdleSeconds</c>: a new stream still starts from now.
/// </summary>
public sealed class QuietStreamTests : IAsyncLifetime
{
    private const string ClusterId = "cxcluster-quiet-stream-tests";
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FeedIdle = TimeSpan.FromSeconds(1);

    private IHost? silo;
    private WebApplication? api;
    private ApiClient acme = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(ClusterFixture.TenantSettings)
        {
            ["Stream:KeepAliveSeconds"] = KeepAlive.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:ResponseTimeoutSeconds"] = "1",
            ["Push:IdleSeconds"] = FeedIdle.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var ports = FreePorts.Take(2);
        var siloPorts = new LocalCluster.SiloPorts(ports[0], ports[1]);
        silo = await LocalCluster.StartSiloAsync(ClusterId, siloPorts, primarySiloPort: null, settings);
        api = LocalCluster.BuildApi(ClusterId, [siloPorts.GatewayPort], settings);
        await api.StartAsync();
        var address = LocalCluster.AddressOf(api);
        await LocalCluster.WaitUntilReadyAsync(address, LocalCluster.StartTimeout);
        acme = ApiClient.For(address, ClusterFixture.AcmeKey);
    }

    public async Task DisposeAsync()
    {
        acme?.Dispose();
        await LocalCluster.StopAsync(api);
        await LocalCluster.StopAsync(silo);
    }

    [Fact]
    public async Task A_stream_quiet_for_longer_than_a_grain_call_may_take_stays_open_with_a_comment_line_every_keep_alive()
    {
        var conversationId = Ids.New("quiet");
        await using var stream = await SseReader.OpenAsync(acme.Http, $"/v1/stream?conversationId={conversationId}");

        // Three keep-alives span six times the response timeout: a stream ended by a timed-out read throws here.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("keep-alive", (await stream.NextAsync(KeepAlive * 3)).Comment);
        }
        await acme.SendAsync(conversationId, Events.Started("e1", "chat", "id-ID"));
        Assert.Equal("conversation.started", (await stream.NextEventAsync(TimeSpan.FromSeconds(30))).Event);
    }

    [Fact]
    public async Task A_stream_opened_after_nobody_followed_the_tenant_for_a_while_tells_nothing_recorded_before_it()
    {
        var earlier = Ids.New("earlier");
        await using (var first = await SseReader.OpenAsync(acme.Http, $"/v1/stream?conversationId={earlier}"))
        {
            await acme.SendAsync(earlier, Events.Started("e1", "chat", "id-ID"));
            Assert.Equal("conversation.started", (await first.NextEventAsync(TimeSpan.FromSeconds(30))).Event);
        }
        // No reader for longer than the silo follows a tenant nobody reads: the precondition is time itself, which
        // nothing outside the silo can observe.
        await Task.Delay(FeedIdle * 4);
        var id = Ids.New("later");
        await acme.SendAsync(id, Events.Started("e1", "chat", "id-ID"));

        await using var stream = await SseReader.OpenAsync(acme.Http, $"/v1/stream?conversationId={id}");
        await acme.SendAsync(id, Events.Customer("e2", "halo"));
        var told = await stream.EventsUntilAsync("message.recorded", TimeSpan.FromSeconds(30));

        Assert.Equal(["message.recorded"], told.Select(e => e.Event).Distinct());
    }
}
