namespace CxCluster.Api.Queues;

/// <summary>The answer of <c>GET /v1/queues</c>: every queue of the tenant, by name.</summary>
public sealed record QueueListJson(IReadOnlyList<QueueJson> Queues);

/// <summary>One queue: a language and channel (<c>id/whatsapp</c>), how many wait, how long the oldest has, who could take them.</summary>
public sealed record QueueJson(string Name, int Waiting, int LongestWaitSeconds, int AvailableAgents);
