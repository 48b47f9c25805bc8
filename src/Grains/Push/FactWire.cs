using System.Buffers;
using System.Text.Json;
using CxCluster.Abstractions.Push;
using CxCluster.Grains.Journal;

namespace CxCluster.Grains.Push;

/// <summary>
/// Turns a journal fact into the contract's Fact, as the cluster tells it. Every fact of a conversation's stream is
/// told (so its <c>seq</c> runs 1, 2, 3, … without gaps): the contract's types and the few of this implementation's
/// own, none holding personal data (<c>message.recorded</c> says who spoke, never what), nor the journal's own part of
/// their data (<see cref="FactCodec.OwnPartAt"/>). Of an agent's stream only its
/// status changes are told (<c>agent.status.changed</c>, numbered 1, 2, 3, … among them): the rest is the pools' bookkeeping. Streams of other kinds
/// (the pools') are never told.
/// </summary>
public static class FactWire
{
    private const string ConversationStream = Conversations.ConversationJournal.StreamPrefix;
    private const string AgentStream = Agents.AgentJournal.StreamPrefix;

    /// <summary>
    /// The conversation or agent a journal fact would be told of (<see cref="PushedFact.Subject"/>), read from its stream
    /// alone, without building the Fact; false for streams that are never told.
    /// </summary>
    public static bool TrySubjectOf(TenantFact fact, out ReadOnlySpan<char> subject)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var stream = fact.Stream.StreamId;
        var prefix = stream.StartsWith(ConversationStream, StringComparison.Ordinal) ? ConversationStream.Length
            : stream.StartsWith(AgentStream, StringComparison.Ordinal) ? AgentStream.Length
            : -1;
        subject = prefix < 0 ? default : stream.AsSpan(prefix);
        return prefix >= 0;
    }

    /// <summary>The contract's Fact of <paramref name="fact"/>, or null when it is not told; for the cluster's own readers (no cursor).</summary>
    public static PushedFact? Project(TenantFact fact) => ForReaders(fact, null);

    /// <summary>
    /// The contract's Fact of <paramref name="fact"/>, with the cursor its tenant's readers get from <paramref name="cursors"/>
    /// (0 without), or null when it is not told: a fact never told costs no cursor.
    /// </summary>
    public static PushedFact? ForReaders(TenantFact fact, CursorCodec? cursors)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var stream = fact.Stream.StreamId;
        if (stream.StartsWith(ConversationStream, StringComparison.Ordinal))
        {
            var conversationId = stream[ConversationStream.Length..];
            var agentId = AgentNamedIn(fact.Fact.Data.Span);
            var id = $"c:{conversationId}:{fact.Fact.Seq}";
            return fact.Fact switch
            {
                { Type: OfferedType, Personal: { Length: > 0 } } => Build(fact, id, OfferedType, conversationId, agentId, WriteOffered, fact.Fact.Seq, cursors),
                { Type: EndedType or DeclinedType, Personal: { Length: > 0 } } => Build(fact, id, fact.Fact.Type, conversationId, agentId, WriteWithReason, fact.Fact.Seq, cursors),
                { Type: EndedType } when !HasReason(fact.Fact.Data.Span) => Build(fact, id, EndedType, conversationId, agentId, WriteErasedEnd, fact.Fact.Seq, cursors),
                _ => Build(fact, id, fact.Fact.Type, conversationId, agentId, WriteRaw, fact.Fact.Seq, cursors),
            };
        }
        if (stream.StartsWith(AgentStream, StringComparison.Ordinal) && fact.Fact.Type == Agents.AgentStatusChanged.Name)
        {
            var record = (Agents.AgentStatusChanged)Agents.AgentRecordCodec.Decode(fact.Fact.Type, fact.Fact.At, fact.Fact.Data);
            var told = record.Told();
            // Numbered among the agent's status changes, so an agent's told facts run 1, 2, 3, … too (a record written
            // before the number was kept falls back on its place in the agent's stream).
            var agentId = stream[AgentStream.Length..];
            var seq = record.Number ?? fact.Fact.Seq;
            return Build(fact, $"a:{agentId}:{seq}", told.Type, null, agentId, (w, _) =>
            {
                FactCodec.WriteTold(w, told);
                return 0;
            }, seq, cursors);
        }
        return null;
    }

    private const string OfferedType = "handoff.offered";
    private const string EndedType = "conversation.ended";
    private const string DeclinedType = "handoff.declined";

    /// <summary>Writes a fact's data; returns where a personal part written last in it begins (0: none).</summary>
    private delegate int DataWriter(Utf8JsonWriter writer, TenantFact fact);

    private static PushedFact Build(
        TenantFact fact, string id, string type, string? conversationId, string? agentId, DataWriter writeData, long seq, CursorCodec? cursors)
    {
        var buffer = new ArrayBufferWriter<byte>(160 + fact.Fact.Data.Length + (fact.Fact.Personal?.Length ?? 0));
        var personalAt = 0;
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
            personalAt = writeData(w, fact);
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
            PersonalAt = personalAt,
            Cursor = cursors?.Encode(fact.Stream.TenantId, fact.Position) ?? 0,
        };
    }

    /// <summary>A fact's data as the journal keeps it: the contract's shape already, once the journal's own part is cut off.</summary>
    private static int WriteRaw(Utf8JsonWriter w, TenantFact fact)
    {
        var data = fact.Fact.Data.Span;
        if (FactCodec.OwnPartAt(data) is var own and >= 0)
        {
            // Only facts of events stamped ahead of the silo's clock have one: a copy for them alone.
            var told = new byte[own + 1];
            data[..own].CopyTo(told);
            told[own] = (byte)'}';
            data = told;
        }
        w.WriteRawValue(data, skipInputValidation: true);
        return 0;
    }

    /// <summary>
    /// An offer's data with the context packet of its personal part added last, as <c>context</c>, so a reader who may
    /// not see it can be told the fact without it.
    /// </summary>
    private static int WriteOffered(Utf8JsonWriter w, TenantFact fact) => WritePersonalLast(w, fact, "context");

    /// <summary>
    /// A fact whose reason was given in words (a <c>conversation.ended</c>'s, an agent's decline): its data with that
    /// reason from its personal part added last, so a reader who may not see personal data is told the fact without it
    /// (a <c>conversation.ended</c> then says <c>"reason":"erased"</c>, as it does once the conversation was erased).
    /// </summary>
    private static int WriteWithReason(Utf8JsonWriter w, TenantFact fact) => WritePersonalLast(w, fact, "reason");

    /// <summary>
    /// A fact's data (without the journal's own part) with the property <paramref name="name"/> of its personal part
    /// added last; returns where that property begins (0 when the personal part has none).
    /// </summary>
    private static int WritePersonalLast(Utf8JsonWriter w, TenantFact fact, string name)
    {
        using var data = JsonDocument.Parse(fact.Fact.Data);
        using var personal = JsonDocument.Parse(fact.Fact.Personal!.Value);
        w.WriteStartObject();
        foreach (var property in data.RootElement.EnumerateObject())
        {
            if (!property.NameEquals("scoredAt"u8))
            {
                property.WriteTo(w);
            }
        }
        if (!personal.RootElement.TryGetProperty(name, out var value))
        {
            w.WriteEndObject();
            return 0;
        }
        w.Flush();
        var at = checked((int)w.BytesCommitted);
        w.WritePropertyName(name);
        value.WriteTo(w);
        w.WriteEndObject();
        return at;
    }

    /// <summary>A <c>conversation.ended</c> whose reason in words was erased with its conversation.</summary>
    private static int WriteErasedEnd(Utf8JsonWriter w, TenantFact fact)
    {
        w.WriteStartObject();
        w.WriteString("reason", Journal.FactCodec.ErasedReason);
        w.WriteEndObject();
        return 0;
    }

    /// <summary>Whether a fact's data has a top-level <c>reason</c>.</summary>
    private static bool HasReason(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("reason"u8))
            {
                return true;
            }
            reader.Read();
            reader.Skip();
        }
        return false;
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
