using Xunit.Abstractions;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// A silo process dies (SIGKILL on itself, through the silo's <c>Testing:CrashAt</c> hook) at one step of a handoff;
/// once a fresh silo has joined, the cluster settles by itself, with no help from the platform but the retries of the
/// requests that failed, and those are answered as if nothing had happened. One test per step, sharing a base of two
/// silos and the API: each step starts a third silo armed with it and drives handoff work until that silo dies.
/// Here agents are assigned without offers (<c>Routing:OfferTimeoutSeconds=0</c>); <see cref="OfferCrashTests"/> has them on.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class HandoffCrashTests(HandoffCrashTests.BaseCluster baseCluster, ITestOutputHelper output) : IClassFixture<HandoffCrashTests.BaseCluster>
{
    /// <summary>The steps of a handoff a silo dies at, offers on or not.</summary>
    internal static readonly string[] HandoffSteps =
    [
        "agent.complete.stored", "agent.complete.told", "agent.take.stored", "agent.claim.stored", "agent.claim.confirmed",
        "pool.offer.accepted", "conversation.handoff.stored", "conversation.handoff.placed", "conversation.release.stored",
        "agent.status.stored",
    ];

    public static TheoryData<string> Steps => [.. HandoffSteps];

    [Theory]
    [MemberData(nameof(Steps))]
    public Task A_handoff_survives_a_silo_crash_at(string step) => baseCluster.SurviveCrashAtAsync(step, output);

    public sealed class BaseCluster() : CrashBase("crash", offerSeconds: 0);
}

/// <summary>
/// As <see cref="HandoffCrashTests"/>, with offers on as the contract's default has them: each conversation is offered
/// to an agent, who accepts it or declines it over HTTP, and a silo dies at each step of that too (the offer made,
/// accepted, declined).
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class OfferCrashTests(OfferCrashTests.BaseCluster baseCluster, ITestOutputHelper output) : IClassFixture<OfferCrashTests.BaseCluster>
{
    public static TheoryData<string> Steps => [.. HandoffCrashTests.HandoffSteps, "agent.offer.ended"];

    [Theory]
    [MemberData(nameof(Steps))]
    public Task A_handoff_with_offers_survives_a_silo_crash_at(string step) => baseCluster.SurviveCrashAtAsync(step, output);

    public sealed class BaseCluster() : CrashBase("offers", offerSeconds: 30);
}
