using System.Collections.Frozen;
using CxCluster.Abstractions.Supervision;
using CxCluster.Grains.Conversations;
using CxCluster.Grains.Journal;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Supervision;

/// <summary>
/// A tenant's supervisor board (key: the tenant id). It follows the tenant's journal on its own timer, in pages, so no
/// conversation ever waits for it; on activation it rebuilds what it keeps from the conversations active today or
/// yesterday (UTC), so what that costs grows with two days' facts, not with the tenant's history. Queues and agents are asked for as they stand.
/// </summary>
internal sealed partial class SupervisorBoardGrain(IFactJournal journal, TimeProvider clock, ILogger<SupervisorBoardGrain> logger)
    : Grain, ISupervisorBoardGrain
{
    internal const int PageSize = 1_024;

    /// <summary>How often the board reads the facts appended since its last look, while it is active.</summary>
    internal static readonly TimeSpan FollowEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>The fact types the board's projection uses; every other fact is passed over undecoded.</summary>
    private static readonly FrozenSet<string> Used = new[]
    {
        "trust.changed", "human.offered", "handoff.requested", "handoff.escalated", "handoff.offered", "handoff.declined",
        "handoff.expired", "handoff.assigned", "handoff.reclaimed", "handoff.completed", "ai.resumed", "conversation.ended",
        "conversation.erased",
    }.ToFrozenSet(StringComparer.Ordinal);

    private string _tenantId = "";
    private BoardProjection _projection = null!;
    private long _cursor;

    /// <summary>While the facts read to rebuild may come again from the tenant-wide read: each stream's last seq read then.</summary>
    private Dictionary<string, long>? _rebuilt;
    private long _rebuiltUpTo;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenantId = this.GetPrimaryKeyString();
        await RebuildAsync(cancellationToken);
        this.RegisterGrainTimer(_ => FollowAsync(), new GrainTimerCreationOptions { DueTime = FollowEvery, Period = FollowEvery });
    }

    async Task<SupervisorBoard> ISupervisorBoardGrain.Get(long seen)
    {
        await FollowAsync();
        if (_cursor < seen)
        {
            LogBehind(logger, _tenantId, _cursor, seen);
        }
        var live = LiveAsync();
        var conversations = WithLiveTrustAsync(_projection.Conversations());
        var (queues, agents) = await live;
        return new SupervisorBoard
        {
            AsOf = clock.GetUtcNow(),
            Cursor = _cursor,
            Queues = queues,
            Agents = agents,
            Conversations = await conversations,
            Today = _projection.Today(),
        };
    }

    /// <summary>The most conversations at risk whose score is asked of them on each read; the rest show the score of their last band change.</summary>
    internal const int LiveTrustReads = 200;

    /// <summary>
    /// The conversations at risk with their trust as it stands (the facts tell only when the band changes), the most
    /// urgent first; one whose trust is healthy again and that waits for nobody leaves the list.
    /// </summary>
    private async Task<IReadOnlyList<BoardConversation>> WithLiveTrustAsync(IReadOnlyList<BoardConversation> conversations)
    {
        var atRisk = conversations.Where(c => c.Band != TrustBand.Healthy).Take(LiveTrustReads).ToArray();
        var readings = await Task.WhenAll(atRisk.Select(async c =>
        {
            try
            {
                return (c.ConversationId, Reading: await GrainFactory.Conversation(_tenantId, c.ConversationId).GetTrust());
            }
            catch (Exception e) when (Unanswered.Is(e))
            {
                return (c.ConversationId, Reading: (TrustReading?)null);
            }
        }));
        var live = readings.Where(r => r.Reading is not null).ToDictionary(r => r.ConversationId, r => r.Reading!, StringComparer.Ordinal);
        return [.. conversations
            .Select(c => live.TryGetValue(c.ConversationId, out var reading) ? c with { Score = reading.Score, Band = reading.Band } : c)
            .Where(BoardProjection.Shown)];
    }

    /// <summary>
    /// How many whole UTC days before today a rebuild reads too: a conversation that asked for a person or fell at risk
    /// late yesterday and has had no fact since still waits, or is still at risk, after midnight. Today's counts take
    /// only today's facts.
    /// </summary>
    internal const int RebuildDaysBefore = 1;

    /// <summary>The conversations active today or yesterday, each read once from its own stream; then the tenant-wide read goes on from the head seen first.</summary>
    private async Task RebuildAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var from = new DateTimeOffset(today.AddDays(-RebuildDaysBefore).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        _projection = new BoardProjection(today);
        var head = await journal.TenantHeadAsync(_tenantId, ct);
        var rebuilt = new Dictionary<string, long>(StringComparer.Ordinal);
        ActiveStream? after = null;
        const int streamsPerPage = 256;
        while (true)
        {
            var streams = await journal.ReadActiveStreamsAsync(_tenantId, ConversationJournal.StreamPrefix, from, now.AddDays(1), after, streamsPerPage, ct);
            foreach (var stream in streams)
            {
                rebuilt[stream.StreamId] = await ReadStreamAsync(new StreamKey(_tenantId, stream.StreamId), ct);
            }
            if (streams.Count < streamsPerPage)
            {
                break;
            }
            after = streams[^1];
        }
        _cursor = head;
        _rebuilt = rebuilt;
        _rebuiltUpTo = await journal.TenantHeadAsync(_tenantId, ct);
        LogRebuilt(logger, _tenantId, rebuilt.Count, _projection.Tracked);
    }

    private async Task<long> ReadStreamAsync(StreamKey stream, CancellationToken ct)
    {
        var conversationId = stream.StreamId[ConversationJournal.StreamPrefix.Length..];
        long seq = 0;
        while (true)
        {
            var facts = await journal.ReadStreamAsync(stream, seq, PageSize, ct);
            foreach (var fact in facts)
            {
                Apply(conversationId, fact);
                seq = fact.Seq;
            }
            if (facts.Count < PageSize)
            {
                return seq;
            }
        }
    }

    /// <summary>Reads every fact appended since the cursor, a page at a time.</summary>
    private async Task FollowAsync()
    {
        _projection.Roll(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        while (true)
        {
            var facts = await journal.ReadTenantAsync(_tenantId, _cursor, PageSize);
            foreach (var fact in facts)
            {
                _cursor = fact.Position;
                var streamId = fact.Stream.StreamId;
                if (!streamId.StartsWith(ConversationJournal.StreamPrefix, StringComparison.Ordinal)
                    || (_rebuilt is not null && _rebuilt.TryGetValue(streamId, out var rebuiltSeq) && fact.Fact.Seq <= rebuiltSeq))
                {
                    continue;
                }
                Apply(streamId[ConversationJournal.StreamPrefix.Length..], fact.Fact);
            }
            if (_rebuilt is not null && _cursor >= _rebuiltUpTo)
            {
                _rebuilt = null;
            }
            if (facts.Count < PageSize)
            {
                return;
            }
        }
    }

    private void Apply(string conversationId, JournalFact fact)
    {
        if (!Used.Contains(fact.Type))
        {
            return;
        }
        try
        {
            _projection.Apply(conversationId, FactCodec.Decode(fact.Type, fact.At, fact.Data, ReadOnlyMemory<byte>.Empty));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One fact the board cannot read must not keep the supervisors from the rest.
            LogUnreadable(logger, e, _tenantId, conversationId, fact.Seq);
        }
    }

    /// <summary>Every queue with its figures and every agent of their rosters, each agent asked how it stands now (one call each).</summary>
    private async Task<(IReadOnlyList<QueueStats> Queues, IReadOnlyList<BoardAgent> Agents)> LiveAsync()
    {
        var names = (await GrainFactory.PoolDirectory(_tenantId).List()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var pools = await Task.WhenAll(names.Select(async name =>
        {
            var pool = GrainFactory.Pool(_tenantId, name);
            var stats = pool.GetStats();
            var roster = pool.GetRoster();
            return (Stats: (await stats) with { Name = name }, Roster: await roster);
        }));
        var agentIds = pools.SelectMany(p => p.Roster).Select(a => a.AgentId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var agents = await Task.WhenAll(agentIds.Select(id => GrainFactory.Agent(_tenantId, id).GetStanding()));
        return ([.. pools.Select(p => p.Stats)], [.. agents.OfType<BoardAgent>()]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervisor board of tenant {TenantId} rebuilt from {Streams} conversations active since yesterday; {Tracked} tracked")]
    private static partial void LogRebuilt(ILogger logger, string tenantId, int streams, int tracked);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Supervisor board of tenant {TenantId} has read up to {Cursor}, behind {Seen} asked for")]
    private static partial void LogBehind(ILogger logger, string tenantId, long cursor, long seen);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervisor board of tenant {TenantId} passed over fact {Seq} of conversation {ConversationId}: it cannot be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string tenantId, string conversationId, long seq);
}
