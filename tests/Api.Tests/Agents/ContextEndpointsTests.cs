using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Agents;

/// <summary>
/// The context packet over HTTP. Swedish on chat: no other test's conversation asks this pool for an agent; each
/// test's agent goes offline again at the end.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ContextEndpointsTests(ClusterFixture cluster)
{
    private ApiClient Acme => cluster.Acme;

    private static string ContextPath(string agentId, string conversationId) => $"/v1/agents/{agentId}/conversations/{conversationId}/context";

    private async Task<JsonNode> ContextAsync(string agentId, string conversationId)
    {
        using var response = await Acme.GetAsync(ContextPath(agentId, conversationId));
        return await Json.OkAsync(response);
    }

    private static async Task IsNotFoundAsync(ApiClient client, string agentId, string conversationId)
    {
        using var response = await client.GetAsync(ContextPath(agentId, conversationId));
        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>Runs <paramref name="test"/> with a Swedish chat agent available, and takes the agent offline after it.</summary>
    private async Task WithAgentAsync(Func<string, Task> test)
    {
        var agentId = Ids.New("agent");
        await Acme.RegisterAgentAsync(agentId, "Astrid", ["sv"], ["chat"], 3);
        await Acme.SetAgentStatusAsync(agentId, "available");
        try
        {
            await test(agentId);
        }
        finally
        {
            await Acme.SetAgentStatusAsync(agentId, "offline");
        }
    }

    /// <summary>A conversation that was told, answered, and asked for a person; the agent takes it at once.</summary>
    private async Task<string> HandedOffAsync(string agentId)
    {
        var conversationId = Ids.New("conv");
        var start = Events.Started("e1", "chat", "sv-SE");
        start["customerId"] = "cust-9";
        var started = await Acme.SendAsync(conversationId, start);
        await Acme.SendAsync(conversationId, Events.Delivered("e2", started.Directive("disclose").Text("disclosureId")));
        await Acme.SendAsync(conversationId, Events.Customer("e3", "my parcel is late, my number is +62 812-3456-7890"));
        await Acme.SendAsync(conversationId, Events.Ai("e4", "Let me look into that."));
        var handoff = (await Acme.SendAsync(conversationId, Events.Customer("e5", "agent please"))).Directive("handoff");
        Assert.Equal(("assigned", agentId), (handoff.Text("status"), handoff.Text("agentId")));
        return conversationId;
    }

    [Fact]
    public async Task The_assigned_agent_reads_the_context_in_the_contracts_shape() => await WithAgentAsync(async agentId =>
    {
        var conversationId = await HandedOffAsync(agentId);

        var context = await ContextAsync(agentId, conversationId);

        Json.HasFields(context, "conversationId", "handoffId", "reason", "priority", "channel", "locale", "customerId",
            "waitedSeconds", "disclosure", "trust", "summary", "transcript");
        Assert.Equal((conversationId, "customer-request", "chat", "sv-SE", "cust-9"),
            (context.Text("conversationId"), context.Text("reason"), context.Text("channel"), context.Text("locale"), context.Text("customerId")));
        var snapshot = await Acme.SnapshotAsync(conversationId);
        Assert.Equal(snapshot!["handoff"].Text("handoffId"), context.Text("handoffId"));
        Assert.Equal(5, context["priority"]!.GetValue<int>());
        Assert.InRange(context["waitedSeconds"]!.GetValue<int>(), 0, 60);

        Json.HasFields(context["disclosure"], "delivered", "deliveredAt", "channel");
        Assert.True(context["disclosure"]!["delivered"]!.GetValue<bool>());
        Json.IsUtcTimestamp(context["disclosure"]!["deliveredAt"]);
        Assert.Equal("chat", context["disclosure"].Text("channel"));

        Json.HasFields(context["trust"], "score", "band", "trajectory", "signals");
        Assert.Equal("healthy", context["trust"].Text("band"));
        var trajectory = context["trust"]!["trajectory"]!.AsArray();
        Assert.Equal(100, trajectory[0]!["score"]!.GetValue<int>());
        Assert.All(trajectory, point =>
        {
            Json.HasFields(point, "at", "score");
            Json.IsUtcTimestamp(point!["at"]);
        });

        var summary = context["summary"];
        Json.HasFields(summary, "customerMessages", "aiMessages", "firstContactAt", "lastCustomerMessage", "identityQuestions");
        Assert.Equal((2, 1, 0), (summary!["customerMessages"]!.GetValue<int>(), summary["aiMessages"]!.GetValue<int>(), summary["identityQuestions"]!.GetValue<int>()));
        Assert.Equal("agent please", summary.Text("lastCustomerMessage"));
        Json.IsUtcTimestamp(summary["firstContactAt"]);

        Json.Same(snapshot["transcript"], context["transcript"]);
        Assert.Equal("customer", context["transcript"]![0].Text("from"));
        // The number's own digits, not a bare "812" that a random conversation id may contain.
        Assert.DoesNotContain("812-3456", context.ToJsonString());
        Assert.DoesNotContain("3456-7890", context.ToJsonString());
    });

    [Fact]
    public async Task Another_agent_an_unregistered_one_and_another_tenant_get_404() => await WithAgentAsync(async agentId =>
    {
        var conversationId = await HandedOffAsync(agentId);
        var other = Ids.New("agent");
        await Acme.RegisterAgentAsync(other, "Nils", ["sv"], ["chat"], 1);

        await IsNotFoundAsync(Acme, other, conversationId);
        await IsNotFoundAsync(Acme, Ids.New("agent"), conversationId);
        await IsNotFoundAsync(cluster.Globex, agentId, conversationId);
        await ContextAsync(agentId, conversationId);
    });

    [Fact]
    public async Task A_conversation_without_a_handoff_or_unknown_is_404_as_any_other()
    {
        var conversationId = Ids.New("conv");
        await Acme.SendAsync(conversationId, Events.Started("e1", "chat", "sv-SE"));
        await Acme.SendAsync(conversationId, Events.Customer("e2", "where is my parcel?"));

        await IsNotFoundAsync(Acme, Ids.New("agent"), conversationId);
        await IsNotFoundAsync(Acme, Ids.New("agent"), Ids.New("conv"));
    }

    [Fact]
    public async Task An_erased_conversation_is_404_and_shows_no_personal_data() => await WithAgentAsync(async agentId =>
    {
        var conversationId = await HandedOffAsync(agentId);

        using var erased = await Acme.DeleteAsync($"/v1/conversations/{conversationId}");
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        await IsNotFoundAsync(Acme, agentId, conversationId);
        var snapshot = await Acme.SnapshotAsync(conversationId);
        Assert.Empty(snapshot!["transcript"]!.AsArray());
        Assert.DoesNotContain("cust-9", snapshot.ToJsonString());
    });

    [Fact]
    public async Task The_trust_trajectory_and_the_strongest_signals_show_why_trust_handed_off() => await WithAgentAsync(async agentId =>
    {
        var conversationId = Ids.New("conv");
        // A minute ago, ten seconds apart: each signal is scored when it occurred.
        var then = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Acme.SendAsync(conversationId, Events.Started("e1", "chat", "sv-SE").At(then));
        await Acme.SendAsync(conversationId, Events.Signal("e2", "nlu.no_match", 1).At(then.AddSeconds(10)));
        await Acme.SendAsync(conversationId, Events.Signal("e3", "sentiment", -0.8).At(then.AddSeconds(20)));
        var handoff = (await Acme.SendAsync(conversationId, Events.Signal("e4", "nlu.no_match", 1).At(then.AddSeconds(30)))).Directive("handoff");
        Assert.Equal("trust-threshold", handoff.Text("reason"));

        var context = await ContextAsync(agentId, conversationId);

        var trust = context["trust"]!;
        Assert.Equal([100, 78, 42, 20], trust["trajectory"]!.AsArray().Select(p => p!["score"]!.GetValue<int>()));
        Assert.Equal((20, "breached"), (trust["score"]!.GetValue<int>(), trust.Text("band")));
        Assert.Equal(["sentiment", "nlu.no_match", "nlu.no_match"], trust["signals"]!.AsArray().Select(s => s.Text("name")));
        Json.HasFields(trust["signals"]![0], "name", "delta", "at");
        Assert.Equal(0, context["summary"]!["customerMessages"]!.GetValue<int>());
        Assert.Null(context["summary"]!["lastCustomerMessage"]);
        Assert.True(context["summary"]!.AsObject().ContainsKey("lastCustomerMessage"));
    });

    [Fact]
    public async Task Bad_ids_in_the_context_path_are_400_naming_the_field()
    {
        using var agent = await Acme.GetAsync(ContextPath("bad!agent", Ids.New("conv")));
        using var conversation = await Acme.GetAsync(ContextPath(Ids.New("agent"), "bad!conv"));

        await Json.ProblemAsync(agent, HttpStatusCode.BadRequest, "agentId");
        await Json.ProblemAsync(conversation, HttpStatusCode.BadRequest, "conversationId");
    }
}
