namespace CxCluster.Api.Conversations;

/// <summary>
/// One <c>POST /v1/events:batch</c> body: every event has a slot in the order sent; an invalid event is answered in
/// its slot at once, the valid ones wait, grouped by conversation in the order given, for the grains' answers.
/// </summary>
public sealed class EventBatch
{
    public const int MaxEvents = 1000;

    private const string InvalidEvent = "The event has invalid fields; see errors.";

    private readonly BatchSlotJson?[] slots;
    private readonly Dictionary<string, List<(int Slot, ConversationEvent Event)>> byConversation;

    private EventBatch(int count)
    {
        slots = new BatchSlotJson?[count];
        byConversation = new(StringComparer.Ordinal);
    }

    /// <summary>The valid events per conversation, in the order sent.</summary>
    public IEnumerable<(string ConversationId, IReadOnlyList<ConversationEvent> Events)> ByConversation =>
        byConversation.Select(c => (c.Key, (IReadOnlyList<ConversationEvent>)c.Value.ConvertAll(e => e.Event)));

    public int EventCount => slots.Length;

    public int FailedCount => slots.Count(s => s is EventErrorJson);

    private static readonly string[] BatchFields = ["events"];

    /// <summary>Reads the body; null when the batch as a whole is unusable (the reason is in <paramref name="errors"/>).</summary>
    public static EventBatch? Read(JsonElement root, ReceivedAt received, FieldErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(RequestBody.Field, $"{RequestBody.Field} must be a JSON object with an events array.");
            return null;
        }
        // The batch's own keys (events twice) fail it as a whole; each event's keys fail that event alone.
        if (!JsonKeys.Check(root, errors, notInto: "events"))
        {
            return null;
        }
        // "evnts" beside "events" is a batch sent wrong, not a platform's own addition.
        NearMisses.CheckKeys(root, errors, BatchFields, "a batch");
        if (errors.Any)
        {
            return null;
        }
        if (new JsonFields(root, errors).Array("events", required: true) is not { } events)
        {
            return null;
        }
        if (events.GetArrayLength() is < 1 or > MaxEvents)
        {
            errors.Add("events", $"events must hold 1 to {MaxEvents} events.");
            return null;
        }

        var batch = new EventBatch(events.GetArrayLength());
        var slot = 0;
        foreach (var element in events.EnumerateArray())
        {
            batch.Add(slot++, element, received);
        }
        return batch;
    }

    /// <summary>
    /// Puts the grain's outcomes of one conversation into the slots of its first events, in order. The events after
    /// them fail with 503 and <paramref name="unavailableDetail"/>: the conversation could not be reached for them
    /// (the other conversations' answers stand). Without a detail there is an outcome for every event.
    /// </summary>
    public void Answer(string conversationId, IReadOnlyList<EventOutcome> outcomes, string? unavailableDetail = null)
    {
        var events = byConversation[conversationId];
        if (outcomes.Count > events.Count || (unavailableDetail is null && outcomes.Count != events.Count))
        {
            throw new InvalidOperationException($"The conversation answered {outcomes.Count} outcomes for {events.Count} events.");
        }
        for (var i = 0; i < events.Count; i++)
        {
            var (slot, @event) = events[i];
            slots[slot] = i >= outcomes.Count
                ? new EventErrorJson(@event.Id, ProblemJson.Of(Problems.Create(StatusCodes.Status503ServiceUnavailable, unavailableDetail!)))
                : outcomes[i].Refusal is { } refusal
                    ? new EventErrorJson(@event.Id, ProblemJson.Of(Problems.FromRefusal(refusal)))
                    : EventResultJson.Of(outcomes[i].Result!);
        }
    }

    public BatchResultJson ToJson() =>
        new([.. slots.Select((s, i) => s ?? throw new InvalidOperationException($"Batch slot {i} has no answer."))]);

    private void Add(int slot, JsonElement element, ReceivedAt received)
    {
        var errors = new FieldErrors();
        string? conversationId = null;
        ConversationEvent? @event = null;
        if (EventReader.IsReadableObject(element, errors, "event"))
        {
            conversationId = new JsonFields(element, errors).String("conversationId", required: true);
            FieldRules.Id(errors, "conversationId", conversationId);
            @event = EventReader.ReadFields(element, received, errors);
        }
        if (@event is null || conversationId is null || errors.Any)
        {
            slots[slot] = new EventErrorJson(
                EventReader.PeekId(element),
                ProblemJson.Of(Problems.Create(StatusCodes.Status400BadRequest, errors.Detail(InvalidEvent), errors.ToDictionary())));
            return;
        }
        if (!byConversation.TryGetValue(conversationId, out var inOrder))
        {
            byConversation[conversationId] = inOrder = [];
        }
        inOrder.Add((slot, @event));
    }
}
