using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.Grains;

/// <summary>
/// A one-shot grain timer at a deadline the grain keeps in its stored state, moved whenever that deadline changes:
/// within a second of it, unlike a reminder. A grain rebuilt after a crash arms it again from its state, and a
/// deadline already past fires at once. One that keeps its grain alive also keeps the activation in memory until a
/// little after the deadline, however short the grain's idle time: the timer lives in the activation.
/// </summary>
internal sealed class DeadlineTimer(IGrainBase grain, TimeProvider clock, Func<Task> onDue, bool keepAlive)
{
    /// <summary>How long past its deadline the activation is kept for the timer to fire and be handled.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

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
        // A deadline already past fires at once.
        var wait = due is { } at && at - clock.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
        if (due is not null)
        {
            _timer = grain.RegisterGrainTimer(Fire, new GrainTimerCreationOptions
            {
                DueTime = wait,
                Period = Timeout.InfiniteTimeSpan,
                KeepAlive = keepAlive,
            });
        }
        if (keepAlive)
        {
            // A deadline withdrawn lets the activation go by its idle time again.
            var context = grain.GrainContext;
            context.ActivationServices.GetRequiredService<IGrainRuntime>()
                .DelayDeactivation(context, due is null ? TimeSpan.Zero : wait + Grace);
        }
    }

    private Task Fire()
    {
        // Fired: the same deadline armed again (a retry) starts a new timer.
        _due = null;
        return onDue();
    }
}
