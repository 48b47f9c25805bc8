namespace CxCluster.Grains.Agents;

/// <summary>A human agent: who they are, whether they take work, and what they hold now.</summary>
[GenerateSerializer, Alias("cx.AgentState")]
public sealed class AgentState
{
    [Id(0)] public AgentProfile? Profile { get; set; }
    [Id(1)] public AgentStatus Status { get; set; } = AgentStatus.Offline;
    [Id(2)] public List<AgentAssignmentRecord> Assignments { get; set; } = [];
    [Id(3)] public DateTimeOffset IdleSince { get; set; }
    [Id(4)] public long Version { get; set; }
}

/// <summary>One conversation an agent holds.</summary>
[GenerateSerializer, Alias("cx.AgentAssignmentRecord")]
public sealed class AgentAssignmentRecord
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public required string HandoffId { get; init; }
    [Id(2)] public required string PoolName { get; init; }
    [Id(3)] public required DateTimeOffset AssignedAt { get; init; }
}
