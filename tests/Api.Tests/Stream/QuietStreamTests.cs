using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Stream;

/// <summary>
/// A quiet live stream on a cluster whose keep-alive is longer than its grain calls may take (as shipped: 10 s against
/// 3 s): it stays open, sending only comment lines, for as long as the client reads.
/// </summary>
public sealed class QuietStreamTests : IAsyncLifetime
{
    private const string ClusterId = "cxcluster-quiet-stream-tests";
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(2);

    private OwnCluster? cluster;
    private ApiClient acme = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(ClusterFixture.TenantSettings)
        {
            ["Stream:KeepAliveSeconds"] = KeepAlive.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:ResponseTimeoutSeconds"] = "1",
        };
        cluster = await OwnCluster.StartAsync(ClusterId, settings);
        acme = cluster.Client(ClusterFixture.AcmeKey);
    }

    public async Task DisposeAsync()
    {
        acme?.Dispose();
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
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
}
