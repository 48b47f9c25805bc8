using System.Text.Json;
using CxCluster.Grains.Journal;
using static CxCluster.Grains.Journal.JsonMembers;

namespace CxCluster.Grains.Agents;

/// <summary>
/// An agent record as the journal keeps it: UTF-8 JSON, camelCase. Nothing in it is a customer's: conversation,
/// handoff and pool ids, and the agent's own profile, as the pool's records hold them.
/// </summary>
internal static class AgentRecordCodec
{
    /// <summary>The record's data, written through <paramref name="encoder"/> (reused) and copied out.</summary>
    public static byte[] Encode(AgentRecord record, JsonEncoder encoder) => encoder.WriteObject(record, WriteMembers);

    private static void WriteMembers(Utf8JsonWriter writer, AgentRecord record)
    {
        switch (record)
        {
            case AgentRegistered registered:
                writer.WriteString("displayName", registered.Profile.DisplayName);
                writer.WriteStartArray("languages");
                foreach (var language in registered.Profile.Languages)
                {
                    writer.WriteStringValue(language);
                }
                writer.WriteEndArray();
                writer.WriteStartArray("channels");
                foreach (var channel in registered.Profile.Channels)
                {
                    writer.WriteStringValue(channel.ToString());
                }
                writer.WriteEndArray();
                writer.WriteNumber("capacity", registered.Profile.Capacity);
                break;
            case AgentStatusChanged changed:
                writer.WriteString("status", changed.Status.ToString());
                if (changed.PreviousStatus is { } previous)
                {
                    writer.WriteString("previousStatus", previous.ToString());
                }
                if (changed.Number is { } number)
                {
                    writer.WriteNumber("number", number);
                }
                if (changed.Reason is { } reason)
                {
                    writer.WriteString("reason", reason);
                }
                break;
            case AgentOffered offered:
                WriteOffer(writer, offered.Offer);
                break;
            case AgentOfferEnded ended:
                writer.WriteString("offerId", ended.OfferId);
                writer.WriteString("outcome", ended.Outcome.ToString());
                if (AgentLedger.StoredReason(ended.Reason) is { } why)
                {
                    writer.WriteString("reason", why);
                }
                break;
            case AgentOfferTold told:
                writer.WriteString("offerId", told.OfferId);
                break;
            case AgentOfferWithdrawn withdrawn:
                writer.WriteString("offerId", withdrawn.OfferId);
                break;
            case AgentClaimPending pending:
                writer.WriteString("poolName", pending.Claim.PoolName);
                writer.WriteString("conversationId", pending.Claim.ConversationId);
                writer.WriteString("handoffId", pending.Claim.HandoffId);
                if (pending.Claim.Offer is { } claimOffer)
                {
                    writer.WriteStartObject("offer");
                    WriteOffer(writer, claimOffer);
                    writer.WriteEndObject();
                }
                break;
            case AgentClaimDropped dropped:
                writer.WriteString("conversationId", dropped.ConversationId);
                writer.WriteString("handoffId", dropped.HandoffId);
                break;
            case AgentAssigned assigned:
                writer.WriteString("conversationId", assigned.ConversationId);
                writer.WriteString("handoffId", assigned.HandoffId);
                writer.WriteString("poolName", assigned.PoolName);
                break;
            case AgentReleased released:
                writer.WriteString("conversationId", released.ConversationId);
                writer.WriteString("handoffId", released.HandoffId);
                break;
            case AgentCompleted completed:
                writer.WriteString("conversationId", completed.ConversationId);
                writer.WriteString("handoffId", completed.HandoffId);
                break;
            case AgentCompletionTold told:
                writer.WriteString("conversationId", told.ConversationId);
                writer.WriteString("handoffId", told.HandoffId);
                break;
            case AgentWatched watched:
                writer.WriteBoolean("watched", watched.Watched);
                break;
            default:
                throw new ArgumentException($"Unknown agent record {record.GetType().Name}.", nameof(record));
        }
    }

    /// <exception cref="FormatException">The type is unknown or the data does not fit it.</exception>
    public static AgentRecord Decode(string type, DateTimeOffset at, ReadOnlyMemory<byte> data)
    {
        using var document = JsonDocument.Parse(data);
        var d = document.RootElement;
        try
        {
            return type switch
            {
                AgentRegistered.Name => new AgentRegistered
                {
                    At = at,
                    Profile = new AgentProfile
                    {
                        DisplayName = Text(d, "displayName"),
                        Languages = [.. d.GetProperty("languages").EnumerateArray().Select(l => l.GetString() ?? throw new FormatException("A language is null."))],
                        Channels = [.. d.GetProperty("channels").EnumerateArray().Select(c => Enum.Parse<Channel>(c.GetString() ?? throw new FormatException("A channel is null.")))],
                        Capacity = d.GetProperty("capacity").GetInt32(),
                    },
                },
                AgentStatusChanged.Name => new AgentStatusChanged
                {
                    At = at,
                    Status = Enum.Parse<AgentStatus>(Text(d, "status")),
                    PreviousStatus = d.TryGetProperty("previousStatus", out var previous) ? Enum.Parse<AgentStatus>(previous.GetString() ?? throw new FormatException("'previousStatus' is null.")) : null,
                    Number = d.TryGetProperty("number", out var number) ? number.GetInt64() : null,
                    Reason = d.TryGetProperty("reason", out var reason) ? reason.GetString() : null,
                },
                AgentOffered.Name => new AgentOffered { At = at, Offer = ReadOffer(d) },
                AgentOfferEnded.Name => new AgentOfferEnded
                {
                    At = at,
                    OfferId = Text(d, "offerId"),
                    Outcome = Enum.Parse<OfferOutcome>(Text(d, "outcome")),
                    Reason = d.TryGetProperty("reason", out var why) ? why.GetString() : null,
                },
                AgentOfferTold.Name => new AgentOfferTold { At = at, OfferId = Text(d, "offerId") },
                AgentOfferWithdrawn.Name => new AgentOfferWithdrawn { At = at, OfferId = Text(d, "offerId") },
                AgentClaimPending.Name => new AgentClaimPending
                {
                    At = at,
                    Claim = new PendingClaim
                    {
                        PoolName = Text(d, "poolName"),
                        ConversationId = Text(d, "conversationId"),
                        HandoffId = Text(d, "handoffId"),
                        Offer = d.TryGetProperty("offer", out var claimOffer) ? ReadOffer(claimOffer) : null,
                    },
                },
                AgentClaimDropped.Name => new AgentClaimDropped { At = at, ConversationId = Text(d, "conversationId"), HandoffId = Text(d, "handoffId") },
                AgentAssigned.Name => new AgentAssigned
                {
                    At = at, ConversationId = Text(d, "conversationId"), HandoffId = Text(d, "handoffId"), PoolName = Text(d, "poolName"),
                },
                AgentReleased.Name => new AgentReleased { At = at, ConversationId = Text(d, "conversationId"), HandoffId = Text(d, "handoffId") },
                AgentCompleted.Name => new AgentCompleted { At = at, ConversationId = Text(d, "conversationId"), HandoffId = Text(d, "handoffId") },
                AgentCompletionTold.Name => new AgentCompletionTold { At = at, ConversationId = Text(d, "conversationId"), HandoffId = Text(d, "handoffId") },
                AgentWatched.Name => new AgentWatched { At = at, Watched = d.GetProperty("watched").GetBoolean() },
                _ => throw new FormatException($"Unknown agent record type '{type}'."),
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"The data of a '{type}' agent record does not fit it: {e.Message}", e);
        }
    }

    private static void WriteOffer(Utf8JsonWriter writer, OpenOffer offer)
    {
        writer.WriteString("offerId", offer.OfferId);
        writer.WriteString("conversationId", offer.ConversationId);
        writer.WriteString("handoffId", offer.HandoffId);
        writer.WriteString("poolName", offer.PoolName);
        writer.WriteString("offeredAt", offer.OfferedAt);
        writer.WriteString("expiresAt", offer.ExpiresAt);
    }

    private static OpenOffer ReadOffer(JsonElement d) => new()
    {
        OfferId = Text(d, "offerId"),
        ConversationId = Text(d, "conversationId"),
        HandoffId = Text(d, "handoffId"),
        PoolName = Text(d, "poolName"),
        OfferedAt = d.GetProperty("offeredAt").GetDateTimeOffset(),
        ExpiresAt = d.GetProperty("expiresAt").GetDateTimeOffset(),
    };
}
