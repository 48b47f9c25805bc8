namespace CxCluster.Grains.Handoffs;

/// <summary>
/// The durable reminder that wakes a grain in the middle of a handoff after its silo died, so it finishes what it
/// started and checks the other side. Registered before the state that needs it is stored, removed once nothing does.
/// </summary>
internal static class ReconcileReminder
{
    public const string Name = "cx.reconcile";

    /// <summary>Registers the reminder; the handle it answers removes it again without a read of the reminder table.</summary>
    public static Task<IGrainReminder> WatchAsync(this IGrainBase grain, HandoffSettings options) =>
        grain.RegisterOrUpdateReminder(Name, options.ReconcileInterval, options.ReconcileInterval);

    /// <summary>
    /// Removes the reminder if <paramref name="registered"/> says it is there, with <paramref name="known"/> (the handle
    /// this activation registered it with) when there is one, else as the reminder table holds it; returns false.
    /// </summary>
    public static async Task<bool> UnwatchAsync(this IGrainBase grain, bool registered, IGrainReminder? known = null)
    {
        if (!registered)
        {
            return false;
        }
        if (known is not null)
        {
            try
            {
                await grain.UnregisterReminder(known);
                return false;
            }
            catch (ReminderException)
            {
                // Registered again since (its tag changed): removed as the table holds it now.
            }
        }
        if (await grain.GetReminder(Name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
        return false;
    }

    /// <summary>Runs <paramref name="round"/> once, right after activation, without holding the activation up.</summary>
    public static void ReconcileSoon(this IGrainBase grain, Func<Task> round) =>
        grain.RegisterGrainTimer(round, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
        });
}
