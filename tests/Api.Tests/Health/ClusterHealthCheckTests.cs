using System.Collections.Concurrent;
using System.Reflection;
using CxCluster.Api.Cluster;
using CxCluster.Api.Health;
using CxCluster.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace CxCluster.Api.Tests.Health;

/// <summary>
/// The API's readiness check against a cluster whose probes answer as a test says: one answer is enough; a first wave
/// that a dying silo's gateway holds or refuses is followed by one under new keys; no answer at all is unready.
/// </summary>
public sealed class ClusterHealthCheckTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task One_answer_of_the_first_wave_is_ready_without_a_second()
    {
        var cluster = Probes.Answering(key => key == 5 ? Probes.Answer : Probes.Hang);

        var result = await CheckAsync(cluster);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.All(cluster.Pinged, key => Assert.InRange(key, 0, ClusterHealthCheck.ProbeCount - 1));
    }

    [Fact]
    public async Task A_first_wave_never_answered_is_followed_by_new_keys_one_of_which_answers()
    {
        var cluster = Probes.Answering(key => key < ClusterHealthCheck.ProbeCount ? Probes.Hang : Probes.Answer);

        var result = await CheckAsync(cluster);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains(cluster.Pinged, key => key >= ClusterHealthCheck.ProbeCount);
    }

    [Fact]
    public async Task A_first_wave_all_refused_sends_the_next_at_once()
    {
        var cluster = Probes.Answering(key => key < ClusterHealthCheck.ProbeCount ? Probes.Refuse : Probes.Answer);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await CheckAsync(cluster);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        // Not after the wave's time: the refusals said at once that no answer would come.
        Assert.True(clock.Elapsed < ClusterHealthCheck.WaveTimeout, $"the second wave waited {clock.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task No_answer_in_any_wave_is_unready_once_the_time_is_up()
    {
        var cluster = Probes.Answering(_ => Probes.Hang);

        var result = await CheckAsync(cluster);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal($"No silo answered within {ClusterHealthCheck.Timeout.TotalSeconds:0.#} s.", result.Description);
        Assert.Equal(Enumerable.Range(0, ClusterHealthCheck.ProbeCount * ClusterHealthCheck.Waves).Select(k => (long)k), cluster.Pinged.Order());
    }

    [Fact]
    public async Task Every_probe_refused_is_unready_naming_the_refusal()
    {
        var cluster = Probes.Answering(_ => Probes.Refuse);

        var result = await CheckAsync(cluster);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal($"The cluster does not answer ({nameof(SiloUnavailableException)}).", result.Description);
        Assert.Equal(ClusterHealthCheck.ProbeCount * ClusterHealthCheck.Waves, cluster.Pinged.Count);
    }

    [Fact]
    public async Task A_client_not_yet_connected_is_unready_without_a_ping()
    {
        var cluster = Probes.Answering(_ => Probes.Answer);

        var result = await new ClusterHealthCheck(cluster.Client, new ClusterConnectionGate(new Lifetime(started: false)))
            .CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Empty(cluster.Pinged);
    }

    private static Task<HealthCheckResult> CheckAsync(Probes cluster) =>
        new ClusterHealthCheck(cluster.Client, new ClusterConnectionGate(new Lifetime(started: true)))
            .CheckHealthAsync(new HealthCheckContext()).WaitAsync(Wait);

    /// <summary>A cluster client whose probe grains answer as <c>answer</c> says for their key, recording each ping.</summary>
    private sealed class Probes
    {
        public static readonly Func<Task<DateTimeOffset>> Answer = () => Task.FromResult(DateTimeOffset.UnixEpoch);
        public static readonly Func<Task<DateTimeOffset>> Hang = () => new TaskCompletionSource<DateTimeOffset>().Task;
        public static readonly Func<Task<DateTimeOffset>> Refuse = () => Task.FromException<DateTimeOffset>(new SiloUnavailableException());

        private readonly ConcurrentQueue<long> _pinged = new();

        private Probes(Func<long, Func<Task<DateTimeOffset>>> answer)
        {
            Client = DispatchProxy.Create<IClusterClient, ClientProxy>();
            ((ClientProxy)(object)Client).Grain = key =>
            {
                var probe = DispatchProxy.Create<IClusterProbeGrain, ProbeProxy>();
                ((ProbeProxy)(object)probe).Ping = () =>
                {
                    _pinged.Enqueue(key);
                    return answer(key)();
                };
                return probe;
            };
        }

        public IClusterClient Client { get; }

        public IReadOnlyCollection<long> Pinged => [.. _pinged];

        public static Probes Answering(Func<long, Func<Task<DateTimeOffset>>> answer) => new(answer);
    }

    /// <summary>Answers <c>GetGrain&lt;IClusterProbeGrain&gt;(long)</c> only: the check asks for nothing else.</summary>
    public class ClientProxy : DispatchProxy
    {
        internal Func<long, IClusterProbeGrain> Grain { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } method
            && method.GetGenericArguments()[0] == typeof(IClusterProbeGrain)
            && args is [long key, ..]
                ? Grain(key)
                : throw new NotSupportedException($"The readiness check called {targetMethod?.Name}.");
    }

    /// <summary>A probe grain whose <see cref="IClusterProbeGrain.Ping"/> runs the test's answer.</summary>
    public class ProbeProxy : DispatchProxy
    {
        internal Func<Task<DateTimeOffset>> Ping { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IClusterProbeGrain.Ping)
                ? Ping()
                : throw new NotSupportedException($"The readiness check called {targetMethod?.Name}.");
    }

    private sealed class Lifetime(bool started) : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _started = Started(started);

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }

        private static CancellationTokenSource Started(bool started)
        {
            var source = new CancellationTokenSource();
            if (started)
            {
                source.Cancel();
            }
            return source;
        }
    }
}
