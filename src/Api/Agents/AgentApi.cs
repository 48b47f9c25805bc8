namespace CxCluster.Api.Agents;

/// <summary>Human agents: register, set status, look up, read a conversation's context, complete it (<c>/v1/agents</c>).</summary>
public static class AgentApi
{
    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapTenantApi("Agents");

        api.MapPut("/agents/{agentId}", PutAgent)
            .WithName("RegisterAgent")
            .WithSummary("Creates or updates an agent; a new agent starts offline.")
            .Accepts<AgentProfileJson>("application/json")
            .Produces<AgentJson>()
            .ProducesInputProblems()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        api.MapPost("/agents/{agentId}/status", PostStatus)
            .WithName("SetAgentStatus")
            .WithSummary("Available pulls waiting conversations; away or offline takes no new ones.")
            .Accepts<AgentStatusJson>("application/json")
            .Produces<AgentJson>()
            .ProducesInputProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/agents/{agentId}", GetAgent)
            .WithName("GetAgent")
            .WithSummary("The agent with its status and the conversations assigned to it now.")
            .Produces<AgentJson>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/agents/{agentId}/conversations/{conversationId}/complete", PostComplete)
            .WithName("CompleteConversation")
            .WithSummary("The agent is done: its capacity frees and the AI takes the conversation back.")
            .Produces<AgentJson>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/agents/{agentId}/conversations/{conversationId}/context", GetContext)
            .WithName("GetConversationContext")
            .WithSummary("What the agent the conversation is offered or assigned to needs to take it over; personal data redacted.")
            .Produces<ContextJson>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<IResult> PutAgent(
        string agentId, Tenant tenant, HttpRequest request, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (PathIds.Check(("agentId", agentId)) is { } badPath)
        {
            return badPath;
        }
        var (profile, problem) = await RequestBody.ReadAsync(request, RequestBody.SingleLimit,
            (root, errors) => AgentRequestReader.ReadProfile(root, errors, agentId), "The agent has invalid fields; see errors.", cancellationToken);
        if (profile is null)
        {
            return problem!;
        }
        if (Preconditions.OnlyIfNew(request))
        {
            return await Agent(cluster, tenant, agentId).RegisterNew(profile) is { } created
                ? TypedResults.Ok(AgentJson.Of(created))
                : Problems.Result(StatusCodes.Status412PreconditionFailed,
                    $"The agent '{agentId}' exists, and If-None-Match: * asked to create it only if it did not; it is left as it is.");
        }
        return TypedResults.Ok(AgentJson.Of(await Agent(cluster, tenant, agentId).Register(profile)));
    }

    private static async Task<IResult> PostStatus(
        string agentId, Tenant tenant, HttpRequest request, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (PathIds.Check(("agentId", agentId)) is { } badPath)
        {
            return badPath;
        }
        var (document, problem) = await RequestBody.ReadJsonAsync(request, RequestBody.SingleLimit, cancellationToken);
        if (document is null)
        {
            return problem!;
        }
        using (document)
        {
            var errors = new FieldErrors();
            if (AgentRequestReader.ReadStatus(document.RootElement, errors) is not { } status)
            {
                return Problems.Invalid(errors, "The status is invalid; see errors.");
            }
            return Answer(await Agent(cluster, tenant, agentId).SetStatus(status));
        }
    }

    private static async Task<IResult> GetAgent(string agentId, Tenant tenant, IClusterClient cluster)
    {
        if (PathIds.Check(("agentId", agentId)) is { } badPath)
        {
            return badPath;
        }
        return await Agent(cluster, tenant, agentId).Get() is { } agent
            ? TypedResults.Ok(AgentJson.Of(agent))
            : Problems.NotFound($"There is no agent '{agentId}'.");
    }

    private static async Task<IResult> PostComplete(
        string agentId, string conversationId, Tenant tenant, HttpRequest request, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (PathIds.Check(("agentId", agentId), ("conversationId", conversationId)) is { } badPath)
        {
            return badPath;
        }
        // No body is needed; one sent must still be a JSON object, or nothing is completed.
        if (await AgentRequestReader.RefuseBodyOtherThanAnObjectAsync(request, "completion", cancellationToken) is { } problem)
        {
            return problem;
        }
        return Answer(await Agent(cluster, tenant, agentId).Complete(conversationId));
    }

    private static async Task<IResult> GetContext(string agentId, string conversationId, Tenant tenant, IClusterClient cluster)
    {
        if (PathIds.Check(("agentId", agentId), ("conversationId", conversationId)) is { } badPath)
        {
            return badPath;
        }
        // One answer for an unknown conversation, one without a handoff and one of another agent: none reveals which.
        return await cluster.Conversation(tenant.Id, conversationId).GetContext(agentId) is { } context
            ? TypedResults.Ok(ContextJson.Of(context))
            : Problems.NotFound($"Agent '{agentId}' has no conversation '{conversationId}' offered or assigned.");
    }

    private static IResult Answer(AgentOutcome outcome) =>
        outcome.Refusal is { } refusal ? Problems.Refused(refusal) : TypedResults.Ok(AgentJson.Of(outcome.Agent!));

    private static IAgentGrain Agent(IClusterClient cluster, Tenant tenant, string agentId) =>
        cluster.Agent(tenant.Id, agentId);
}
