using System.Net.Http.Headers;
using CxCluster.Api.Http;
using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Validation;

/// <summary>
/// An id of "." or ".." in a path, written plainly or percent-encoded, or an empty one with more of the path after it,
/// is a 400 naming the id's field, not the answer of whatever path the server would resolve it to (or a 404); a caller
/// without a key still hears 401 first.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DotSegmentPathTests(ClusterFixture cluster)
{
    [Theory]
    [InlineData("GET", "/v1/conversations/%2E%2E", "conversationId")]
    [InlineData("GET", "/v1/conversations/%2e", "conversationId")]
    [InlineData("POST", "/v1/conversations/../events", "conversationId")]
    [InlineData("DELETE", "/v1/conversations/.", "conversationId")]
    [InlineData("PUT", "/v1/webhooks/.", "webhookId")]
    [InlineData("GET", "/v1/webhooks/%2E./failures", "webhookId")]
    [InlineData("PUT", "/v1/agents/..", "agentId")]
    [InlineData("POST", "/v1/agents/sari/offers/./accept", "offerId")]
    [InlineData("GET", "/v1/agents/sari/conversations/../context", "conversationId")]
    [InlineData("POST", "/v1/conversations//events", "conversationId")]
    [InlineData("GET", "/v1/agents//offers", "agentId")]
    [InlineData("POST", "/v1/agents/sari/offers//decline", "offerId")]
    [InlineData("POST", "/v1/agents/sari/conversations//complete", "conversationId")]
    [InlineData("POST", "/v1/webhooks//replay", "webhookId")]
    public async Task A_dot_segment_or_empty_id_is_400_naming_its_field(string method, string path, string field)
    {
        using var response = await SendRawAsync(cluster.Acme.Http, method, path, authorized: true);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Without_a_key_a_dot_segment_path_hears_401_first()
    {
        using var response = await SendRawAsync(cluster.Acme.Http, "GET", "/v1/conversations/%2E%2E", authorized: false);

        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/v1/conversations/a.b")]
    [InlineData("/v1/conversations/...")]
    [InlineData("/v1/conversations/c1?x=..")]
    [InlineData("/health/../v1")]
    [InlineData("/v1/webhooks/")]
    [InlineData("/v1/conversations/c1/")]
    public void Dots_that_are_no_segment_of_their_own_and_a_closing_slash_are_not_refused(string path) =>
        Assert.Null(DotSegments.DotSegmentField(path));

    /// <summary>Sends <paramref name="path"/> exactly as written: the client would otherwise resolve the dot segments itself.</summary>
    private static async Task<HttpResponseMessage> SendRawAsync(HttpClient http, string method, string path, bool authorized)
    {
        var uri = new Uri(http.BaseAddress! + path.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (!authorized)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "no-such-key");
        }
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        return await http.SendAsync(request);
    }
}
