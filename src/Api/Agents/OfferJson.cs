namespace CxCluster.Api.Agents;

/// <summary>The answer of <c>GET /v1/agents/{agentId}/offers</c>: the offers the agent has not answered yet, oldest first.</summary>
public sealed record OfferListJson(IReadOnlyList<OfferJson> Offers);

/// <summary>An open offer of a conversation to the agent.</summary>
public sealed record OfferJson(string OfferId, string ConversationId, string HandoffId, DateTime ExpiresAt, ContextJson? Context)
{
    public static OfferJson Of(AgentOffer offer, HandoffContext? context) =>
        new(offer.OfferId, offer.ConversationId, offer.HandoffId, offer.ExpiresAt.UtcDateTime, context is null ? null : ContextJson.Of(context));
}

/// <summary>The answer of an accepted offer: the conversation is now with the agent, and what it needs to take it over.</summary>
public sealed record OfferAcceptedJson(string ConversationId, string HandoffId, ContextJson? Context);

/// <summary>The optional body of <c>POST .../offers/{offerId}/decline</c>.</summary>
public sealed record OfferDeclineJson(string? Reason);
