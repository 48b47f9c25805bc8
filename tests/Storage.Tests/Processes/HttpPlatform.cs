using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxCluster.TestSupport.Invariants;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>An HTTP answer the platform accepted: its status, its body, and how many attempts it took.</summary>
public sealed record Answer(int Status, string Body, int Attempts)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>
/// A contact-center platform over HTTP, as the contract asks one to behave: every request that gets a 503 or no answer
/// (refused, reset, timed out) is sent again, the same event with the same id, until it is answered. It keeps what was
/// acknowledged (each conversation's turns, the disclosures it was given) so the cluster can be checked against it,
/// records every attempt in a <see cref="RequestJournal"/>, and collects every answer that breaks the contract.
/// </summary>
public sealed class HttpPlatform(HttpClient http, RequestJournal journal) : IDisposable
{
    /// <summary>How long one request may go unanswered, over all its attempts, before the platform gives up.</summary>
    public static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(150);

    private int _eventsAnswered;
    private int _completes;

    public RequestJournal Journal => journal;

    public ConcurrentDictionary<string, PlayedConversation> Conversations { get; } = new();

    public ConcurrentDictionary<string, RegisteredAgent> Agents { get; } = new();

    /// <summary>Offers declined: each agent and the conversation it declined (it is never offered that handoff again).</summary>
    public ConcurrentDictionary<(string AgentId, string ConversationId), bool> Declined { get; } = new();

    /// <summary>Answers that broke a guarantee (an unexpected status, a retried complete refused, AI allowed undisclosed).</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    public int EventsAnswered => Volatile.Read(ref _eventsAnswered);

    public int Completes => Volatile.Read(ref _completes);

    /// <summary>Sends until answered with anything but 503, 5xx, 429 or no answer, backing off up to half a second.</summary>
    public async Task<Answer> SendAsync(string kind, HttpMethod method, string path, string? body)
    {
        var firstStart = journal.Now;
        var number = journal.NextRequest();
        for (var attempt = 1; ; attempt++)
        {
            var start = journal.Now;
            int status;
            string text;
            var retryAfter = false;
            try
            {
                using var request = new HttpRequestMessage(method, path);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }
                using var response = await http.SendAsync(request);
                text = await response.Content.ReadAsStringAsync();
                status = (int)response.StatusCode;
                retryAfter = response.Headers.RetryAfter is not null;
                journal.Add(new RequestRecord(number, kind, attempt, start, journal.Now, status, null));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                journal.Add(new RequestRecord(number, kind, attempt, start, journal.Now, 0, $"{e.GetType().Name}: {e.Message}"));
                status = 0;
                text = e.Message;
            }

            if (status is not (0 or 429 or >= 500))
            {
                return new Answer(status, text, attempt);
            }
            if (status is not (0 or 503) || (status == 503 && !retryAfter))
            {
                Violations.Enqueue($"{method} {path} ({kind}) answered {status}{(status == 503 ? " without Retry-After" : ", not 503")}: {Shorten(text)}");
            }
            if (journal.Now - firstStart > AnswerLimit)
            {
                throw new TimeoutException($"{method} {path} ({kind}) was not answered in {AnswerLimit} ({attempt} attempts); last: {status} {Shorten(text)}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(500, 25 << Math.Min(attempt, 5))));
        }
    }

    public PlayedConversation Begin(string id, string locale) =>
        Conversations.TryAdd(id, new PlayedConversation(id, locale))
            ? Conversations[id]
            : throw new InvalidOperationException($"conversation {id} was already played");

    /// <summary>
    /// Sends one event until it is answered and records what the answer acknowledged. Null when it was refused as
    /// expected: a 409 for a conversation this platform has already ended.
    /// </summary>
    public async Task<JsonElement?> EventAsync(PlayedConversation conversation, string type, Action<JsonObject>? fields = null)
    {
        var id = conversation.NextEventId();
        var body = new JsonObject { ["id"] = id, ["type"] = type };
        fields?.Invoke(body);
        var answer = await SendAsync($"event {type}", HttpMethod.Post, $"/v1/conversations/{conversation.Id}/events", body.ToJsonString());
        switch (answer.Status)
        {
            case (int)HttpStatusCode.OK:
                var result = answer.Json;
                Acknowledge(conversation, type, body, result);
                Interlocked.Increment(ref _eventsAnswered);
                return result;
            // After conversation.ended: refused as the contract says (for the ended event itself, only on a retry).
            case (int)HttpStatusCode.Conflict when conversation.EndSent && (type != "conversation.ended" || answer.Attempts > 1):
                return null;
            default:
                Violations.Enqueue($"{conversation.Id}/{id} ({type}, attempt {answer.Attempts}) answered {answer.Status}: {Shorten(answer.Body)}");
                return null;
        }
    }

    /// <summary>Confirms every disclosure a directive asked to deliver, as a platform does once the notice is shown.</summary>
    public async Task DeliverDisclosuresAsync(PlayedConversation conversation)
    {
        while (conversation.TakeUndelivered() is { } disclosureId)
        {
            await EventAsync(conversation, "disclosure.delivered", e => e["disclosureId"] = disclosureId);
        }
    }

    /// <summary>conversation.ended; never while a complete or an offer's answer for the same conversation is in flight.</summary>
    public async Task EndAsync(PlayedConversation conversation)
    {
        await conversation.Gate.WaitAsync();
        try
        {
            conversation.EndSent = true;
            await EventAsync(conversation, "conversation.ended", e => e["reason"] = "resolved");
        }
        finally
        {
            conversation.Gate.Release();
        }
    }

    public async Task RegisterAgentAsync(string agentId, int capacity, string[] languages, string[] channels)
    {
        var displayName = $"Agent {agentId}";
        Agents[agentId] = new RegisteredAgent(agentId, new AgentProfile
        {
            DisplayName = displayName,
            Languages = languages,
            Channels = [.. channels.Select(c => WireNames.TryParseChannel(c, out var channel) ? channel : throw new ArgumentException($"no channel '{c}'"))],
            Capacity = capacity,
        });
        var body = new JsonObject
        {
            ["displayName"] = displayName,
            ["languages"] = new JsonArray([.. languages.Select(l => JsonValue.Create(l))]),
            ["channels"] = new JsonArray([.. channels.Select(c => JsonValue.Create(c))]),
            ["capacity"] = capacity,
        };
        Expect200(await SendAsync("agent put", HttpMethod.Put, $"/v1/agents/{agentId}", body.ToJsonString()), $"PUT /v1/agents/{agentId}");
    }

    public async Task SetStatusAsync(string agentId, string status) =>
        Expect200(await SendAsync($"agent {status}", HttpMethod.Post, $"/v1/agents/{agentId}/status", new JsonObject { ["status"] = status }.ToJsonString()),
            $"status {status} for {agentId}");

    /// <summary>The conversation ids the agent holds now.</summary>
    public async Task<IReadOnlyList<string>> HeldByAsync(string agentId, string kind = "agent get")
    {
        var answer = await SendAsync(kind, HttpMethod.Get, $"/v1/agents/{agentId}", null);
        if (answer.Status != (int)HttpStatusCode.OK)
        {
            Violations.Enqueue($"GET /v1/agents/{agentId} answered {answer.Status}: {Shorten(answer.Body)}");
            return [];
        }
        return [.. answer.Json.GetProperty("conversations").EnumerateArray().Select(c => c.GetString()!)];
    }

    /// <summary>The agent's open offers now, each as its offer id and conversation id.</summary>
    public async Task<IReadOnlyList<(string OfferId, string ConversationId)>> OffersAsync(string agentId)
    {
        var answer = await SendAsync("offers get", HttpMethod.Get, $"/v1/agents/{agentId}/offers", null);
        if (answer.Status != (int)HttpStatusCode.OK)
        {
            Violations.Enqueue($"GET /v1/agents/{agentId}/offers answered {answer.Status}: {Shorten(answer.Body)}");
            return [];
        }
        return [.. answer.Json.GetProperty("offers").EnumerateArray()
            .Select(o => (o.GetProperty("offerId").GetString()!, o.GetProperty("conversationId").GetString()!))];
    }

    /// <summary>
    /// Accepts (or declines) an offer the agent was just seen to have open; never while the conversation's end is being
    /// sent (nor after it). A retry must answer as the first attempt would have (200, or 204 for a decline: the first
    /// may have gone through); a first attempt may answer 409 when the offer ended meanwhile. True when the offer was
    /// accepted (or declined).
    /// </summary>
    public async Task<bool> AnswerOfferAsync(string agentId, string offerId, string conversationId, bool accept)
    {
        var conversation = Conversations.GetValueOrDefault(conversationId);
        return conversation is null ? await AnswerAsync() : await conversation.UnlessEndedAsync(AnswerAsync);

        async Task<bool> AnswerAsync()
        {
            if (!accept)
            {
                // Before it is sent: from its first attempt on, the agent may never be offered the conversation again.
                Declined[(agentId, conversationId)] = true;
            }
            var path = $"/v1/agents/{agentId}/offers/{offerId}/{(accept ? "accept" : "decline")}";
            var answer = await SendAsync(accept ? "accept" : "decline", HttpMethod.Post, path, accept ? null : "{}");
            switch (answer.Status)
            {
                case (int)HttpStatusCode.OK when accept:
                case (int)HttpStatusCode.NoContent when !accept:
                    return true;
                case (int)HttpStatusCode.Conflict when answer.Attempts == 1:
                    return false;
                default:
                    Violations.Enqueue($"POST {path} answered {answer.Status} on attempt {answer.Attempts}: {Shorten(answer.Body)}");
                    return false;
            }
        }
    }

    /// <summary>
    /// Completes a conversation the agent was just seen holding. A retry must answer 200 (the first attempt may have
    /// gone through); a first attempt may answer 409 only if the conversation is in fact not with that agent.
    /// </summary>
    public Task CompleteAsync(string agentId, PlayedConversation conversation) => conversation.UnlessEndedAsync(async () =>
    {
        var path = $"/v1/agents/{agentId}/conversations/{conversation.Id}/complete";
        var answer = await SendAsync("complete", HttpMethod.Post, path, null);
        if (answer.Status == (int)HttpStatusCode.OK)
        {
            Interlocked.Increment(ref _completes);
            return true;
        }
        if (answer.Status == (int)HttpStatusCode.Conflict && answer.Attempts > 1)
        {
            Violations.Enqueue($"POST {path} answered 409 on attempt {answer.Attempts} (a retried complete must answer 200): {Shorten(answer.Body)}");
            return false;
        }
        if (answer.Status == (int)HttpStatusCode.Conflict)
        {
            var snapshot = await SendAsync("check", HttpMethod.Get, $"/v1/conversations/{conversation.Id}", null);
            var now = snapshot.Status == (int)HttpStatusCode.OK ? snapshot.Json : default;
            if (now.ValueKind == JsonValueKind.Object && now.GetProperty("status").GetString() == "human"
                && now.GetProperty("handoff").TryGetProperty("agentId", out var holder) && holder.GetString() == agentId)
            {
                Violations.Enqueue($"POST {path} answered 409 although the conversation is with {agentId}: {Shorten(answer.Body)}");
            }
            return false;
        }
        Violations.Enqueue($"POST {path} answered {answer.Status}: {Shorten(answer.Body)}");
        return false;
    });

    public void Dispose() => http.Dispose();

    private void Acknowledge(PlayedConversation conversation, string type, JsonObject sent, JsonElement result)
    {
        var duplicate = result.GetProperty("duplicate").GetBoolean();
        var snapshot = result.GetProperty("conversation");
        var current = snapshot.GetProperty("disclosure").TryGetProperty("disclosureId", out var d) ? d.GetString() : null;
        var allowed = false;
        foreach (var directive in result.GetProperty("directives").EnumerateArray())
        {
            switch (directive.GetProperty("type").GetString())
            {
                case "disclose":
                    conversation.Disclosed(directive.GetProperty("disclosureId").GetString()!);
                    break;
                case "allow-ai":
                    allowed = true;
                    // A duplicate repeats the first answer's directives with today's snapshot, whose disclosure may be newer.
                    var disclosedFirst = duplicate ? conversation.AnyDisclosed : current is not null && conversation.WasDisclosed(current);
                    if (!disclosedFirst)
                    {
                        Violations.Enqueue($"{conversation.Id}/{sent["id"]}: allow-ai answered before a disclose of its disclosure {current ?? "(none)"}");
                    }
                    break;
            }
        }
        if (type == "customer.message" || (type == "ai.message" && allowed))
        {
            conversation.Acknowledged(type == "customer.message" ? Speaker.Customer : Speaker.Ai, (string)sent["text"]!);
        }
        conversation.LastStatus = snapshot.GetProperty("status").GetString();
    }

    private void Expect200(Answer answer, string what)
    {
        if (answer.Status != (int)HttpStatusCode.OK)
        {
            Violations.Enqueue($"{what} answered {answer.Status} (attempt {answer.Attempts}): {Shorten(answer.Body)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

/// <summary>What the platform sent one conversation and what the cluster acknowledged.</summary>
public sealed class PlayedConversation(string id, string locale)
{
    private readonly Lock _gate = new();
    private readonly List<(Speaker From, string Text)> _turns = [];
    private readonly HashSet<string> _disclosed = [];
    private readonly HashSet<string> _delivered = [];
    private readonly Queue<string> _undelivered = new();

    public string Id { get; } = id;

    public string Locale { get; } = locale;

    /// <summary>Held while conversation.ended, a complete or an offer's answer is sent, so they never race each other.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    private int _events;
    private volatile bool _endSent;

    /// <summary>Set before conversation.ended is first sent: from then on a 409 for it is the contract's answer.</summary>
    public bool EndSent
    {
        get => _endSent;
        set => _endSent = value;
    }

    public string? LastStatus { get; set; }

    /// <summary>Customer and AI turns the cluster acknowledged, in the order they were sent.</summary>
    public IReadOnlyList<(Speaker From, string Text)> Turns
    {
        get
        {
            lock (_gate)
            {
                return [.. _turns];
            }
        }
    }

    public bool AnyDisclosed
    {
        get
        {
            lock (_gate)
            {
                return _disclosed.Count > 0;
            }
        }
    }

    public string NextEventId() => $"e{Interlocked.Increment(ref _events)}";

    public void Acknowledged(Speaker from, string text)
    {
        lock (_gate)
        {
            _turns.Add((from, text));
        }
    }

    public void Disclosed(string disclosureId)
    {
        lock (_gate)
        {
            if (_disclosed.Add(disclosureId))
            {
                _undelivered.Enqueue(disclosureId);
            }
        }
    }

    public bool WasDisclosed(string disclosureId)
    {
        lock (_gate)
        {
            return _disclosed.Contains(disclosureId);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> holding <see cref="Gate"/>, unless conversation.ended was sent: then nothing is
    /// sent and the answer is false.
    /// </summary>
    public async Task<bool> UnlessEndedAsync(Func<Task<bool>> action)
    {
        await Gate.WaitAsync();
        try
        {
            return !EndSent && await action();
        }
        finally
        {
            Gate.Release();
        }
    }

    public string? TakeUndelivered()
    {
        lock (_gate)
        {
            while (_undelivered.TryDequeue(out var next))
            {
                if (_delivered.Add(next))
                {
                    return next;
                }
            }
            return null;
        }
    }
}
