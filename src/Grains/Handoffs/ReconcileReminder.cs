namespace CxCluster.Grains.Handoffs;

/// <summary>
/// The durable reminder that wakes a grain in the middle of a handoff after its silo died, so it finishes what it
/// started and checks the other side. Registered before the state that needs it is stored, removed once nothing does.
/// </summary>
internal static class ReconcileReminder
{
    public const string Name = "cx.reconcile";

    /// <summary>Registers the reminder unless <paramref name="registered"/> says it already is; returns true.</summary>
    public static async Task<bool> WatchAsync(this IGrainBase grain, bool registered, HandoffSettings options)
    {
        if (!registered)
        {
            await grain.RegisterOrUpdateReminder(Name, options.ReconcileInterval, options.ReconcileInterval);
        }
        return true;
    }

    /// <summary>Removes the reminder if <paramref name="registered"/> says it is there; returns false.</summary>
    public static async Task<bool> UnwatchAsync(this IGrainBase grain, bool registered)
    {
        if (registered && await grain.GetReminder(Name) is { } reminder)
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
