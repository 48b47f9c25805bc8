using System.Net.Http.Headers;
using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Tenants;

[Collection(ClusterCollection.Name)]
public sealed class AuthenticationTests(ClusterFixture cluster)
{
    public static TheoryData<string, string> TenantEndpoints => new()
    {
        { "GET", "/v1/queues" },
        { "GET", "/v1/conversations/c1" },
        { "DELETE", "/v1/conversations/c1" },
        { "POST", "/v1/conversations/c1/events" },
        { "POST", "/v1/events:batch" },
        { "GET", "/v1/agents/a1" },
        { "PUT", "/v1/agents/a1" },
        { "POST", "/v1/agents/a1/status" },
        { "POST", "/v1/agents/a1/conversations/c1/complete" },
    };

    [Theory]
    [MemberData(nameof(TenantEndpoints))]
    public async Task Request_without_a_key_is_401_with_a_bearer_challenge(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonBody("{}") };

        using var response = await cluster.Anonymous.Http.SendAsync(request);

        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("POST", "/v1/conversations/c1/events", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("POST", "/v1/conversations/c1/events", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("PATCH", "/v1/conversations/c1", "application/json", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/v1/no-such-thing", null, HttpStatusCode.NotFound)]
    public async Task Without_a_key_a_body_type_method_or_path_the_api_does_not_take_is_401_too_and_told_only_with_a_key(
        string method, string path, string? mediaType, HttpStatusCode withKey)
    {
        HttpRequestMessage Request() => new(new HttpMethod(method), path)
        {
            Content = mediaType is null ? null : new StringContent("{}", System.Text.Encoding.UTF8, mediaType),
        };
        using var anonymous = Request();
        using var keyed = Request();

        using var refused = await cluster.Anonymous.Http.SendAsync(anonymous);
        using var told = await cluster.Acme.Http.SendAsync(keyed);

        await Json.ProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(refused.Headers.WwwAuthenticate).Scheme);
        await Json.ProblemAsync(told, withKey);
    }

    [Theory]
    [InlineData("Bearer", "not-a-key")]
    [InlineData("Bearer", "acme-key-1x")]
    [InlineData("Basic", "acme-key-1")]
    public async Task Request_with_an_unknown_key_or_scheme_is_401(string scheme, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/queues");
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, key);

        using var response = await cluster.Anonymous.Http.SendAsync(request);

        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Second_key_of_a_tenant_acts_for_the_same_tenant()
    {
        var id = Ids.New("conv");
        await cluster.Acme.SendAsync(id, Events.Started("e1", "chat", "id-ID"));

        var seen = await cluster.AcmeWithSecondKey.SnapshotAsync(id);
        await cluster.AcmeWithSecondKey.SendAsync(id, Events.Customer("e2", "halo"));

        Assert.NotNull(seen);
        Assert.Single((await cluster.Acme.SnapshotAsync(id))!["transcript"]!.AsArray());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_and_the_openapi_document_need_no_key(string path)
    {
        using var response = await cluster.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_key_with_bytes_beyond_ascii_is_an_unknown_key_told_as_a_401_problem()
    {
        // Sent as raw bytes: an HTTP client refuses to put such a header on the wire.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(cluster.Address.Host, cluster.Address.Port);
        var stream = tcp.GetStream();
        byte[] request = [.. "GET /v1/queues HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer d"u8, 0xE9, .. "mo-key\r\nConnection: close\r\n\r\n"u8];
        await stream.WriteAsync(request);

        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 401", answer);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"status\":401", answer);
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
