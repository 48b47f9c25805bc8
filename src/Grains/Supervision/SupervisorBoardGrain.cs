using System.Collections.Frozen;
using CxCluster.Abstractions.Supervision;
using CxCluster.Grains.Agents;
using CxCluster.Grains.Conversations;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Push;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace CxCluster.Grains.Supervision;

/// <summary>
/// A tenant's supervisor board (key: the tenant id). It follows the tenant's journal on its own timer, in pages, so no
/// conversation ever waits for it; on activation it rebuilds what it keeps from the conversations active today or
/// yesterday (UTC), so what that costs grows with two days' facts, not with the tenant's history. Agents are kept from
/// their own records, applied to the same ledger each agent keeps, so a read asks no agent anything; queues are asked
/// of their pools as they stand (one call per pool).
/// </summary>
internal sealed partial class SupervisorBoardGrain(
    IFactJournal journal,
    JsonEncoders encoders,
    Serializer<AgentState> agentStates,
    HandoffSettings handoffs,
    StreamCursors cursors,
    TimeProvider clock,
    ILogger<SupervisorBoardGrain> logger)
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

    /// <summary>How many agents a rebuild reads from the journal at once.</summary>
    private const int AgentReadsAtOnce = 32;

    /// <summary>The tenant's agents as their records build them, by agent id.</summary>
    private readonly Dictionary<string, AgentLedger> _agents = new(StringComparer.Ordinal);

    /// <summary>While the facts read to rebuild may come again from the tenant-wide read: each stream's last seq read then.</summary>
    private Dictionary<string, long>? _rebuilt;
    private long _rebuiltUpTo;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenantId = this.GetPrimaryKeyString();
        await RebuildAsync(cancellationToken);
        this.RegisterGrainTimer(_ => FollowAsync(), new GrainTimerCreationOptions { DueTime = FollowEvery, Period = FollowEvery });
    }

    async Task<SupervisorBoard> ISupervisorBoardGrain.Get(long seenCursor)
    {
        await FollowAsync();
        var codec = await cursors.CodecAsync();
        var seen = seenCursor > 0 ? codec.Decode(_tenantId, seenCursor) ?? 0 : 0;
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
            Cursor = codec.Encode(_tenantId, _cursor),
            Queues = queues,
            Agents = agents,
            Conversations = await conversations,
            Today = _projection.Today(),
        };
    }

    /// <summary>The most conversations shown whose score is asked of them on each read; the rest show the score of their last band change.</summary>
    internal const int LiveTrustReads = 200;

    /// <summary>
    /// The conversations shown (at risk, or waiting for a person whatever their band) with their trust as it stands (the
    /// facts tell only when the band changes), the most urgent first; one whose trust is healthy again and that waits for
    /// nobody leaves the list.
    /// </summary>
    private async Task<IReadOnlyList<BoardConversation>> WithLiveTrustAsync(IReadOnlyList<BoardConversation> conversations)
    {
        var shown = conversations.Where(BoardProjection.Shown).Take(LiveTrustReads).ToArray();
        var readings = await Task.WhenAll(shown.Select(async c =>
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
        // Every agent any pool lists, each from its own stream, some at a time; one that registers later is read when
        // its first record comes.
        foreach (var some in (await RosteredAgentsAsync()).Chunk(AgentReadsAtOnce))
        {
            await Task.WhenAll(some.Select(agentId => LoadAgentAsync(agentId, ct)));
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
                var streamId = fact.Stream.StreamId;
                if (streamId.StartsWith(AgentJournal.StreamPrefix, StringComparison.Ordinal))
                {
                    // Reading an agent's stream may fail (the database is away): the cursor stays, and the next look reads this fact again.
                    await ApplyAgentAsync(streamId[AgentJournal.StreamPrefix.Length..], fact.Fact);
                }
                else if (streamId.StartsWith(ConversationJournal.StreamPrefix, StringComparison.Ordinal)
                    && (_rebuilt is null || !_rebuilt.TryGetValue(streamId, out var rebuiltSeq) || fact.Fact.Seq > rebuiltSeq))
                {
                    Apply(streamId[ConversationJournal.StreamPrefix.Length..], fact.Fact);
                }
                _cursor = fact.Position;
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

    /// <summary>
    /// An agent's record, applied to its ledger in seq order. An agent not known yet (registered since the board was
    /// built) is read from its stream, which holds this record already; a record out of order reads the stream again.
    /// </summary>
    private async Task ApplyAgentAsync(string agentId, JournalFact fact)
    {
        if (!_agents.TryGetValue(agentId, out var ledger) || fact.Seq > ledger.Seq + 1)
        {
            await LoadAgentAsync(agentId, CancellationToken.None);
            return;
        }
        if (fact.Seq <= ledger.Seq)
        {
            return;
        }
        try
        {
            ledger.Apply(AgentRecordCodec.Decode(fact.Type, fact.At, fact.Data));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The agent itself could not read it either; the board shows the rest of the agent.
            LogUnreadableAgentRecord(logger, e, _tenantId, agentId, fact.Seq);
        }
        ledger.Seq = fact.Seq;
    }

    /// <summary>Reads one agent as its grain would on activation: its latest checkpoint plus the records after it.</summary>
    private async Task LoadAgentAsync(string agentId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var stream = AgentJournal.Stream(_tenantId, agentId);
        var (ledger, _) = await new AgentJournal(journal, encoders, agentStates, stream, handoffs.CompletionsKept)
            .LoadAsync(e => LogUnreadableAgentCheckpoint(logger, e, _tenantId, agentId));
        _agents[agentId] = ledger;
    }

    /// <summary>The ids of the agents on any pool's roster (every registered agent serves at least one pool).</summary>
    private async Task<IEnumerable<string>> RosteredAgentsAsync()
    {
        var names = await PoolNamesAsync();
        var rosters = await Task.WhenAll(names.Select(name => GrainFactory.Pool(_tenantId, name).GetRoster()));
        return rosters.SelectMany(r => r).Select(a => a.AgentId).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Every queue with its figures, asked of its pool; every registered agent as its records tell.</summary>
    private async Task<(IReadOnlyList<QueueStats> Queues, IReadOnlyList<BoardAgent> Agents)> LiveAsync()
    {
        var names = await PoolNamesAsync();
        var queues = await Task.WhenAll(names.Select(async name => (await GrainFactory.Pool(_tenantId, name).GetStats()) with { Name = name }));
        IReadOnlyList<BoardAgent> agents =
        [
            .. _agents
                .Where(a => a.Value.Profile is not null)
                .OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => Standing(a.Key, a.Value)),
        ];
        return (queues, agents);
    }

    /// <summary>The names of the tenant's pool partitions, each once, in order.</summary>
    private async Task<string[]> PoolNamesAsync() =>
        (await GrainFactory.PoolDirectory(_tenantId).List()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>How an agent stands, as the agent itself counts it.</summary>
    private static BoardAgent Standing(string agentId, AgentLedger ledger) => new()
    {
        AgentId = agentId,
        DisplayName = ledger.Profile!.DisplayName,
        Status = ledger.Status,
        Load = ledger.Load,
        Capacity = ledger.Profile.Capacity,
        Offers = ledger.Offers.Count,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervisor board of tenant {TenantId} rebuilt from {Streams} conversations active since yesterday; {Tracked} tracked")]
    private static partial void LogRebuilt(ILogger logger, string tenantId, int streams, int tracked);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Supervisor board of tenant {TenantId} has read up to {Cursor}, behind {Seen} asked for")]
    private static partial void LogBehind(ILogger logger, string tenantId, long cursor, long seen);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervisor board of tenant {TenantId} passed over record {Seq} of agent {AgentId}: it cannot be read")]
    private static partial void LogUnreadableAgentRecord(ILogger logger, Exception exception, string tenantId, string agentId, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervisor board of tenant {TenantId}: the checkpoint of agent {AgentId} cannot be read; its records are replayed from the start")]
    private static partial void LogUnreadableAgentCheckpoint(ILogger logger, Exception exception, string tenantId, string agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supervisor board of tenant {TenantId} passed over fact {Seq} of conversation {ConversationId}: it cannot be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string tenantId, string conversationId, long seq);
}
