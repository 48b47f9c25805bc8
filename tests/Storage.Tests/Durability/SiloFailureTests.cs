using CxCluster.TestSupport.Hosting;
using CxCluster.TestSupport.Invariants;
using Orleans.TestingHost;
using static CxCluster.TestSupport.ConversationEvents;

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
        await ClusterStop.StopAsync(_cluster);
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

    private static AgentProfile Profile(int agent) =>
        new() { DisplayName = $"Agent {agent}", Languages = ["id"], Channels = [Channel.Chat], Capacity = Capacity };

    private Task RegisterAgents() => Task.WhenAll(Enumerable.Range(0, Agents).Select(async i =>
    {
        var agent = _platform.Agent($"a{i}");
        await _platform.Retry(() => agent.Register(Profile(i)));
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
        var started = await _platform.Send(id, Started(Channel.Chat, "id-ID"));
        var disclosureId = started.Directives.OfType<DiscloseDirective>().First().DisclosureId;
        await _platform.Send(id, Ai("Halo! Ada yang bisa saya bantu?"));
        await _platform.Send(id, Delivered(disclosureId));
        await _platform.Send(id, Customer($"saldo saya belum masuk, pesanan {i}"));
        await _platform.Send(id, Ai("Baik, saya cek dulu ya."));
        if (i % 3 == 0)
        {
            await _platform.Send(id, Customer("saya mau bicara dengan CS dong"));
        }
        await _platform.Send(id, Ai("Ada lagi yang bisa dibantu?"));
        await _platform.Send(id, Customer("terima kasih"));
        if (i % 4 == 0)
        {
            await _platform.Send(id, Ended());
        }
    }

    /// <summary>Waits until the cluster has settled (late notifications, claims settled after a restart), then checks.</summary>
    private Task AssertIntact() => ClusterInvariants.ConvergeAsync(
        new GrainClusterReader(_cluster.GrainFactory, DurableCluster.Tenant, retry: _platform),
        new ExpectedCluster(
            [.. Enumerable.Range(0, Agents).Select(i => new RegisteredAgent($"a{i}", Profile(i)))],
            [.. Enumerable.Range(0, Conversations).Select(i => _platform.Logs[$"c{i}"].Expected($"c{i}"))]),
        TimeSpan.FromSeconds(60), "every conversation and the pool to be intact");
}
