namespace CxCluster.Api.Tests.Infrastructure;

/// <summary>Event bodies as a platform writes them.</summary>
public static class Events
{
    public static JsonObject Started(string id, string channel, string locale) =>
        new() { ["id"] = id, ["type"] = "conversation.started", ["channel"] = channel, ["locale"] = locale };

    public static JsonObject Customer(string id, string text) => new() { ["id"] = id, ["type"] = "customer.message", ["text"] = text };

    public static JsonObject Ai(string id, string text) => new() { ["id"] = id, ["type"] = "ai.message", ["text"] = text };

    public static JsonObject Agent(string id, string agentId, string text) =>
        new() { ["id"] = id, ["type"] = "agent.message", ["agentId"] = agentId, ["text"] = text };

    public static JsonObject Delivered(string id, string disclosureId) =>
        new() { ["id"] = id, ["type"] = "disclosure.delivered", ["disclosureId"] = disclosureId };

    public static JsonObject Signal(string id, string name, double value) =>
        new() { ["id"] = id, ["type"] = "signal", ["name"] = name, ["value"] = value };

    public static JsonObject Switched(string id, string channel) =>
        new() { ["id"] = id, ["type"] = "channel.switched", ["channel"] = channel };

    public static JsonObject Ended(string id) => new() { ["id"] = id, ["type"] = "conversation.ended" };

    /// <summary>The same event with an explicit <c>occurredAt</c>.</summary>
    public static JsonObject At(this JsonObject @event, DateTimeOffset occurredAt)
    {
        @event["occurredAt"] = occurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        return @event;
    }

    /// <summary>The same event with <c>occurredAt</c> exactly as written here.</summary>
    public static JsonObject At(this JsonObject @event, string occurredAt)
    {
        @event["occurredAt"] = occurredAt;
        return @event;
    }

    /// <summary>The same event as a batch item of <paramref name="conversationId"/>.</summary>
    public static JsonObject In(this JsonObject @event, string conversationId)
    {
        @event["conversationId"] = conversationId;
        return @event;
    }

    public static JsonObject BatchOf(IEnumerable<JsonNode> events) => new() { ["events"] = new JsonArray([.. events]) };
}

/// <summary>Ids unique to one test, so tests sharing the cluster never meet.</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
