namespace CxCluster.Grains.Journal;

/// <summary>One journal stream: a tenant's conversation (<c>c/{conversationId}</c>) or agent (<c>a/{agentId}</c>).</summary>
/// <param name="TenantId">The tenant the stream belongs to.</param>
/// <param name="StreamId">The stream within the tenant, as the grains name it.</param>
public readonly record struct StreamKey(string TenantId, string StreamId)
{
    public override string ToString() => $"{TenantId}/{StreamId}";
}
