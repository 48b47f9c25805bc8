using System.Buffers;
using System.Text.Json;

namespace CxCluster.Load;

/// <summary>Events to the v1 contract's JSON, and the parts of its answers the load driver looks at back.</summary>
public static class HttpWire
{
    private static readonly Dictionary<string, DirectiveType> DirectiveTypes =
        Enum.GetValues<DirectiveType>().ToDictionary(t => t.Name(), StringComparer.Ordinal);

    private static readonly Dictionary<string, HandoffStatus> HandoffStatuses =
        Enum.GetValues<HandoffStatus>().ToDictionary(s => s.Name(), StringComparer.Ordinal);

    /// <summary>One event as the body of <c>POST /v1/conversations/{id}/events</c>.</summary>
    public static byte[] Single(ConversationEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteEvent(writer, e, conversationId: null);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Events as the body of <c>POST /v1/events:batch</c>.</summary>
    public static byte[] Batch(IEnumerable<(string ConversationId, ConversationEvent Event)> events)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            foreach (var (conversationId, e) in events)
            {
                WriteEvent(writer, e, conversationId);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteEvent(Utf8JsonWriter writer, ConversationEvent e, string? conversationId)
    {
        writer.WriteStartObject();
        if (conversationId is not null)
        {
            writer.WriteString("conversationId", conversationId);
        }
        writer.WriteString("id", e.Id);
        writer.WriteString("type", e.Type.Name());
        writer.WriteString("occurredAt", e.OccurredAt.UtcDateTime);
        switch (e)
        {
            case ConversationStartedEvent started:
                writer.WriteString("channel", started.Channel.Name());
                writer.WriteString("locale", started.Locale);
                WriteIfSet(writer, "customerId", started.CustomerId);
                break;
            case CustomerMessageEvent message:
                writer.WriteString("text", message.Text);
                break;
            case AiMessageEvent message:
                writer.WriteString("text", message.Text);
                break;
            case AgentMessageEvent message:
                writer.WriteString("agentId", message.AgentId);
                writer.WriteString("text", message.Text);
                break;
            case DisclosureDeliveredEvent delivered:
                writer.WriteString("disclosureId", delivered.DisclosureId);
                break;
            case SignalEvent signal:
                writer.WriteString("name", signal.Name);
                writer.WriteNumber("value", signal.Value);
                break;
            case ChannelSwitchedEvent switched:
                writer.WriteString("channel", switched.Channel.Name());
                break;
            case ConversationEndedEvent ended:
                WriteIfSet(writer, "reason", ended.Reason);
                break;
        }
        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>
    /// An EventResult's JSON as the in-process types, as far as the recorder and the invariant checks need them:
    /// ids, duplicate, the directives (type, disclosure id, handoff status) and whether the disclosure was delivered.
    /// </summary>
    public static EventResult ReadResult(JsonElement json)
    {
        var directives = new List<Directive>();
        foreach (var d in json.GetProperty("directives").EnumerateArray())
        {
            var type = DirectiveTypes[d.GetProperty("type").GetString()!];
            directives.Add(type switch
            {
                DirectiveType.Disclose => new DiscloseDirective
                {
                    DisclosureId = d.GetProperty("disclosureId").GetString()!,
                    Text = d.GetProperty("text").GetString()!,
                    Channel = WireNames.TryParseChannel(d.GetProperty("channel").GetString()!, out var channel) ? channel : default,
                    Locale = d.GetProperty("locale").GetString()!,
                },
                DirectiveType.AllowAi => new AllowAiDirective(),
                DirectiveType.SuppressAi => new SuppressAiDirective { Reason = d.GetProperty("reason").GetString()! },
                DirectiveType.AnswerIdentity => new AnswerIdentityDirective { Text = d.GetProperty("text").GetString()! },
                DirectiveType.OfferHuman => new OfferHumanDirective { Text = d.GetProperty("text").GetString()! },
                _ => new HandoffDirective
                {
                    HandoffId = d.GetProperty("handoffId").GetString()!,
                    Status = HandoffStatuses[d.GetProperty("status").GetString()!],
                    Reason = d.GetProperty("reason").GetString()!,
                    Text = d.GetProperty("text").GetString()!,
                    AgentId = d.TryGetProperty("agentId", out var agent) && agent.ValueKind == JsonValueKind.String ? agent.GetString() : null,
                    QueuePosition = d.TryGetProperty("queuePosition", out var position) && position.ValueKind == JsonValueKind.Number ? position.GetInt32() : null,
                    EstimatedWaitSeconds = d.TryGetProperty("estimatedWaitSeconds", out var wait) && wait.ValueKind == JsonValueKind.Number ? wait.GetInt32() : null,
                },
            });
        }
        var delivered = json.GetProperty("conversation").GetProperty("disclosure").GetProperty("delivered").GetBoolean();
        return new EventResult
        {
            ConversationId = json.GetProperty("conversationId").GetString()!,
            EventId = json.GetProperty("eventId").GetString()!,
            Duplicate = json.GetProperty("duplicate").GetBoolean(),
            Directives = directives,
            Summary = delivered ? Delivered : Undelivered,
        };
    }

    /// <summary>Stand-ins for the conversation: only whether the disclosure was delivered is read from it.</summary>
    private static readonly ConversationSummary Undelivered = new()
    {
        Id = "",
        Status = ConversationStatus.Ai,
        Channel = Channel.Chat,
        Locale = "",
        Version = 0,
        DisclosureDelivered = false,
        TrustScore = 100,
        TrustBand = TrustBand.Healthy,
        HandoffStatus = HandoffStatus.None,
    };

    private static readonly ConversationSummary Delivered = Undelivered with { DisclosureDelivered = true };
}
