namespace CxCluster.Abstractions.Facts;

/// <summary>
/// A human agent's status changed: set by the agent, or by the cluster (<see cref="Reason"/> <c>not-responding</c>
/// when an offer or a first reply timed out). Told of the agent, numbered among its status changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.fact.AgentStatusChanged")]
public sealed record AgentStatusChanged : Fact
{
    [Id(0)] public required AgentStatus Status { get; init; }
    /// <summary>The status it left; null only for a change recorded before the cluster kept it.</summary>
    [Id(1)] public AgentStatus? PreviousStatus { get; init; }
    [Id(2)] public string? Reason { get; init; }
    public override string Type => "agent.status.changed";
}
