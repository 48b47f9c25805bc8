using System.Text.Json;
using CxCluster.Grains.Journal;
using static CxCluster.Grains.Journal.JsonMembers;

namespace CxCluster.Grains.Agents.Pool;

/// <summary>A pool record as the journal keeps it: UTF-8 JSON, camelCase; nothing in it is personal.</summary>
internal static class PoolRecordCodec
{
    /// <summary>The record's data, written through <paramref name="encoder"/> (reused) and copied out.</summary>
    public static byte[] Encode(PoolRecord record, JsonEncoder encoder) => encoder.WriteObject(record, WriteMembers);

    private static void WriteMembers(Utf8JsonWriter writer, PoolRecord record)
    {
        switch (record)
        {
            case PoolEntered entered:
                writer.WriteString("conversationId", entered.Request.ConversationId);
                writer.WriteString("handoffId", entered.Request.HandoffId);
                writer.WriteString("reason", entered.Request.Reason);
                writer.WriteString("requestedAt", entered.Request.RequestedAt);
                writer.WriteNumber("priority", entered.Request.Priority);
                writer.WriteNumber("sequence", entered.Sequence);
                if (entered.Front)
                {
                    writer.WriteBoolean("front", true);
                }
                if (entered.Request.WaitingSince is { } since)
                {
                    writer.WriteString("waitingSince", since);
                }
                if (entered.Request.TakenFrom is { } takenFrom)
                {
                    writer.WriteString("takenFrom", takenFrom);
                }
                if (entered.Request.Excluded.Count > 0)
                {
                    writer.WriteStartArray("excluded");
                    foreach (var agentId in entered.Request.Excluded)
                    {
                        writer.WriteStringValue(agentId);
                    }
                    writer.WriteEndArray();
                }
                break;
            case PoolEscalating escalating:
                WriteMove(writer, escalating.Move);
                break;
            case PoolEscalated escalated:
                WriteMove(writer, escalated.Move);
                break;
            case PoolOffered offered:
                writer.WriteString("conversationId", offered.Offer.ConversationId);
                writer.WriteString("handoffId", offered.Offer.HandoffId);
                writer.WriteString("agentId", offered.Offer.AgentId);
                writer.WriteString("offerId", offered.Offer.OfferId);
                writer.WriteString("expiresAt", offered.Offer.ExpiresAt);
                break;
            case PoolOfferEnded ended:
                writer.WriteString("conversationId", ended.ConversationId);
                writer.WriteString("handoffId", ended.HandoffId);
                writer.WriteString("offerId", ended.OfferId);
                writer.WriteString("agentId", ended.AgentId);
                writer.WriteBoolean("passed", ended.Passed);
                break;
            case PoolLeft left:
                writer.WriteString("conversationId", left.ConversationId);
                writer.WriteString("handoffId", left.HandoffId);
                break;
            case PoolAssigned assigned:
                writer.WriteString("conversationId", assigned.Assignment.ConversationId);
                writer.WriteString("handoffId", assigned.Assignment.HandoffId);
                writer.WriteString("agentId", assigned.Assignment.AgentId);
                writer.WriteString("agentDisplayName", assigned.Assignment.AgentDisplayName);
                break;
            case PoolOffering offering:
                writer.WriteString("conversationId", offering.Offer.ConversationId);
                writer.WriteString("handoffId", offering.Offer.HandoffId);
                writer.WriteString("agentId", offering.Offer.AgentId);
                break;
            case PoolAgentSeen seen:
                writer.WriteString("agentId", seen.Agent.AgentId);
                writer.WriteString("displayName", seen.Agent.DisplayName);
                writer.WriteString("status", seen.Agent.Status.ToString());
                writer.WriteNumber("capacity", seen.Agent.Capacity);
                writer.WriteNumber("load", seen.Agent.Load);
                writer.WriteString("idleSince", seen.Agent.IdleSince);
                writer.WriteNumber("version", seen.Agent.Version);
                break;
            case PoolAgentRemoved removed:
                writer.WriteString("agentId", removed.AgentId);
                break;
            case PoolListed:
                break;
            default:
                throw new ArgumentException($"Unknown pool record {record.GetType().Name}.", nameof(record));
        }
    }

    /// <exception cref="FormatException">The type is unknown or the data does not fit it.</exception>
    public static PoolRecord Decode(string type, DateTimeOffset at, ReadOnlyMemory<byte> data)
    {
        using var document = JsonDocument.Parse(data);
        var d = document.RootElement;
        try
        {
            return type switch
            {
                PoolEntered.Name => new PoolEntered
                {
                    At = at,
                    Request = new HandoffRequest
                    {
                        ConversationId = Text(d, "conversationId"),
                        HandoffId = Text(d, "handoffId"),
                        Reason = Text(d, "reason"),
                        RequestedAt = d.GetProperty("requestedAt").GetDateTimeOffset(),
                        Front = d.TryGetProperty("front", out var isFront) && isFront.GetBoolean(),
                        WaitingSince = d.TryGetProperty("waitingSince", out var since) ? since.GetDateTimeOffset() : null,
                        TakenFrom = d.TryGetProperty("takenFrom", out var takenFrom) ? takenFrom.GetString() : null,
                        Excluded = d.TryGetProperty("excluded", out var excluded)
                            ? [.. excluded.EnumerateArray().Select(a => a.GetString() ?? throw new FormatException("An excluded agent is null."))]
                            : [],
                        // Records written before priorities existed waited at the default.
                        Priority = d.TryGetProperty("priority", out var priority) ? priority.GetInt32() : HandoffPriority.Default,
                    },
                    Sequence = d.GetProperty("sequence").GetInt64(),
                    Front = d.TryGetProperty("front", out var front) && front.GetBoolean(),
                },
                PoolEscalating.Name => new PoolEscalating { At = at, Move = ReadMove(d) },
                PoolEscalated.Name => new PoolEscalated { At = at, Move = ReadMove(d) },
                PoolOffered.Name => new PoolOffered
                {
                    At = at,
                    Offer = new PoolOfferMark
                    {
                        ConversationId = Text(d, "conversationId"),
                        HandoffId = Text(d, "handoffId"),
                        AgentId = Text(d, "agentId"),
                        OfferId = Text(d, "offerId"),
                        ExpiresAt = d.GetProperty("expiresAt").GetDateTimeOffset(),
                    },
                },
                PoolOfferEnded.Name => new PoolOfferEnded
                {
                    At = at,
                    ConversationId = Text(d, "conversationId"),
                    HandoffId = Text(d, "handoffId"),
                    OfferId = Text(d, "offerId"),
                    AgentId = Text(d, "agentId"),
                    Passed = d.GetProperty("passed").GetBoolean(),
                },
                PoolLeft.Name => new PoolLeft { At = at, ConversationId = Text(d, "conversationId"), HandoffId = Text(d, "handoffId") },
                PoolAssigned.Name => new PoolAssigned
                {
                    At = at,
                    Assignment = new PoolAssignment
                    {
                        ConversationId = Text(d, "conversationId"),
                        HandoffId = Text(d, "handoffId"),
                        AgentId = Text(d, "agentId"),
                        AgentDisplayName = Text(d, "agentDisplayName"),
                    },
                },
                PoolOffering.Name => new PoolOffering
                {
                    At = at,
                    Offer = new PendingOffer { ConversationId = Text(d, "conversationId"), HandoffId = Text(d, "handoffId"), AgentId = Text(d, "agentId") },
                },
                PoolAgentSeen.Name => new PoolAgentSeen
                {
                    At = at,
                    Agent = new AgentView
                    {
                        AgentId = Text(d, "agentId"),
                        DisplayName = Text(d, "displayName"),
                        Status = Enum.Parse<AgentStatus>(Text(d, "status")),
                        Capacity = d.GetProperty("capacity").GetInt32(),
                        Load = d.GetProperty("load").GetInt32(),
                        IdleSince = d.GetProperty("idleSince").GetDateTimeOffset(),
                        Version = d.GetProperty("version").GetInt64(),
                    },
                },
                PoolAgentRemoved.Name => new PoolAgentRemoved { At = at, AgentId = Text(d, "agentId") },
                PoolListed.Name => new PoolListed { At = at },
                _ => throw new FormatException($"Unknown pool record type '{type}'."),
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"The data of a '{type}' pool record does not fit it: {e.Message}", e);
        }
    }

    private static void WriteMove(Utf8JsonWriter writer, PoolMove move)
    {
        writer.WriteString("conversationId", move.ConversationId);
        writer.WriteString("handoffId", move.HandoffId);
        writer.WriteNumber("step", move.Step);
        writer.WriteString("queue", move.Queue);
    }

    private static PoolMove ReadMove(JsonElement d) => new()
    {
        ConversationId = Text(d, "conversationId"),
        HandoffId = Text(d, "handoffId"),
        Step = d.GetProperty("step").GetInt32(),
        Queue = Text(d, "queue"),
    };
}
