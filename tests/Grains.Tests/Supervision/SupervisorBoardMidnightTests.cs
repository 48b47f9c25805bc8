using CxCluster.Grains.Journal;
using CxCluster.Grains.Tests.Support;
using CxCluster.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Supervision;

/// <summary>
/// The board across midnight UTC: rebuilt after it, it still shows the conversations that asked for a person or fell
/// at risk late the day before and have had no fact since, while today's counts start from nothing. The silo's clock
/// runs a few minutes before midnight, then jumps past it.
/// </summary>
public sealed class SupervisorBoardMidnightTests : IAsyncLifetime
{
    private const string Tenant = "night";
    private readonly ShiftedClock _clock = new();
    private InProcessTestCluster? _cluster;

    public async Task InitializeAsync()
    {
        // The silo starts on the true time (its membership and the client's gateway list are made then) and moves to
        // a few minutes before midnight once it is up.
        _cluster = await InProcessCluster.StartAsync(1, ClusterFixture.Configuration, journal: new MemoryFactJournal(),
            configure: builder => builder.ConfigureSilo((_, silo) => silo.Services.AddSingleton<TimeProvider>(_clock)));
        var now = DateTimeOffset.UtcNow;
        _clock.Offset = now.UtcDateTime.Date.AddDays(1).AddMinutes(-3) - now.UtcDateTime;
    }

    public Task DisposeAsync() => ClusterStop.StopAsync(_cluster);

    [Fact]
    public async Task A_rebuild_after_midnight_keeps_yesterdays_waiting_and_at_risk_conversations_and_counts_today_from_nothing()
    {
        var grains = _cluster!.Client;
        var lateNight = _clock.GetUtcNow();
        var waiting = grains.Conversation(Tenant, "waiting");
        await waiting.Apply(Started(Channel.Chat, "en-US", lateNight));
        await waiting.Apply(Customer("I want to talk to a real person please", lateNight));
        var risky = grains.Conversation(Tenant, "risky");
        await risky.Apply(Started(Channel.Chat, "id-ID", lateNight));
        await risky.Apply(Signal("nlu.no_match", 1, lateNight));
        await risky.Apply(Signal("nlu.no_match", 1, lateNight));
        var board = grains.SupervisorBoard(Tenant);
        var before = await board.Get(0);
        Assert.Equal(1, before.Today.Handoffs);

        _clock.Offset += TimeSpan.FromMinutes(5);
        await _cluster!.DeactivateAsync((IAddressable)board);
        var after = await board.Get(0);

        Assert.Equal(DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"), after.Today.Day);
        Assert.NotEqual(before.Today.Day, after.Today.Day);
        Assert.Equal(0, after.Today.Handoffs);
        Assert.Equal(ConversationStatus.Queued, Assert.Single(after.Conversations, c => c.ConversationId == "waiting").Status);
        Assert.Equal(TrustBand.Warning, Assert.Single(after.Conversations, c => c.ConversationId == "risky").Band);
    }

    /// <summary>The system's clock moved by an offset the test sets; it keeps running.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        private long _offsetTicks;

        public TimeSpan Offset
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
            set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
        }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}
