using System.Collections.Concurrent;
using CxCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CxCluster.Api.Tests.Cluster;

/// <summary>
/// The silo and the API in one process (src/Server, what the embedded run starts), joined by a second silo of its own
/// process kind: the API calls the grains through the silo's own client, and grains placed on either silo answer. Its
/// silo's health is on a port of its own; asked to stop, it is unready at once and answers what is in flight.
/// </summary>
public sealed class CohostedServerTests : IAsyncLifetime
{
    private const string ClusterId = "cxcluster-cohosted-tests";
    private WebApplication? server;
    private IHost? secondSilo;
    private ApiClient acme = null!;
    private ApiClient anonymous = null!;
    private int healthPort;

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(5);
        healthPort = ports[4];
        var first = new LocalCluster.SiloPorts(ports[0], ports[1]);
        var second = new LocalCluster.SiloPorts(ports[2], ports[3]);
        server = await CohostedServer.StartAsync(ClusterId, first, ClusterFixture.TenantSettings,
            builder => builder.Configuration.AddInMemoryCollection([new("Cluster:HealthPort", healthPort.ToString())]));
        secondSilo = await LocalCluster.StartSiloAsync(ClusterId, second, first.SiloPort, ClusterFixture.TenantSettings);
        var address = LocalCluster.AddressOf(server);
        await LocalCluster.WaitUntilReadyAsync(address, LocalCluster.StartTimeout);
        acme = ApiClient.For(address, ClusterFixture.AcmeKey);
        anonymous = ApiClient.For(address, key: null);
    }

    public async Task DisposeAsync()
    {
        acme?.Dispose();
        anonymous?.Dispose();
        await LocalCluster.StopAsync(secondSilo);
        if (server is not null)
        {
            await LocalCluster.StopAsync(server);
        }
    }

    [Fact]
    public async Task Conversations_are_disclosed_answered_and_handed_off_through_the_cohosted_api_with_a_second_silo_joined()
    {
        // Several conversations, so that random placement is likely to put some on the second silo too.
        for (var i = 0; i < 12; i++)
        {
            var id = Ids.New("cohosted");
            var started = await acme.SendAsync(id, Events.Started("e1", "chat", "en-US"));
            Assert.Equal("disclose", Assert.Single(started.Directives()).Text("type"));

            var asked = await acme.SendAsync(id, Events.Customer("e2", "are you a bot? put me through to a human please"));
            Assert.Contains("answer-identity", asked.DirectiveTypes());
            Assert.Contains("handoff", asked.DirectiveTypes());

            var again = await acme.SendAsync(id, Events.Customer("e2", "are you a bot? put me through to a human please"));
            Assert.True(again["duplicate"]!.GetValue<bool>());
            Assert.Equal(asked.DirectiveTypes(), again.DirectiveTypes());
            Assert.Equal(id, (await acme.SnapshotAsync(id))!.Text("id"));
        }
    }

    [Fact]
    public async Task Keys_bad_input_and_health_are_answered_as_by_the_api_alone()
    {
        using var live = await anonymous.GetAsync("/health/ready");
        using var unauthorised = await anonymous.PostAsync(ApiClient.Events(Ids.New("cohosted")), Events.Started("e1", "chat", "en-US"));
        using var bad = await acme.PostAsync(ApiClient.Events(Ids.New("cohosted")), new JsonObject { ["type"] = "customer.message", ["text"] = "hi" });

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        var problem = await Json.ProblemAsync(bad, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["id"]);
        // Nothing tells outsiders what serves the API.
        Assert.All(new[] { live, unauthorised, bad }, response => Assert.Empty(response.Headers.Server));
    }

    [Fact]
    public async Task An_id_or_a_query_far_longer_than_any_allowed_is_a_problem_naming_its_field_not_a_bare_status()
    {
        var longId = new string('x', 20_000);

        using var read = await acme.GetAsync($"/v1/conversations/{longId}");
        using var sent = await acme.PostAsync(ApiClient.Events(longId), Events.Started("e1", "chat", "en-US"));
        using var agent = await acme.GetAsync($"/v1/agents/{longId}");
        using var stream = await acme.GetAsync($"/v1/stream?types={string.Join(',', Enumerable.Repeat("no.such.type", 2_000))}");

        Assert.NotNull((await Json.ProblemAsync(read, HttpStatusCode.BadRequest))["errors"]!["conversationId"]);
        Assert.NotNull((await Json.ProblemAsync(sent, HttpStatusCode.BadRequest))["errors"]!["conversationId"]);
        Assert.NotNull((await Json.ProblemAsync(agent, HttpStatusCode.BadRequest))["errors"]!["agentId"]);
        Assert.NotNull((await Json.ProblemAsync(stream, HttpStatusCode.BadRequest))["errors"]!["types"]);
    }

    [Fact]
    public async Task The_silo_answers_its_health_on_its_own_port_beside_the_api()
    {
        using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}") };

        using var live = await health.GetAsync("/health/live");
        using var started = await health.GetAsync("/health/startup");
        using var ready = await health.GetAsync("/health/ready");
        using var api = await health.GetAsync(ApiClient.Events(Ids.New("cohosted")));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        // Only health here: the API stays on its own address.
        await Json.ProblemAsync(api, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_write_to_a_health_route_is_405_naming_GET_and_HEAD_on_either_port()
    {
        using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}") };

        using var onSilo = await health.PostAsync("/health/live", null);
        using var onApi = await anonymous.Http.PostAsync("/health/live", null);

        foreach (var response in new[] { onSilo, onApi })
        {
            await Json.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
            Assert.Contains("GET", response.Content.Headers.Allow);
            Assert.Contains("HEAD", response.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task Stopping_the_server_makes_it_unready_at_once_and_every_request_is_answered_or_refused()
    {
        using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}") };
        using var playing = new CancellationTokenSource();
        var answers = new ConcurrentQueue<string>();
        var lanes = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var id = Ids.New("stopping");
            for (var n = 1; !playing.IsCancellationRequested; n++)
            {
                answers.Enqueue(await SendAsync(id, n == 1 ? Events.Started("e1", "chat", "en-US") : Events.Customer($"e{n}", $"hello {n}")));
            }
        })).ToList();
        await Eventually.HoldsAsync(() => Task.FromResult(answers.Count(a => a == "200") >= 40), TimeSpan.FromSeconds(30), "40 answers before the stop");

        var stopping = server!.StopAsync();
        var ready = await Eventually.ReturnsAsync(() => ReadyAsync(health), status => status != HttpStatusCode.OK, TimeSpan.FromSeconds(10),
            "the server's /health/ready to turn 503 once it is asked to stop");
        await stopping;
        playing.Cancel();
        await Task.WhenAll(lanes);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        // Requests in flight are answered, or 503 with Retry-After; once the API has stopped listening, connections are refused.
        var unexpected = answers.Where(a => a is not ("200" or "503" or "refused")).ToList();
        Assert.True(unexpected.Count == 0, string.Join(", ", unexpected));
        Assert.Equal("refused", await SendAsync(Ids.New("stopped"), Events.Started("e1", "chat", "en-US")));
    }

    private async Task<string> SendAsync(string id, JsonObject @event)
    {
        try
        {
            using var response = await acme.PostAsync(ApiClient.Events(id), @event);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => "200",
                HttpStatusCode.ServiceUnavailable when response.Headers.RetryAfter is not null => "503",
                var other => $"{(int)other}: {await response.Content.ReadAsStringAsync()}",
            };
        }
        catch (HttpRequestException)
        {
            return "refused";
        }
    }

    private static async Task<HttpStatusCode?> ReadyAsync(HttpClient health)
    {
        try
        {
            using var response = await health.GetAsync("/health/ready");
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
