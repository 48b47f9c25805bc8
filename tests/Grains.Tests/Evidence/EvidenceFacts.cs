using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Journal;

namespace CxCluster.Grains.Tests.Evidence;

/// <summary>Facts as a conversation records them, written with short names so a test reads as the conversation it tells.</summary>
internal static class EvidenceFacts
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    /// <summary>Every page of an export grain's answer to <paramref name="query"/>, as the API streams them.</summary>
    public static async Task<byte[]> ReadAllAsync(this IEvidenceExportGrain export, EvidenceQuery query)
    {
        var bytes = new List<byte>();
        for (var page = 0; ; page++)
        {
            var read = await export.Read(query, page);
            bytes.AddRange(read.Lines);
            if (read.Last)
            {
                return [.. bytes];
            }
        }
    }

    public static ConversationStarted Started(int at, Channel channel = Channel.Chat, string locale = "id-ID", string? customerId = null) =>
        new() { At = At(at), Channel = channel, Locale = locale, Priority = 5, CustomerId = customerId };

    public static DisclosureIssued Issued(int at, string id, Channel channel = Channel.Chat, string reason = DisclosureIssued.Start, string text = "Anda berbicara dengan asisten AI.") =>
        new() { At = At(at), DisclosureId = id, Channel = channel, Locale = "id-ID", Text = text, Reason = reason };

    public static DisclosureDelivered Delivered(int at, string id) => new() { At = At(at), DisclosureId = id };

    public static AiAllowed AiAllowed(int at, string disclosureId) => new() { At = At(at), DisclosureId = disclosureId };

    public static ChannelSwitched Switched(int at, Channel channel) => new() { At = At(at), Channel = channel, Locale = "id-ID" };

    public static MessageRecorded Said(int at, Speaker from, string text, string? agentId = null) =>
        new() { At = At(at), From = from, Text = text, AgentId = agentId, Fingerprint = from == Speaker.Customer ? 42UL : null };

    public static TrustSignalled Signal(int at, string name, double delta = -10) => new() { At = At(at), Name = name, Delta = delta };

    public static IdentityAnswered Identity(int at, string answeredAs) => new() { At = At(at), AnsweredAs = answeredAs };

    public static HandoffRequested Requested(int at, string id, string reason) =>
        new() { At = At(at), HandoffId = id, Reason = reason, Priority = 5, Queue = "id/chat" };

    public static HandoffAssigned Assigned(int at, string id, string agentId, string displayName = "Sari Wulandari") =>
        new() { At = At(at), HandoffId = id, AgentId = agentId, AgentDisplayName = displayName, Text = $"{displayName} akan membantu Anda." };

    public static ConversationEnded Ended(int at, string reason = "resolved") => new() { At = At(at), Reason = reason };

    public static ConversationErased Erased(int at) => new() { At = At(at) };

    /// <summary>Appends the facts to the stream after the ones it holds, as one event, encoded as the journal keeps them.</summary>
    public static async Task AppendAsync(this IFactJournal journal, StreamKey stream, params Fact[] facts)
    {
        var seq = (await journal.ReadStreamAsync(stream, 0, 100_000)).Count;
        var encoded = facts.Select(f =>
        {
            var (data, personal) = FactCodec.Encode(f);
            return new JournalFact(++seq, f.Type, f.At, data, personal);
        }).ToList();
        await journal.AppendAsync(new JournalAppend(stream, null, encoded, ReadOnlyMemory<byte>.Empty));
    }
}
