using System.Collections.Concurrent;
using System.Diagnostics;
using CxCluster.Api.Tests.Infrastructure;
using CxCluster.TestSupport.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace CxCluster.Api.Tests.Cluster;

/// <summary>
/// Two silos, one in a process of its own, and the API, with the shipped failure-detection and timeout defaults. While
/// a platform keeps sending events, that silo is killed (SIGKILL) or stopped (SIGTERM): the API stays ready, every
/// call is answered 200 or a retryable 503 within the response timeout, and the cluster declares the silo dead in
/// seconds.
/// </summary>
public sealed class SiloFailureTests(ITestOutputHelper output)
{
    /// <summary>The shipped <c>Cluster:ResponseTimeoutSeconds</c>.</summary>
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(3);

    /// <summary>On top of the response timeout: Orleans checks it once a second, and a loaded test machine is slow to schedule.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    /// <summary>At least this many conversations take events, at least 3 of them on the silo that fails.</summary>
    private const int Conversations = 24;
    private const int Senders = 6;

    private sealed record Call(TimeSpan Start, TimeSpan End, HttpStatusCode Status, bool RetryAfter)
    {
        public TimeSpan Duration => End - Start;
    }

    [Fact]
    public Task A_killed_silo_leaves_the_api_ready_and_no_call_waits_beyond_the_response_timeout() =>
        FailSiloWhileEventsFlowAsync("killed (SIGKILL)", silo =>
        {
            silo.Kill();
            return Task.CompletedTask;
        });

    [Fact]
    public Task A_stopped_silo_leaves_the_api_ready_and_hands_off_within_seconds() =>
        FailSiloWhileEventsFlowAsync("stopped (SIGTERM)", silo =>
        {
            silo.Terminate();
            return Task.CompletedTask;
        });

    private async Task FailSiloWhileEventsFlowAsync(string how, Func<ClusterProcess, Task> fail)
    {
        var clusterId = Ids.New("cxcluster-failover");
        var ports = FreePorts.Take(4);
        var primaryPorts = new LocalCluster.SiloPorts(ports[0], ports[1]);
        IHost? primary = null;
        try
        {
            primary = await LocalCluster.StartSiloAsync(clusterId, primaryPorts, primarySiloPort: null, ClusterFixture.TenantSettings);
            var secondPorts = new LocalCluster.SiloPorts(ports[2], ports[3]);
            await using var second = ClusterProcess.Start(
                HostLaunch.Silo("second-silo", LocalCluster.SiloSettings(clusterId, secondPorts, primaryPorts.SiloPort, ClusterFixture.TenantSettings)) with
                {
                    SiloPort = secondPorts.SiloPort,
                    GatewayPort = secondPorts.GatewayPort,
                });
            var membership = primary.Services.GetRequiredService<IClusterMembershipService>();
            await Eventually.HoldsAsync(() => Task.FromResult(StatusOf(membership, second) == SiloStatus.Active || Exited(second)),
                LocalCluster.StartTimeout, "the second silo to join");
            Assert.False(second.HasExited, $"the second silo exited:{Environment.NewLine}{second.Tail(40)}");

            await using var api = LocalCluster.BuildApi(
                clusterId, [primaryPorts.GatewayPort, secondPorts.GatewayPort], ClusterFixture.TenantSettings);
            await api.StartAsync();
            try
            {
                var address = LocalCluster.AddressOf(api);
                await LocalCluster.WaitUntilReadyAsync(address, LocalCluster.StartTimeout);
                using var platform = ApiClient.For(address, ClusterFixture.AcmeKey);
                // The failure must hit conversations: start them until some live on the silo that fails.
                var conversations = new List<string>();
                await Eventually.HoldsAsync(async () =>
                {
                    foreach (var conversationId in Enumerable.Range(0, Conversations / 4).Select(_ => Ids.New("conv")))
                    {
                        await platform.SendAsync(conversationId, Events.Started("e0", "chat", "id-ID"));
                        conversations.Add(conversationId);
                    }
                    return conversations.Count >= Conversations && await ConversationsOnAsync(primary, second) >= 3;
                }, TimeSpan.FromSeconds(30), "conversations to be placed on the second silo");

                var clock = Stopwatch.StartNew();
                var calls = new ConcurrentQueue<Call>();
                var readiness = new ConcurrentQueue<Call>();
                using var stop = new CancellationTokenSource();
                var senders = Enumerable.Range(0, Senders)
                    .Select(sender => SendEventsAsync(platform, [.. conversations], sender, clock, calls, stop.Token))
                    .Append(PollReadinessAsync(platform, clock, readiness, stop.Token))
                    .ToArray();
                TimeSpan failedAt, declaredDeadAt, exitedAt;
                try
                {
                    await Eventually.HoldsAsync(() => Task.FromResult(calls.Count(c => c.Status == HttpStatusCode.OK) >= 50),
                        TimeSpan.FromSeconds(30), "events to flow");

                    failedAt = clock.Elapsed;
                    await fail(second);
                    await Eventually.HoldsAsync(() => Task.FromResult(StatusOf(membership, second) == SiloStatus.Dead),
                        TimeSpan.FromSeconds(20), $"the cluster to declare the {how} silo dead");
                    declaredDeadAt = clock.Elapsed;
                    // Served again: an event sent after the death was declared is answered 200.
                    await Eventually.HoldsAsync(() => Task.FromResult(calls.Any(c => c.Start > declaredDeadAt && c.Status == HttpStatusCode.OK)),
                        TimeSpan.FromSeconds(20), "events to be answered again");
                    Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(20)), $"the {how} silo did not exit within 20 s");
                    exitedAt = clock.Elapsed;
                    // A silo that stops in a fraction of a second leaves only a check or two of readiness behind it: the
                    // poller goes on until a few have run after the failure, so readiness is seen through and after it.
                    await Eventually.HoldsAsync(() => Task.FromResult(readiness.Count(r => r.End > failedAt) >= 3),
                        TimeSpan.FromSeconds(10), "readiness to be checked a few times after the failure");
                }
                finally
                {
                    stop.Cancel();
                }
                // Calls already sent are left to finish: each ends within the response timeout.
                await Task.WhenAll(senders).WaitAsync(ResponseTimeout + Slack + TimeSpan.FromSeconds(5));

                var affected = calls.Where(c => c.End > failedAt).ToList();
                var afterFailure = readiness.Where(r => r.End > failedAt).ToList();
                output.WriteLine($"silo {how} at {failedAt.TotalSeconds:0.00} s; declared dead {(declaredDeadAt - failedAt).TotalSeconds:0.00} s later; " +
                    $"its process ended within {(exitedAt - failedAt).TotalSeconds:0.00} s");
                output.WriteLine($"calls answered after the failure: {affected.Count}, of them 503: {affected.Count(c => c.Status != HttpStatusCode.OK)}; " +
                    $"slowest {Slowest(affected).TotalSeconds:0.00} s; the last answer {(affected.Select(c => c.End).DefaultIfEmpty(failedAt).Max() - failedAt).TotalSeconds:0.00} s after the failure");
                output.WriteLine("503s (sent → answered, seconds from the failure): " + string.Join(", ", affected
                    .Where(c => c.Status != HttpStatusCode.OK)
                    .Select(c => $"{(c.Start - failedAt).TotalSeconds:0.00} → {(c.End - failedAt).TotalSeconds:0.00}")));
                output.WriteLine($"readiness checks after the failure: {afterFailure.Count}, slowest {Slowest(afterFailure).TotalSeconds:0.00} s, " +
                    $"not 200: {afterFailure.Count(r => r.Status != HttpStatusCode.OK)}");

                Assert.All(calls, call => Assert.True(
                    call.Status == HttpStatusCode.OK || (call.Status == HttpStatusCode.ServiceUnavailable && call.RetryAfter),
                    $"a call was answered {(int)call.Status}{(call.RetryAfter ? "" : " without Retry-After")}, not 200 or 503 with Retry-After"));
                Assert.All(calls, call => Assert.True(call.Duration <= ResponseTimeout + Slack,
                    $"a call took {call.Duration.TotalSeconds:0.00} s, beyond the response timeout of {ResponseTimeout.TotalSeconds} s"));
                Assert.True(afterFailure.Count >= 3, $"only {afterFailure.Count} readiness checks ran after the failure");
                Assert.All(readiness, check => Assert.Equal(HttpStatusCode.OK, check.Status));
                Assert.True(Slowest(readiness) <= TimeSpan.FromSeconds(2.5), $"a readiness check took {Slowest(readiness).TotalSeconds:0.00} s");
                Assert.True(declaredDeadAt - failedAt <= TimeSpan.FromSeconds(10),
                    $"the {how} silo was declared dead only after {(declaredDeadAt - failedAt).TotalSeconds:0.00} s");
            }
            finally
            {
                await api.StopAsync();
            }
        }
        finally
        {
            await LocalCluster.StopAsync(primary);
        }
    }

    /// <summary>One platform sender: events to the conversations in turn, each answer recorded with its timing.</summary>
    private static async Task SendEventsAsync(
        ApiClient platform, string[] conversations, int sender, Stopwatch clock, ConcurrentQueue<Call> calls, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var conversationId = conversations[(sender + n * Senders) % conversations.Length];
            var start = clock.Elapsed;
            using var response = await platform.PostAsync(
                ApiClient.Events(conversationId), Events.Customer($"e-{sender}-{n}", $"pesan nomor {n} dari {sender}"));
            calls.Enqueue(new Call(start, clock.Elapsed, response.StatusCode, response.Headers.RetryAfter is not null));
        }
    }

    private static async Task PollReadinessAsync(ApiClient platform, Stopwatch clock, ConcurrentQueue<Call> checks, CancellationToken stop)
    {
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            var start = clock.Elapsed;
            using var response = await platform.GetAsync("/health/ready");
            checks.Enqueue(new Call(start, clock.Elapsed, response.StatusCode, RetryAfter: false));
        }
        while (await WaitAsync(pace, stop));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer pace, CancellationToken stop)
    {
        try
        {
            return await pace.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static TimeSpan Slowest(IEnumerable<Call> calls) => calls.Select(c => c.Duration).DefaultIfEmpty().Max();

    private static bool Exited(ClusterProcess silo) => silo.HasExited;

    private static SiloStatus StatusOf(IClusterMembershipService membership, ClusterProcess silo) =>
        membership.CurrentSnapshot.Members.Values
            .Where(m => m.SiloAddress.Endpoint.Port == silo.SiloPort)
            .OrderByDescending(m => m.SiloAddress.Generation)
            .Select(m => m.Status)
            .FirstOrDefault(SiloStatus.None);

    private static async Task<int> ConversationsOnAsync(IHost primary, ClusterProcess silo)
    {
        var statistics = await primary.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics
            .Where(s => s.SiloAddress.Endpoint.Port == silo.SiloPort && s.GrainType.Contains("conversation", StringComparison.OrdinalIgnoreCase))
            .Sum(s => s.ActivationCount);
    }
}
