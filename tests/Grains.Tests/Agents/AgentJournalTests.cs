using System.Text.Json;
using CxCluster.Grains.Agents;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Agents;

/// <summary>An agent appends its changes to its own stream in the journal and is rebuilt from it, on a two-silo cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AgentJournalTests(ClusterFixture fixture)
{
    // A tenant of its own, so its pools start empty; unknown tenants get the default policy (id-ID, chat).
    private readonly string _tenant = $"t{Guid.NewGuid():N}";

    private IConversationGrain Conversation(string id) => fixture.Grains.Conversation(_tenant, id);

    private async Task<IAgentGrain> Online(string id, int capacity)
    {
        var agent = fixture.Grains.Agent(_tenant, id);
        await agent.Register(new AgentProfile { DisplayName = $"Agent {id}", Languages = ["id"], Channels = [Channel.Chat], Capacity = capacity });
        Assert.Null((await agent.SetStatus(AgentStatus.Available)).Refusal);
        return agent;
    }

    private async Task<HandoffStatus> AskForPerson(string conversationId)
    {
        var conversation = Conversation(conversationId);
        await conversation.Apply(Started(Channel.Chat, "id-ID"));
        var outcome = await conversation.Apply(Customer("saya mau bicara dengan CS dong"));
        return outcome.Result!.Directives.Single(d => d.Type == DirectiveType.Handoff).AsHandoff().Status;
    }

    private Task<IReadOnlyList<JournalFact>> Records(string agentId) =>
        fixture.Journal.ReadStreamAsync(AgentJournal.Stream(_tenant, agentId), 0, 100_000).AsTask();

    [Fact]
    public async Task Each_change_of_an_agent_appends_one_small_record_and_never_rewrites_the_agent()
    {
        var agent = await Online("a1", 2);
        Assert.Equal(HandoffStatus.Assigned, await AskForPerson("c0"));
        Assert.Equal(HandoffStatus.Assigned, await AskForPerson("c1"));
        Assert.Equal(HandoffStatus.Queued, await AskForPerson("c2"));
        Assert.Null((await agent.Complete("c0")).Refusal);
        Assert.Equal(["c1", "c2"], (await agent.Get())!.Conversations);

        var before = await Records("a1");
        // A reconciliation round may pull the waiting conversation before or after the completion was told.
        string[] expected = ["agent.registered", "agent.status", "agent.watched", "agent.assigned", "agent.assigned", "agent.completed",
            "agent.completion-told", "agent.claim-pending", "agent.assigned"];
        var types = before.Select(r => r.Type).ToList();
        Assert.Equal(expected.Order(), types.Order());
        Assert.Equal(expected[..6], types[..6]);
        Assert.True(types.IndexOf("agent.completed") < types.IndexOf("agent.completion-told"));
        Assert.True(types.IndexOf("agent.claim-pending") < types.LastIndexOf("agent.assigned"));
        Assert.Equal(Enumerable.Range(1, before.Count).Select(i => (long)i), before.Select(r => r.Seq));
        Assert.All(before, r => Assert.Null(r.Personal));

        // A status change of an agent holding two conversations and a completion is one record of a few bytes: the
        // status, the one it left and its number among the agent's status changes.
        await agent.SetStatus(AgentStatus.Away);
        var after = await Records("a1");
        var change = Assert.Single(after.Skip(before.Count));
        Assert.Equal("agent.status", change.Type);
        Assert.Equal("""{"status":"Away","previousStatus":"Available","number":2}""", System.Text.Encoding.UTF8.GetString(change.Data.Span));

        await fixture.Cluster.DeactivateAsync((IAddressable)agent);
        var checkpoint = await Eventually.ReturnsAsync(
            async () => await fixture.Journal.LoadCheckpointAsync(AgentJournal.Stream(_tenant, "a1")), c => c?.Seq == after.Count,
            TimeSpan.FromSeconds(10), "the checkpoint of the deactivation");
        Assert.True(checkpoint!.State.Length > 5 * change.Data.Length, $"the agent takes {checkpoint.State.Length} bytes, its change {change.Data.Length}");
        Assert.All(after, r => Assert.True(r.Data.Length < 160, $"{r.Type} holds {r.Data.Length} bytes"));
    }

    [Fact]
    public async Task An_agent_reactivated_from_its_checkpoint_and_the_records_after_it_is_the_agent_it_was()
    {
        var agent = await Online("a1", 2);
        Assert.Equal(HandoffStatus.Assigned, await AskForPerson("c0"));
        Assert.Equal(HandoffStatus.Assigned, await AskForPerson("c1"));
        Assert.Null((await agent.Complete("c0")).Refusal);
        // Enough changes for a checkpoint (written off the callers' path), then a few more after it.
        for (var i = 0; i < AgentGrain.CheckpointEvery + 5; i++)
        {
            await agent.SetStatus(i % 2 == 0 ? AgentStatus.Away : AgentStatus.Available);
        }
        var stream = AgentJournal.Stream(_tenant, "a1");
        var written = await Eventually.ReturnsAsync(
            async () => await fixture.Journal.LoadCheckpointAsync(stream), c => c is not null, TimeSpan.FromSeconds(10), "a checkpoint");
        var details = await agent.Get();
        var view = await agent.GetView();
        var records = await Records("a1");
        Assert.InRange(written!.Seq, AgentGrain.CheckpointEvery, records.Count - 1);

        await fixture.Cluster.DeactivateAsync((IAddressable)agent);
        var kept = await Eventually.ReturnsAsync(
            async () => await fixture.Journal.LoadCheckpointAsync(stream), c => c?.Seq == records.Count, TimeSpan.FromSeconds(10), "the checkpoint of the deactivation");
        Assert.Equal(JsonSerializer.Serialize(details), JsonSerializer.Serialize(await agent.Get()));
        Assert.Equal(JsonSerializer.Serialize(view), JsonSerializer.Serialize(await agent.GetView()));

        // A checkpoint that cannot be read only costs a replay of every record, to the same agent.
        await fixture.Cluster.DeactivateAsync((IAddressable)agent);
        await fixture.Journal.SaveCheckpointAsync(stream, kept!.Seq, new byte[] { 1, 2, 3 });
        Assert.Equal(JsonSerializer.Serialize(details), JsonSerializer.Serialize(await agent.Get()));
        Assert.Equal(JsonSerializer.Serialize(view), JsonSerializer.Serialize(await agent.GetView()));
        Assert.Equal(AgentHold.Held, await agent.Holds("c1", (await Conversation("c1").GetSnapshot())!.Handoff.HandoffId!));
        Assert.Equal(AgentHold.Completed, await agent.Holds("c0", (await Conversation("c0").GetSnapshot())!.Handoff.HandoffId!));
        // A retried complete is answered as the first time, and the next change continues the stream.
        Assert.Null((await agent.Complete("c0")).Refusal);
        Assert.Null((await agent.Complete("c1")).Refusal);
        var next = await Records("a1");
        Assert.Equal(Enumerable.Range(1, next.Count).Select(i => (long)i), next.Select(r => r.Seq));
        Assert.True(next.Count > records.Count);
    }
}
