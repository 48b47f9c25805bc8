using CxCluster.Settings;

namespace CxCluster.TestSupport.Invariants;

/// <summary>What the caller knows the cluster must show: every agent it registered and every conversation it played.</summary>
public sealed record ExpectedCluster(IReadOnlyCollection<RegisteredAgent> Agents, IReadOnlyCollection<ExpectedConversation> Conversations)
{
    /// <summary>How many turns a transcript keeps (the silos' <c>Conversations:TranscriptTurns</c>).</summary>
    public int TranscriptTurns { get; init; } = new ConversationSettings().TranscriptTurns;

    /// <summary>The conversations each agent declined an offer of (one handoff each): it never gets them again.</summary>
    public IReadOnlySet<(string AgentId, string ConversationId)> Declined { get; init; } = new HashSet<(string, string)>();
}

/// <summary>An agent the caller registered; when it gives the profile, the cluster must still show it.</summary>
public sealed record RegisteredAgent(string Id, AgentProfile? Profile = null);

/// <summary>A conversation the caller played, and what it was answered.</summary>
public sealed record ExpectedConversation(string Id)
{
    /// <summary>Whether any of its events was answered: only then must the cluster know it.</summary>
    public bool Answered { get; init; } = true;

    /// <summary>The turns acknowledged, when the caller kept them.</summary>
    public ExpectedTranscript? Transcript { get; init; }

    /// <summary>Whether a conversation.ended was answered.</summary>
    public bool Ended { get; init; }

    /// <summary>Events whose answer allowed an AI message without a disclosure before it.</summary>
    public IReadOnlyList<string> UndisclosedAiMessages { get; init; } = [];
}

/// <summary>The customer and AI turns a conversation's transcript must hold.</summary>
public abstract record ExpectedTranscript
{
    public abstract int Turns { get; }
}

/// <summary>Every acknowledged turn, in order.</summary>
public sealed record ExactTranscript(IReadOnlyList<(Speaker From, string Text)> Acknowledged) : ExpectedTranscript
{
    public override int Turns => Acknowledged.Count;
}

/// <summary>How many customer and AI turns were acknowledged.</summary>
public sealed record CountedTranscript(int Customer, int Ai) : ExpectedTranscript
{
    public override int Turns => Customer + Ai;
}
