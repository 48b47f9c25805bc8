using CxCluster.Abstractions.Supervision;
using CxCluster.Grains.Tests.Support;
using CxCluster.TestSupport.Hosting;
using Orleans.TestingHost;
using Xunit.Abstractions;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Supervision;

/// <summary>A three-silo cluster of its own, so the silo the board lives on can die while the cluster goes on.</summary>
public sealed class SupervisorBoardSiloLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tenant = "acme";

    private InProcessTestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync() => _cluster = await InProcessCluster.StartAsync(3, ClusterFixture.Configuration);

    public async Task DisposeAsync()
    {
        await ClusterStop.StopAsync(_cluster);
    }

    [Fact]
    public async Task Board_is_rebuilt_the_same_on_another_silo_after_its_silo_dies()
    {
        var risky = Grains.Conversation(Tenant, "risky");
        await risky.Apply(Started(Channel.Chat, "id-ID", DateTimeOffset.UtcNow));
        await risky.Apply(Signal("nlu.no_match", 1, DateTimeOffset.UtcNow));
        await risky.Apply(Signal("nlu.no_match", 1, DateTimeOffset.UtcNow));
        await risky.Apply(Signal("nlu.no_match", 1, DateTimeOffset.UtcNow));
        var asking = Grains.Conversation(Tenant, "asking");
        await asking.Apply(Started(Channel.Chat, "id-ID", DateTimeOffset.UtcNow));
        await asking.Apply(Customer("saya mau bicara dengan CS", DateTimeOffset.UtcNow));

        var board = Grains.SupervisorBoard(Tenant);
        var host = await HostOfAsync(board);
        Assert.NotNull(host);
        var before = await board.Get(0);
        Assert.Equal(["asking", "risky"], before.Conversations.Select(c => c.ConversationId).Order());
        Assert.Equal(2, before.Today.Handoffs);

        await _cluster.KillSiloAsync(host);
        var after = await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    return await board.Get(0);
                }
                catch (Exception e) when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException
                    or Orleans.Runtime.Messaging.ConnectionFailedException or GatewayTooBusyException or OperationCanceledException)
                {
                    return null;
                }
            },
            b => b is not null,
            TimeSpan.FromSeconds(60),
            "the board to answer from another silo");

        Assert.NotEqual(host.SiloAddress, await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress((IAddressable)board));
        Assert.Equal(before.Conversations, after!.Conversations);
        Assert.Equal((before.Today.Handoffs, before.Today.Assigned, before.Today.OffersExpired), (after.Today.Handoffs, after.Today.Assigned, after.Today.OffersExpired));
        Assert.Equal(before.Today.HandoffsByReason, after.Today.HandoffsByReason);
    }

    /// <summary>The silo the board lives on (the cluster's membership is kept in the process, so any silo may die).</summary>
    private async Task<InProcessSiloHandle?> HostOfAsync(ISupervisorBoardGrain board)
    {
        await board.Get(0);
        var address = await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress((IAddressable)board);
        output.WriteLine($"The board lives on {address}");
        return _cluster.Silos.FirstOrDefault(s => s.SiloAddress.Equals(address));
    }
}
