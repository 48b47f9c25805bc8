using System.Globalization;
using CxCluster.Abstractions.Facts;
using CxCluster.Abstractions.Supervision;

namespace CxCluster.Grains.Supervision;

/// <summary>
/// The part of a tenant's supervisor board that its conversations' facts make: the open conversations that are not
/// simply with the AI in good standing (at risk, waiting, offered or with an agent), and today's counts. One
/// <see cref="Apply"/> per fact, in each conversation's seq order.
/// </summary>
public sealed class BoardProjection
{
    /// <summary>The score of a conversation whose band never changed.</summary>
    private const int StartScore = 100;

    private readonly Dictionary<string, Watched> _watched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byReason = new(StringComparer.Ordinal);
    /// <summary>Today's waits from a request to the agent who holds it, one per handoff (an assignment taken back does not count).</summary>
    private readonly Dictionary<(string ConversationId, string HandoffId), int> _waits = [];
    /// <summary>Today's handoffs held by an agent.</summary>
    private readonly HashSet<(string ConversationId, string HandoffId)> _held = [];
    private DateOnly _day;
    private int _offersExpired;
    private int _handoffs;

    public BoardProjection(DateOnly day) => _day = day;

    /// <summary>The conversations tracked now (at risk, waiting, offered or held by an agent).</summary>
    public int Tracked => _watched.Count;

    /// <summary>Starts a new day's counts once the clock passes midnight UTC; the conversations stay.</summary>
    public void Roll(DateOnly today)
    {
        if (today <= _day)
        {
            return;
        }
        _day = today;
        _byReason.Clear();
        _waits.Clear();
        _held.Clear();
        _offersExpired = _handoffs = 0;
    }

    /// <summary>Takes one fact of a conversation into account.</summary>
    public void Apply(string conversationId, Fact fact)
    {
        var today = DateOnly.FromDateTime(fact.At.UtcDateTime) == _day;
        _watched.TryGetValue(conversationId, out var c);
        if (fact is HandoffExpired && today)
        {
            _offersExpired++;
        }
        switch (fact)
        {
            case ConversationEnded or ConversationErased:
                _watched.Remove(conversationId);
                return;
            case TrustChanged trust:
                c ??= Watch(conversationId);
                c.Band = trust.Band;
                c.Score = trust.Score;
                break;
            case HumanOffered offered:
                if (c is not null)
                {
                    c.Score = offered.Score;
                }
                break;
            case HandoffRequested requested:
                c ??= Watch(conversationId);
                c.Status = ConversationStatus.Queued;
                c.Queue = requested.Queue;
                c.WaitingSince = requested.At;
                c.RequestedAt = requested.At;
                c.AgentId = null;
                if (today)
                {
                    _handoffs++;
                    _byReason[requested.Reason] = _byReason.GetValueOrDefault(requested.Reason) + 1;
                }
                break;
            case HandoffEscalated escalated when c is not null:
                c.Queue = escalated.Queue;
                break;
            case HandoffQueued queued when c is not null:
                c.Queue = queued.Queue;
                break;
            case HandoffOffered offer when c is not null:
                c.AgentId = offer.AgentId;
                break;
            case HandoffDeclined or HandoffExpired when c is not null:
                c.AgentId = null;
                break;
            case HandoffAssigned assigned:
                c ??= Watch(conversationId);
                if (today)
                {
                    // Once per handoff: after a reclaim the agent who takes it next replaces the one who lost it.
                    _held.Add((conversationId, assigned.HandoffId));
                    if (c.RequestedAt is { } requestedAt)
                    {
                        _waits[(conversationId, assigned.HandoffId)] = (int)Math.Max(0, Math.Round((assigned.At - requestedAt).TotalSeconds));
                    }
                }
                c.Status = ConversationStatus.Human;
                c.AgentId = assigned.AgentId;
                c.WaitingSince = null;
                break;
            case HandoffReclaimed reclaimed when c is not null:
                c.Status = ConversationStatus.Queued;
                c.AgentId = null;
                // Its wait counts from when it first asked, as the queue counts it; the assignment it lost is not a wait that ended.
                c.WaitingSince = c.RequestedAt ?? reclaimed.At;
                _held.Remove((conversationId, reclaimed.HandoffId));
                _waits.Remove((conversationId, reclaimed.HandoffId));
                break;
            case HandoffCompleted or AiResumed when c is not null:
                c.Status = ConversationStatus.Ai;
                c.AgentId = null;
                c.Queue = null;
                c.WaitingSince = null;
                break;
            default:
                return;
        }
        if (c is { Status: ConversationStatus.Ai, Band: TrustBand.Healthy })
        {
            _watched.Remove(conversationId);
        }
    }

    /// <summary>The conversations at risk (warning or breached) or waiting for a human, most urgent first.</summary>
    public IReadOnlyList<BoardConversation> Conversations() =>
        [.. _watched
            .Select(p => new BoardConversation
            {
                ConversationId = p.Key,
                Status = p.Value.Status,
                Band = p.Value.Band,
                Score = p.Value.Score,
                // The queue it waits in; one with an agent waits in none (it keeps the queue it came from, should it be taken back).
                Queue = p.Value.Status == ConversationStatus.Queued ? p.Value.Queue : null,
                WaitingSince = p.Value.WaitingSince,
                AgentId = p.Value.AgentId,
            })
            .Where(Shown)
            .OrderByDescending(c => c.Band)
            .ThenBy(c => c.WaitingSince ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.Score)
            .ThenBy(c => c.ConversationId, StringComparer.Ordinal)];

    /// <summary>What the board shows: a conversation at risk, or one waiting for a person.</summary>
    public static bool Shown(BoardConversation c) => c.Band != TrustBand.Healthy || c.Status == ConversationStatus.Queued;

    /// <summary>Today's counts.</summary>
    public BoardDay Today() => new()
    {
        Day = _day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        HandoffsByReason = new SortedDictionary<string, int>(_byReason, StringComparer.Ordinal),
        MedianWaitSeconds = Median([.. _waits.Values]),
        OffersExpired = _offersExpired,
        Handoffs = _handoffs,
        Assigned = _held.Count,
    };

    /// <summary>The middle value (the mean of the two middle ones for an even count), or null for none.</summary>
    public static int? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (int)Math.Round((sorted[middle - 1] + sorted[middle]) / 2.0, MidpointRounding.AwayFromZero);
    }

    private Watched Watch(string conversationId)
    {
        var c = new Watched();
        _watched[conversationId] = c;
        return c;
    }

    private sealed class Watched
    {
        public ConversationStatus Status { get; set; } = ConversationStatus.Ai;
        public TrustBand Band { get; set; } = TrustBand.Healthy;
        public int Score { get; set; } = StartScore;
        public string? Queue { get; set; }
        public DateTimeOffset? WaitingSince { get; set; }
        /// <summary>When its current handoff was asked for.</summary>
        public DateTimeOffset? RequestedAt { get; set; }
        public string? AgentId { get; set; }
    }
}
