namespace CxCluster.Api.Queues;

/// <summary>The tenant's queues (<c>/v1/queues</c>).</summary>
public static class QueueApi
{
    public static IEndpointRouteBuilder MapQueueEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapTenantApi("Queues")
            .MapGet("/queues", GetQueues)
            .WithName("ListQueues")
            .WithSummary("Every queue of the tenant with its waiting count, longest wait and available agents.")
            .Produces<QueueListJson>();
        return app;
    }

    private static async Task<IResult> GetQueues(Tenant tenant, IClusterClient cluster)
    {
        var names = await cluster.PoolDirectory(tenant.Id).List();
        var queues = await Task.WhenAll(names.Distinct(StringComparer.Ordinal).Select(async name =>
        {
            var stats = await cluster.Pool(tenant.Id, name).GetStats();
            // The name comes from the tenant's own directory, never from the pool's answer.
            return new QueueJson(name, stats.Waiting, stats.LongestWaitSeconds, stats.AvailableAgents);
        }));
        return TypedResults.Ok(new QueueListJson([.. queues.OrderBy(q => q.Name, StringComparer.Ordinal)]));
    }
}
