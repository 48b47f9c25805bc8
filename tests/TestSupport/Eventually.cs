namespace CxCluster.TestSupport;

/// <summary>Awaits a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        ReturnsAsync(condition, holds => holds, timeout, what);

    /// <summary>
    /// Polls until <paramref name="read"/> gives a value that satisfies <paramref name="accept"/>, and returns it; on
    /// timeout the message shows the last value read.
    /// </summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> accept, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var value = await read();
            if (accept(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {value}");
            }
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(200, delay.TotalMilliseconds * 2));
        }
    }
}
