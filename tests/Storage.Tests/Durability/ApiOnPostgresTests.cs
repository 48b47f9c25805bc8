using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CxCluster.Api;
using CxCluster.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Orleans.TestingHost;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>The API as an operator runs it against PostgreSQL: restarted, and with the database going away and coming back.</summary>
public sealed class ApiOnPostgresTests : IAsyncLifetime
{
    private const string Key = "acme-key";

    private PostgresDatabase _database = null!;
    private TcpProxy _proxy = null!;
    private TestCluster _cluster = null!;

    /// <summary>Everything reaches the database through the proxy, so the test can take the database away.</summary>
    private string ConnectionString => new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = _proxy.Port }.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        var target = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        _proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, target.Port), FreePorts.One());
        _proxy.Start();
        _cluster = await DurableCluster.StartAsync(ConnectionString, silos: 2);
    }

    public async Task DisposeAsync()
    {
        _proxy.Start();
        await ClusterStop.StopAsync(_cluster);
        await _proxy.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_api_restarted_against_the_same_database_sees_the_same_conversations()
    {
        string before;
        await using (var api = await StartApi())
        {
            using var http = Client(api);
            await Post(http, "c-restart", """{"id":"e1","type":"conversation.started","channel":"whatsapp","locale":"id-ID"}""");
            await Post(http, "c-restart", """{"id":"e2","type":"customer.message","text":"ini bot ya? email saya budi@contoh.co.id"}""");
            before = await http.GetStringAsync("/v1/conversations/c-restart");
        }

        await using var restarted = await StartApi();
        using var again = Client(restarted);
        var after = await again.GetStringAsync("/v1/conversations/c-restart");

        Assert.Equal(before, after);
        Assert.Contains("[email]", after);
        Assert.Equal(1, JsonDocument.Parse(after).RootElement.GetProperty("transcript").GetArrayLength());
    }

    [Fact]
    public async Task While_the_database_is_away_callers_get_503_with_retry_after_and_the_cluster_recovers_without_a_restart()
    {
        await using var api = await StartApi();
        using var http = Client(api);
        await Post(http, "c-before", """{"id":"e1","type":"conversation.started","channel":"chat","locale":"en-US"}""");

        _proxy.Stop();
        var refused = await Eventually.ReturnsAsync(
            () => http.PostAsync("/v1/conversations/c-during/events", Json("""{"id":"e1","type":"conversation.started","channel":"chat","locale":"en-US"}""")),
            response => response.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30),
            "an event to be refused with 503 while the database is away");

        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.DoesNotContain("   at ", await refused.Content.ReadAsStringAsync());

        _proxy.Start();
        var accepted = await Eventually.ReturnsAsync(
            () => http.PostAsync("/v1/conversations/c-during/events", Json("""{"id":"e1","type":"conversation.started","channel":"chat","locale":"en-US"}""")),
            response => response.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30),
            "events to be answered again once the database is back");
        var earlier = await http.GetFromJsonAsync<JsonElement>("/v1/conversations/c-before");

        Assert.Equal("ai", earlier.GetProperty("status").GetString());
        Assert.Single(earlier.GetProperty("disclosure").GetProperty("history").EnumerateArray());
        accepted.Dispose();
    }

    [Fact]
    public async Task An_api_started_while_its_database_is_unreachable_stays_up_not_ready_and_answers_503()
    {
        _proxy.Stop();
        var port = FreePorts.One();
        await using var api = BuildApi($"http://127.0.0.1:{port}");
        // Start-up completes only once the cluster client connects; the HTTP server answers long before that.
        var starting = api.StartAsync();
        using var http = Client(new Uri($"http://127.0.0.1:{port}"));
        await Eventually.ReturnsAsync(async () => await Answers(http, "/health/live"), up => up, TimeSpan.FromSeconds(30), "the API to answer while its database is away");

        using var live = await http.GetAsync("/health/live");
        using var ready = await http.GetAsync("/health/ready");
        using var refused = await http.PostAsync("/v1/conversations/c-early/events", Json("""{"id":"e1","type":"conversation.started","channel":"chat","locale":"en-US"}"""));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);

        _proxy.Start();
        await starting.WaitAsync(TimeSpan.FromSeconds(60));
        await Eventually.ReturnsAsync(() => http.GetAsync("/health/ready"), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the API to become ready once the database is back");
    }

    private static async Task<bool> Answers(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<WebApplication> StartApi()
    {
        var app = BuildApi("http://127.0.0.1:0");
        await app.StartAsync();
        await LocalCluster.WaitUntilReadyAsync(LocalCluster.AddressOf(app), TimeSpan.FromSeconds(30));
        return app;
    }

    private WebApplication BuildApi(string url) =>
        CxClusterApi.CreateApp([], builder =>
        {
            builder.WebHost.UseUrls(url);
            TestHostLifetime.Use(builder.Services);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:CxCluster"] = ConnectionString,
                ["Cluster:ClusterId"] = _cluster.Options.ClusterId,
                ["Cluster:ServiceId"] = _cluster.Options.ServiceId,
                [$"Tenants:{DurableCluster.Tenant}:ApiKeys:0"] = Key,
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });

    private static HttpClient Client(WebApplication api) => Client(LocalCluster.AddressOf(api));

    private static HttpClient Client(Uri address)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return http;
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static async Task Post(HttpClient http, string conversationId, string body)
    {
        using var response = await http.PostAsync($"/v1/conversations/{conversationId}/events", Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
