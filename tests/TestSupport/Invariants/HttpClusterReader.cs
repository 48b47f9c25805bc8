using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxCluster.TestSupport.Invariants;

/// <summary>
/// Reads a tenant over the v1 API, as its platform sees it: <paramref name="get"/> answers a <c>GET</c> of a path with
/// its status and body. 404 means unknown; any other answer but 200 is a failure to read.
/// </summary>
public sealed class HttpClusterReader(Func<string, Task<(int Status, string Body)>> get) : IClusterReader
{
    private static readonly JsonSerializerOptions Contract = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Reads with <paramref name="http"/> (its base address and key), once per read.</summary>
    public HttpClusterReader(HttpClient http) : this(path => GetAsync(http, path))
    {
    }

    public async Task<AgentDetails?> AgentAsync(string agentId) =>
        await ReadAsync<AgentBody>($"/v1/agents/{agentId}") is { } agent
            ? new AgentDetails
            {
                AgentId = agent.AgentId,
                Profile = new AgentProfile { DisplayName = agent.DisplayName, Languages = agent.Languages, Channels = agent.Channels, Capacity = agent.Capacity },
                Status = agent.Status,
                Conversations = agent.Conversations,
            }
            : null;

    public async Task<IReadOnlyList<string>?> OfferedAsync(string agentId) =>
        await ReadAsync<OfferList>($"/v1/agents/{agentId}/offers") is { } list ? [.. list.Offers.Select(o => o.ConversationId)] : null;

    public Task<ConversationSnapshot?> ConversationAsync(string conversationId) =>
        ReadAsync<ConversationSnapshot>($"/v1/conversations/{conversationId}");

    public async Task<IReadOnlyList<QueueStats>> QueuesAsync() =>
        (await ReadAsync<QueueList>("/v1/queues") ?? throw new HttpRequestException("GET /v1/queues answered 404")).Queues;

    private async Task<T?> ReadAsync<T>(string path) where T : class
    {
        var (status, body) = await get(path);
        return status switch
        {
            (int)HttpStatusCode.OK => JsonSerializer.Deserialize<T>(body, Contract) ?? throw new JsonException($"GET {path} answered null"),
            (int)HttpStatusCode.NotFound => null,
            _ => throw new HttpRequestException($"GET {path} answered {status}: {(body.Length <= 300 ? body : body[..300] + "…")}"),
        };
    }

    private static async Task<(int Status, string Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An agent as <c>GET /v1/agents/{agentId}</c> writes it.</summary>
    private sealed record AgentBody(
        string AgentId, string DisplayName, IReadOnlyList<string> Languages, IReadOnlyList<Channel> Channels, int Capacity,
        AgentStatus Status, IReadOnlyList<string> Conversations);

    private sealed record QueueList(IReadOnlyList<QueueStats> Queues);

    /// <summary>An agent's open offers as <c>GET /v1/agents/{agentId}/offers</c> writes them (only what the checks read).</summary>
    private sealed record OfferList(IReadOnlyList<OfferBody> Offers);

    private sealed record OfferBody(string OfferId, string ConversationId);
}
