namespace CxCluster.Api.Conversations;

/// <summary>Turns the JSON of one event into a <see cref="ConversationEvent"/>, or names every field that is wrong.</summary>
public static class EventReader
{
    private static readonly string EventTypeList = string.Join(", ", WireNames.EventTypeValues.Order(StringComparer.Ordinal));

    /// <summary>Reads one event; null when <paramref name="errors"/> got a message.</summary>
    /// <param name="element">The event object.</param>
    /// <param name="received">When the event was received: stands in for a missing <c>occurredAt</c> and bounds a given one.</param>
    /// <param name="errors">Collects a message per offending field.</param>
    /// <param name="objectField">The name to file a message under when the event is not an object at all.</param>
    public static ConversationEvent? Read(JsonElement element, ReceivedAt received, FieldErrors errors, string objectField) =>
        IsReadableObject(element, errors, objectField) ? ReadFields(element, received, errors) : null;

    /// <summary>
    /// Whether the event is an object whose fields can be read: each key there once and readable text. A key twice
    /// (<c>"id"</c> twice) would leave the event ambiguous, so it is named and nothing else is read.
    /// </summary>
    public static bool IsReadableObject(JsonElement element, FieldErrors errors, string objectField)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(objectField, $"{objectField} must be a JSON object.");
            return false;
        }
        return JsonKeys.Check(element, errors);
    }

    /// <summary>Reads the fields of an event <see cref="IsReadableObject"/> accepted; null when <paramref name="errors"/> got a message.</summary>
    public static ConversationEvent? ReadFields(JsonElement element, ReceivedAt received, FieldErrors errors)
    {
        var fields = new JsonFields(element, errors);

        var id = fields.String("id", required: true);
        // An event's id is never in a URL path, so "." and ".." are ids like any other.
        FieldRules.Id(errors, "id", id, inPaths: false);

        var typeName = fields.String("type", required: true);
        EventType? type = null;
        if (typeName is not null)
        {
            if (WireNames.TryParseEventType(typeName, out var parsed))
            {
                type = parsed;
            }
            else
            {
                errors.Add("type", $"type must be one of {EventTypeList}.");
            }
        }

        // A conversation scores no event later than its silo's now anyway, and one stamped before any conversation
        // happened would be taken as proof of it: both are a clock gone wrong.
        var occurredAt = FieldRules.ClientTimestamp(errors, "occurredAt", fields.String("occurredAt", required: false), received, "the event");

        if (type is not { } eventType)
        {
            return null;
        }
        NearMisses.CheckKeys(element, errors, FieldsOf(eventType), $"a {typeName} event");
        var head = (Id: id ?? "", OccurredAt: occurredAt ?? received.At);
        ConversationEvent @event = eventType switch
        {
            EventType.ConversationStarted => new ConversationStartedEvent
            {
                Id = head.Id,
                OccurredAt = head.OccurredAt,
                Channel = FieldRules.Channel(errors, "channel", fields.String("channel", required: true)) ?? default,
                Locale = FieldRules.Locale(errors, "locale", fields.String("locale", required: true)) ?? "",
                CustomerId = ShortText(fields, errors, "customerId", required: false, FieldRules.MaxIdLength),
                Priority = FieldRules.Priority(errors, "priority", fields.Integer("priority", required: false)) ?? HandoffPriority.Default,
                Attributes = FieldRules.Attributes(errors, "attributes", fields.Object("attributes", required: false)),
            },
            EventType.CustomerMessage => new CustomerMessageEvent { Id = head.Id, OccurredAt = head.OccurredAt, Text = Text(fields, errors) ?? "" },
            EventType.AiMessage => new AiMessageEvent { Id = head.Id, OccurredAt = head.OccurredAt, Text = Text(fields, errors) ?? "" },
            EventType.AgentMessage => new AgentMessageEvent
            {
                Id = head.Id,
                OccurredAt = head.OccurredAt,
                AgentId = Id(fields, errors, "agentId") ?? "",
                Text = Text(fields, errors) ?? "",
            },
            EventType.DisclosureDelivered => new DisclosureDeliveredEvent
            {
                Id = head.Id,
                OccurredAt = head.OccurredAt,
                DisclosureId = Id(fields, errors, "disclosureId") ?? "",
            },
            EventType.Signal => ReadSignal(head.Id, head.OccurredAt, fields, errors),
            EventType.ChannelSwitched => new ChannelSwitchedEvent
            {
                Id = head.Id,
                OccurredAt = head.OccurredAt,
                Channel = FieldRules.Channel(errors, "channel", fields.String("channel", required: true)) ?? default,
            },
            EventType.ConversationEnded => new ConversationEndedEvent
            {
                Id = head.Id,
                OccurredAt = head.OccurredAt,
                Reason = ShortText(fields, errors, "reason", required: false),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(element), eventType, "Unknown event type."),
        };
        // A field that failed left a placeholder behind: such an event is never returned.
        return errors.Any ? null : @event;
    }

    /// <summary>The fields an event of a type takes: those of every event, the batch's <c>conversationId</c>, and its own.</summary>
    private static string[] FieldsOf(EventType type) => type switch
    {
        EventType.ConversationStarted => StartedFields,
        EventType.CustomerMessage or EventType.AiMessage => MessageFields,
        EventType.AgentMessage => AgentMessageFields,
        EventType.DisclosureDelivered => DeliveredFields,
        EventType.Signal => SignalFields,
        EventType.ChannelSwitched => SwitchedFields,
        EventType.ConversationEnded => EndedFields,
        _ => CommonFields,
    };

    private static readonly string[] CommonFields = ["id", "type", "occurredAt", "conversationId"];
    private static readonly string[] StartedFields = [.. CommonFields, "channel", "locale", "customerId", "priority", "attributes"];
    private static readonly string[] MessageFields = [.. CommonFields, "text"];
    private static readonly string[] AgentMessageFields = [.. CommonFields, "agentId", "text"];
    private static readonly string[] DeliveredFields = [.. CommonFields, "disclosureId"];
    private static readonly string[] SignalFields = [.. CommonFields, "name", "value"];
    private static readonly string[] SwitchedFields = [.. CommonFields, "channel"];
    private static readonly string[] EndedFields = [.. CommonFields, "reason"];

    /// <summary>The event's id when it has one valid id, to label a failed batch slot.</summary>
    public static string? PeekId(JsonElement element) =>
        JsonKeys.TryGetSingle(element, "id", out var id)
        && JsonFields.TryGetText(id, out var value)
        && GrainKeys.IsValidId(value)
            ? value
            : null;

    private static SignalEvent ReadSignal(string id, DateTimeOffset occurredAt, JsonFields fields, FieldErrors errors)
    {
        var name = fields.String("name", required: true);
        FieldRules.SignalName(errors, "name", name);
        var value = fields.Number("value", required: true);
        if (name is not null && value is { } number)
        {
            FieldRules.SignalValue(errors, "value", name, number);
        }
        return new SignalEvent { Id = id, OccurredAt = occurredAt, Name = name ?? "", Value = value ?? 0 };
    }

    private static string? Text(JsonFields fields, FieldErrors errors)
    {
        var text = fields.String("text", required: true);
        FieldRules.Text(errors, "text", text);
        return text;
    }

    private static string? Id(JsonFields fields, FieldErrors errors, string field)
    {
        var id = fields.String(field, required: true);
        FieldRules.Id(errors, field, id);
        return id;
    }

    private static string? ShortText(JsonFields fields, FieldErrors errors, string field, bool required, int maxLength = FieldRules.MaxShortTextLength)
    {
        var text = fields.String(field, required);
        FieldRules.ShortText(errors, field, text, maxLength);
        return text;
    }
}
