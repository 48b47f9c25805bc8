namespace CxCluster.Api.Agents;

/// <summary>The agent's side of a handoff: open offers, accepting and declining them (<c>/v1/agents/{agentId}/offers</c>).</summary>
public static class OfferApi
{
    /// <summary>The longest decline reason kept.</summary>
    public const int MaxReasonLength = 500;

    public static IEndpointRouteBuilder MapOfferEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapTenantApi("Offers");

        api.MapGet("/agents/{agentId}/offers", GetOffers)
            .WithName("ListOffers")
            .WithSummary("The conversations offered to the agent that it has not answered yet.")
            .Produces<OfferListJson>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/agents/{agentId}/offers/{offerId}/accept", PostAccept)
            .WithName("AcceptOffer")
            .WithSummary("The agent takes the offered conversation; an expired, declined or withdrawn offer is a conflict.")
            .Produces<OfferAcceptedJson>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/agents/{agentId}/offers/{offerId}/decline", PostDecline)
            .WithName("DeclineOffer")
            .WithSummary("The agent turns the offer down: the conversation goes to the next agent, never back to this one.")
            .Accepts<OfferDeclineJson>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesInputProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    private static async Task<IResult> GetOffers(string agentId, Tenant tenant, IClusterClient cluster)
    {
        if (PathIds.Check(("agentId", agentId)) is { } badPath)
        {
            return badPath;
        }
        if (await cluster.Agent(tenant.Id, agentId).GetOffers() is not { } offers)
        {
            return Problems.NotFound($"There is no agent '{agentId}'.");
        }
        // Each offer travels with its context; one withdrawn meanwhile has none.
        var contexts = await Task.WhenAll(offers.Select(o => cluster.Conversation(tenant.Id, o.ConversationId).GetContext(agentId)));
        return TypedResults.Ok(new OfferListJson([.. offers.Select((o, i) => OfferJson.Of(o, contexts[i]))]));
    }

    private static async Task<IResult> PostAccept(
        string agentId, string offerId, Tenant tenant, HttpRequest request, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (PathIds.Check(("agentId", agentId), ("offerId", offerId)) is { } badPath)
        {
            return badPath;
        }
        // No body is needed; one sent must still be a JSON object, or nothing is accepted.
        if (await AgentRequestReader.RefuseBodyOtherThanAnObjectAsync(request, "accept", cancellationToken) is { } problem)
        {
            return problem;
        }
        var answer = await cluster.Agent(tenant.Id, agentId).AcceptOffer(offerId);
        if (answer.Refusal is { } refusal)
        {
            return Problems.Refused(refusal);
        }
        var offer = answer.Offer!;
        var context = await cluster.Conversation(tenant.Id, offer.ConversationId).GetContext(agentId);
        return TypedResults.Ok(new OfferAcceptedJson(offer.ConversationId, offer.HandoffId, context is null ? null : ContextJson.Of(context)));
    }

    private static async Task<IResult> PostDecline(
        string agentId, string offerId, Tenant tenant, HttpRequest request, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (PathIds.Check(("agentId", agentId), ("offerId", offerId)) is { } badPath)
        {
            return badPath;
        }
        // The body is optional: none at all declines without a reason.
        var (decline, problem) = await RequestBody.ReadOptionalAsync(request, RequestBody.SingleLimit,
            AgentRequestReader.ReadDecline, "The decline has invalid fields; see errors.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var answer = await cluster.Agent(tenant.Id, agentId).DeclineOffer(offerId, decline?.Reason);
        return answer.Refusal is { } refusal ? Problems.Refused(refusal) : TypedResults.NoContent();
    }
}
