using System.Text.Json;

namespace CxCluster.Grains.Handoffs;

/// <summary>
/// The context packet as the contract's <b>Context</b> spells it (camelCase, lower-case names, UTC times, nothing written
/// for what is absent but the last customer message), for where the cluster writes it itself: the <c>context</c> of a
/// <c>handoff.offered</c> fact. The API's own answers write the same shape.
/// </summary>
public static class HandoffContextJson
{
    public static void Write(Utf8JsonWriter w, HandoffContext context)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(context);
        w.WriteStartObject();
        w.WriteString("conversationId", context.ConversationId);
        w.WriteString("handoffId", context.HandoffId);
        w.WriteString("reason", context.Reason);
        w.WriteNumber("priority", context.Priority);
        w.WriteString("channel", context.Channel.Name());
        w.WriteString("locale", context.Locale);
        if (context.CustomerId is { } customerId)
        {
            w.WriteString("customerId", customerId);
        }
        w.WriteNumber("waitedSeconds", context.WaitedSeconds);

        w.WriteStartObject("disclosure");
        w.WriteBoolean("delivered", context.Disclosure.Delivered);
        if (context.Disclosure.DeliveredAt is { } deliveredAt)
        {
            w.WriteString("deliveredAt", deliveredAt.UtcDateTime);
        }
        if (context.Disclosure.Channel is { } channel)
        {
            w.WriteString("channel", channel.Name());
        }
        w.WriteEndObject();

        w.WriteStartObject("trust");
        w.WriteNumber("score", context.Trust.Score);
        w.WriteString("band", context.Trust.Band.Name());
        w.WriteStartArray("trajectory");
        foreach (var point in context.Trust.Trajectory)
        {
            w.WriteStartObject();
            w.WriteString("at", point.At.UtcDateTime);
            w.WriteNumber("score", point.Score);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("signals");
        foreach (var signal in context.Trust.Signals)
        {
            w.WriteStartObject();
            w.WriteString("name", signal.Name);
            w.WriteNumber("delta", signal.Delta);
            w.WriteString("at", signal.At.UtcDateTime);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        var summary = context.Summary;
        w.WriteStartObject("summary");
        w.WriteNumber("customerMessages", summary.CustomerMessages);
        w.WriteNumber("aiMessages", summary.AiMessages);
        w.WriteString("firstContactAt", summary.FirstContactAt.UtcDateTime);
        // Always written, as null when the customer wrote nothing (or their words were erased).
        w.WriteString("lastCustomerMessage", summary.LastCustomerMessage);
        if (summary.RepeatedMessage is { } repeated)
        {
            w.WriteString("repeatedMessage", repeated);
        }
        w.WriteNumber("identityQuestions", summary.IdentityQuestions);
        w.WriteEndObject();

        w.WriteStartArray("transcript");
        foreach (var turn in context.Transcript)
        {
            w.WriteStartObject();
            w.WriteString("from", turn.From.Name());
            w.WriteString("text", turn.Text);
            w.WriteString("at", turn.At.UtcDateTime);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (context.Attributes is { } attributes)
        {
            w.WriteStartObject("attributes");
            foreach (var (name, value) in attributes)
            {
                w.WriteString(name, value);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
