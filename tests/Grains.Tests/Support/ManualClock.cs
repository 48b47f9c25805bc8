namespace CxCluster.Grains.Tests.Support;

/// <summary>A clock that reads whatever the test set it to.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
