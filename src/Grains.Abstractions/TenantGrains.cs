using CxCluster.Abstractions.Push;
using CxCluster.Abstractions.Supervision;
using CxCluster.Abstractions.Webhooks;

namespace CxCluster.Abstractions;

/// <summary>The one way to reach each kind of tenant-scoped grain, so no caller spells a key by hand.</summary>
public static class TenantGrains
{
    public static IConversationGrain Conversation(this IGrainFactory grains, string tenantId, string conversationId) =>
        grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(tenantId, conversationId));

    public static IAgentGrain Agent(this IGrainFactory grains, string tenantId, string agentId) =>
        grains.GetGrain<IAgentGrain>(GrainKeys.Agent(tenantId, agentId));

    /// <summary>A pool partition, by its name (<see cref="GrainKeys.PoolName"/>).</summary>
    public static IAgentPoolGrain Pool(this IGrainFactory grains, string tenantId, string poolName) =>
        grains.GetGrain<IAgentPoolGrain>(GrainKeys.Pool(tenantId, poolName));

    /// <summary>One evidence export of the tenant; each export has an id of its own.</summary>
    public static IEvidenceExportGrain EvidenceExport(this IGrainFactory grains, string tenantId, string exportId) =>
        grains.GetGrain<IEvidenceExportGrain>(GrainKeys.EvidenceExport(tenantId, exportId));

    public static IWebhookRegistryGrain Webhooks(this IGrainFactory grains, string tenantId) =>
        grains.GetGrain<IWebhookRegistryGrain>(tenantId);

    /// <summary>The dispatcher of one partition of an endpoint's subjects.</summary>
    public static IWebhookDispatcherGrain WebhookDispatcher(this IGrainFactory grains, string tenantId, string webhookId, int partition) =>
        grains.GetGrain<IWebhookDispatcherGrain>(GrainKeys.WebhookDispatcher(tenantId, webhookId, partition));

    /// <summary>The tenant's facts, read from any cursor (the live stream's source).</summary>
    public static IFactFeedGrain FactFeed(this IGrainFactory grains, string tenantId) =>
        grains.GetGrain<IFactFeedGrain>(tenantId);

    /// <summary>The tenant's supervisor board.</summary>
    public static ISupervisorBoardGrain SupervisorBoard(this IGrainFactory grains, string tenantId) =>
        grains.GetGrain<ISupervisorBoardGrain>(tenantId);

    /// <summary>The names of a tenant's pool partitions.</summary>
    public static IAgentPoolDirectoryGrain PoolDirectory(this IGrainFactory grains, string tenantId) =>
        grains.GetGrain<IAgentPoolDirectoryGrain>(tenantId);
}
