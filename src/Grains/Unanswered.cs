namespace CxCluster.Grains;

/// <summary>A grain call that got no answer: it timed out, or its message was rejected (its silo is gone or leaving).</summary>
internal static class Unanswered
{
    // SiloUnavailableException is a message rejection too.
    public static bool Is(Exception exception) => exception is TimeoutException or OrleansMessageRejectionException;
}
