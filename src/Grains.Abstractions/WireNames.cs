using System.Collections.Frozen;

namespace CxCluster.Abstractions;

/// <summary>The lower-case names the v1 contract uses for enum values, both ways.</summary>
public static class WireNames
{
    private static readonly FrozenDictionary<string, EventType> EventTypes = new Dictionary<string, EventType>
    {
        ["conversation.started"] = EventType.ConversationStarted,
        ["customer.message"] = EventType.CustomerMessage,
        ["ai.message"] = EventType.AiMessage,
        ["agent.message"] = EventType.AgentMessage,
        ["disclosure.delivered"] = EventType.DisclosureDelivered,
        ["signal"] = EventType.Signal,
        ["channel.switched"] = EventType.ChannelSwitched,
        ["conversation.ended"] = EventType.ConversationEnded,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<EventType, string> EventTypeNames =
        EventTypes.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);

    public static IReadOnlyCollection<string> EventTypeValues => EventTypes.Keys;

    public static bool TryParseEventType(string? value, out EventType type) =>
        EventTypes.TryGetValue(value ?? "", out type);

    public static string Name(this EventType type) => EventTypeNames[type];

    public static string Name(this Channel channel) => channel switch
    {
        Channel.Chat => "chat",
        Channel.Voice => "voice",
        Channel.Sms => "sms",
        Channel.Whatsapp => "whatsapp",
        Channel.Email => "email",
        Channel.Web => "web",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    public static IReadOnlyList<string> ChannelValues { get; } = Enum.GetValues<Channel>().Select(c => c.Name()).ToArray();

    public static bool TryParseChannel(string? value, out Channel channel)
    {
        foreach (var candidate in Enum.GetValues<Channel>())
        {
            if (string.Equals(candidate.Name(), value, StringComparison.Ordinal))
            {
                channel = candidate;
                return true;
            }
        }
        channel = default;
        return false;
    }

    public static string Name(this AgentStatus status) => status switch
    {
        AgentStatus.Available => "available",
        AgentStatus.Away => "away",
        AgentStatus.Offline => "offline",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParseAgentStatus(string? value, out AgentStatus status)
    {
        foreach (var candidate in Enum.GetValues<AgentStatus>())
        {
            if (string.Equals(candidate.Name(), value, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static string Name(this ConversationStatus status) => status switch
    {
        ConversationStatus.Ai => "ai",
        ConversationStatus.Queued => "queued",
        ConversationStatus.Human => "human",
        ConversationStatus.Ended => "ended",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Name(this DirectiveType type) => type switch
    {
        DirectiveType.Disclose => "disclose",
        DirectiveType.AllowAi => "allow-ai",
        DirectiveType.SuppressAi => "suppress-ai",
        DirectiveType.AnswerIdentity => "answer-identity",
        DirectiveType.OfferHuman => "offer-human",
        DirectiveType.Handoff => "handoff",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Name(this HandoffStatus status) => status switch
    {
        HandoffStatus.None => "none",
        HandoffStatus.Queued => "queued",
        HandoffStatus.Assigned => "assigned",
        HandoffStatus.Completed => "completed",
        HandoffStatus.Offered => "offered",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Name(this TrustBand band) => band switch
    {
        TrustBand.Healthy => "healthy",
        TrustBand.Warning => "warning",
        TrustBand.Breached => "breached",
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };

    public static string Name(this Speaker speaker) => speaker switch
    {
        Speaker.Customer => "customer",
        Speaker.Ai => "ai",
        Speaker.Agent => "agent",
        _ => throw new ArgumentOutOfRangeException(nameof(speaker)),
    };
}
