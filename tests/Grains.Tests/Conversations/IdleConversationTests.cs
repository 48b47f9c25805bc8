using CxCluster.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Conversations;

/// <summary>Conversations that go quiet leave memory and come back as they were; one waiting for its agent's first reply stays.</summary>
[Collection(IdleClusterCollection.Name)]
public sealed class IdleConversationTests(IdleClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private readonly string _tenant = $"t{Guid.NewGuid():N}";

    private IConversationGrain Conversation(string id) => fixture.Grains.Conversation(_tenant, id);

    private async Task<bool> InMemory(IConversationGrain conversation)
    {
        var id = ((GrainReference)(object)conversation).GrainId;
        return (await fixture.Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(id.Type)).Contains(id);
    }

    [Fact]
    public async Task An_idle_conversation_leaves_memory_and_its_next_event_finds_it_as_it_left()
    {
        var conversation = Conversation("quiet");
        await conversation.Apply(Started(Channel.Chat, "en-US"));
        var before = await conversation.Apply(Customer("where is my parcel?"));
        Assert.True(await InMemory(conversation));

        await Eventually.HoldsAsync(async () => !await InMemory(conversation), Patience, "the idle conversation to leave memory");

        var after = await conversation.Apply(Customer("hello? still waiting"));
        Assert.Null(after.Refusal);
        var snapshot = (await conversation.GetSnapshot())!;
        Assert.Equal(["where is my parcel?", "hello? still waiting"],
            snapshot.Transcript.Where(t => t.From == Speaker.Customer).Select(t => t.Text));
        Assert.True(after.Result!.Summary.Version > before.Result!.Summary.Version);
        // A retry of the event answered before it left is found in the journal: a duplicate, nothing changes.
        var retry = await conversation.Apply(Customer("where is my parcel?") with { Id = before.Result.EventId });
        Assert.True(retry.Result!.Duplicate);
        Assert.Equal(after.Result.Summary.Version, (await conversation.GetSnapshot())!.Version);
    }

    [Fact]
    public async Task A_conversation_waiting_for_its_agents_first_reply_stays_in_memory_until_the_deadline_fires()
    {
        var agent = fixture.Grains.Agent(_tenant, "ana");
        await agent.Register(new AgentProfile { DisplayName = "Ana", Languages = ["en"], Channels = [Channel.Chat], Capacity = 2 });
        Assert.Null((await agent.SetStatus(AgentStatus.Available)).Refusal);
        var held = Conversation("held");
        await held.Apply(Started(Channel.Chat, "en-US"));
        await held.Apply(Customer("I want to talk to a real person please"));
        await Eventually.HoldsAsync(async () => (await held.GetSnapshot())!.Status == ConversationStatus.Human, Patience, "held to be with ana");
        var assignedAt = DateTimeOffset.UtcNow;

        // A conversation started after it, and left alone, goes; the one whose deadline runs is still there when its
        // idle time has passed more than three times over, shortly before the deadline.
        var control = Conversation("control");
        await control.Apply(Started(Channel.Chat, "en-US"));
        await Eventually.HoldsAsync(async () => !await InMemory(control), Patience, "the control conversation to leave memory");
        var beforeDeadline = TimeSpan.FromSeconds(IdleClusterFixture.FirstReplySeconds - 4);
        await Eventually.HoldsAsync(() => Task.FromResult(DateTimeOffset.UtcNow - assignedAt > beforeDeadline), Patience, "the idle time to pass over");
        Assert.True(DateTimeOffset.UtcNow - assignedAt < TimeSpan.FromSeconds(IdleClusterFixture.FirstReplySeconds), "the check came only after the deadline");
        Assert.True(await InMemory(held), "the conversation left memory while its first-reply deadline ran");

        // The deadline's timer fires in that activation: the conversation is taken back from the silent agent.
        await Eventually.HoldsAsync(async () => (await held.GetSnapshot())!.Handoff.AgentId is null, Patience, "the first-reply deadline to take held back");
    }

    [Fact]
    public async Task An_ended_conversation_that_handed_off_removes_its_reminder_as_it_leaves_memory_not_a_round_later()
    {
        // Nobody is on duty: the conversation waits in its queue, its reminder registered by the request.
        var waiting = Conversation("handed-off");
        await waiting.Apply(Started(Channel.Chat, "en-US"));
        await waiting.Apply(Customer("I want to talk to a real person please"));
        Assert.Equal(1, await RemindersOf(waiting));

        Assert.Null((await waiting.Apply(Ended())).Refusal);

        // Well before its first round (120 s away), the reminder is gone, and the ended conversation with it.
        await Eventually.HoldsAsync(async () => await RemindersOf(waiting) == 0, Patience, "the ended conversation's reminder to be removed");
        await Eventually.HoldsAsync(async () => !await InMemory(waiting), Patience, "the ended conversation to leave memory");
        Assert.Equal(ConversationStatus.Ended, (await waiting.GetSnapshot())!.Status);
    }

    [Fact]
    public async Task Repeats_of_an_ended_conversations_event_sent_all_at_once_are_all_answered_as_duplicates()
    {
        var ended = Conversation("ended-repeats");
        await ended.Apply(Started(Channel.Chat, "en-US"));
        var last = await ended.Apply(Customer("thanks, that is all"));
        Assert.Null((await ended.Apply(Ended())).Refusal);
        await Eventually.HoldsAsync(async () => !await InMemory(ended), Patience, "the ended conversation to leave memory");

        // A platform retrying a burst after a timeout: every copy reaches the conversation at once, while it comes back.
        var repeat = Customer("thanks, that is all") with { Id = last.Result!.EventId };
        var answers = await Task.WhenAll(Enumerable.Range(0, 48).Select(_ => ended.Apply(repeat).AsTask()));

        Assert.All(answers, a => Assert.True(a.Result!.Duplicate));
        Assert.Single(answers.Select(a => a.Result!.Summary.Version).Distinct());
        await Eventually.HoldsAsync(async () => !await InMemory(ended), Patience, "the ended conversation to leave memory again");
    }

    /// <summary>The durable reminders registered for <paramref name="conversation"/>.</summary>
    private async Task<int> RemindersOf(IConversationGrain conversation)
    {
        var table = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        return (await table.ReadRows(((GrainReference)(object)conversation).GrainId)).Reminders.Count;
    }
}
