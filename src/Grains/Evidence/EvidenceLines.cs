using System.Buffers;
using System.Text.Json;

namespace CxCluster.Grains.Evidence;

/// <summary>
/// Writes the evidence export's lines: one compact JSON object per conversation, then the summary line, each ending
/// with <c>\n</c>. Field names and order are the contract's; times are RFC 3339 in UTC, as everywhere in the API.
/// </summary>
public sealed class EvidenceLines
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    private readonly Utf8JsonWriter _writer = new(Stream.Null, Options);

    /// <summary>Appends the line of one conversation to <paramref name="output"/>.</summary>
    public void WriteConversation(IBufferWriter<byte> output, ConversationEvidence e)
    {
        var w = Start(output);
        w.WriteString("conversationId", e.ConversationId);
        w.WriteStartArray("channelHistory");
        foreach (var stretch in e.ChannelHistory)
        {
            w.WriteStartObject();
            w.WriteString("channel", stretch.Channel.Name());
            w.WriteString("locale", stretch.Locale);
            Time(w, "at", stretch.At);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("disclosures");
        foreach (var d in e.Disclosures)
        {
            w.WriteStartObject();
            w.WriteString("disclosureId", d.DisclosureId);
            w.WriteString("channel", d.Channel.Name());
            w.WriteString("locale", d.Locale);
            w.WriteString("textSha256", d.TextSha256);
            Time(w, "issuedAt", d.IssuedAt);
            Time(w, "deliveredAt", d.DeliveredAt);
            w.WriteString("reason", d.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Time(w, "firstAiAllowedAt", e.FirstAiAllowedAt);
        w.WriteBoolean("disclosedBeforeFirstAi", e.DisclosedBeforeFirstAi);
        w.WriteStartArray("identityAnswers");
        foreach (var answer in e.IdentityAnswers)
        {
            w.WriteStartObject();
            Time(w, "at", answer.At);
            w.WriteString("answeredAs", answer.AnsweredAs);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("handoffs");
        foreach (var h in e.Handoffs)
        {
            w.WriteStartObject();
            w.WriteString("handoffId", h.HandoffId);
            w.WriteString("reason", h.Reason);
            Time(w, "requestedAt", h.RequestedAt);
            Time(w, "assignedAt", h.AssignedAt);
            if (h.AgentId is { } agentId)
            {
                w.WriteString("agentId", agentId);
            }
            if (h.WaitedSeconds is { } waited)
            {
                w.WriteNumber("waitedSeconds", waited);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("agentMessagesScored", e.AgentMessagesScored);
        Time(w, "erasedAt", e.ErasedAt);
        End(output);
    }

    /// <summary>Appends the last line: the summary and the hash of every line before it.</summary>
    public void WriteSummary(IBufferWriter<byte> output, EvidenceSummary summary, string sha256)
    {
        var w = Start(output);
        w.WriteStartObject("summary");
        w.WriteNumber("conversations", summary.Conversations);
        w.WriteNumber("disclosedBeforeFirstAi", summary.DisclosedBeforeFirstAi);
        w.WriteNumber("aiMessagesAllowed", summary.AiMessagesAllowed);
        w.WriteNumber("identityQuestions", summary.IdentityQuestions);
        w.WriteStartObject("handoffsByReason");
        foreach (var (reason, count) in summary.HandoffsByReason)
        {
            w.WriteNumber(reason, count);
        }
        w.WriteEndObject();
        w.WriteNumber("erasures", summary.Erasures);
        w.WriteEndObject();
        w.WriteString("sha256", sha256);
        End(output);
    }

    private Utf8JsonWriter Start(IBufferWriter<byte> output)
    {
        _writer.Reset(output);
        _writer.WriteStartObject();
        return _writer;
    }

    private void End(IBufferWriter<byte> output)
    {
        _writer.WriteEndObject();
        _writer.Flush();
        output.Write("\n"u8);
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            w.WriteString(name, value.UtcDateTime);
        }
    }
}
