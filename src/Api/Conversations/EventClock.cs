namespace CxCluster.Api.Conversations;

/// <summary>
/// When events are received, and how far ahead of that a platform's <c>occurredAt</c> may be
/// (<c>Events:FutureToleranceSeconds</c>, 300): the clock skew allowed between the platform and the API.
/// </summary>
public sealed class EventClock(TimeProvider time, TimeSpan futureTolerance)
{
    public TimeSpan FutureTolerance => futureTolerance;

    /// <summary>Now, as the time a request's events are received.</summary>
    public ReceivedAt Now() => new(time.GetUtcNow(), futureTolerance);
}

/// <summary>The time a request was received: it stands in for a missing <c>occurredAt</c> and bounds a given one.</summary>
public readonly record struct ReceivedAt(DateTimeOffset At, TimeSpan FutureTolerance)
{
    /// <summary>The latest <c>occurredAt</c> accepted.</summary>
    public DateTimeOffset Latest => At + FutureTolerance;
}
