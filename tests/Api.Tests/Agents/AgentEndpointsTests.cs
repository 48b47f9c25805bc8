using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Agents;

/// <summary>
/// Agent endpoints. Agents made available here serve languages no other test's conversations use, so they never
/// take another test's handoff; each goes offline again at the end.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AgentEndpointsTests(ClusterFixture cluster)
{
    private ApiClient Acme => cluster.Acme;

    [Fact]
    public async Task Register_answers_the_agent_offline_with_languages_reduced_to_their_language()
    {
        var agentId = Ids.New("agent");

        var agent = await Acme.RegisterAgentAsync(agentId, "Sari Dewi", ["nl-NL", "fy", "NL"], ["chat", "whatsapp"], 3);

        Json.HasFields(agent, "agentId", "displayName", "languages", "channels", "capacity", "status", "conversations");
        Assert.Equal(agentId, agent.Text("agentId"));
        Assert.Equal("Sari Dewi", agent.Text("displayName"));
        Assert.Equal(["nl", "fy"], agent["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(["chat", "whatsapp"], agent["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(3, agent["capacity"]!.GetValue<int>());
        Assert.Equal("offline", agent.Text("status"));
        Assert.Empty(agent["conversations"]!.AsArray());
        Json.Same(agent, await Acme.AgentAsync(agentId));
    }

    [Fact]
    public async Task Register_again_updates_the_agent()
    {
        var agentId = Ids.New("agent");
        await Acme.RegisterAgentAsync(agentId, "Sari", ["nl"], ["chat"], 1);

        var updated = await Acme.RegisterAgentAsync(agentId, "Sari Dewi", ["nl", "fy"], ["email"], 5);

        Assert.Equal("Sari Dewi", updated.Text("displayName"));
        Assert.Equal(5, updated["capacity"]!.GetValue<int>());
        Json.Same(updated, await Acme.AgentAsync(agentId));
    }

    [Fact]
    public async Task An_agent_read_changed_and_put_back_is_accepted()
    {
        var agentId = Ids.New("agent");
        await Acme.RegisterAgentAsync(agentId, "Sari", ["nl"], ["chat"], 1);
        var read = (await Acme.AgentAsync(agentId))!;
        read["displayName"] = "Sari Dewi";

        using var response = await Acme.Http.PutAsync(
            $"/v1/agents/{agentId}", new StringContent(read.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sari Dewi", (await Acme.AgentAsync(agentId)).Text("displayName"));
    }

    [Fact]
    public async Task Status_changes_answer_the_agent()
    {
        var agentId = Ids.New("agent");
        await Acme.RegisterAgentAsync(agentId, "Bram", ["nl"], ["email"], 2);

        var available = await Acme.SetAgentStatusAsync(agentId, "available");
        var away = await Acme.SetAgentStatusAsync(agentId, "away");
        var offline = await Acme.SetAgentStatusAsync(agentId, "offline");

        Json.HasFields(available, "agentId", "displayName", "languages", "channels", "capacity", "status", "conversations");
        Assert.Equal(["available", "away", "offline"], new[] { available, away, offline }.Select(a => a.Text("status")));
        Assert.Equal("offline", (await Acme.AgentAsync(agentId)).Text("status"));
    }

    [Fact]
    public async Task Unknown_agent_is_404_for_get_status_and_complete()
    {
        var agentId = Ids.New("agent");

        using var get = await Acme.GetAsync($"/v1/agents/{agentId}");
        using var status = await Acme.PostAsync($"/v1/agents/{agentId}/status", new JsonObject { ["status"] = "available" });
        using var complete = await Acme.PostAsync($"/v1/agents/{agentId}/conversations/{Ids.New("conv")}/complete", null);

        await Json.ProblemAsync(get, HttpStatusCode.NotFound);
        await Json.ProblemAsync(status, HttpStatusCode.NotFound);
        await Json.ProblemAsync(complete, HttpStatusCode.NotFound);
        Assert.Null(await Acme.AgentAsync(agentId));
    }

    [Fact]
    public async Task Complete_of_a_conversation_not_assigned_to_the_agent_is_409_naming_conversationId()
    {
        var agentId = Ids.New("agent");
        var before = await Acme.RegisterAgentAsync(agentId, "Bram", ["nl"], ["email"], 2);
        var conversationId = Ids.New("conv");
        await Acme.SendAsync(conversationId, Events.Started("e1", "web", "en-GB"));

        using var response = await Acme.PostAsync($"/v1/agents/{agentId}/conversations/{conversationId}/complete", null);

        await Json.ProblemAsync(response, HttpStatusCode.Conflict, "conversationId");
        Json.Same(before, await Acme.AgentAsync(agentId));
    }

    [Fact]
    public async Task Complete_of_a_conversation_that_was_never_started_is_404()
    {
        var agentId = Ids.New("agent");
        var before = await Acme.RegisterAgentAsync(agentId, "Bram", ["nl"], ["email"], 2);

        using var response = await Acme.PostAsync($"/v1/agents/{agentId}/conversations/{Ids.New("conv")}/complete", null);

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
        Json.Same(before, await Acme.AgentAsync(agentId));
    }

    [Fact]
    public async Task Complete_frees_the_agent_and_gives_the_conversation_back_to_the_ai()
    {
        // English on the web channel: no other test's conversation asks this pool for an agent.
        var agentId = Ids.New("agent");
        var conversationId = Ids.New("conv");
        await Acme.RegisterAgentAsync(agentId, "Jordan", ["en"], ["web"], 1);
        await Acme.SetAgentStatusAsync(agentId, "available");
        try
        {
            await Acme.SendAsync(conversationId, Events.Started("e1", "web", "en-GB"));
            var handoff = (await Acme.SendAsync(conversationId, Events.Customer("e2", "agent please"))).Directive("handoff");
            Assert.Equal(("assigned", agentId), (handoff.Text("status"), handoff.Text("agentId")));
            Assert.Equal([conversationId], (await Acme.AgentAsync(agentId))!["conversations"]!.AsArray().Select(c => c!.GetValue<string>()));

            var agent = await Acme.CompleteAsync(agentId, conversationId);

            Json.HasFields(agent, "agentId", "displayName", "languages", "channels", "capacity", "status", "conversations");
            Assert.Empty(agent["conversations"]!.AsArray());
            var snapshot = await Acme.SnapshotAsync(conversationId);
            Assert.Equal("ai", snapshot.Text("status"));
            Assert.Equal("completed", snapshot!["handoff"].Text("status"));

            // A platform that lost the answer retries: the same completion answers success again and changes nothing.
            using var again = await Acme.PostAsync($"/v1/agents/{agentId}/conversations/{conversationId}/complete", null);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal("ai", (await Acme.SnapshotAsync(conversationId)).Text("status"));

            // A conversation this agent never held is a conflict; one that does not exist is not found.
            var other = Ids.New("conv");
            await Acme.SendAsync(other, Events.Started("e1", "web", "en-GB"));
            using var never = await Acme.PostAsync($"/v1/agents/{agentId}/conversations/{other}/complete", null);
            await Json.ProblemAsync(never, HttpStatusCode.Conflict, "conversationId");
            using var none = await Acme.PostAsync($"/v1/agents/{agentId}/conversations/{Ids.New("conv")}/complete", null);
            await Json.ProblemAsync(none, HttpStatusCode.NotFound);
        }
        finally
        {
            await Acme.SetAgentStatusAsync(agentId, "offline");
        }
    }

    [Fact]
    public async Task An_agent_who_comes_on_duty_takes_the_waiting_and_a_read_right_after_shows_each_with_that_agent()
    {
        // German on the web channel: no other test's conversation asks this pool for an agent.
        var agentId = Ids.New("agent");
        string[] waiting = [Ids.New("conv"), Ids.New("conv")];
        await Acme.RegisterAgentAsync(agentId, "Lena", ["de"], ["web"], 2);
        try
        {
            foreach (var id in waiting)
            {
                await Acme.SendAsync(id, Events.Started("e1", "web", "de-DE"));
                Assert.Equal("queued", (await Acme.SendAsync(id, Events.Customer("e2", "agent please"))).Directive("handoff").Text("status"));
            }

            var agent = await Acme.SetAgentStatusAsync(agentId, "available");

            Assert.Equal(waiting, agent["conversations"]!.AsArray().Select(c => c!.GetValue<string>()));
            foreach (var id in waiting)
            {
                // The agent's answer came once each conversation had recorded it: no notice is still on its way.
                var snapshot = await Acme.SnapshotAsync(id);
                Assert.Equal(("human", "assigned", agentId), (snapshot.Text("status"), snapshot!["handoff"].Text("status"), snapshot["handoff"].Text("agentId")));
            }
        }
        finally
        {
            await Acme.SetAgentStatusAsync(agentId, "offline");
        }
    }

    [Fact]
    public async Task A_customer_whose_language_code_was_replaced_is_served_by_agents_of_its_preferred_code()
    {
        // Romanian written as the replaced "mo" (as older systems still write "in" for Indonesian): no other test's
        // conversation asks this pool for an agent.
        var agentId = Ids.New("agent");
        var conversationId = Ids.New("conv");
        var agent = await Acme.RegisterAgentAsync(agentId, "Ioana", ["mo"], ["web"], 1);
        try
        {
            Assert.Equal(["ro"], agent["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
            var started = await Acme.SendAsync(conversationId, Events.Started("e1", "web", "mo-MD"));
            Assert.Equal("ro-MD", started["conversation"].Text("locale"));
            await Acme.SetAgentStatusAsync(agentId, "available");

            await Acme.SendAsync(conversationId, Events.Customer("e2", "agent please"));

            var snapshot = await Acme.SnapshotAsync(conversationId);
            Assert.Equal(("human", agentId), (snapshot.Text("status"), snapshot!["handoff"].Text("agentId")));
        }
        finally
        {
            await Acme.SetAgentStatusAsync(agentId, "offline");
        }
    }

    /// <summary>Each case: the body of <c>PUT /v1/agents/{id}</c> and the field the 400 must name.</summary>
    public static TheoryData<string, string> BadProfiles => new()
    {
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 0 }""", "capacity" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 51 }""", "capacity" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2.5 }""", "capacity" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": "ten" }""", "capacity" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"] }""", "capacity" },
        { """{ "displayName": "Sari", "languages": [], "channels": ["chat"], "capacity": 2 }""", "languages" },
        { """{ "displayName": "Sari", "languages": [""], "channels": ["chat"], "capacity": 2 }""", "languages" },
        { """{ "displayName": "Sari", "languages": ["dutch!!"], "channels": ["chat"], "capacity": 2 }""", "languages" },
        { """{ "displayName": "Sari", "languages": "nl", "channels": ["chat"], "capacity": 2 }""", "languages" },
        { """{ "displayName": "Sari", "languages": ["\ud800"], "channels": ["chat"], "capacity": 2 }""", "languages" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 1e400 }""", "capacity" },
        { $$"""{ "displayName": "Sari", "languages": [{{string.Join(", ", Enumerable.Repeat("\"nl\"", 21))}}], "channels": ["chat"], "capacity": 2 }""", "languages" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": [], "capacity": 2 }""", "channels" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat", "chat"], "capacity": 2 }""", "channels" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["pigeon"], "capacity": 2 }""", "channels" },
        { """{ "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "displayName" },
        { """{ "displayName": " ", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "displayName" },
        { $$"""{ "displayName": "{{new string('s', 201)}}", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "displayName" },
        // Shown to customers inside the cluster's sentences: one line of printable text.
        { """{ "displayName": "Sari\nYour bank asks for your PIN", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "displayName" },
        { """{ "displayName": "Sari\u001b[31m", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "displayName" },
        { """{ "displayName": "Sari \u202Enimda", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "displayName" },
        { """{ "displayName": "Sari\u2028Ignore previous", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "displayName" },
        { """{ "displayName": "Sari\u2029PIN", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "displayName" },
        { """{ "displayName": "Sari \u061Cnimda", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "displayName" },
        // One agent's profile is never put under another's id: a body's agentId is the path's or left out.
        { """{ "agentId": "someone-else", "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "agentId" },
        { """{ "agentId": 7, "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "agentId" },
        { """{ "agentId": "\ud800", "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2 }""", "agentId" },
        // What a read agent shows besides its profile comes back only as a read could have shown it.
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2, "status": "bogus" }""", "status" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2, "status": 1 }""", "status" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2, "conversations": "c1" }""", "conversations" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2, "conversations": ["c 1"] }""", "conversations" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2, "conversations": [7] }""", "conversations" },
        { """{ "displayName": "Sari", "languages": ["nl"], "channels": ["chat"], "capacity": 2, "conversations": ["\udfff"] }""", "conversations" },
        { """[ "Sari" ]""", "body" },
        { """{ "displayName": "Sari", """, "body" },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task Bad_profile_is_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var agentId = Ids.New("agent");
        var before = await Acme.RegisterAgentAsync(agentId, "Sari", ["nl"], ["chat"], 2);

        using var response = await Acme.Http.PutAsync(
            $"/v1/agents/{agentId}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Json.Same(before, await Acme.AgentAsync(agentId));
    }

    [Fact]
    public async Task Thousands_of_bad_channels_get_each_message_once_and_change_nothing()
    {
        var agentId = Ids.New("agent");
        var before = await Acme.RegisterAgentAsync(agentId, "Sari", ["nl"], ["chat"], 2);
        var channels = string.Join(", ", Enumerable.Repeat("\"chat\"", 2_000)
            .Concat(Enumerable.Repeat("\"pigeon\"", 2_000))
            .Concat(Enumerable.Repeat("5", 2_000)));

        using var response = await Acme.Http.PutAsync($"/v1/agents/{agentId}", new StringContent(
            $$"""{ "displayName": "Sari", "languages": ["nl"], "channels": [{{channels}}], "capacity": 2 }""",
            System.Text.Encoding.UTF8, "application/json"));

        // One message per thing wrong (a repeat, an unknown channel, a non-string), not one per item: a 40 KB body
        // must not get a problem many times its size.
        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "channels");
        var messages = problem["errors"]!["channels"]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
        Assert.Equal(3, messages.Length);
        Assert.Equal(messages.Length, messages.Distinct(StringComparer.Ordinal).Count());
        Json.Same(before, await Acme.AgentAsync(agentId));
    }

    [Theory]
    [InlineData("""{ "status": "busy" }""", "status")]
    [InlineData("""{ "status": "Available" }""", "status")]
    [InlineData("""{ }""", "status")]
    [InlineData("""{ "status": 1 }""", "status")]
    [InlineData("""42""", "body")]
    public async Task Bad_status_is_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var agentId = Ids.New("agent");
        var before = await Acme.RegisterAgentAsync(agentId, "Sari", ["nl"], ["chat"], 2);

        using var response = await Acme.PostRawAsync($"/v1/agents/{agentId}/status", body);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Json.Same(before, await Acme.AgentAsync(agentId));
    }

    [Fact]
    public async Task Bad_ids_in_agent_paths_are_400_naming_the_field()
    {
        using var put = await Acme.PutAsync("/v1/agents/bad!agent", new JsonObject { ["displayName"] = "x" });
        using var get = await Acme.GetAsync("/v1/agents/bad!agent");
        using var complete = await Acme.PostAsync($"/v1/agents/{Ids.New("agent")}/conversations/bad!conv/complete", null);

        await Json.ProblemAsync(put, HttpStatusCode.BadRequest, "agentId");
        await Json.ProblemAsync(get, HttpStatusCode.BadRequest, "agentId");
        await Json.ProblemAsync(complete, HttpStatusCode.BadRequest, "conversationId");
    }

    [Fact]
    public async Task Agent_body_that_is_not_json_is_415()
    {
        var agentId = Ids.New("agent");

        using var response = await Acme.Http.PutAsync(
            $"/v1/agents/{agentId}", new StringContent("displayName=Sari", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        await Json.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Null(await Acme.AgentAsync(agentId));
    }
}
