using System.Net.Http.Headers;
using System.Text;

namespace CxCluster.Api.Tests.Infrastructure;

/// <summary>An HTTP client that calls the API as one tenant (or anonymously), with helpers named after the contract.</summary>
public sealed class ApiClient : IDisposable
{
    private ApiClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static ApiClient For(Uri address, string? key)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return new ApiClient(http);
    }

    public void Dispose() => Http.Dispose();

    public static string Events(string conversationId) => $"/v1/conversations/{conversationId}/events";

    public const string Batch = "/v1/events:batch";

    public Task<HttpResponseMessage> PostAsync(string path, JsonNode? body) => PostRawAsync(path, body?.ToJsonString() ?? "");

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType = "application/json") =>
        Http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    public Task<HttpResponseMessage> PutAsync(string path, JsonNode body) =>
        Http.PutAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public Task<HttpResponseMessage> DeleteAsync(string path) => Http.DeleteAsync(path);

    /// <summary>Sends one event and returns the EventResult, failing the test on anything but 200.</summary>
    public async Task<JsonNode> SendAsync(string conversationId, JsonObject @event)
    {
        using var response = await PostAsync(Events(conversationId), @event);
        return await Json.OkAsync(response);
    }

    /// <summary>The conversation's snapshot, or null when the API answers 404.</summary>
    public async Task<JsonNode?> SnapshotAsync(string conversationId)
    {
        using var response = await GetAsync($"/v1/conversations/{conversationId}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            await Json.ProblemAsync(response, HttpStatusCode.NotFound);
            return null;
        }
        return await Json.OkAsync(response);
    }

    public async Task<JsonNode> RegisterAgentAsync(
        string agentId, string displayName, string[] languages, string[] channels, int capacity)
    {
        using var response = await PutAsync($"/v1/agents/{agentId}", new JsonObject
        {
            ["displayName"] = displayName,
            ["languages"] = new JsonArray([.. languages.Select(l => JsonValue.Create(l))]),
            ["channels"] = new JsonArray([.. channels.Select(c => JsonValue.Create(c))]),
            ["capacity"] = capacity,
        });
        return await Json.OkAsync(response);
    }

    public async Task<JsonNode> SetAgentStatusAsync(string agentId, string status)
    {
        using var response = await PostAsync($"/v1/agents/{agentId}/status", new JsonObject { ["status"] = status });
        return await Json.OkAsync(response);
    }

    /// <summary>The agent, or null when the API answers 404.</summary>
    public async Task<JsonNode?> AgentAsync(string agentId)
    {
        using var response = await GetAsync($"/v1/agents/{agentId}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            await Json.ProblemAsync(response, HttpStatusCode.NotFound);
            return null;
        }
        return await Json.OkAsync(response);
    }

    public async Task<JsonNode> CompleteAsync(string agentId, string conversationId)
    {
        using var response = await PostAsync($"/v1/agents/{agentId}/conversations/{conversationId}/complete", null);
        return await Json.OkAsync(response);
    }

    public async Task<JsonArray> QueuesAsync()
    {
        using var response = await GetAsync("/v1/queues");
        var body = await Json.OkAsync(response);
        Json.HasFields(body, "queues");
        return body["queues"]!.AsArray();
    }
}
