using CxCluster.Abstractions.Webhooks;
using CxCluster.TestSupport.Hosting;
using CxCluster.TestSupport.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>
/// A dispatcher whose progress cannot be saved for a while (a slow or stalled database): it goes on delivering what it
/// has read, and saves once the storage answers again.
/// </summary>
public sealed class WebhookSlowStorageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HeldStorage _held = new();
    private InProcessTestCluster? _cluster;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _cluster = await InProcessCluster.StartAsync(1, WebhookClusterFixture.Configuration, storage: silo =>
        {
            silo.AddMemoryGrainStorage("cx-held-inner");
            silo.Services.AddKeyedSingleton<IGrainStorage>(CxStorage.Name, (services, _) =>
                _held.Over(services.GetRequiredKeyedService<IGrainStorage>("cx-held-inner")));
        });
    }

    public async Task DisposeAsync()
    {
        _held.Release();
        await _receiver.DisposeAsync();
        await ClusterStop.StopAsync(_cluster);
    }

    [Fact]
    public async Task Deliveries_go_on_while_the_dispatchers_progress_cannot_be_saved()
    {
        var grains = _cluster!.Client;
        const string tenant = "held";
        var registered = await grains.Webhooks(tenant).Put("slow", new WebhookSpec { Url = _receiver.Url() });
        Assert.Null(registered.Refusal);
        _held.Hold("dispatch");
        await WebhookClusterFixture.Converse(grains, tenant, "slow-0");
        await Eventually.HoldsAsync(() => Task.FromResult(_held.Waiting > 0), Patience, "a dispatcher's save to be held");

        // Each conversation's facts go one after the other: every one after the first needs the loop to go on.
        await Task.WhenAll(Enumerable.Range(1, 3).Select(i => WebhookClusterFixture.Converse(grains, tenant, $"slow-{i}")));
        var expected = await RecordedFacts.IdsAsync(grains, tenant, Enumerable.Range(0, 4).Select(i => $"slow-{i}"));
        await Eventually.HoldsAsync(() => Task.FromResult(expected.IsSubsetOf(_receiver.Accepted.Select(d => d.Id!))), Patience,
            $"the {expected.Count} facts accepted while saving is held");
        Assert.Equal(0, _held.Finished);

        _held.Release();
        var partitions = await Task.WhenAll(Enumerable.Range(0, 4).Select(p => grains.WebhookDispatcher(tenant, "slow", p).Progress()));
        await Eventually.HoldsAsync(() => Task.FromResult(_held.Finished > 0), Patience, "the held saves made once released");
        Assert.All(partitions, p => Assert.True(p.Running));
    }

    /// <summary>Grain storage whose writes of one state name wait, while held, until released.</summary>
    private sealed class HeldStorage
    {
        private readonly Lock _gate = new();
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _held;
        private int _waiting;
        private int _finished;

        public int Waiting => Volatile.Read(ref _waiting);

        /// <summary>Held writes that went through once released.</summary>
        public int Finished => Volatile.Read(ref _finished);

        public void Hold(string stateName)
        {
            lock (_gate)
            {
                _held = stateName;
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                _held = null;
                _released.TrySetResult();
            }
        }

        public IGrainStorage Over(IGrainStorage inner) => new Storage(this, inner);

        private async Task<bool> BeforeWrite(string stateName)
        {
            Task? wait = null;
            lock (_gate)
            {
                if (_held == stateName)
                {
                    wait = _released.Task;
                }
            }
            if (wait is null)
            {
                return false;
            }
            Interlocked.Increment(ref _waiting);
            await wait;
            return true;
        }

        private void AfterWrite(bool held)
        {
            if (held)
            {
                Interlocked.Increment(ref _finished);
            }
        }

        private sealed class Storage(HeldStorage owner, IGrainStorage inner) : IGrainStorage
        {
            public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
                inner.ReadStateAsync(stateName, grainId, grainState);

            public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
            {
                var held = await owner.BeforeWrite(stateName);
                await inner.WriteStateAsync(stateName, grainId, grainState);
                owner.AfterWrite(held);
            }

            public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
            {
                var held = await owner.BeforeWrite(stateName);
                await inner.ClearStateAsync(stateName, grainId, grainState);
                owner.AfterWrite(held);
            }
        }
    }
}
