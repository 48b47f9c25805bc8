using CxCluster.Abstractions.Webhooks;
using CxCluster.Grains.Push;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Webhooks;

/// <summary>
/// Delivers one endpoint's facts of one partition of conversations and agents. It follows the tenant's facts through
/// this silo's <see cref="TenantFeeds"/> (never in the events' path), keeps one line per conversation in memory up to a
/// limit (then stops reading; the journal keeps the rest), sends a bounded number of lines' heads at once, and saves
/// its progress every so often. A durable reminder brings it back on another silo when its silo dies; it then goes on
/// from its last save, sending again what was in flight (at least once, same ids).
/// </summary>
[Reentrant]
internal sealed partial class WebhookDispatcherGrain(
    [PersistentState("dispatch", CxStorage.Name)] IPersistentState<DispatchState> store,
    [PersistentState("history", CxStorage.Name)] IPersistentState<DispatchHistory> history,
    TenantFeeds feeds,
    WebhookSender sender,
    WebhookMetrics metrics,
    WebhookSettings options,
    TimeProvider clock,
    ILogger<WebhookDispatcherGrain> logger) : Grain, IWebhookDispatcherGrain, IRemindable
{
    private const string ReminderName = "cx.webhook";
    /// <summary>The longest one read of the feed waits for new facts.</summary>
    private static readonly TimeSpan ReadWait = TimeSpan.FromSeconds(5);
    private const int PageMost = 512;

    private string _tenantId = "";
    private string _webhookId = "";
    private int _partition;
    private DispatchQueue? _queue;
    private byte[] _key = [];
    private CancellationTokenSource? _running;
    private Task _pump = Task.CompletedTask;
    private TaskCompletionSource _wake = NewSignal();
    private DateTimeOffset? _rewindFrom;
    private bool _dirty;
    private bool _reminded;
    private DateTimeOffset _savedAt;
    private Task _saving = Task.CompletedTask;
    /// <summary>The receiver answered 410: the loop ends and the endpoint is disabled.</summary>
    private bool _gone;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _webhookId, _partition) = GrainKeys.SplitWebhookDispatcher(this.GetPrimaryKeyString());
        if (store.State is { Running: true, Endpoint: { } endpoint })
        {
            Run(endpoint);
        }
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Halt();
        await Settle();
    }

    async Task IWebhookDispatcherGrain.Start(WebhookEndpoint endpoint)
    {
        if (store.State.Endpoint?.Generation != endpoint.Generation)
        {
            await Halt();
            _queue = null;
            store.State = new DispatchState { ReadAt = endpoint.StartPosition };
            if (history.State.Failures.Count > 0 || history.State.Marks.Count > 0)
            {
                // An earlier endpoint of the same id whose removal this dispatcher missed.
                await history.ClearStateAsync();
            }
            _dirty = true;
        }
        if (!Same(store.State.Endpoint, endpoint))
        {
            store.State.Endpoint = endpoint;
            _dirty = true;
        }
        var run = endpoint.Status == WebhookStatus.Active;
        if (store.State.Running != run)
        {
            store.State.Running = run;
            _dirty = true;
        }
        if (!run)
        {
            await Halt();
            await Unwatch();
            if (_dirty)
            {
                await Save();
            }
            return;
        }
        if (!_reminded)
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.ReminderInterval, options.ReminderInterval);
            _reminded = true;
        }
        if (_pump.IsCompleted)
        {
            if (_dirty)
            {
                await Save();
            }
            Run(endpoint);
        }
        else
        {
            // Running already: the loop takes the new URL, types or secret from the next attempt on, and saves them.
            _key = WebhookSignature.KeyOf(endpoint.Secret) ?? _key;
            Wake();
        }
    }

    async Task IWebhookDispatcherGrain.Stop(bool forget)
    {
        await Halt();
        await Unwatch();
        if (forget)
        {
            _queue = null;
            await store.ClearStateAsync();
            await history.ClearStateAsync();
            _dirty = false;
        }
        else if (store.State.Running || _dirty)
        {
            store.State.Running = false;
            await Save();
        }
        this.DeactivateOnIdle();
    }

    Task<IReadOnlyList<WebhookFailure>> IWebhookDispatcherGrain.Failures()
    {
        IReadOnlyList<WebhookFailure> failures = _queue?.Failures ?? history.State.Failures;
        return Task.FromResult<IReadOnlyList<WebhookFailure>>([.. failures]);
    }

    async Task IWebhookDispatcherGrain.Replay(DateTimeOffset? from)
    {
        if (store.State.Endpoint is null)
        {
            return;
        }
        var queue = Queue();
        if (from is { } since)
        {
            _rewindFrom = _rewindFrom is { } earlier && earlier < since ? earlier : since;
        }
        else
        {
            queue.ReplayFailures(clock.GetUtcNow());
        }
        _dirty = true;
        if (_pump.IsCompleted)
        {
            ApplyRewind(queue);
            await Save();
        }
        Wake();
    }

    Task<WebhookProgress> IWebhookDispatcherGrain.Progress() => Task.FromResult(new WebhookProgress
    {
        Running = !_pump.IsCompleted,
        ReadPosition = _queue?.ReadAt ?? store.State.ReadAt,
        Pending = _queue?.Pending ?? store.State.Pending.Count,
        InFlight = _queue?.InFlight ?? 0,
        Failures = _queue?.Failures.Count ?? history.State.Failures.Count,
        ParkedLines = _queue?.ParkedLines ?? store.State.Parked?.Count ?? 0,
        Retrying = _queue?.Retrying ?? 0,
    });

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }
        _reminded = true;
        if (store.State is not { Running: true, Endpoint: { } endpoint })
        {
            await Unwatch();
            this.DeactivateOnIdle();
            return;
        }
        // A delete or a disable this dispatcher missed (its silo was down) stops it now.
        var current = await GrainFactory.Webhooks(_tenantId).Current(_webhookId, endpoint.Generation);
        if (current is null)
        {
            await ((IWebhookDispatcherGrain)this).Stop(forget: true);
            return;
        }
        await ((IWebhookDispatcherGrain)this).Start(current);
    }

    /// <summary>Equal in every part, the types compared item by item (the record's own equality compares the lists' references).</summary>
    private static bool Same(WebhookEndpoint? stored, WebhookEndpoint given) =>
        stored is not null
        && stored with { Types = null } == given with { Types = null }
        && (stored.Types ?? []).SequenceEqual(given.Types ?? [])
        && (stored.Types is null) == (given.Types is null);

    private DispatchQueue Queue() => _queue ??= new DispatchQueue(
        store.State, history.State, _partition, store.State.Endpoint!.Partitions,
        new RetrySchedule(options.RetryDelays, options.GiveUpAfter), options.FailuresKept, options.LineLimit);

    private void Run(WebhookEndpoint endpoint)
    {
        // One loop at a time, however many starts arrive together.
        if (!_pump.IsCompleted)
        {
            return;
        }
        _running?.Dispose();
        _key = WebhookSignature.KeyOf(endpoint.Secret) ?? throw new InvalidOperationException($"Webhook {_webhookId} of tenant {_tenantId} has an unreadable secret.");
        Queue();
        _gone = false;
        _running = new CancellationTokenSource();
        _pump = Pump(_running.Token);
    }

    /// <summary>Stops the loop and waits for it; attempts in flight are cut off and wait as before.</summary>
    private async Task Halt()
    {
        // A start that arrived meanwhile may have begun another loop: that one stops too.
        while (_running is { } running)
        {
            running.Cancel();
            try
            {
                await _pump;
            }
            catch (OperationCanceledException)
            {
            }
            if (ReferenceEquals(_running, running))
            {
                _running = null;
            }
            running.Dispose();
        }
    }

    private async Task Unwatch()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _reminded = false;
    }

    private void Wake() => _wake.TrySetResult();

    /// <summary>Lets a read whose result is no longer wanted end on its own, its failure observed.</summary>
    private static void Forget(Task? read) => read?.Ignore();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
