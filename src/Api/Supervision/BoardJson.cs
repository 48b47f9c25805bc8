using CxCluster.Abstractions.Supervision;

namespace CxCluster.Api.Supervision;

/// <summary>The answer of <c>GET /v1/supervisor/board</c>: what the tenant's supervisors see now.</summary>
public sealed record BoardJson(
    DateTime AsOf,
    long Cursor,
    IReadOnlyList<BoardQueueJson> Queues,
    IReadOnlyList<BoardAgentJson> Agents,
    IReadOnlyList<BoardConversationJson> Conversations,
    BoardDayJson Today)
{
    public static BoardJson Of(SupervisorBoard board) => new(
        board.AsOf.UtcDateTime,
        board.Cursor,
        [.. board.Queues.Select(q => new BoardQueueJson(q.Name, q.Waiting, q.LongestWaitSeconds, q.AvailableAgents))],
        [.. board.Agents.Select(a => new BoardAgentJson(a.AgentId, a.DisplayName, a.Status.Name(), a.Load, a.Capacity, a.Offers))],
        [.. board.Conversations.Select(c => new BoardConversationJson(
            c.ConversationId, c.Status.Name(), c.Band.Name(), c.Score, c.Queue, c.WaitingSince?.UtcDateTime, c.AgentId))],
        new BoardDayJson(
            board.Today.Day,
            board.Today.HandoffsByReason,
            board.Today.MedianWaitSeconds,
            board.Today.OffersExpired,
            board.Today.Handoffs,
            board.Today.Assigned));
}

/// <summary>One queue: how many wait, how long the oldest has, how many agents serving it are available.</summary>
public sealed record BoardQueueJson(string Name, int Waiting, int LongestWaitSeconds, int AvailableAgents);

/// <summary>One agent: status, conversations and open offers counted against capacity, and open offers.</summary>
public sealed record BoardAgentJson(string AgentId, string DisplayName, string Status, int Load, int Capacity, int Offers);

/// <summary>A conversation at risk or waiting for a human.</summary>
public sealed record BoardConversationJson(
    string ConversationId, string Status, string Band, int Score, string? Queue, DateTime? WaitingSince, string? AgentId);

/// <summary>Today's counts (the UTC day).</summary>
public sealed record BoardDayJson(
    string Day, IReadOnlyDictionary<string, int> HandoffsByReason, int? MedianWaitSeconds, int OffersExpired, int Handoffs, int Assigned);
