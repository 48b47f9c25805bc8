namespace CxCluster.Api.Agents;

/// <summary>The answer of <c>GET /v1/agents/{agentId}/offers</c>: the offers the agent has not answered yet, oldest first.</summary>
public sealed record OfferListJson(IReadOnlyList<OfferJson> Offers);

/// <summary>An open offer of a conversation to the agent.</summary>
public sealed record OfferJson(string OfferId, string ConversationId, string HandoffId, DateTime ExpiresAt)
{
    public static OfferJson Of(AgentOffer offer) => new(offer.OfferId, offer.ConversationId, offer.HandoffId, offer.ExpiresAt.UtcDateTime);
}

/// <summary>The answer of an accepted offer: the conversation is now with the agent.</summary>
public sealed record OfferAcceptedJson(string ConversationId, string HandoffId);

/// <summary>The optional body of <c>POST .../offers/{offerId}/decline</c>.</summary>
public sealed record OfferDeclineJson(string? Reason);
