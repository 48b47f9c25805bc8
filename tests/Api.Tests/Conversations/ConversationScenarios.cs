using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Conversations;

/// <summary>
/// Whole conversations as a platform drives them. Each scenario has its own agent pool (acme id/whatsapp,
/// globex en/chat) that no other test touches, and its agent goes offline at the end.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationScenarios(ClusterFixture cluster)
{
    private static readonly TimeSpan AssignmentTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Customer_asks_if_bot_then_for_a_person_in_Indonesian()
    {
        var api = cluster.Acme;
        var conversation = Ids.New("wa");
        var sari = Ids.New("sari");

        // A customer writes on WhatsApp: the AI must say what it is before anything else.
        var started = await api.SendAsync(conversation, Events.Started("e1", "whatsapp", "id-ID"));
        var notice = Assert.Single(started.Directives());
        Assert.Equal(("disclose", "whatsapp", "id-ID"), (notice.Text("type"), notice.Text("channel"), notice.Text("locale")));
        var disclosureId = notice.Text("disclosureId");

        // The AI answers before the platform confirmed the notice: the same notice goes first, then the AI may speak.
        var early = await api.SendAsync(conversation, Events.Ai("e2", "Halo! Ada yang bisa saya bantu?"));
        Assert.Equal(["disclose", "allow-ai"], early.DirectiveTypes());
        Assert.Equal(disclosureId, early.Directive("disclose").Text("disclosureId"));

        // Once delivered, the AI speaks without a notice.
        await api.SendAsync(conversation, Events.Delivered("e3", disclosureId));
        var later = await api.SendAsync(conversation, Events.Ai("e4", "Silakan sebutkan nomor pesanan Anda."));
        Assert.Equal(["allow-ai"], later.DirectiveTypes());

        // "Is this a bot?" gets an honest answer while the AI is in charge.
        var askedBot = await api.SendAsync(conversation, Events.Customer("e5", "ini bot ya?"));
        Assert.False(string.IsNullOrWhiteSpace(askedBot.Directive("answer-identity").Text("text")));
        Assert.DoesNotContain("handoff", askedBot.DirectiveTypes());

        await api.RegisterAgentAsync(sari, "Sari Wulandari", ["id-ID"], ["whatsapp"], 2);
        await api.SetAgentStatusAsync(sari, "available");
        try
        {
            // Asking for a person hands off at once, to the agent who speaks Indonesian on WhatsApp.
            var askedPerson = await api.SendAsync(conversation, Events.Customer("e6", "saya mau bicara dengan CS dong"));
            var handoff = askedPerson.Directive("handoff");
            Json.HasFields(handoff, "type", "handoffId", "status", "reason", "text", "agentId");
            Assert.Equal(("assigned", "customer-request", sari), (handoff.Text("status"), handoff.Text("reason"), handoff.Text("agentId")));
            Assert.Contains("Sari Wulandari", handoff.Text("text"));
            Assert.Contains("agen", handoff.Text("text"));
            var withAgent = askedPerson["conversation"]!;
            Assert.Equal("human", withAgent.Text("status"));
            Assert.Equal(("assigned", sari), (withAgent["handoff"].Text("status"), withAgent["handoff"].Text("agentId")));
            Assert.Contains(conversation, (await api.AgentAsync(sari))!["conversations"]!.AsArray().Select(c => c!.GetValue<string>()));

            // The AI keeps quiet while Sari is in charge, and the honest answer now names her.
            var quiet = await api.SendAsync(conversation, Events.Ai("e7", "Apakah ada lagi yang bisa saya bantu?"));
            Assert.Equal(["suppress-ai"], quiet.DirectiveTypes());
            Assert.False(string.IsNullOrEmpty(quiet.Directive("suppress-ai").Text("reason")));
            await api.SendAsync(conversation, Events.Agent("e8", sari, "Halo, saya Sari. Ada yang bisa saya bantu?"));
            var askedAgain = await api.SendAsync(conversation, Events.Customer("e9", "apakah ini bot?"));
            Assert.Contains("Sari Wulandari", askedAgain.Directive("answer-identity").Text("text"));

            // Sari is done: the AI takes over and must introduce itself again before its next word.
            var freed = await api.CompleteAsync(sari, conversation);
            Assert.DoesNotContain(conversation, freed["conversations"]!.AsArray().Select(c => c!.GetValue<string>()));
            var back = await api.SendAsync(conversation, Events.Ai("e10", "Ada lagi yang bisa saya bantu?"));
            Assert.Equal(["disclose", "allow-ai"], back.DirectiveTypes());
            Assert.NotEqual(disclosureId, back.Directive("disclose").Text("disclosureId"));
            Assert.Equal("whatsapp", back.Directive("disclose").Text("channel"));
            Assert.Equal(("ai", "completed"), (back["conversation"].Text("status"), back["conversation"]!["handoff"].Text("status")));
            Assert.Equal(2, back["conversation"]!["disclosure"]!["history"]!.AsArray().Count);
        }
        finally
        {
            await api.SetAgentStatusAsync(sari, "offline");
        }
    }

    [Fact]
    public async Task Frustrated_customer_is_offered_a_person_then_queued_until_an_agent_is_free_in_English()
    {
        var api = cluster.Globex;
        var conversation = Ids.New("chat");
        var morgan = Ids.New("morgan");

        var started = await api.SendAsync(conversation, Events.Started("e1", "chat", "en-US"));
        await api.SendAsync(conversation, Events.Delivered("e2", started.Directive("disclose").Text("disclosureId")));

        // The bot fails to understand three times in a row: trust falls through the warning level, then the threshold.
        var misses = new List<JsonNode>();
        for (var i = 1; i <= 3; i++)
        {
            misses.Add(await api.SendAsync(conversation, Events.Signal($"miss{i}", "nlu.no_match", 1)));
        }
        var directives = misses.SelectMany(m => m.DirectiveTypes()).ToList();
        Assert.Single(directives, d => d == "offer-human");
        Assert.True(directives.IndexOf("offer-human") < directives.IndexOf("handoff"), string.Join(", ", directives));
        Assert.DoesNotContain("handoff", misses[0].DirectiveTypes().Concat(misses[1].DirectiveTypes()));
        Assert.Contains("agent", misses.Single(m => m.DirectiveTypes().Contains("offer-human")).Directive("offer-human").Text("text"));

        // No agent is available: the customer is told their place in the queue.
        var handoff = misses[2].Directive("handoff");
        Assert.Equal(("queued", "trust-threshold"), (handoff.Text("status"), handoff.Text("reason")));
        Assert.DoesNotContain("agentId", handoff.AsObject().Select(p => p.Key));
        var position = handoff["queuePosition"]!.GetValue<int>();
        Assert.True(position >= 1);
        Assert.Contains(position.ToString(), handoff.Text("text"));
        Assert.Equal("breached", misses[2]["conversation"]!["trust"].Text("band"));
        Assert.Equal("queued", misses[2]["conversation"].Text("status"));

        var waiting = await api.SendAsync(conversation, Events.Ai("e3", "Let me try again..."));
        Assert.Equal(["suppress-ai"], waiting.DirectiveTypes());
        var queues = await api.QueuesAsync();
        Assert.True(queues.Single(q => q.Text("name") == "en/chat")!["waiting"]!.GetValue<int>() >= 1);

        // An agent comes on shift and takes the waiting conversation.
        await api.RegisterAgentAsync(morgan, "Morgan Lee", ["en"], ["chat"], 2);
        await api.SetAgentStatusAsync(morgan, "available");
        try
        {
            var taken = await Eventually.ReturnsAsync(
                () => api.SnapshotAsync(conversation),
                s => s.Text("status") == "human",
                AssignmentTimeout,
                "the agent to take the waiting conversation");
            Assert.Equal(("assigned", morgan), (taken!["handoff"].Text("status"), taken["handoff"].Text("agentId")));

            var asked = await api.SendAsync(conversation, Events.Customer("e4", "wait, am I talking to a bot?"));
            Assert.Contains("Morgan Lee", asked.Directive("answer-identity").Text("text"));

            await api.CompleteAsync(morgan, conversation);
        }
        finally
        {
            await api.SetAgentStatusAsync(morgan, "offline");
        }
    }
}
