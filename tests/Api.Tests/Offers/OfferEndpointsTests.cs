using CxCluster.Api.Tests.Infrastructure;
using CxCluster.Api.Tests.Stream;

namespace CxCluster.Api.Tests.Offers;

/// <summary>
/// The agent's side over HTTP, for a tenant whose agents get offers (4 s to answer). Each test serves a language no
/// other test uses, so its agents never see another test's conversations.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OfferEndpointsTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private ApiClient Initech => cluster.Initech;

    private async Task<string> Online(string language)
    {
        var agentId = Ids.New("agent");
        await Initech.RegisterAgentAsync(agentId, "Rini", [language], ["chat"], 1);
        await Initech.SetAgentStatusAsync(agentId, "available");
        return agentId;
    }

    private async Task<JsonNode> AskForPerson(string conversationId, string language)
    {
        await Initech.SendAsync(conversationId, Events.Started("e1", "chat", $"{language}-XX"));
        var result = await Initech.SendAsync(conversationId, Events.Customer("e2", "I want to talk to a human agent"));
        return result.Directive("handoff");
    }

    private async Task<JsonArray> Offers(string agentId)
    {
        using var response = await Initech.GetAsync($"/v1/agents/{agentId}/offers");
        return (await Json.OkAsync(response))["offers"]!.AsArray();
    }

    private Task<JsonArray> OffersOnceThere(string agentId) =>
        Eventually.ReturnsAsync(() => Offers(agentId), offers => offers.Count > 0, Patience, $"an offer for {agentId}");

    [Fact]
    public async Task An_offer_is_listed_and_accepting_it_gives_the_agent_the_conversation()
    {
        var agentId = await Online("sw");
        var conversationId = Ids.New("conv");

        var handoff = await AskForPerson(conversationId, "sw");

        Assert.Equal("queued", handoff.Text("status"));
        var offer = Assert.Single(await OffersOnceThere(agentId))!;
        Json.HasFields(offer, "offerId", "conversationId", "handoffId", "expiresAt", "context");
        Assert.Equal(conversationId, offer["context"].Text("conversationId"));
        Assert.Equal("customer-request", offer["context"].Text("reason"));
        Assert.Equal(conversationId, offer.Text("conversationId"));
        Assert.Equal(handoff.Text("handoffId"), offer.Text("handoffId"));
        Json.IsUtcTimestamp(offer["expiresAt"]);
        Assert.Equal("offered", (await Initech.SnapshotAsync(conversationId))!["handoff"].Text("status"));

        using var accept = await Initech.PostAsync($"/v1/agents/{agentId}/offers/{offer.Text("offerId")}/accept", null);

        var accepted = await Json.OkAsync(accept);
        Assert.Equal(conversationId, accepted.Text("conversationId"));
        Assert.Equal(handoff.Text("handoffId"), accepted.Text("handoffId"));
        Assert.Equal(conversationId, accepted["context"].Text("conversationId"));
        Assert.Contains(accepted["context"]!["transcript"]!.AsArray(), t => t!.Text("text") == "I want to talk to a human agent");
        var snapshot = await Eventually.ReturnsAsync(() => Initech.SnapshotAsync(conversationId), s => s!.Text("status") == "human", Patience, "the conversation to be with the agent");
        Assert.Equal(agentId, snapshot!["handoff"].Text("agentId"));
        Assert.Empty(await Offers(agentId));
        await Initech.SetAgentStatusAsync(agentId, "offline");
    }

    [Fact]
    public async Task Declining_answers_204_and_the_declined_offer_can_no_longer_be_accepted()
    {
        var agentId = await Online("zu");
        var conversationId = Ids.New("conv");
        await AskForPerson(conversationId, "zu");
        var offerId = (await OffersOnceThere(agentId))[0]!.Text("offerId");

        using var decline = await Initech.PostAsync($"/v1/agents/{agentId}/offers/{offerId}/decline", new JsonObject { ["reason"] = "on another call" });
        using var accept = await Initech.PostAsync($"/v1/agents/{agentId}/offers/{offerId}/accept", null);

        Assert.Equal(HttpStatusCode.NoContent, decline.StatusCode);
        await Json.ProblemAsync(accept, HttpStatusCode.Conflict);
        Assert.Empty(await Offers(agentId));
        Assert.Equal("queued", (await Initech.SnapshotAsync(conversationId))!["handoff"].Text("status"));
        await Initech.SetAgentStatusAsync(agentId, "offline");
    }

    [Fact]
    public async Task An_empty_chunked_body_declines_without_a_reason()
    {
        var agentId = await Online("ve");
        var conversationId = Ids.New("conv");
        await AskForPerson(conversationId, "ve");
        var offerId = (await OffersOnceThere(agentId))[0]!.Text("offerId");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/agents/{agentId}/offers/{offerId}/decline")
        {
            Content = new StreamContent(new MemoryStream()),
        };
        request.Headers.TransferEncodingChunked = true;

        using var decline = await Initech.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, decline.StatusCode);
        Assert.Empty(await Offers(agentId));
        await Initech.SetAgentStatusAsync(agentId, "offline");
    }

    [Fact]
    public async Task An_offer_left_unanswered_expires_its_accept_is_409_and_the_agent_is_away()
    {
        var agentId = await Online("yo");
        var conversationId = Ids.New("conv");
        await AskForPerson(conversationId, "yo");
        var offerId = (await OffersOnceThere(agentId))[0]!.Text("offerId");

        var away = await Eventually.ReturnsAsync(() => Initech.AgentAsync(agentId), a => a!.Text("status") == "away", Patience, "the agent to be away");

        Assert.Empty(away!["conversations"]!.AsArray());
        using var accept = await Initech.PostAsync($"/v1/agents/{agentId}/offers/{offerId}/accept", null);
        var problem = await Json.ProblemAsync(accept, HttpStatusCode.Conflict);
        Assert.Contains("expired", problem.Text("detail"));
    }

    [Fact]
    public async Task Unknown_offers_and_agents_are_404_and_bad_ids_or_bodies_are_400_naming_the_field()
    {
        var agentId = await Online("xh");

        using var unknownOffer = await Initech.PostAsync($"/v1/agents/{agentId}/offers/ofr-404/accept", null);
        using var unknownAgent = await Initech.GetAsync($"/v1/agents/{Ids.New("agent")}/offers");
        using var badOffer = await Initech.PostAsync($"/v1/agents/{agentId}/offers/bad%20id/decline", null);
        using var badBody = await Initech.PostAsync($"/v1/agents/{agentId}/offers/ofr-1/decline", new JsonObject { ["reason"] = 42 });
        using var longReason = await Initech.PostAsync($"/v1/agents/{agentId}/offers/ofr-1/decline", new JsonObject { ["reason"] = new string('x', 501) });
        using var notAnObject = await Initech.PostRawAsync($"/v1/agents/{agentId}/offers/ofr-1/decline", "[1]");
        using var clustersReason = await Initech.PostAsync($"/v1/agents/{agentId}/offers/ofr-1/decline", new JsonObject { ["reason"] = "agent-offline" });

        await Json.ProblemAsync(unknownOffer, HttpStatusCode.NotFound);
        await Json.ProblemAsync(unknownAgent, HttpStatusCode.NotFound);
        await Json.ProblemAsync(badOffer, HttpStatusCode.BadRequest, "offerId");
        await Json.ProblemAsync(badBody, HttpStatusCode.BadRequest, "reason");
        await Json.ProblemAsync(longReason, HttpStatusCode.BadRequest, "reason");
        await Json.ProblemAsync(notAnObject, HttpStatusCode.BadRequest, "body");
        // A reason the cluster gives for declines it makes would read in the facts as one, and let the handoff come back.
        await Json.ProblemAsync(clustersReason, HttpStatusCode.BadRequest, "reason");
        await Initech.SetAgentStatusAsync(agentId, "offline");
    }

    [Fact]
    public async Task A_malformed_body_accepts_nothing_and_completes_nothing()
    {
        var agentId = await Online("mb");
        var conversationId = Ids.New("conv");
        await AskForPerson(conversationId, "mb");
        var offerId = (await OffersOnceThere(agentId))[0]!.Text("offerId");

        using var garbled = await Initech.PostRawAsync($"/v1/agents/{agentId}/offers/{offerId}/accept", "{garbage");
        using var array = await Initech.PostRawAsync($"/v1/agents/{agentId}/offers/{offerId}/accept", "[]");

        await Json.ProblemAsync(garbled, HttpStatusCode.BadRequest, "body");
        await Json.ProblemAsync(array, HttpStatusCode.BadRequest, "body");
        Assert.Single(await Offers(agentId));
        Assert.Equal("offered", (await Initech.SnapshotAsync(conversationId))!["handoff"].Text("status"));

        using var accept = await Initech.PostRawAsync($"/v1/agents/{agentId}/offers/{offerId}/accept", "{}");
        await Json.OkAsync(accept);
        await Eventually.ReturnsAsync(() => Initech.SnapshotAsync(conversationId), s => s!.Text("status") == "human", Patience, "the conversation to be with the agent");

        using var badComplete = await Initech.PostRawAsync($"/v1/agents/{agentId}/conversations/{conversationId}/complete", "{garbage");

        await Json.ProblemAsync(badComplete, HttpStatusCode.BadRequest, "body");
        Assert.Equal("human", (await Initech.SnapshotAsync(conversationId))!.Text("status"));
        await Initech.SetAgentStatusAsync(agentId, "offline");
    }

    [Fact]
    public async Task Another_tenant_cannot_see_or_answer_the_offers()
    {
        var agentId = await Online("ig");
        await AskForPerson(Ids.New("conv"), "ig");
        var offerId = (await OffersOnceThere(agentId))[0]!.Text("offerId");

        using var list = await cluster.Acme.GetAsync($"/v1/agents/{agentId}/offers");
        using var accept = await cluster.Acme.PostAsync($"/v1/agents/{agentId}/offers/{offerId}/accept", null);

        await Json.ProblemAsync(list, HttpStatusCode.NotFound);
        await Json.ProblemAsync(accept, HttpStatusCode.NotFound);
        Assert.Single(await Offers(agentId));
        await Initech.SetAgentStatusAsync(agentId, "offline");
    }
    [Fact]
    public async Task The_offer_fact_carries_the_context_to_the_tenants_systems_never_to_a_supervisor_and_not_after_erasure()
    {
        var agentId = await Online("ha");
        var conversationId = Ids.New("conv");
        var path = $"/v1/stream?types=handoff.offered&conversationId={conversationId}";
        await using var tenant = await SseReader.OpenAsync(Initech.Http, path);
        using var supervisorClient = ApiClient.For(cluster.Address, ClusterFixture.InitechSupervisorKey);
        await using var supervisor = await SseReader.OpenAsync(supervisorClient.Http, path);
        var start = Events.Started("e1", "chat", "ha-NG");
        start["customerId"] = "cust-77";
        await Initech.SendAsync(conversationId, start);
        await Initech.SendAsync(conversationId, Events.Customer("e2", "my card was charged twice, mail me at bala@example.com"));
        await Initech.SendAsync(conversationId, Events.Customer("e3", "I want to talk to a human agent"));

        // The platform's stream: the context the offered agent reads, in the fact itself.
        var told = await tenant.NextEventAsync(Patience);
        var fact = told.Fact;
        Assert.Equal("handoff.offered", fact.Text("type"));
        var context = fact["data"]!["context"]!;
        Json.HasFields(context, "conversationId", "handoffId", "reason", "priority", "channel", "locale", "customerId",
            "waitedSeconds", "disclosure", "trust", "summary", "transcript");
        Assert.Equal((conversationId, fact["data"].Text("handoffId"), "customer-request", "cust-77"),
            (context.Text("conversationId"), context.Text("handoffId"), context.Text("reason"), context.Text("customerId")));
        var transcript = context["transcript"]!.AsArray();
        Assert.Contains(transcript, t => t.Text("from") == "customer" && t.Text("text").StartsWith("my card was charged twice", StringComparison.Ordinal));
        Assert.DoesNotContain("bala@example.com", context.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("I want to talk to a human agent", context["summary"].Text("lastCustomerMessage"));
        // The same packet the offer list gives the agent (only the wait may have grown since).
        var listed = Assert.Single(await OffersOnceThere(agentId))!["context"]!.AsObject();
        var inFact = context.DeepClone().AsObject();
        inFact.Remove("waitedSeconds");
        listed = listed.DeepClone().AsObject();
        listed.Remove("waitedSeconds");
        Assert.True(JsonNode.DeepEquals(listed, inFact), $"{listed.ToJsonString()}\n{inFact.ToJsonString()}");

        // A supervisor key reads the same fact, at the same cursor, without the customer's data.
        var watched = await supervisor.NextEventAsync(Patience);
        Assert.Equal(told.Id, watched.Id);
        var withoutContext = fact.DeepClone().AsObject();
        withoutContext["data"]!.AsObject().Remove("context");
        Assert.True(JsonNode.DeepEquals(withoutContext, watched.Fact), watched.Data);

        // Erased: told again from the tenant's first fact (cursor 0), the offer is still a fact, with no context left (the
        // silos' readers drop it from the facts they keep ready as soon as they read the erasure).
        using (var erased = await Initech.DeleteAsync($"/v1/conversations/{conversationId}"))
        {
            Assert.True(erased.IsSuccessStatusCode, $"erasure answered {(int)erased.StatusCode}");
        }
        var retold = await Eventually.ReturnsAsync(
            async () =>
            {
                await using var again = await SseReader.OpenAsync(Initech.Http, path, "0");
                return await again.NextEventAsync(Patience);
            },
            r => r.Fact["data"]!["context"] is null,
            TimeSpan.FromSeconds(10),
            "the offer to be told without its context");
        Assert.Equal(told.Id, retold.Id);
        Assert.True(JsonNode.DeepEquals(withoutContext, retold.Fact), retold.Data);
        await Initech.SetAgentStatusAsync(agentId, "offline");
    }
}
