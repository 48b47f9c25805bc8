using System.Buffers;
using System.Text.Json;
using CxCluster.Abstractions.Facts;
using static CxCluster.Grains.Journal.JsonMembers;

namespace CxCluster.Grains.Journal;

/// <summary>
/// A fact as the journal keeps it: its <c>data</c> as the contract's Fact table spells it (UTF-8 JSON, camelCase,
/// lower-case enum names), and its personal part (a message's text and fingerprint, a customer id, a start's
/// attributes, an offer's context packet) as a separate JSON object that erasure can remove for good. A fact decoded
/// without its personal part reads as erased; an offer's context is told (see <c>FactWire</c>), never read back.
/// The journal's own part of the data, never told, is written last: when an event stamped ahead of the silo's clock
/// was scored (<see cref="Fact.ScoredAt"/>).
/// </summary>
public static class FactCodec
{
    /// <summary>The only priority written before priorities were numbers.</summary>
    private const string LegacyNormalPriority = "normal";

    private const string ScoredAtName = "scoredAt";

    /// <summary>
    /// Where the journal's own part of a fact's data begins (the comma before it, or the name itself when it is the only
    /// member, as in a <c>customer.identified</c>'s), or -1 when it has none: the data up to there, closed, is the
    /// contract's. Found by name alone, as the writer escapes every quote inside a string value.
    /// </summary>
    public static int OwnPartAt(ReadOnlySpan<byte> data)
    {
        var name = data.LastIndexOf("\"scoredAt\":"u8);
        return name > 0 && data[name - 1] == (byte)',' ? name - 1 : name;
    }

    /// <summary>The two parts of a fact; <c>Personal</c> is null when the fact holds nothing personal.</summary>
    public static (byte[] Data, byte[]? Personal) Encode(Fact fact)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using var writer = new Utf8JsonWriter(buffer);
        return Encode(fact, buffer, writer);
    }

    /// <summary>
    /// The two parts of a fact, written through <paramref name="writer"/> into <paramref name="buffer"/>, both reused by a
    /// caller that encodes many facts (each part is then copied out): only the parts themselves are allocated.
    /// </summary>
    public static (byte[] Data, byte[]? Personal) Encode(Fact fact, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        buffer.ResetWrittenCount();
        var (data, personal) = Append(fact, buffer, writer);
        return (buffer.WrittenSpan[data].ToArray(), personal is { } part ? buffer.WrittenSpan[part].ToArray() : null);
    }

    /// <summary>
    /// Writes the two parts of a fact through <paramref name="writer"/> after what <paramref name="buffer"/> holds
    /// already, and returns where each lies in it: a caller encoding many facts copies them all out at once.
    /// </summary>
    public static (Range Data, Range? Personal) Append(Fact fact, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var data = Write(buffer, writer, fact, personal: false);
        return (data, HasPersonal(fact) ? Write(buffer, writer, fact, personal: true) : null);
    }

    /// <summary>A fact's data object as it is told (without the journal's own part), written through <paramref name="writer"/>.</summary>
    public static void WriteTold(Utf8JsonWriter writer, Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        writer.WriteStartObject();
        WriteData(writer, fact);
        writer.WriteEndObject();
    }

    /// <summary>The fact of <paramref name="type"/> at <paramref name="at"/> from its parts; an empty personal part reads as erased.</summary>
    /// <exception cref="FormatException">The type is unknown or the data does not fit it.</exception>
    public static Fact Decode(string type, DateTimeOffset at, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte> personal)
    {
        using var dataDocument = JsonDocument.Parse(data);
        using var personalDocument = personal.IsEmpty ? null : JsonDocument.Parse(personal);
        var d = dataDocument.RootElement;
        var p = personalDocument?.RootElement;
        try
        {
            var fact = Decode(type, at, d, p);
            return d.TryGetProperty(ScoredAtName, out var scoredAt) ? fact with { ScoredAt = scoredAt.GetDateTimeOffset() } : fact;
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or OverflowException)
        {
            throw new FormatException($"The data of a '{type}' fact does not fit its type: {e.Message}", e);
        }
    }

    private static Fact Decode(string type, DateTimeOffset at, JsonElement d, JsonElement? p) =>
        type switch
        {
            "conversation.started" => new ConversationStarted
            {
                At = at, Channel = Channel(d, "channel"), Locale = Text(d, "locale"), Priority = Priority(d), CustomerId = Optional(p, "customerId"),
                Attributes = Attributes(p),
            },
            "customer.identified" => new CustomerIdentified { At = at, CustomerId = Optional(p, "customerId") },
            "conversation.described" => new ConversationDescribed { At = at, Priority = Priority(d), Attributes = Attributes(p) },
            // A reason in words is in the personal part: erased, the fact reads as ended for a reason erased with it.
            "conversation.ended" => new ConversationEnded { At = at, Reason = Optional(d, "reason") ?? Optional(p, "reason") ?? ErasedReason },
            "conversation.erased" => new ConversationErased { At = at },
            "channel.switched" => new ChannelSwitched { At = at, Channel = Channel(d, "channel"), Locale = Text(d, "locale") },
            "message.recorded" => new MessageRecorded
            {
                At = at,
                From = Parse<Speaker>(Text(d, "from"), WireNames.Name),
                AgentId = Optional(d, "agentId"),
                Text = Optional(p, "text") ?? "",
                Fingerprint = p is { } personalPart && personalPart.TryGetProperty("fingerprint", out var f) ? ulong.Parse(f.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null,
            },
            "disclosure.issued" => new DisclosureIssued
            {
                At = at, DisclosureId = Text(d, "disclosureId"), Channel = Channel(d, "channel"), Locale = Text(d, "locale"), Text = Text(d, "text"), Reason = Text(d, "reason"),
            },
            "disclosure.delivered" => new DisclosureDelivered { At = at, DisclosureId = Text(d, "disclosureId") },
            "ai.allowed" => new AiAllowed { At = at, DisclosureId = Text(d, "disclosureId") },
            "ai.suppressed" => new AiSuppressed { At = at, Reason = Text(d, "reason") },
            "identity.answered" => new IdentityAnswered { At = at, AnsweredAs = Text(d, "answeredAs"), AgentId = Optional(d, "agentId") },
            "ai.resumed" => new AiResumed { At = at, HandoffId = Text(d, "handoffId") },
            "trust.signalled" => new TrustSignalled
            {
                At = at, Name = Text(d, "name"), Delta = d.GetProperty("delta").GetDouble(),
                HappenedAt = d.TryGetProperty("happenedAt", out var happenedAt) ? happenedAt.GetDateTimeOffset() : null,
            },
            "trust.changed" => new TrustChanged
            {
                At = at, Score = d.GetProperty("score").GetInt32(), Band = Parse<TrustBand>(Text(d, "band"), WireNames.Name), PreviousBand = Parse<TrustBand>(Text(d, "previousBand"), WireNames.Name),
            },
            "human.offered" => new HumanOffered { At = at, Score = d.GetProperty("score").GetInt32() },
            "handoff.requested" => new HandoffRequested
            {
                At = at, HandoffId = Text(d, "handoffId"), Reason = Text(d, "reason"), Priority = Priority(d), Queue = Text(d, "queue"),
            },
            "handoff.queued" => new HandoffQueued
            {
                At = at, HandoffId = Text(d, "handoffId"), Queue = Text(d, "queue"), Position = d.GetProperty("position").GetInt32(),
                EstimatedWaitSeconds = d.TryGetProperty("estimatedWaitSeconds", out var wait) && wait.ValueKind == JsonValueKind.Number ? wait.GetInt32() : null,
            },
            "handoff.assigned" => new HandoffAssigned
            {
                At = at, HandoffId = Text(d, "handoffId"), AgentId = Text(d, "agentId"), AgentDisplayName = Text(d, "agentDisplayName"), Text = Text(d, "text"),
            },
            "handoff.completed" => new HandoffCompleted { At = at, HandoffId = Text(d, "handoffId"), AgentId = Optional(d, "agentId") },
            "handoff.offered" => new HandoffOffered
            {
                At = at, HandoffId = Text(d, "handoffId"), OfferId = Text(d, "offerId"), AgentId = Text(d, "agentId"), ExpiresAt = d.GetProperty("expiresAt").GetDateTimeOffset(),
            },
            "handoff.declined" => new HandoffDeclined
            {
                At = at, HandoffId = Text(d, "handoffId"), OfferId = Text(d, "offerId"), AgentId = Text(d, "agentId"), Reason = Optional(d, "reason") ?? Optional(p, "reason"),
            },
            "handoff.escalated" => new HandoffEscalated { At = at, HandoffId = Text(d, "handoffId"), Step = d.GetProperty("step").GetInt32(), Queue = Text(d, "queue") },
            "agent.status.changed" => new AgentStatusChanged
            {
                At = at,
                Status = AgentStatusNamed(Text(d, "status")),
                PreviousStatus = Optional(d, "previousStatus") is { } previous ? AgentStatusNamed(previous) : null,
                Reason = Optional(d, "reason"),
            },
            "handoff.expired" => new HandoffExpired { At = at, HandoffId = Text(d, "handoffId"), OfferId = Text(d, "offerId"), AgentId = Text(d, "agentId") },
            "handoff.reclaimed" => new HandoffReclaimed
            {
                At = at, HandoffId = Text(d, "handoffId"), AgentId = Text(d, "agentId"), Reason = Text(d, "reason"), Text = Text(d, "text"),
            },
            _ => throw new FormatException($"Unknown fact type '{type}'."),
        };

    private static AgentStatus AgentStatusNamed(string name) =>
        WireNames.TryParseAgentStatus(name, out var status) ? status : throw new FormatException($"'{name}' is not an agent status.");

    private static void WriteData(Utf8JsonWriter w, Fact fact)
    {
        switch (fact)
        {
            case ConversationStarted f:
                w.WriteString("channel", f.Channel.Name());
                w.WriteString("locale", f.Locale);
                w.WriteNumber("priority", f.Priority);
                break;
            case CustomerIdentified:
                break;
            case ConversationDescribed f:
                w.WriteNumber("priority", f.Priority);
                break;
            case ConversationEnded f:
                if (IsReasonCode(f.Reason))
                {
                    w.WriteString("reason", f.Reason);
                }
                break;
            case ConversationErased:
                break;
            case ChannelSwitched f:
                w.WriteString("channel", f.Channel.Name());
                w.WriteString("locale", f.Locale);
                break;
            case MessageRecorded f:
                w.WriteString("from", f.From.Name());
                WriteOptional(w, "agentId", f.AgentId);
                break;
            case DisclosureIssued f:
                w.WriteString("disclosureId", f.DisclosureId);
                w.WriteString("channel", f.Channel.Name());
                w.WriteString("locale", f.Locale);
                w.WriteString("text", f.Text);
                w.WriteString("reason", f.Reason);
                break;
            case DisclosureDelivered f:
                w.WriteString("disclosureId", f.DisclosureId);
                break;
            case AiAllowed f:
                w.WriteString("disclosureId", f.DisclosureId);
                break;
            case AiSuppressed f:
                w.WriteString("reason", f.Reason);
                break;
            case IdentityAnswered f:
                w.WriteString("answeredAs", f.AnsweredAs);
                WriteOptional(w, "agentId", f.AgentId);
                break;
            case AiResumed f:
                w.WriteString("handoffId", f.HandoffId);
                break;
            case TrustSignalled f:
                w.WriteString("name", f.Name);
                w.WriteNumber("delta", f.Delta);
                if (f.HappenedAt is { } happenedAt)
                {
                    w.WriteString("happenedAt", happenedAt.UtcDateTime);
                }
                break;
            case TrustChanged f:
                w.WriteNumber("score", f.Score);
                w.WriteString("band", f.Band.Name());
                w.WriteString("previousBand", f.PreviousBand.Name());
                break;
            case HumanOffered f:
                w.WriteNumber("score", f.Score);
                break;
            case HandoffRequested f:
                w.WriteString("handoffId", f.HandoffId);
                w.WriteString("reason", f.Reason);
                w.WriteNumber("priority", f.Priority);
                w.WriteString("queue", f.Queue);
                break;
            case HandoffQueued f:
                w.WriteString("handoffId", f.HandoffId);
                w.WriteString("queue", f.Queue);
                w.WriteNumber("position", f.Position);
                // Always told: null when no agent who could take it is available, so no wait can be estimated.
                if (f.EstimatedWaitSeconds is { } wait)
                {
                    w.WriteNumber("estimatedWaitSeconds", wait);
                }
                else
                {
                    w.WriteNull("estimatedWaitSeconds");
                }
                break;
            case HandoffAssigned f:
                w.WriteString("handoffId", f.HandoffId);
                w.WriteString("agentId", f.AgentId);
                w.WriteString("agentDisplayName", f.AgentDisplayName);
                w.WriteString("text", f.Text);
                break;
            case HandoffCompleted f:
                w.WriteString("handoffId", f.HandoffId);
                // Always told: null when the conversation ended while it still waited, before any agent held it.
                if (f.AgentId is { } agentId)
                {
                    w.WriteString("agentId", agentId);
                }
                else
                {
                    w.WriteNull("agentId");
                }
                break;
            case HandoffOffered f:
                w.WriteString("handoffId", f.HandoffId);
                w.WriteString("offerId", f.OfferId);
                w.WriteString("agentId", f.AgentId);
                w.WriteString("expiresAt", f.ExpiresAt.UtcDateTime);
                break;
            case HandoffDeclined f:
                w.WriteString("handoffId", f.HandoffId);
                w.WriteString("offerId", f.OfferId);
                w.WriteString("agentId", f.AgentId);
                if (IsReasonCode(f.Reason))
                {
                    WriteOptional(w, "reason", f.Reason);
                }
                break;
            case HandoffEscalated f:
                w.WriteString("handoffId", f.HandoffId);
                w.WriteNumber("step", f.Step);
                w.WriteString("queue", f.Queue);
                break;
            case HandoffExpired f:
                w.WriteString("handoffId", f.HandoffId);
                w.WriteString("offerId", f.OfferId);
                w.WriteString("agentId", f.AgentId);
                break;
            case HandoffReclaimed f:
                w.WriteString("handoffId", f.HandoffId);
                w.WriteString("agentId", f.AgentId);
                w.WriteString("reason", f.Reason);
                w.WriteString("text", f.Text);
                break;
            case AgentStatusChanged f:
                w.WriteString("status", f.Status.Name());
                if (f.PreviousStatus is { } previous)
                {
                    w.WriteString("previousStatus", previous.Name());
                }
                WriteOptional(w, "reason", f.Reason);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fact), fact.Type, "No encoding for this fact type.");
        }
    }

    private static bool HasPersonal(Fact fact) =>
        fact is MessageRecorded or ConversationStarted { CustomerId: not null } or ConversationStarted { Attributes.Count: > 0 }
            or CustomerIdentified { CustomerId: not null } or HandoffOffered { Context: not null } or ConversationDescribed { Attributes.Count: > 0 }
        || (fact is ConversationEnded ended && !IsReasonCode(ended.Reason))
        || (fact is HandoffDeclined declined && !IsReasonCode(declined.Reason));

    /// <summary>What a <c>conversation.ended</c> whose reason in words was erased reads as.</summary>
    public const string ErasedReason = "erased";

    /// <summary>The most characters of a reason kept as a code.</summary>
    private const int MostReasonCodeLength = 64;

    /// <summary>
    /// Whether a reason is a code ("resolved", "customer-left", "agent_offline", "timeout.idle", "agent-away"), kept with
    /// the non-personal facts as proof, rather than words a platform or an agent wrote ("customer Budi closed the ticket"),
    /// which may name someone however well they are redacted and so are kept in the personal part, erased with the
    /// conversation. A code is up to 64 ASCII letters, digits, '-', '_', '.' and ':', starting with a letter or a digit.
    /// Null is none.
    /// </summary>
    public static bool IsReasonCode(string? reason)
    {
        if (reason is null)
        {
            return true;
        }
        if (reason.Length is 0 or > MostReasonCodeLength || !char.IsAsciiLetterOrDigit(reason[0]))
        {
            return false;
        }
        foreach (var c in reason)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
            {
                return false;
            }
        }
        return true;
    }

    private static void WriteAttributes(Utf8JsonWriter w, IReadOnlyDictionary<string, string> attributes)
    {
        w.WriteStartObject("attributes");
        foreach (var (key, value) in attributes)
        {
            w.WriteString(key, value);
        }
        w.WriteEndObject();
    }

    private static void WritePersonal(Utf8JsonWriter w, Fact fact)
    {
        switch (fact)
        {
            case ConversationStarted f:
                WriteOptional(w, "customerId", f.CustomerId);
                if (f.Attributes is { Count: > 0 } attributes)
                {
                    WriteAttributes(w, attributes);
                }
                break;
            case CustomerIdentified f:
                WriteOptional(w, "customerId", f.CustomerId);
                break;
            case ConversationDescribed { Attributes: { Count: > 0 } described }:
                WriteAttributes(w, described);
                break;
            case HandoffOffered { Context: { } context }:
                w.WritePropertyName("context");
                Handoffs.HandoffContextJson.Write(w, context);
                break;
            case ConversationEnded f:
                w.WriteString("reason", f.Reason);
                break;
            case HandoffDeclined f:
                WriteOptional(w, "reason", f.Reason);
                break;
            case MessageRecorded f:
                w.WriteString("text", f.Text);
                if (f.Fingerprint is { } fingerprint)
                {
                    // A string: JSON numbers lose precision above 2^53 in many readers.
                    w.WriteString("fingerprint", fingerprint.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                break;
        }
    }

    private static Range Write(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer, Fact fact, bool personal)
    {
        var start = buffer.WrittenCount;
        writer.Reset(buffer);
        writer.WriteStartObject();
        if (personal)
        {
            WritePersonal(writer, fact);
        }
        else
        {
            WriteData(writer, fact);
            if (fact.ScoredAt is { } scoredAt)
            {
                // Last, so a reader that tells the fact leaves it out by cutting the data short (OwnPartAt).
                writer.WriteString(ScoredAtName, scoredAt.UtcDateTime);
            }
        }
        writer.WriteEndObject();
        writer.Flush();
        return start..buffer.WrittenCount;
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static string? Optional(JsonElement? e, string name) =>
        e is { } element && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A number from 0 to 9; journals written before priorities existed hold the string "normal", the default.</summary>
    private static int Priority(JsonElement e)
    {
        var value = e.GetProperty("priority");
        return value.ValueKind == JsonValueKind.String && value.GetString() == LegacyNormalPriority
            ? HandoffPriority.Default
            : value.GetInt32();
    }

    private static Dictionary<string, string>? Attributes(JsonElement? personal) =>
        personal is { } element && element.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object
            ? attributes.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.GetString()!, StringComparer.Ordinal)
            : null;

    private static Channel Channel(JsonElement e, string name) =>
        WireNames.TryParseChannel(Text(e, name), out var channel) ? channel : throw new FormatException($"'{name}' is not a channel.");

    private static T Parse<T>(string value, Func<T, string> name) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => name(v!.Value) == value) ?? throw new FormatException($"'{value}' is not a {typeof(T).Name}.");
}
