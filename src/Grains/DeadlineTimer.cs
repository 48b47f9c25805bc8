namespace CxCluster.Grains;

/// <summary>
/// A one-shot grain timer at a deadline the grain keeps in its stored state, moved whenever that deadline changes:
/// within a second of it, unlike a reminder. A grain rebuilt after a crash arms it again from its state, and a
/// deadline already past fires at once.
/// </summary>
internal sealed class DeadlineTimer(IGrainBase grain, TimeProvider clock, Func<Task> onDue, bool keepAlive)
{
    private IGrainTimer? _timer;
    private DateTimeOffset? _due;

    /// <summary>Fires at <paramref name="due"/>, or never when it is null; arming the deadline already armed changes nothing.</summary>
    public void Arm(DateTimeOffset? due)
    {
        if (due == _due && (due is null || _timer is not null))
        {
            return;
        }
        _timer?.Dispose();
        _timer = null;
        _due = due;
        if (due is { } at)
        {
            var wait = at - clock.GetUtcNow();
            _timer = grain.RegisterGrainTimer(Fire, new GrainTimerCreationOptions
            {
                DueTime = wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
                Period = Timeout.InfiniteTimeSpan,
                KeepAlive = keepAlive,
            });
        }
    }

    private Task Fire()
    {
        // Fired: the same deadline armed again (a retry) starts a new timer.
        _due = null;
        return onDue();
    }
}
