using System.Buffers;
using System.Text.Json;
using CxCluster.Abstractions.Push;
using CxCluster.Grains.Journal;

namespace CxCluster.Grains.Push;

/// <summary>
/// Turns a journal fact into the contract's Fact, as the cluster tells it. Every fact of a conversation's stream is
/// told (so its <c>seq</c> runs 1, 2, 3, … without gaps): the contract's types and the few of this implementation's
/// own, none holding personal data (<c>message.recorded</c> says who spoke, never what). Of an agent's stream only its
/// status changes are told (<c>agent.status.changed</c>, numbered 1, 2, 3, … among them): the rest is the pools' bookkeeping. Streams of other kinds
/// (the pools') are never told.
/// </summary>
public static class FactWire
{
    private const string ConversationStream = Conversations.ConversationJournal.StreamPrefix;
    private const string AgentStream = Agents.AgentJournal.StreamPrefix;

    /// <summary>The contract's Fact of <paramref name="fact"/>, or null when it is not told.</summary>
    public static PushedFact? Project(TenantFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var stream = fact.Stream.StreamId;
        if (stream.StartsWith(ConversationStream, StringComparison.Ordinal))
        {
            var conversationId = stream[ConversationStream.Length..];
            var agentId = AgentNamedIn(fact.Fact.Data.Span);
            return Build(fact, $"c:{conversationId}:{fact.Fact.Seq}", fact.Fact.Type, conversationId, agentId, (w, f) => w.WriteRawValue(f.Fact.Data.Span, skipInputValidation: true), fact.Fact.Seq);
        }
        if (stream.StartsWith(AgentStream, StringComparison.Ordinal) && fact.Fact.Type == Agents.AgentStatusChanged.Name)
        {
            // Numbered among the agent's status changes, so an agent's told facts run 1, 2, 3, … too (a record written
            // before the number was kept falls back on its place in the agent's stream).
            var agentId = stream[AgentStream.Length..];
            var seq = StatusNumber(fact.Fact.Data.Span) ?? fact.Fact.Seq;
            return Build(fact, $"a:{agentId}:{seq}", "agent.status.changed", null, agentId, WriteAgentStatus, seq);
        }
        return null;
    }

    private static PushedFact Build(TenantFact fact, string id, string type, string? conversationId, string? agentId, Action<Utf8JsonWriter, TenantFact> writeData, long seq)
    {
        var buffer = new ArrayBufferWriter<byte>(160 + fact.Fact.Data.Length);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("type", type);
            // UTC with a Z, as every other time the API writes.
            w.WriteString("at", fact.Fact.At.UtcDateTime);
            w.WriteNumber("seq", seq);
            if (conversationId is not null)
            {
                w.WriteString("conversationId", conversationId);
            }
            if (agentId is not null)
            {
                w.WriteString("agentId", agentId);
            }
            w.WritePropertyName("data");
            writeData(w, fact);
            w.WriteEndObject();
        }
        return new PushedFact
        {
            Position = fact.Position,
            Id = id,
            Type = type,
            ConversationId = conversationId,
            AgentId = agentId,
            Seq = seq,
            At = fact.Fact.At,
            Json = buffer.WrittenSpan.ToArray(),
        };
    }

    /// <summary>The agent journal keeps statuses as the enum's names; the contract spells them in lower case.</summary>
    private static void WriteAgentStatus(Utf8JsonWriter w, TenantFact fact)
    {
        using var document = JsonDocument.Parse(fact.Fact.Data);
        var d = document.RootElement;
        w.WriteStartObject();
        w.WriteString("status", d.GetProperty("status").GetString()?.ToLowerInvariant());
        if (d.TryGetProperty("previousStatus", out var previous))
        {
            w.WriteString("previousStatus", previous.GetString()?.ToLowerInvariant());
        }
        if (d.TryGetProperty("reason", out var reason))
        {
            w.WriteString("reason", reason.GetString());
        }
        w.WriteEndObject();
    }

    /// <summary>The number of an agent's status change, when its record keeps one.</summary>
    private static long? StatusNumber(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isNumber = reader.ValueTextEquals("number"u8);
            reader.Read();
            if (isNumber && reader.TokenType == JsonTokenType.Number)
            {
                return reader.GetInt64();
            }
            reader.Skip();
        }
        return null;
    }

    /// <summary>The top-level <c>agentId</c> of a conversation fact's data, when it names one.</summary>
    private static string? AgentNamedIn(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isAgent = reader.ValueTextEquals("agentId"u8);
            reader.Read();
            if (isAgent && reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }
            reader.Skip();
        }
        return null;
    }

    /// <summary>Whether <paramref name="fact"/> passes <paramref name="filter"/>.</summary>
    public static bool Passes(this FeedFilter filter, PushedFact fact) =>
        (filter.Types is null || filter.Types.Contains(fact.Type, StringComparer.Ordinal))
        && (filter.ConversationId is null || string.Equals(filter.ConversationId, fact.ConversationId, StringComparison.Ordinal))
        && (filter.AgentId is null || string.Equals(filter.AgentId, fact.AgentId, StringComparison.Ordinal));
}
