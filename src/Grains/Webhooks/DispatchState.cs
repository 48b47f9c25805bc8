using CxCluster.Abstractions.Push;
using CxCluster.Abstractions.Webhooks;

namespace CxCluster.Grains.Webhooks;

/// <summary>
/// What a dispatcher keeps between activations: how far it read and the facts read but not yet done (by position,
/// with their retry state; the journal keeps the facts). Small, and written every so often while it changes, never per
/// fact; the larger <see cref="DispatchHistory"/> is written only when it changes.
/// </summary>
[GenerateSerializer, Alias("cx.WebhookDispatchState")]
public sealed class DispatchState
{
    [Id(0)] public WebhookEndpoint? Endpoint { get; set; }

    /// <summary>False once the endpoint was disabled or the dispatcher stopped.</summary>
    [Id(1)] public bool Running { get; set; }

    /// <summary>Every fact at or below it was read; those not done are in <see cref="Pending"/>.</summary>
    [Id(2)] public long ReadAt { get; set; }

    [Id(3)] public List<PendingDelivery> Pending { get; set; } = [];

    /// <summary>While a replay "since" a time reads facts again: facts before this time are skipped (one at it is sent).</summary>
    [Id(5)] public DateTimeOffset? ReplayFrom { get; set; }

    /// <summary>The position up to which facts are read again (a replay, or a restart re-reading its pending facts).</summary>
    [Id(6)] public long ResumeUntil { get; set; }

    /// <summary>
    /// Conversations and agents whose facts from a position on were left in the journal (their line was full or its head
    /// waited for a retry), to be read back from there; null when none.
    /// </summary>
    [Id(7)] public Dictionary<string, long>? Parked { get; set; }
}

/// <summary>
/// What a dispatcher keeps that changes seldom: the given-up facts (whole, so they can be shown and sent again) and
/// marks of when it had read how far (to find where "everything since" a time begins).
/// </summary>
[GenerateSerializer, Alias("cx.WebhookDispatchHistory")]
public sealed class DispatchHistory
{
    /// <summary>Given-up facts, oldest first.</summary>
    [Id(0)] public List<WebhookFailure> Failures { get; set; } = [];

    [Id(1)] public List<ReadMark> Marks { get; set; } = [];
}

/// <summary>A fact read but not yet accepted or given up, and how its attempts went.</summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookPendingDelivery")]
public sealed record PendingDelivery
{
    [Id(0)] public required long Position { get; init; }
    [Id(1)] public int Attempts { get; init; }
    [Id(2)] public DateTimeOffset? FirstAttempt { get; init; }
    [Id(3)] public DateTimeOffset? NextAttempt { get; init; }
    [Id(4)] public string? LastError { get; init; }

    /// <summary>The fact itself, for a given-up fact sent again (it is not read from the journal again); else null.</summary>
    [Id(5)] public PushedFact? Fact { get; init; }
}

/// <summary>At <see cref="At"/>, every fact at or below <see cref="Position"/> had been read.</summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookReadMark")]
public sealed record ReadMark([property: Id(0)] DateTimeOffset At, [property: Id(1)] long Position);
