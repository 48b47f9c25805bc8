using CxCluster.Storage.Tests.Infrastructure;
using Orleans.TestingHost;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>
/// Silos die or leave while a platform streams events into conversations and agents take handoffs, on real PostgreSQL:
/// afterwards every conversation and the pool are intact and every invariant holds.
/// </summary>
public sealed class SiloFailureTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int Conversations = 48;
    private const int Agents = 4;
    private const int Capacity = 3;
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private PostgresDatabase _database = null!;
    private TestCluster _cluster = null!;
    private Platform _platform = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _cluster = await DurableCluster.StartAsync(_database.ConnectionString, silos: 3);
        _platform = new Platform(_cluster.GrainFactory, DurableCluster.Tenant);
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_silo_killed_while_events_flow_loses_nothing_and_breaks_no_invariant()
    {
        await RegisterAgents();
        var flows = PlayConversations();
        await Eventually.ReturnsAsync(() => Task.FromResult(_platform.Answered), n => n >= Conversations, TimeSpan.FromSeconds(30), "the first events to be answered");

        var answeredAtKill = _platform.Answered;
        await _cluster.KillSiloAsync(_cluster.Silos[1]);
        await flows;

        await AssertIntact();
        Report(answeredAtKill);
        Assert.True(answeredAtKill < _platform.Answered, "the silo died while events were still flowing");
    }

    [Fact]
    public async Task A_silo_stopped_and_another_added_while_events_flow_lose_nothing_and_fail_only_retryably()
    {
        await RegisterAgents();
        var flows = PlayConversations();
        await Eventually.ReturnsAsync(() => Task.FromResult(_platform.Answered), n => n >= Conversations, TimeSpan.FromSeconds(30), "the first events to be answered");

        var answeredAtStop = _platform.Answered;
        await _cluster.StopSiloAsync(_cluster.Silos[1]);
        await _cluster.StartAdditionalSiloAsync();
        await flows;

        await AssertIntact();
        Report(answeredAtStop);
        Assert.True(answeredAtStop < _platform.Answered, "the silo left while events were still flowing");
        // Every failure seen was of a kind the platform is told to retry (Platform.IsRetryable), and every retry was answered.
        Assert.All(_platform.Failures.Keys, kind => Assert.Contains(kind, RetryableKinds));
    }

    private void Report(int answeredAtChange) => output.WriteLine(
        $"{answeredAtChange} of {_platform.Answered} events answered when the silo went; retried failures: " +
        (_platform.Failures.IsEmpty ? "none" : string.Join(", ", _platform.Failures.Select(f => $"{f.Key} x{f.Value}"))));

    private static readonly string[] RetryableKinds =
    [
        "SiloUnavailableException", "OrleansMessageRejectionException", "TimeoutException", "ConnectionFailedException",
        "OrleansException", "InconsistentStateException", "OperationCanceledException",
    ];

    private Task RegisterAgents() => Task.WhenAll(Enumerable.Range(0, Agents).Select(async i =>
    {
        var agent = _platform.Agent($"a{i}");
        await _platform.Retry(() => agent.Register(new AgentProfile { DisplayName = $"Agent {i}", Languages = ["id"], Channels = [Channel.Chat], Capacity = Capacity }));
        await _platform.Retry(() => agent.SetStatus(AgentStatus.Available));
    }));

    private async Task PlayConversations()
    {
        using var lanes = new SemaphoreSlim(12);
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(async i =>
        {
            await lanes.WaitAsync();
            try
            {
                await PlayConversation(i);
            }
            finally
            {
                lanes.Release();
            }
        }));
    }

    /// <summary>One customer: disclosed, helped by the AI, every third asks for a person, every fourth leaves.</summary>
    private async Task PlayConversation(int i)
    {
        var id = $"c{i}";
        var started = await _platform.Send(id, Event(EventType.ConversationStarted, e => e with { Channel = Channel.Chat, Locale = "id-ID" }));
        var disclosureId = started.Directives.First(d => d.Type == DirectiveType.Disclose).DisclosureId;
        await _platform.Send(id, Event(EventType.AiMessage, e => e with { Text = "Halo! Ada yang bisa saya bantu?" }));
        await _platform.Send(id, Event(EventType.DisclosureDelivered, e => e with { DisclosureId = disclosureId }));
        await _platform.Send(id, Event(EventType.CustomerMessage, e => e with { Text = $"saldo saya belum masuk, pesanan {i}" }));
        await _platform.Send(id, Event(EventType.AiMessage, e => e with { Text = "Baik, saya cek dulu ya." }));
        if (i % 3 == 0)
        {
            await _platform.Send(id, Event(EventType.CustomerMessage, e => e with { Text = "saya mau bicara dengan CS dong" }));
        }
        await _platform.Send(id, Event(EventType.AiMessage, e => e with { Text = "Ada lagi yang bisa dibantu?" }));
        await _platform.Send(id, Event(EventType.CustomerMessage, e => e with { Text = "terima kasih" }));
        if (i % 4 == 0)
        {
            await _platform.Send(id, Event(EventType.ConversationEnded));
        }
    }

    private static ConversationEvent Event(EventType type, Func<ConversationEvent, ConversationEvent>? with = null)
    {
        var e = new ConversationEvent { Id = $"e-{Guid.NewGuid():N}", Type = type, OccurredAt = Start };
        return with is null ? e : with(e);
    }

    /// <summary>Waits until the cluster has settled (late notifications, claims settled after a restart), then checks.</summary>
    private async Task AssertIntact()
    {
        // Joined into one line, so a timeout names what was still wrong.
        var problems = await Eventually.ReturnsAsync(async () => string.Join("; ", await FindProblems()), p => p.Length == 0, TimeSpan.FromSeconds(60),
            "every conversation and the pool to be intact");
        Assert.Empty(problems);
    }

    private async Task<IReadOnlyList<string>> FindProblems()
    {
        var problems = new List<string>();
        var agents = await Task.WhenAll(Enumerable.Range(0, Agents).Select(i => _platform.Retry(() => _platform.Agent($"a{i}").Get())));
        var held = agents.SelectMany(a => a!.Conversations.Select(c => (Agent: a.AgentId, Conversation: c))).ToArray();
        problems.AddRange(agents.Where(a => a!.Conversations.Count > a.Profile.Capacity).Select(a => $"{a!.AgentId} is over capacity"));
        problems.AddRange(held.GroupBy(h => h.Conversation).Where(g => g.Count() > 1).Select(g => $"{g.Key} is held by {g.Count()} agents"));

        var queued = 0;
        for (var i = 0; i < Conversations; i++)
        {
            var id = $"c{i}";
            var snapshot = await _platform.Retry(() => _platform.Conversation(id).GetSnapshot());
            var log = _platform.Logs[id];
            if (snapshot is null)
            {
                problems.Add($"{id} is lost");
                continue;
            }
            if (snapshot.Transcript.Count(t => t.From == Speaker.Customer) != log.CustomerMessages)
            {
                problems.Add($"{id} has {snapshot.Transcript.Count(t => t.From == Speaker.Customer)} customer turns for {log.CustomerMessages} messages");
            }
            if (snapshot.Transcript.Count(t => t.From == Speaker.Ai) != log.AllowedAiMessages)
            {
                problems.Add($"{id} has {snapshot.Transcript.Count(t => t.From == Speaker.Ai)} AI turns for {log.AllowedAiMessages} allowed");
            }
            if (log.UndisclosedAiMessages.Count > 0)
            {
                problems.Add($"{id} allowed AI messages without a disclosure before them: {string.Join(", ", log.UndisclosedAiMessages)}");
            }
            var holders = held.Where(h => h.Conversation == id).Select(h => h.Agent).ToArray();
            switch (snapshot.Status)
            {
                case ConversationStatus.Human when holders.SequenceEqual([snapshot.Handoff.AgentId!]):
                    break;
                case ConversationStatus.Human:
                    problems.Add($"{id} is with {snapshot.Handoff.AgentId} but held by [{string.Join(", ", holders)}]");
                    break;
                case ConversationStatus.Queued:
                    queued++;
                    if (holders.Length > 0 || snapshot.Handoff.QueuePosition is null)
                    {
                        problems.Add($"{id} is queued but held by [{string.Join(", ", holders)}] at position {snapshot.Handoff.QueuePosition}");
                    }
                    break;
                default:
                    if (holders.Length > 0)
                    {
                        problems.Add($"{id} is {snapshot.Status} but held by [{string.Join(", ", holders)}]");
                    }
                    break;
            }
        }

        var waiting = (await _platform.Retry(() => _cluster.GrainFactory.GetGrain<IAgentPoolGrain>(GrainKeys.Pool(DurableCluster.Tenant, "id/chat")).GetStats())).Waiting;
        if (waiting != queued)
        {
            problems.Add($"the pool has {waiting} waiting but {queued} conversations are queued");
        }
        if (waiting > 0 && agents.Any(a => a!.Conversations.Count < a.Profile.Capacity))
        {
            problems.Add($"{waiting} wait while an agent has a free slot");
        }
        return problems;
    }
}
