using CxCluster.Abstractions.Push;
using CxCluster.Abstractions.Webhooks;
using CxCluster.Grains.Push;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Webhooks;

/// <summary>The dispatcher's delivery loop: reading, sending, recording what became of each attempt, saving.</summary>
internal sealed partial class WebhookDispatcherGrain
{
    /// <summary>
    /// The dispatcher's loop, on the grain's own scheduler: take what was read, start what is due, read more while there
    /// is room, save every so often, then sleep until something changes or a retry falls due.
    /// </summary>
    private async Task Pump(CancellationToken ct)
    {
        var queue = Queue();
        Task<FeedPage>? read = null;
        var readFailures = 0;
        var readAgainAt = DateTimeOffset.MinValue;
        var readBacks = new List<(DispatchQueue.ReadBack Back, Task<SubjectPage> Page)>();
        var readBackFailures = 0;
        var readBackAgainAt = DateTimeOffset.MinValue;
        var attempts = new List<Task>();
        var gone = false;
        try
        {
            while (!ct.IsCancellationRequested && !gone)
            {
                var wake = _wake = NewSignal();
                var now = clock.GetUtcNow();
                if (read is { IsCompleted: true })
                {
                    try
                    {
                        var page = await read;
                        queue.Take(page.Facts, page.Cursor, store.State.Endpoint!.Types);
                        var marked = queue.Mark(now);
                        _dirty |= marked || page.Facts.Count > 0;
                        readFailures = 0;
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        readFailures++;
                        readAgainAt = AfterFailures(now, readFailures);
                        logger.LogWarning("Webhook {Webhook} of tenant {Tenant} could not read facts ({Failures} in a row): {Reason}",
                            _webhookId, _tenantId, readFailures, e.GetBaseException().Message);
                    }
                    read = null;
                }
                for (var i = readBacks.Count - 1; i >= 0; i--)
                {
                    var (back, page) = readBacks[i];
                    if (!page.IsCompleted)
                    {
                        continue;
                    }
                    readBacks.RemoveAt(i);
                    try
                    {
                        queue.TakeReadBack(back, await page, store.State.Endpoint!.Types);
                        _dirty = true;
                        readBackFailures = 0;
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        queue.ReadBackLost(back);
                        readBackFailures++;
                        readBackAgainAt = AfterFailures(now, readBackFailures);
                        logger.LogWarning("Webhook {Webhook} of tenant {Tenant} could not read back the facts of {Subject} ({Failures} in a row): {Reason}",
                            _webhookId, _tenantId, back.Subject, readBackFailures, e.GetBaseException().Message);
                    }
                }
                if (_rewindFrom is not null && queue.InFlight == 0 && readBacks.Count == 0)
                {
                    ApplyRewind(queue);
                    // A read begun before the rewind is of no use any more.
                    Forget(read);
                    read = null;
                }
                attempts.RemoveAll(t => t.IsCompleted);
                // A receiver that answered 410 is sent nothing more, not even the fact it refused (kept, and due at once).
                gone = _gone;
                if (gone)
                {
                    break;
                }
                foreach (var delivery in queue.TakeDue(now, FreeSlots(queue, now)))
                {
                    attempts.Add(Deliver(delivery, queue, ct));
                }
                // A parked line that has gone out is read back from its own streams, where it stopped, a few at a time; the
                // reading of the others goes on meanwhile.
                if (_rewindFrom is null && now >= readBackAgainAt && readBacks.Count < ReadBacksAtOnce)
                {
                    foreach (var back in queue.TakeReadBacks(ReadBacksAtOnce - readBacks.Count))
                    {
                        readBacks.Add((back, feeds.ReadSubjectAsync(_tenantId, back.Subject, back.From, back.ReadAt, options.LineLimit + 1, ct)));
                    }
                }
                // A full queue reads again once half of it went out, so a backlog is read in large pages, not a fact at a time.
                if (read is null && _rewindFrom is null)
                {
                    queue.MakeRoom(options.QueueLimit);
                }
                if (read is null && _rewindFrom is null && queue.WantsToRead(options.QueueLimit, options.RetryingLimit) && now >= readAgainAt)
                {
                    // Every type of this partition's subjects is read: the endpoint's types are applied as each page is
                    // taken, so a change holds at once.
                    read = feeds.ReadAsync(_tenantId, queue.ReadAt, Math.Min(queue.RoomToRead(options.QueueLimit), PageMost),
                        FeedFilter.All, queue.Share, ReadWait, ct);
                }
                // Saved alongside, never awaited here: a slow or absent database must not hold back deliveries.
                var saving = !_saving.IsCompleted;
                if (_dirty && !saving && now - _savedAt >= options.SaveInterval)
                {
                    saving = !Save().IsCompleted;
                }
                var until = now + TimeSpan.FromSeconds(30);
                if (FreeSlots(queue, now) > 0)
                {
                    if (queue.NextDue() is { } due && due < until)
                    {
                        until = due;
                    }
                }
                else if (queue.NextDue() is not null && queue.InFlight < MostInFlight
                    && queue.NextSlotFreed(now, options.SlowAttempt) is { } freed && freed < until)
                {
                    // Every slot is held by an attempt under way: one that goes on past the slow time frees its slot.
                    until = freed;
                }
                if (_dirty && !saving && _savedAt + options.SaveInterval < until)
                {
                    until = _savedAt + options.SaveInterval;
                }
                if (read is null && readAgainAt > now && readAgainAt < until)
                {
                    until = readAgainAt;
                }
                if (queue.ReadBackWanted && readBackAgainAt > now && readBackAgainAt < until)
                {
                    until = readBackAgainAt;
                }
                var sleep = until - now;
                if (sleep > TimeSpan.Zero)
                {
                    using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    var delay = Task.Delay(sleep, clock, timer.Token);
                    var readingBack = readBacks.Count > 0 ? Task.WhenAny(readBacks.Select(r => r.Page)) : wake.Task;
                    await Task.WhenAny(wake.Task, read ?? wake.Task, saving ? _saving : wake.Task, delay, readingBack);
                    timer.Cancel();
                }
            }
        }
        finally
        {
            // Its facts are read again from the saved position next time, and parked lines read back again.
            Forget(read);
            foreach (var (back, page) in readBacks)
            {
                Forget(page);
                queue.ReadBackLost(back);
            }
            await Task.WhenAll(attempts);
            await Settle();
        }
        if (gone)
        {
            _ = Disable(store.State.Endpoint!);
        }
    }


    /// <summary>When a read that failed <paramref name="failures"/> times in a row is tried again: 200 ms, doubling, at most 10 s.</summary>
    private static DateTimeOffset AfterFailures(DateTimeOffset now, int failures) =>
        now + TimeSpan.FromMilliseconds(Math.Min(10_000, 100 << Math.Min(failures, 7)));

    /// <summary>Parked lines one dispatcher reads back from the journal at once.</summary>
    private const int ReadBacksAtOnce = 8;

    /// <summary>Attempts that may begin now: slots not held by a recent attempt, within the most under way at once.</summary>
    private int FreeSlots(DispatchQueue queue, DateTimeOffset now) =>
        Math.Min(options.Concurrency - queue.Busy(now, options.SlowAttempt), MostInFlight - queue.InFlight);

    private int MostInFlight => Math.Max(options.MostInFlight, options.Concurrency);

    private async Task Deliver(DispatchQueue.Delivery delivery, DispatchQueue queue, CancellationToken ct)
    {
        var endpoint = store.State.Endpoint!;
        // Read before its conversation was erased, and held since (a retry, a line waiting behind its head): told as the
        // journal now holds it, without the personal data.
        var fact = delivery.Fact.PersonalAt > 0 && feeds.WasErased(_tenantId, delivery.Fact.ConversationId) ? delivery.Fact.WithoutPersonal(erased: true) : delivery.Fact;
        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(endpoint.Url, _key, fact.Id, fact.Json, ct);
        }
        catch (OperationCanceledException)
        {
            queue.Abandon(delivery);
            return;
        }
        catch (Exception e)
        {
            result = new DeliveryResult(DeliveryVerdict.Failed, e.GetBaseException().Message);
        }
        var now = clock.GetUtcNow();
        var completion = queue.Complete(delivery, result, now);
        switch (completion)
        {
            case Completion.Accepted:
                metrics.Attempted("accepted");
                metrics.Accepted(now - delivery.Fact.At);
                break;
            case Completion.Retrying:
                metrics.Attempted("failed");
                break;
            case Completion.GivenUp:
                metrics.Attempted("given-up");
                logger.LogWarning("Webhook {Webhook} of tenant {Tenant} gave up fact {Fact} after {Attempts} attempts (last: {Detail})",
                    _webhookId, _tenantId, delivery.Fact.Id, delivery.Attempts, result.Detail);
                break;
            case Completion.Gone:
                metrics.Attempted("gone");
                logger.LogWarning("Webhook {Webhook} of tenant {Tenant} answered 410 Gone: the endpoint is disabled", _webhookId, _tenantId);
                _gone = true;
                break;
        }
        _dirty = true;
        Wake();
    }

    /// <summary>Tells the registry the receiver is gone; it stops every partition of the endpoint, this one too.</summary>
    private async Task Disable(WebhookEndpoint endpoint)
    {
        try
        {
            await GrainFactory.Webhooks(_tenantId).Disable(_webhookId, endpoint.Generation);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Webhook {Webhook} of tenant {Tenant} could not be disabled; the next reminder tries again", _webhookId, _tenantId);
        }
    }

    private void ApplyRewind(DispatchQueue queue)
    {
        if (_rewindFrom is { } from)
        {
            queue.Rewind(from);
            _rewindFrom = null;
            _dirty = true;
        }
    }

    /// <summary>
    /// Saves after any save still running (the loop and a call may both want to), never two at once. It never fails:
    /// a failed write leaves the dispatcher dirty, and a later save tries again.
    /// </summary>
    private Task Save() => _saving = SaveAfter(_saving);

    /// <summary>Saves what is not saved yet, or waits for the save under way.</summary>
    private Task Settle() => _dirty ? Save() : _saving;

    private async Task SaveAfter(Task previous)
    {
        await previous;
        var queue = _queue;
        queue?.SaveTo(store.State);
        var historyChange = queue?.HistoryChange;
        if (historyChange is not null)
        {
            queue!.SaveTo(history.State);
        }
        _dirty = false;
        _savedAt = clock.GetUtcNow();
        try
        {
            await store.WriteStateAsync();
            // The failures and marks, larger and seldom changed, only when they did.
            if (historyChange is { } change)
            {
                await history.WriteStateAsync();
                queue!.HistorySaved(change);
            }
        }
        catch (Exception e)
        {
            _dirty = true;
            logger.LogWarning("Webhook {Webhook} of tenant {Tenant} could not save its progress ({Reason}); it tries again", _webhookId, _tenantId, e.GetBaseException().Message);
        }
    }
}
