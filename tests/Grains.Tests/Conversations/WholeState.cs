using System.Text.Json;
using System.Text.Json.Nodes;
using CxCluster.Grains.Conversations;

namespace CxCluster.Grains.Tests.Conversations;

/// <summary>
/// A conversation's whole state as JSON, every property of every slice, so a state rebuilt from a checkpoint and facts
/// is compared with the live one field by field (a field added later is compared without anyone listing it).
/// </summary>
internal static class WholeState
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// The state as indented JSON. Where a waiting handoff stands in its queue now, and whether its pool shows an offer
    /// of it open (and the status shown from that), is left out: it is the pool's bookkeeping, not a fact, and is asked
    /// of the pool again after a rebuild.
    /// </summary>
    public static string Json(ConversationState state)
    {
        var node = JsonSerializer.SerializeToNode(state, Indented)!.AsObject();
        foreach (var handoff in new[] { node["Handoff"], node["Handoffs"]?["Current"] })
        {
            if (handoff is JsonObject record)
            {
                record.Remove(nameof(Grains.Handoffs.HandoffRecord.QueuePosition));
                record.Remove(nameof(Grains.Handoffs.HandoffRecord.EstimatedWaitSeconds));
                record.Remove(nameof(Grains.Handoffs.HandoffRecord.PoolShowsOffer));
                record.Remove(nameof(Grains.Handoffs.HandoffRecord.ShownStatus));
            }
        }
        return node.ToJsonString(Indented);
    }

    /// <summary>Fails naming the lines where the two states differ.</summary>
    public static void AssertSame(string live, string rebuilt, string? context = null)
    {
        if (live == rebuilt)
        {
            return;
        }
        var expected = live.Split('\n');
        var actual = rebuilt.Split('\n');
        var differences = Enumerable.Range(0, Math.Max(expected.Length, actual.Length))
            .Where(i => i >= expected.Length || i >= actual.Length || expected[i] != actual[i])
            .Take(8)
            .Select(i => $"  line {i + 1}: live {(i < expected.Length ? expected[i].Trim() : "(none)")} | rebuilt {(i < actual.Length ? actual[i].Trim() : "(none)")}");
        Assert.Fail($"The rebuilt state differs from the live one{(context is null ? "" : $" ({context})")}:\n{string.Join('\n', differences)}");
    }

    public static void AssertSame(ConversationState live, ConversationState rebuilt, string? context = null) =>
        AssertSame(Json(live), Json(rebuilt), context);
}
