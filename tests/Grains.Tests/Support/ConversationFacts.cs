using CxCluster.Grains.Conversations;
using CxCluster.Grains.Journal;

namespace CxCluster.Grains.Tests.Support;

/// <summary>A conversation's facts as its journal holds them, for tests that check what was recorded and in what order.</summary>
internal static class ConversationFacts
{
    /// <summary>The conversation's facts in order (the first thousand).</summary>
    public static ValueTask<IReadOnlyList<JournalFact>> Of(IFactJournal journal, string tenantId, string conversationId) =>
        journal.ReadStreamAsync(ConversationJournal.Stream(tenantId, conversationId), 0, 1_000);

    /// <summary>The types of the handoff's facts among <paramref name="facts"/>, in order.</summary>
    public static string[] HandoffTypes(IEnumerable<JournalFact> facts) =>
        [.. facts.Select(f => f.Type).Where(t => t.StartsWith("handoff.", StringComparison.Ordinal))];

    /// <summary>A fact's data as the JSON text it was recorded as.</summary>
    public static string Data(JournalFact fact) => System.Text.Encoding.UTF8.GetString(fact.Data.Span);

    /// <summary>A fact's data and its personal part (a reason in words, a message's text), as the JSON texts they were recorded as.</summary>
    public static string Recorded(JournalFact fact) =>
        Data(fact) + (fact.Personal is { } personal ? System.Text.Encoding.UTF8.GetString(personal.Span) : "");
}
