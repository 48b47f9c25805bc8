namespace CxCluster.Grains;

/// <summary>
/// What every CxCluster grain does when a call fails midway: its activation is dropped once idle, so state it
/// half-changed in memory never outlives the call and the next call starts from what was stored.
/// </summary>
internal sealed class DropOnFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch when (context.TargetContext.GrainInstance is IGrainBase grain && IsOurs(grain))
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }

    private static bool IsOurs(IGrainBase grain) => grain.GetType().Assembly == typeof(DropOnFailureFilter).Assembly;
}
