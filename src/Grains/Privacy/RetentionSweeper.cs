using CxCluster.Grains.Journal;
using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCluster.Grains.Privacy;

/// <summary>
/// Removes for good, in the journal, the message texts (and customer ids) of every tenant with a message retention
/// once they are older than it, the way an erasure does; facts without personal data stay. Each silo sweeps at start
/// and then every <see cref="ConversationSettings.RetentionSweepMinutes"/>: a sweep changes only what is still there,
/// so silos sweeping the same journal never conflict. Conversations drop those words from their transcript and
/// checkpoints themselves (<see cref="ConversationRetention"/>).
/// </summary>
public sealed class RetentionSweeper(
    TenantDirectory tenants, IFactJournal journal, TimeProvider clock, ConversationSettings options, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    /// <summary>One sweep over every tenant with a retention; returns how many facts lost their personal part.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var erased = 0;
        foreach (var tenantId in tenants.TenantIds)
        {
            if (tenants.Get(tenantId).RetainedSince(clock.GetUtcNow()) is not { } cutoff)
            {
                continue;
            }
            try
            {
                var count = await journal.ErasePersonalBeforeAsync(tenantId, cutoff, ct);
                erased += count;
                if (count > 0)
                {
                    logger.LogInformation("Removed the words of {Count} messages of tenant {TenantId} older than {Cutoff:o}", count, tenantId, cutoff);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not remove the expired messages of tenant {TenantId} ({Reason}); the next sweep tries again",
                    tenantId, e.GetBaseException().Message);
            }
        }
        return erased;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.RetentionSweepMinutes), clock);
        try
        {
            do
            {
                await SweepAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
