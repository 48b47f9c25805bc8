using Orleans.Runtime.Messaging;

namespace CxCluster.Api.Cluster;

/// <summary>Tells a cluster that cannot be reached (answer 503, try again) from a fault in the code (answer 500).</summary>
public static class ClusterFaults
{
    public const string Detail = "The conversation cluster is not reachable right now; try again shortly.";

    /// <summary>What a 503 tells of a call that took too long: the cluster was reached, and the call may have been done.</summary>
    public const string TimedOut = "The cluster did not answer in time; what was asked may still be done. Sending the same request again is safe: a repeat is answered as the first time, never applied twice.";

    /// <summary>The detail of the 503 for <paramref name="exception"/>, one <see cref="IsUnavailable"/> accepts.</summary>
    public static string DetailFor(Exception exception) => exception switch
    {
        TimeoutException => TimedOut,
        // Timed out only if every one of them did.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => DetailFor(e) == TimedOut) ? TimedOut : Detail,
        { InnerException: { } inner } => DetailFor(inner),
        _ => Detail,
    };

    /// <summary>How Orleans' placement begins the message of a call no active silo can take.</summary>
    private const string NoCompatibleSilo = "No active nodes are compatible with grain";

    /// <summary>
    /// While a silo leaves or dies, the grain directory's ranges move between silos: a look-up forwarded to an owner that
    /// no longer is one runs out of hops ("... cannot forward LookUpAsync to owner ... because hop limit is reached"), an
    /// activation is registered for a silo already declared dead ("Trying to register ... on invalid silo: ... Known
    /// status: Dead"), or the directory says it is not stable yet ("... Retry later."). Once membership settles, the retry
    /// is placed on a live silo.
    /// </summary>
    private static bool IsDirectoryInFlux(string message) =>
        message.Contains("because hop limit is reached", StringComparison.Ordinal)
        || message.Contains(" on invalid silo: ", StringComparison.Ordinal)
        || (message.Contains("directory", StringComparison.OrdinalIgnoreCase) && message.EndsWith("Retry later.", StringComparison.Ordinal));

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        // SiloUnavailableException is a message rejection too.
        OrleansMessageRejectionException or GatewayTooBusyException or ConnectionFailedException or TimeoutException => true,
        // While silos join or leave, a call can expire before its grain is placed: retrying reaches the new placement.
        OperationCanceledException => true,
        // The cluster's database failed or another writer got there first: the grain reloads, a retry succeeds.
        System.Data.Common.DbException or Orleans.Storage.InconsistentStateException => true,
        // The journal's commit failed (nothing of it stored) or another activation appended first: a retry succeeds.
        JournalUnavailableException or JournalConflictException => true,
        // A silo asked to stop leaves the active set before the client's view of it: a call placed in between finds no
        // silo to activate the grain on. Another silo, or this one back, takes the retry.
        Orleans.Runtime.OrleansException placement when placement.GetType() == typeof(Orleans.Runtime.OrleansException)
            && (placement.Message.StartsWith(NoCompatibleSilo, StringComparison.Ordinal) || IsDirectoryInFlux(placement.Message)) => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };
}
