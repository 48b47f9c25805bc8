namespace CxCluster.Grains;

/// <summary>What every CxCluster grain does when a call fails midway.</summary>
internal static class Activations
{
    /// <summary>
    /// Runs a call; if it throws, the activation is dropped once idle, so state it half-changed in memory never
    /// outlives the call and the next call starts from what was stored.
    /// </summary>
    public static async Task<T> DropOnFailure<T>(this IGrainBase grain, Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }

    public static Task DropOnFailure(this IGrainBase grain, Func<Task> body) => grain.DropOnFailure(async () =>
    {
        await body();
        return true;
    });
}
